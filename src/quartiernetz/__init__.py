"""quartiernetz: cooperation networks in neighbourhoods (Quartiersvernetzung).

Read a network with :func:`read_network` (network files and tables) or
:func:`read_survey` (survey exports); every analysis takes the resulting
:class:`Network` or a networkx graph and returns a pandas DataFrame.
"""

from ._version import __version__
from .exceptions import QuartiernetzError
from .io import read_network, write_network
from .network import Network, as_graph

__all__ = [
    "__version__",
    "QuartiernetzError",
    "Network",
    "as_graph",
    "read_network",
    "write_network",
]
