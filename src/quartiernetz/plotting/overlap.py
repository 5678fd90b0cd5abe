"""Overlap heatmaps: committees with the same members, providers with the same offers."""

from __future__ import annotations

import re
import textwrap
import unicodedata
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..exceptions import AnalysisError
from ..network import Network
from . import style as st
from .network import _short

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_overlap", "overlap_matrix"]

_KINDS = {"committee": ("committee", "gremium"), "offer": ("offer", "angebot")}
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _key(text: object) -> str:
    """Lower case, umlauts written out, accents, punctuation and spaces removed."""
    if not isinstance(text, str):
        return ""
    s = text.casefold().translate(_UMLAUTS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", "", s)


def _rows(net: Network, kind: str) -> pd.DataFrame:
    aff = net.affiliations
    if aff.empty:
        return aff
    mask = aff["kind"].astype(str).str.strip().str.casefold().isin(_KINDS[kind])
    return aff[mask]


def overlap_matrix(
    net: Network,
    *,
    kind: Literal["committee", "offer"] = "committee",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Pairwise overlap of committees (by members) or of providers (by offers).

    Parameters
    ----------
    net : Network
    kind : {"committee", "offer"}
        ``committee``: committees (affiliation kind ``committee``/``Gremium``)
        compared by their members. ``offer``: actors compared by the offers they
        run, an offer being its name, target group and area (names compared by
        key: lower case, umlauts written out, punctuation and spaces removed, so
        "Senioren-Treff" equals "Seniorentreff").

    Returns
    -------
    jaccard : DataFrame
        Square, indexed by committee name or actor id (sorted by key):
        :math:`|A∩B| / |A∪B|`, 1 on the diagonal.
    shared : DataFrame
        The same shape: the number of shared members or offers (the diagonal:
        the set sizes).

    Examples
    --------
    >>> net = Network(affiliations=pd.DataFrame({
    ...     "actor": ["a", "b", "c", "a", "b"], "item": ["AK 1"] * 3 + ["AK 2"] * 2,
    ...     "kind": "committee"}))
    >>> jac, shared = overlap_matrix(net)
    >>> round(float(jac.loc["AK 1", "AK 2"]), 3), int(shared.loc["AK 1", "AK 2"])
    (0.667, 2)
    """
    if not isinstance(net, Network):
        raise AnalysisError("overlaps need a quartiernetz Network (with affiliations)")
    if kind not in _KINDS:
        raise AnalysisError(f"kind must be 'committee' or 'offer', got {kind!r}")
    rows = _rows(net, kind)
    if rows.empty:
        empty = pd.DataFrame(dtype=float)
        return empty, empty.copy()
    actors = rows["actor"].astype(str).tolist()
    if kind == "committee":
        names: dict[str, str] = {}
        for item in rows["item"].astype(str):
            names.setdefault(_key(item), item)
        row_keys = [_key(i) for i in rows["item"].astype(str)]
        col_keys = actors
        labels = sorted(names, key=lambda k: (k, names[k]))
        display = [names[k] for k in labels]
    else:
        tg = (
            rows["target_group"]
            if "target_group" in rows.columns
            else pd.Series([None] * len(rows), index=rows.index)
        )
        area = (
            rows["area"]
            if "area" in rows.columns
            else pd.Series([None] * len(rows), index=rows.index)
        )
        if "area" in net.actors.columns:
            own = net.actors["area"].astype(object)
            area = pd.Series(
                [
                    a if isinstance(a, str) and a.strip() else own.get(act)
                    for a, act in zip(area, actors, strict=True)
                ],
                index=rows.index,
            )
        col_keys = [
            f"{_key(i)}|{_key(t)}|{_key(a)}" for i, t, a in zip(rows["item"], tg, area, strict=True)
        ]
        row_keys = actors
        labels = sorted(set(actors))
        display = labels
    pairs = sorted(set(zip(row_keys, col_keys, strict=True)))
    r_index = {k: i for i, k in enumerate(labels)}
    cols = sorted({c for _, c in pairs})
    c_index = {k: i for i, k in enumerate(cols)}
    M = sp.csr_matrix(
        (np.ones(len(pairs)), ([r_index[r] for r, _ in pairs], [c_index[c] for _, c in pairs])),
        shape=(len(labels), len(cols)),
    )
    inter = (M @ M.T).toarray()
    size = np.diag(inter).copy()
    union = size[:, None] + size[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0)
    idx = pd.Index(display, name="committee" if kind == "committee" else "actor")
    return (
        pd.DataFrame(jac, index=idx, columns=idx),
        pd.DataFrame(inter.astype(int), index=idx, columns=idx),
    )


def plot_overlap(
    net: Network,
    *,
    kind: Literal["committee", "offer"] = "committee",
    duplicates: pd.DataFrame | None = None,
    highlight: bool = True,
    max_items: int = 30,
    only_shared: bool | None = None,
    lang: str = "en",
    title: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of committee membership overlap or of offer overlap, duplicates outlined.

    Parameters
    ----------
    net : Network
    kind : {"committee", "offer"}
        See :func:`overlap_matrix`.
    duplicates : DataFrame, optional
        A :func:`quartiernetz.structures.duplicates` table (``a``, ``b``,
        ``kind``); its pairs of this ``kind`` are outlined in black. Computed
        when not given and ``highlight`` is true.
    highlight : bool, default True
    max_items : int, default 30
        At most this many committees or actors: those with the largest overlap
        with another.
    only_shared : bool, optional
        Leave out rows that share nothing (default: True for offers, False for
        committees).
    lang : {"en", "de"}
    title : str, optional
    ax : matplotlib.axes.Axes, optional
        Default: a new figure sized to the matrix.

    Returns
    -------
    matplotlib.axes.Axes

    Notes
    -----
    Colour is the Jaccard index :math:`|A∩B| / |A∪B|` of two member (or offer)
    sets; the number in a cell is :math:`|A∩B|`, on the diagonal the set size
    (numbers are left out above 25 rows, where they would be too small to read).
    Rows are ordered by average-linkage clustering of :math:`1 - J`, so similar
    committees sit next to each other.

    References
    ----------
    .. [1] Jaccard, P. (1912). The distribution of the flora in the alpine zone.
       New Phytologist, 11(2), 37–50.
       https://doi.org/10.1111/j.1469-8137.1912.tb05611.x

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> net = Network(affiliations=pd.DataFrame({
    ...     "actor": ["a", "b", "c", "a", "b"], "item": ["AK 1"] * 3 + ["AK 2"] * 2,
    ...     "kind": "committee"}))
    >>> ax = plot_overlap(net, highlight=False)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['AK 1', 'AK 2']
    >>> plt.close(ax.figure)
    """
    st.text("empty", lang)
    jac, shared = overlap_matrix(net, kind=kind)
    if only_shared is None:
        only_shared = kind == "offer"
    names = list(jac.index)
    if kind == "offer":
        lab = net.actors["label"]
        shown_names = {a: _short(lab.get(a, a), 34) for a in names}
    else:
        shown_names = {c: _short(c, 34) for c in names}
    if len(names):
        off = jac.to_numpy() - np.eye(len(names))
        best = off.max(axis=1) if len(names) > 1 else np.zeros(1)
        keep = [i for i in range(len(names)) if not only_shared or best[i] > 0]
        keep = sorted(keep, key=lambda i: (-best[i], -int(shared.iat[i, i]), str(names[i])))
        keep = sorted(keep[:max_items])
    else:
        keep = []
    J = jac.to_numpy()[np.ix_(keep, keep)] if keep else np.zeros((0, 0))
    S = shared.to_numpy()[np.ix_(keep, keep)] if keep else np.zeros((0, 0), dtype=int)
    items = [names[i] for i in keep]
    if len(items) > 2:
        from scipy.cluster.hierarchy import leaves_list, linkage
        from scipy.spatial.distance import squareform

        D = np.clip(1.0 - J, 0.0, 1.0)
        np.fill_diagonal(D, 0.0)
        order = leaves_list(linkage(squareform(D, checks=False), method="average"))
        J, S, items = J[np.ix_(order, order)], S[np.ix_(order, order)], [items[i] for i in order]

    pairs: set[tuple[str, str]] = set()
    if highlight and len(items) > 1:
        if duplicates is None:
            from ..structures import duplicates as compute

            duplicates = compute(net, kinds=[kind])
        d = duplicates[duplicates["kind"].astype(str) == kind] if len(duplicates) else duplicates
        keyed = {(_key(x) if kind == "committee" else x): x for x in items}
        for a, b in zip(d.get("a", []), d.get("b", []), strict=False):
            ka, kb = (_key(a), _key(b)) if kind == "committee" else (a, b)
            if ka in keyed and kb in keyed:
                pairs.add((keyed[ka], keyed[kb]))

    with st.style():
        n = len(items)
        if ax is None:
            import matplotlib.pyplot as plt

            side = min(max(4.5, 1.6 + 0.36 * n), 13.0)
            _, ax = plt.subplots(figsize=(side + 1.6, side))
        if n == 0:
            return st.show_empty(ax, lang)
        shown = J.copy()
        np.fill_diagonal(shown, np.nan)
        from matplotlib import colormaps
        from matplotlib.patches import Rectangle

        cmap = colormaps["Blues"].with_extremes(bad="#EEEEEE")
        im = ax.imshow(shown, cmap=cmap, vmin=0.0, vmax=1.0, interpolation="nearest")
        if n <= 25:
            fs = 8 if n <= 15 else 6.5
            for i in range(n):
                for j in range(n):
                    if S[i, j] == 0 and i != j:
                        continue
                    dark = i != j and J[i, j] > 0.55
                    ax.text(
                        j,
                        i,
                        str(int(S[i, j])),
                        ha="center",
                        va="center",
                        fontsize=fs,
                        color="white" if dark else "#333333",
                        fontstyle="italic" if i == j else "normal",
                    )
        pos = {x: i for i, x in enumerate(items)}
        for a, b in sorted(pairs):
            for i, j in ((pos[a], pos[b]), (pos[b], pos[a])):
                ax.add_patch(
                    Rectangle(
                        (j - 0.5, i - 0.5),
                        1,
                        1,
                        fill=False,
                        edgecolor="#000000",
                        linewidth=2.0,
                        zorder=3,
                    )
                )
        ticks = [shown_names[x] for x in items]
        ax.set_xticks(range(n))
        ax.set_yticks(range(n))
        ax.set_xticklabels(ticks, rotation=45, ha="right", rotation_mode="anchor")
        ax.set_yticklabels(ticks)
        ax.tick_params(length=0)
        for s in ax.spines.values():
            s.set_visible(False)
        st.cell_lines(ax, n, n, linewidth=1.0)
        cbar = ax.figure.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
        if lang == "de":
            what = "Mitglieder" if kind == "committee" else "Angebote"
            cbar.set_label(f"Jaccard-Index: gemeinsame / alle {what}")
            note = f"Zahl im Feld: gemeinsame {what}; Diagonale: alle {what}" + (
                "; schwarzer Rahmen: mögliche Doppelstruktur" if pairs else ""
            )
        else:
            what = "members" if kind == "committee" else "offers"
            cbar.set_label(f"Jaccard index: shared / all {what}")
            note = f"Number in a cell: shared {what}; diagonal: all {what}" + (
                "; black frame: possible duplicate structure" if pairs else ""
            )
        if n > 25:
            note = note.split("; ", 2)[-1] if pairs else ""
        cbar.outline.set_visible(False)
        ax.set_xlabel(
            textwrap.fill(note, 70, break_on_hyphens=False),
            fontsize=7.5,
            color="#444444",
            labelpad=6,
        )
        ax.xaxis.set_label_position("top")
        if title:
            ax.set_title(title, loc="left", pad=22)
    return ax
