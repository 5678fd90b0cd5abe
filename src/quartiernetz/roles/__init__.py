"""Network catalysts (Netzwerk-Katalysatoren): who holds the network together.

Measures of brokerage and cohesion for every actor, validated against the
literature, and one explained catalyst index:

- :func:`catalysts`: the ranked table with the catalyst index and ``why``;
- :func:`centrality`: degree, betweenness, closeness, eigenvector;
- :func:`brokerage`: Gould & Fernandez roles with R sna's expected values;
- :func:`structural_holes`: Burt's effective size, efficiency, constraint, hierarchy;
- :func:`key_players`: Borgatti's KPP-Neg and KPP-Pos sets;
- :func:`removal_impact` and :func:`dependence`: what falls apart when actors leave;
- :func:`catalyst_stability`: how sure the ranking is when data are missing;
- :func:`estimate_seconds`: what the exact betweenness and closeness will cost.

Every function accepts a :class:`quartiernetz.Network` or a networkx graph.
The numerical kernels live in :mod:`quartiernetz.roles._kernels`.
"""

from ._graph import DEFAULT_GROUP, MISSING_GROUP, Prepared, group_codes, prepare, unknown_attribute
from ._kernels import KERNELS
from .brokerage import ROLES, brokerage, brokerage_moments
from .centrality import centrality
from .cost import AUTO_EXACT_SECONDS, estimate_seconds
from .curve import CURVE_COLUMNS, dependence_curve
from .holes import structural_holes
from .index import DEFAULT_COMPONENTS, catalyst_index, catalysts
from .keyplayer import KEY_PLAYER_MEASURES, KeyPlayers, key_players
from .removal import dependence, removal_impact
from .stability import CatalystStability, catalyst_stability

__all__ = [
    "catalysts",
    "catalyst_index",
    "centrality",
    "brokerage",
    "brokerage_moments",
    "structural_holes",
    "key_players",
    "KeyPlayers",
    "removal_impact",
    "dependence",
    "dependence_curve",
    "CURVE_COLUMNS",
    "catalyst_stability",
    "CatalystStability",
    "DEFAULT_COMPONENTS",
    "ROLES",
    "KEY_PLAYER_MEASURES",
    "estimate_seconds",
    "AUTO_EXACT_SECONDS",
    "DEFAULT_GROUP",
    "unknown_attribute",
    # the shared graph preparation and kernels, for the other analyses (descriptives)
    "Prepared",
    "prepare",
    "group_codes",
    "MISSING_GROUP",
    "KERNELS",
]
