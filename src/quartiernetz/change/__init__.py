"""Change over time and comparison of several networks.

Two waves of one quarter (the same quarter at two points in time):

- :func:`tie_changes`: every tie that stayed, began or ended, with intensities and
  who reported it;
- :func:`actor_changes`: every actor that stayed, entered or left, with degree,
  catalyst score and rank in each wave and the committees joined and left;
- :func:`catalyst_changes`: catalysts who rose into or fell out of the top group;
- :func:`duplicate_changes`: duplicate structures that appeared or disappeared;
- :func:`change_summary`: stable share, Jaccard index, Hamming distance, density
  and centralisation before and after;
- :func:`change_tables`: all of these at once;
- :func:`match_actors`: which actor of one wave is which of the other (ids, then
  names with the survey name matching);
- :func:`split_waves`: the waves of one Network with a ``wave`` column.

Several networks (quarters or waves): :func:`compare`, the figures of
:func:`quartiernetz.summary` side by side, each size-dependent figure with its
size-free counterpart. See the user guide page "Change over time".
"""

from .changes import (
    ACTOR_STATUS,
    CHANGE_FIGURES,
    TIE_STATUS,
    actor_changes,
    catalyst_changes,
    change_summary,
    change_tables,
    duplicate_changes,
    tie_changes,
)
from .comparison import SIZE_FREE, compare
from .matching import ActorMatch, match_actors
from .table import COMPARISON_FIGURES, FIGURE_ALIASES, comparison_table
from .waves import COMMITTEE_KINDS, split_waves

__all__ = [
    "tie_changes",
    "actor_changes",
    "catalyst_changes",
    "duplicate_changes",
    "change_summary",
    "change_tables",
    "compare",
    "comparison_table",
    "COMPARISON_FIGURES",
    "FIGURE_ALIASES",
    "match_actors",
    "ActorMatch",
    "split_waves",
    "TIE_STATUS",
    "ACTOR_STATUS",
    "CHANGE_FIGURES",
    "SIZE_FREE",
    "COMMITTEE_KINDS",
]
