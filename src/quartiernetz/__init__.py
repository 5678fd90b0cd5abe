"""quartiernetz: cooperation networks in neighbourhoods (Quartiersvernetzung).

Read a network with :func:`read_network` (network files and tables) or
:func:`read_survey` (survey exports); every analysis takes the resulting
:class:`Network` or a networkx graph and returns a pandas DataFrame, or a
small documented result object with ``.to_frame()`` where several tables
belong together (:func:`key_players`, :func:`catalyst_stability`;
:func:`communities` returns a Series, whose ``.to_frame()`` is the table).
Parameters mean the same everywhere (``weight``, ``seed``, ``lang``, ``k``,
``n``, ``top``): see ``docs/api-conventions.md``. The plotting functions
(``plot_*``) and :func:`write_report` are loaded on first use, so that
importing quartiernetz does not import matplotlib.
"""

from typing import Any as _Any

from ._version import __version__
from .change import (
    actor_changes,
    catalyst_changes,
    change_summary,
    change_tables,
    compare,
    duplicate_changes,
    match_actors,
    split_waves,
    tie_changes,
)
from .check import network_check, network_check_compare
from .datasets import list_examples, load_example
from .descriptives import confirmed_ties, mixing_matrix, summary
from .exceptions import QuartiernetzError
from .inference import (
    comembership,
    cug_test,
    difference,
    ei_test,
    qap_correlation,
    qap_regression,
    same,
)
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
    "plot_waves",
    "plot_tie_changes",
    "plot_network_check",
)

#: Entry points loaded on first use (they import matplotlib or the report's templates).
_FACES = {"write_report": "report", "explore": "explorer", "batch": "batch"}

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
    # the network check (success factors of local networks)
    "network_check",
    "network_check_compare",
    # change over time and comparison
    "tie_changes",
    "actor_changes",
    "change_summary",
    "change_tables",
    "catalyst_changes",
    "duplicate_changes",
    "match_actors",
    "split_waves",
    "compare",
    # significance
    "qap_correlation",
    "qap_regression",
    "cug_test",
    "ei_test",
    "comembership",
    "same",
    "difference",
    # figures
    *_PLOTTING,
    # the report and the explorer
    *_FACES,
]


def __getattr__(name: str) -> _Any:
    if name in _PLOTTING:
        from . import plotting

        return getattr(plotting, name)
    if name in _FACES:
        import importlib

        return getattr(importlib.import_module(f".{_FACES[name]}", __name__), name)
    raise AttributeError(f"module 'quartiernetz' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | {n for n in globals() if n.startswith("__")})
