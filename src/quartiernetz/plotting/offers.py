"""The offer map: offers × target groups, with duplicates and gaps."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from ..structures import offer_map
from ..structures.offers import UNSPECIFIED
from . import style as st
from .labels import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_offer_map"]

# gap, one provider, two or more (a possible duplicate)
_CELL_COLORS = ("#F2F2F2", "#9CCBEA", "#D55E00")


def plot_offer_map(
    net: Network,
    *,
    offers: pd.DataFrame | None = None,
    max_offers: int = 40,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of offers × target groups: who offers what for whom, duplicates and gaps.

    Parameters
    ----------
    net : Network
        A network with offer affiliations (for the actors' names, and to compute
        the map).
    offers : DataFrame, optional
        A precomputed :func:`quartiernetz.structures.offer_map` table in the
        ``wide`` layout without areas (offers as rows, target groups as
        columns, lists of providers in the cells); computed when not given.
    max_offers : int, default 40
        At most this many offers: those with the most providers.
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new figure sized to the map.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    A cell shows how many actors run the offer for the target group: grey
    cells are gaps (nobody), light blue cells one provider, vermillion cells two
    or more, a possible duplicate structure (Doppelstruktur) to check.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> wide = pd.DataFrame({"Senioren": [["awo", "caritas"], []], "Familien": [[], ["kita"]]},
    ...                     index=pd.Index(["Seniorentreff", "Frühstück"], name="offer"))
    >>> ax = plot_offer_map(Network(actors=pd.DataFrame({"id": ["awo", "caritas", "kita"]})),
    ...                     offers=wide)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Seniorentreff', 'Frühstück']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    if offers is None:
        if not isinstance(net, Network):
            raise AnalysisError(
                Text(
                    "the offer map needs a quartiernetz Network with offers",
                    "die Angebotskarte braucht ein quartiernetz-Network mit Angeboten",
                )
            )
        offers = offer_map(net, by_area=False, layout="wide")
    if isinstance(offers.columns, pd.MultiIndex):
        raise AnalysisError(
            Text(
                "give the offer map without areas (offer_map(net, by_area=False))",
                "die Angebotskarte ohne Gebiete übergeben (offer_map(net, by_area=False))",
            )
        )
    counts = offers.map(lambda v: len(v) if isinstance(v, list | tuple | set) else 0)
    order = sorted(
        range(len(counts)), key=lambda i: (-int(counts.iloc[i].sum()), str(counts.index[i]))
    )[:max_offers]
    order = sorted(order)
    counts = counts.iloc[order]
    cells = offers.iloc[order]
    labels = net.actors["label"] if isinstance(net, Network) else pd.Series(dtype=object)
    with st.style():
        n_rows, n_cols = counts.shape
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(
                figsize=(min(3.2 + 1.3 * max(n_cols, 1), 14), min(1.6 + 0.5 * max(n_rows, 1), 20))
            )
        if n_rows == 0 or n_cols == 0:
            return st.show_empty(ax, lang)
        _draw_cells(ax, counts.to_numpy(dtype=float), cells, labels)
        ax.set_xticks(range(n_cols))
        ax.xaxis.tick_top()
        ax.set_xticklabels(
            [
                st.text("not_given", lang) if c == UNSPECIFIED else shorten(c, 24)
                for c in counts.columns
            ],
            rotation=30,
            ha="left",
            rotation_mode="anchor",
        )
        ax.set_yticks(range(n_rows))
        ax.set_yticklabels([shorten(r, 34) for r in counts.index])
        st.cell_lines(ax, n_rows, n_cols, linewidth=1.5)
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        _draw_legend(ax, lang)
        ax.set_xlabel(st.text("target_group", lang))
        ax.xaxis.set_label_position("top")
        if title:
            ax.set_title(title, loc="left")
    return ax


def _draw_cells(ax: Axes, values: np.ndarray, cells: pd.DataFrame, labels: pd.Series) -> None:
    """Cells coloured by the number of providers, with the providers' names written in."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    cmap = ListedColormap(list(_CELL_COLORS))
    norm = BoundaryNorm([-0.5, 0.5, 1.5, np.inf], cmap.N)
    ax.imshow(np.minimum(values, 2), cmap=cmap, norm=norm, aspect="auto", interpolation="nearest")
    n_rows, n_cols = values.shape
    for i in range(n_rows):
        for j in range(n_cols):
            k = int(values[i, j])
            if k == 0:
                continue
            who = [str(labels.get(a, a)) for a in cells.iat[i, j]]
            shown = who if k <= 3 else who[:2]
            lines = [shorten(w, 20) for w in shown]
            if k > 3:
                lines.append(f"+ {k - 2}")
            if k == 1:
                lines = textwrap.wrap(who[0], 20, max_lines=2, placeholder="…") or [""]
            ax.text(
                j,
                i,
                "\n".join(lines),
                ha="center",
                va="center",
                fontsize=6.5,
                linespacing=1.1,
                color="white" if k >= 2 else "#222222",
            )


def _draw_legend(ax: Axes, lang: str) -> None:
    """What the three cell colours mean, beneath the map."""
    from matplotlib.patches import Patch

    names = [st.text(k, lang) for k in ("offer_gap", "offer_single", "offer_duplicate")]
    handles = [Patch(facecolor=c, edgecolor="#BBBBBB", linewidth=0.5) for c in _CELL_COLORS]
    ax.legend(
        handles,
        names,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.02),
        ncol=3,
        title=st.text("offer_for_target_group", lang),
    )
