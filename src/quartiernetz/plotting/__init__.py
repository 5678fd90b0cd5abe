"""Figures: the network map, the sector map, brokerage roles, overlaps, dependence, comparison.

Every function draws into ``ax`` (a new figure when None) and returns the Axes;
none calls ``plt.show()``. Functions that need analysis results take them as
arguments (``catalysts=``, ``brokerage=``, ...) and compute them only when they
are not given. Layouts are seeded and reproducible; :func:`save_figure` writes
PNG and SVG files that are byte-identical from run to run.
"""

from .comparison import comparison_table, plot_comparison
from .dependence import dependence_curve, plot_dependence
from .network import layout, plot_network
from .offers import plot_offer_map
from .overlap import overlap_matrix, plot_overlap
from .roles import plot_brokerage
from .sectors import plot_sector_map
from .style import save_figure, sector_of, type_styles

__all__ = [
    "plot_network",
    "layout",
    "plot_sector_map",
    "plot_brokerage",
    "plot_overlap",
    "overlap_matrix",
    "plot_dependence",
    "dependence_curve",
    "plot_offer_map",
    "plot_comparison",
    "comparison_table",
    "save_figure",
    "sector_of",
    "type_styles",
]
