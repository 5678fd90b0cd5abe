"""quartiernetz: cooperation networks in neighbourhoods (Quartiersvernetzung).

Read a network with :func:`read_network` (network files and tables) or
:func:`read_survey` (survey exports); every analysis takes the resulting
:class:`Network` or a networkx graph and returns a pandas DataFrame. The
plotting functions (``plot_*``) are loaded on first use, so that importing
quartiernetz does not import matplotlib.
"""

from typing import Any

from ._version import __version__
from .datasets import list_examples, load_example
from .descriptives import confirmed_ties, mixing_matrix, summary
from .exceptions import QuartiernetzError
from .io import read_network, write_network
from .io.survey import read_survey, survey_summary
from .network import Network, as_graph
from .privacy import pseudonymize
from .roles import (
    brokerage,
    catalyst_index,
    catalyst_stability,
    catalysts,
    centrality,
    dependence,
    key_players,
    removal_impact,
    structural_holes,
)
from .structures import (
    communities,
    community_stability,
    competitor_clusters,
    duplicates,
    offer_map,
    suggest_ties,
)

_PLOTTING = (
    "plot_network",
    "plot_sector_map",
    "plot_brokerage",
    "plot_overlap",
    "plot_dependence",
    "plot_comparison",
    "plot_offer_map",
)

__all__ = [
    "__version__",
    "QuartiernetzError",
    "Network",
    "as_graph",
    # reading and writing
    "read_network",
    "write_network",
    "read_survey",
    "survey_summary",
    "pseudonymize",
    "load_example",
    "list_examples",
    # network catalysts
    "catalysts",
    "catalyst_index",
    "centrality",
    "brokerage",
    "structural_holes",
    "key_players",
    "removal_impact",
    "dependence",
    "catalyst_stability",
    "summary",
    "mixing_matrix",
    "confirmed_ties",
    # duplicate structures and competitors
    "duplicates",
    "communities",
    "community_stability",
    "competitor_clusters",
    "suggest_ties",
    "offer_map",
    # figures
    *_PLOTTING,
]


def __getattr__(name: str) -> Any:
    if name in _PLOTTING:
        from . import plotting

        return getattr(plotting, name)
    raise AttributeError(f"module 'quartiernetz' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PLOTTING))
