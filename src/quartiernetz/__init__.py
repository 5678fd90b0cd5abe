"""quartiernetz: cooperation networks in neighbourhoods (Quartiersvernetzung)."""

from ._version import __version__
from .exceptions import QuartiernetzError
from .network import Network, as_graph

__all__ = ["__version__", "QuartiernetzError", "Network", "as_graph"]
