"""The network check's profile: one dot per factor on its reference scale."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..check import ASSESSMENT_NAMES, LABELS, network_check_compare
from ..check.definitions import FACTOR_IDS, FACTORS
from ..exceptions import AnalysisError
from ..i18n import check_lang, render
from ..network import Network
from . import style as st

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_network_check", "ASSESSMENT_COLORS"]

#: Colour of each assessment (Okabe–Ito: bluish green, orange, vermillion; grey).
ASSESSMENT_COLORS = {
    "strength": "#009E73",
    "watch": "#E69F00",
    "gap": "#D55E00",
    "not measurable": st.GREY,
}

_SURVEY = {f.id for f in FACTORS if f.group == "survey"}
_BAND = 1.0
_SPACE = 0.45


def _long(check: Any, lang: str) -> pd.DataFrame:
    """The check as a long table with a ``network`` column."""
    if isinstance(check, pd.DataFrame):
        if "factor" not in check.columns:
            raise AnalysisError(
                "give a network_check table (or network_check_compare(..., layout='long'))"
            )
        return check if "network" in check.columns else check.assign(network="")
    if isinstance(check, Network):
        return network_check_compare({"": check}, lang=lang, layout="long")
    if isinstance(check, Mapping):
        return network_check_compare(check, lang=lang, layout="long")
    raise AnalysisError(
        f"expected a network_check table, a Network or a dict of networks, got "
        f"{type(check).__name__}"
    )


def _position(value: float, low: float, high: float) -> float:
    if math.isnan(value):
        return float("nan")
    if high <= low:
        return 0.5
    return float(min(1.0, max(0.0, (value - low) / (high - low))))


def _value_text(value: float, unit: str, lang: str) -> str:
    if unit == "share":
        return f"{100 * value:.0f} %"
    text = f"{value:.2f}"
    return text.replace(".", ",") if lang == "de" else text


def plot_network_check(
    check: pd.DataFrame | Network | Mapping[str, Network],
    *,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """The profile of the network check: one dot per factor, coloured by assessment.

    Parameters
    ----------
    check : DataFrame, Network or dict of label -> Network
        A :func:`~quartiernetz.check.network_check` table, a long
        :func:`~quartiernetz.check.network_check_compare` table (column
        ``network``), or the network(s) to check. Several networks are drawn
        side by side, one band each.
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new figure sized to the profile.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Each factor's value is placed on its own scale (``scale_min`` to
    ``scale_max``, e.g. 0–100 % for shares, -1 to 1 for the E-I index), so
    the dots of different factors share one axis from "low" to "high"; a black
    tick marks the reference where it is a point (``reference_value``: the 99 %
    of the multi-generation houses, the E-I index expected at random, …).
    Factors the data cannot show are listed in grey; survey-only factors appear
    when a survey measured them. Colours: strength bluish green, watch point
    orange, gap vermillion (Okabe–Ito).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import quartiernetz as qn
    >>> ax = plot_network_check(qn.load_example("nordstadt"))
    >>> [t.get_text() for t in ax.get_yticklabels()][:2]
    ['central coordination', 'paid networkers']
    >>> plt.close(ax.figure)
    """
    check_lang(lang)
    long = _long(check, lang)
    networks = list(dict.fromkeys(long["network"].astype(str)))
    measured = set(long.loc[long["assessment"] != "not measurable", "factor"])
    factors = [f for f in FACTOR_IDS if f not in _SURVEY or f in measured]
    factors = [f for f in factors if f in set(long["factor"])]
    with st.style():
        if ax is None:
            import matplotlib.pyplot as plt

            _, ax = plt.subplots(
                figsize=(2.6 + 2.9 * len(networks), 0.9 + 0.3 * max(len(factors), 1))
            )
        if not factors:
            return st.show_empty(ax, lang)
        from matplotlib.lines import Line2D

        y_of = {f: i for i, f in enumerate(factors)}
        table = long.assign(network=long["network"].astype(str)).set_index(["network", "factor"])
        nm_text = render(ASSESSMENT_NAMES["not measurable"], lang)
        for j, net in enumerate(networks):
            x0 = j * (_BAND + _SPACE)
            ax.hlines(list(y_of.values()), x0, x0 + _BAND, color="#DDDDDD", linewidth=1.0, zorder=1)
            for f, y in y_of.items():
                if (net, f) not in table.index:
                    continue
                r = table.loc[(net, f)]
                low, high = float(r["scale_min"]), float(r["scale_max"])
                value = float(r["value"])
                ref = _position(float(r["reference_value"]), low, high)
                if not math.isnan(ref):
                    ax.vlines(
                        x0 + ref * _BAND,
                        y - 0.28,
                        y + 0.28,
                        color="#000000",
                        linewidth=1.2,
                        zorder=2,
                    )
                pos = _position(value, low, high)
                if r["assessment"] == "not measurable" or math.isnan(pos):
                    label = nm_text if r["assessment"] == "not measurable" else "–"
                    ax.text(
                        x0 + _BAND / 2,
                        y,
                        label,
                        ha="center",
                        va="center",
                        fontsize=7,
                        color="#777777",
                        zorder=3,
                    )
                    continue
                ax.scatter(
                    [x0 + pos * _BAND],
                    [y],
                    s=60,
                    color=ASSESSMENT_COLORS.get(str(r["assessment"]), st.GREY),
                    edgecolor="white",
                    linewidth=0.8,
                    zorder=4,
                )
                ax.text(
                    x0 + pos * _BAND + (0.04 if pos < 0.8 else -0.04),
                    y - 0.3,
                    _value_text(value, str(r.get("unit", "share")), lang),
                    ha="left" if pos < 0.8 else "right",
                    va="center",
                    fontsize=6.5,
                    color="#333333",
                    zorder=5,
                )
            if net:
                ax.text(
                    x0 + _BAND / 2,
                    -0.9,
                    net,
                    ha="center",
                    va="bottom",
                    fontsize=9,
                    fontweight="bold",
                )
        ax.set_yticks(list(y_of.values()))
        ax.set_yticklabels([render(LABELS[f], lang) for f in factors])
        ax.set_ylim(len(factors) - 0.4, -1.2 if any(networks) else -0.6)
        ax.set_xlim(-0.08, (len(networks) - 1) * (_BAND + _SPACE) + _BAND + 0.08)
        lo, hi = st.text("scale_low", lang), st.text("scale_high", lang)
        ticks = np.array(
            [[j * (_BAND + _SPACE), j * (_BAND + _SPACE) + _BAND] for j in range(len(networks))]
        ).ravel()
        ax.set_xticks(ticks)
        ax.set_xticklabels([lo, hi] * len(networks), fontsize=7, color="#555555")
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="y", length=0)
        handles = [
            Line2D(
                [],
                [],
                marker="o",
                linestyle="",
                markersize=7,
                color=ASSESSMENT_COLORS[a],
                label=render(ASSESSMENT_NAMES[a], lang),
            )
            for a in ("strength", "watch", "gap")
        ]
        handles.append(
            Line2D(
                [],
                [],
                marker="|",
                linestyle="",
                markersize=9,
                color="#000000",
                label=st.text("reference", lang),
            )
        )
        ax.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.06 - 0.3 / max(len(factors), 1)),
            ncol=4,
            frameon=False,
            fontsize=7.5,
        )
        if title:
            ax.set_title(title)
    return ax
