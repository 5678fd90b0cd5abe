"""The network's cohesion as the top catalysts leave, one after the other or alone."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import networkx as nx
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from .index import catalysts as compute_catalysts
from .removal import dependence

__all__ = ["dependence_curve", "CURVE_COLUMNS"]

#: The shares :func:`dependence_curve` reports (percent of the intact network's value).
CURVE_COLUMNS = ("connected_pairs", "largest_component", "cross_group_ties")


def _top_actors(net: Network | nx.Graph, catalysts: pd.DataFrame | None, top: int) -> list[Any]:
    if catalysts is None:
        catalysts = compute_catalysts(net)
    return list(catalysts.index[:top])


def _shares(fig: pd.Series, base: pd.Series) -> dict[str, float]:
    """The figures of one step in percent of those of the intact network."""
    n = float(fig["actors"])
    cross0 = float(base["cross_group_ties"])
    return {
        "connected_pairs": 100.0 * (1.0 - float(fig["fragmentation"])) if n > 1 else 0.0,
        "largest_component": 100.0 * float(fig["largest_component"]) / n if n else 0.0,
        "cross_group_ties": 100.0 * float(fig["cross_group_ties"]) / cross0 if cross0 else 100.0,
    }


def dependence_curve(
    net: Network | nx.Graph,
    actors: Sequence[Hashable] | None = None,
    *,
    catalysts: pd.DataFrame | None = None,
    top: int = 5,
    cumulative: bool = True,
    group: str | Mapping[Hashable, Any] | pd.Series | None = "type",
) -> pd.DataFrame:
    """The network's cohesion as the top catalysts leave, one after the other or alone.

    Parameters
    ----------
    net : Network or networkx.Graph
    actors : sequence of actor ids, optional
        Who leaves, in this order. Default: the first ``top`` of ``catalysts``
        (computed with :func:`quartiernetz.roles.catalysts` when not given).
    catalysts : DataFrame, optional
    top : int, default 5
    cumulative : bool, default True
        True: row k removes the first k actors together (row 0: nobody).
        False: each row removes one actor alone.
    group : str, mapping or None, default "type"
        Groups for ``cross_group_ties``.

    Returns
    -------
    pandas.DataFrame
        One row per step (``step`` 0..k for cumulative, 1..k otherwise):
        ``removed`` (the actor removed at this step), ``connected_pairs`` (pairs of
        the remaining actors that can still reach each other, in percent of the
        remaining pairs: ``100 (1 - F)``, F Borgatti's fragmentation),
        ``largest_component`` (percent of the remaining actors in the largest
        component) and ``cross_group_ties`` (ties between groups left, in
        percent of those before). Plain floats.

    Notes
    -----
    The figures come from :func:`quartiernetz.roles.dependence`.

    References
    ----------
    .. [1] Borgatti, S. P. (2006). Identifying sets of key players in a social
       network. Computational and Mathematical Organization Theory, 12(1),
       21–34. https://doi.org/10.1007/s10588-006-7084-x

    Examples
    --------
    >>> import networkx as nx
    >>> from quartiernetz.roles import dependence_curve
    >>> G = nx.path_graph(["a", "b", "c"])
    >>> curve = dependence_curve(G, ["b"], group=None)
    >>> curve[["removed", "connected_pairs", "largest_component"]].values.tolist()
    [['', 100.0, 100.0], ['b', 0.0, 50.0]]
    """
    if actors is None:
        actors = _top_actors(net, catalysts, top)
    actors = list(actors)
    if not actors:
        raise AnalysisError(Text("no actors to remove", "keine Akteure, die ausfallen könnten"))
    rows = []
    for k in range(1, len(actors) + 1):
        drop = actors[:k] if cumulative else [actors[k - 1]]
        d = dependence(net, drop, group=group)
        if k == 1 and cumulative:
            rows.append({"step": 0, "removed": "", **_shares(d["before"], d["before"])})
        rows.append({"step": k, "removed": actors[k - 1], **_shares(d["after"], d["before"])})
    out = pd.DataFrame(rows)
    out["removed"] = out["removed"].astype(object)
    return out
