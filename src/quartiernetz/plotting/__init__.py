"""Figures: the network map, the sector map, brokerage roles, overlaps, dependence, comparison.

Every function draws into ``ax`` (a new figure when None) and returns the Axes;
none calls ``plt.show()``. Functions that need analysis results take them as
arguments (``catalysts=``, ``brokerage=``, ...) and compute them only when they
are not given, with the public analysis functions (the computations behind the
figures live there: :func:`quartiernetz.roles.dependence_curve`,
:func:`quartiernetz.structures.overlap_matrix`,
:func:`quartiernetz.change.comparison_table`). Layouts are seeded and
reproducible; :func:`save_figure` writes PNG and SVG files that are
byte-identical from run to run.

Every figure takes ``lang="en"`` (English, the default, as everywhere in the
Python API) or ``lang="de"`` (German) for the words it draws; the report and the
command line pass the language they were asked for.
"""

from ._deprecated import moved
from .change import common_layout, plot_tie_changes, plot_waves
from .check import plot_network_check
from .comparison import plot_comparison
from .dependence import plot_dependence
from .labels import shorten
from .network import layout, plot_network
from .offers import plot_offer_map
from .overlap import plot_overlap
from .roles import plot_brokerage
from .sectors import plot_sector_map
from .style import save_figure, sector_of, type_styles

__all__ = [
    "plot_network",
    "layout",
    "plot_sector_map",
    "plot_brokerage",
    "plot_overlap",
    "plot_dependence",
    "plot_offer_map",
    "plot_comparison",
    "plot_waves",
    "plot_tie_changes",
    "plot_network_check",
    "common_layout",
    "save_figure",
    "shorten",
    "sector_of",
    "type_styles",
]

__getattr__ = moved(
    __name__,
    {
        "dependence_curve": "quartiernetz.roles",
        "overlap_matrix": "quartiernetz.structures",
        "comparison_table": "quartiernetz.change",
    },
)
