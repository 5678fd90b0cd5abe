"""Structures of a quarter's network: duplicates, communities, competitors, suggestions.

==============================  =========================================================
:func:`duplicates`              Doppelstrukturen: the same offer twice, committees with
                                nearly the same members, actors with the same partners
:func:`communities`             Louvain communities, independent of the order of reading
:func:`community_stability`     consensus communities over many seeds, per-actor stability
:func:`competitor_clusters`     providers of the same thing who do not cooperate, with
                                bridges and suggested ties
:func:`suggest_ties`            who should talk to whom, with reasons
:func:`offer_map`               offers × target groups (× areas): duplicates and gaps
:func:`structural_equivalence`  all-pairs neighbourhood similarity on sparse matrices
==============================  =========================================================

Every function accepts a :class:`~quartiernetz.Network` or a networkx graph; the
ones that need offers or committees (``offer_map``, ``duplicates`` of kind
``offer``/``committee``) need a Network. See ``docs/structures.md``.
"""

from ._data import COMPETITION_RELATIONS
from .community import communities, community_stability
from .competitors import competitor_clusters
from .duplication import DUPLICATE_KINDS, duplicates, structural_equivalence
from .offers import offer_map
from .overlap import OVERLAP_KINDS, overlap_matrix, overlap_pairs
from .suggestions import suggest_ties

__all__ = [
    "duplicates",
    "structural_equivalence",
    "DUPLICATE_KINDS",
    "communities",
    "community_stability",
    "competitor_clusters",
    "suggest_ties",
    "offer_map",
    "overlap_matrix",
    "overlap_pairs",
    "OVERLAP_KINDS",
    "COMPETITION_RELATIONS",
]
