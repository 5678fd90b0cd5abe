"""Several networks side by side: the figures of ``summary`` with size-free counterparts."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from ..descriptives import SUMMARY_FIGURES, summary
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from .matching import check_input

__all__ = ["compare", "SIZE_FREE", "ADDED_FIGURES"]

#: Figures of :func:`quartiernetz.summary` that grow with the network's size, and the
#: figure to compare instead when sizes differ.
SIZE_FREE: dict[str, str] = {
    "ties": "density",
    "mean_partners": "density",
    "components": "largest_component_share",
    "isolates": "isolate_share",
    "municipal_actors": "municipal_actor_share",
}

#: Figures :func:`compare` adds to those of :func:`quartiernetz.summary` (after the
#: figure they stand in for), with their descriptions.
ADDED_FIGURES: dict[str, tuple[str, str]] = {
    "isolate_share": ("isolates", "share of actors without any tie"),
    "municipal_actor_share": ("municipal_actors", "share of actors whose type is municipal"),
}


def compare(
    networks: Mapping[str, Network | nx.Graph],
    *,
    seed: int | np.random.Generator | None = None,
    approximate: bool | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The figures of :func:`~quartiernetz.summary` for several networks, side by side.

    Parameters
    ----------
    networks : mapping of str to Network or networkx.Graph
        Label -> network (quarters, or waves of one quarter), at least two; the
        columns keep this order.
    seed, approximate
        Passed to :func:`~quartiernetz.summary` (sampled betweenness on very
        large networks only).
    **options
        Passed to :func:`~quartiernetz.summary` (``group``, ``municipal``,
        ``relations``, ...).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure``: the rows of :data:`quartiernetz.descriptives.SUMMARY_FIGURES`
        with :data:`ADDED_FIGURES` after the figure they stand in for. Columns:
        one per network (float, NaN where a figure does not apply), then
        ``difference`` (the second minus the first; only for two networks),
        ``size_free`` (for a figure that grows with the number of actors, the
        figure to compare instead, see :data:`SIZE_FREE`; else ``""``) and
        ``description``.

    Notes
    -----
    The number of ties, mean partners, components, isolates and municipal actors
    grow with the number of actors: compare density, the share in the largest
    component, the isolate share and the municipal share instead. Density itself
    falls as networks grow (each actor keeps up a limited number of ties), so
    compare networks of very different size with care (Anderson, Butts & Carley
    1999). Degree and betweenness centralisation are normalised by their
    maximum for the network's size (Freeman 1978).

    References
    ----------
    .. [1] Anderson, B. S., Butts, C. T. & Carley, K. M. (1999). The interaction
       of size and density with graph-level indices. Social Networks 21(3),
       239-267. doi:10.1016/S0378-8733(99)00011-8
    .. [2] Freeman, L. C. (1978). Centrality in social networks: conceptual
       clarification. Social Networks 1(3), 215-239.

    Examples
    --------
    >>> import networkx as nx
    >>> t = compare({"small": nx.star_graph(3), "large": nx.star_graph(7)})
    >>> t.loc[["actors", "ties", "density"], ["small", "large", "difference"]].values.tolist()
    [[4.0, 8.0, 4.0], [3.0, 7.0, 4.0], [0.5, 0.25, -0.25]]
    >>> t.loc["ties", "size_free"]
    'density'
    """
    if not isinstance(networks, Mapping):
        raise AnalysisError(
            Text(
                "networks must be a mapping label -> Network or graph, got {kind}",
                "networks muss eine Zuordnung Bezeichnung -> Network oder Graph sein, "
                "erhalten: {kind}",
            ).format(kind=type(networks).__name__)
        )
    if len(networks) < 2:
        raise AnalysisError(
            Text(
                "compare needs at least two networks, got {n}",
                "compare braucht mindestens zwei Netzwerke, erhalten: {n}",
            ).format(n=len(networks))
        )
    labels = [str(k) for k in networks]
    if len(set(labels)) != len(labels):
        raise AnalysisError(
            Text(
                "the labels must differ as text, got {labels}",
                "die Bezeichnungen müssen sich als Text unterscheiden, erhalten: {labels}",
            ).format(labels=", ".join(labels))
        )
    figures: list[str] = []
    for fig in SUMMARY_FIGURES:
        figures.append(fig)
        figures += [k for k, (after, _) in ADDED_FIGURES.items() if after == fig]
    columns: dict[str, list[float]] = {}
    for label, net in zip(labels, networks.values(), strict=True):
        check_input(net, label)
        s = summary(net, seed=seed, approximate=approximate, weight="weight", **options)["value"]
        values = {k: float(v) for k, v in s.items()}
        n = values["actors"]
        values["isolate_share"] = values["isolates"] / n if n else math.nan
        mun = values["municipal_actors"]
        values["municipal_actor_share"] = mun / n if n and not math.isnan(mun) else math.nan
        columns[label] = [values[f] for f in figures]
    frame = pd.DataFrame(columns, index=pd.Index(figures, name="figure"))
    if len(labels) == 2:
        frame["difference"] = frame[labels[1]] - frame[labels[0]]
    frame["size_free"] = pd.array([SIZE_FREE.get(f, "") for f in figures], dtype=object)
    descriptions = {**SUMMARY_FIGURES, **{k: d for k, (_, d) in ADDED_FIGURES.items()}}
    frame["description"] = pd.array([descriptions[f] for f in figures], dtype=object)
    return frame
