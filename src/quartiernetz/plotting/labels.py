"""Label placement without overlaps: a deterministic, greedy candidate search.

Labels are placed one after the other, most important first. For each label a
fixed list of candidate positions around its point is tried (right, left,
above, below and the four diagonals, at growing distances); the first candidate
whose box stays inside the axes and overlaps neither an already placed label
nor a node marker wins. If every candidate touches a marker, the one touching
the fewest markers that overlaps no label is taken; a leader line joins a label
to its point when it had to move away. Offsets are stored in points
(``textcoords="offset points"``), so the placement survives saving at another
resolution.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .style import visible_text

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Annotation

__all__ = ["place_labels", "boxes_overlap", "shorten"]

# unit directions: right, left, up, down, then the diagonals
_DIRS = np.array(
    [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, 1], [1, -1], [-1, -1]], dtype=float
)


def shorten(text: object, width: int = 38) -> str:
    """``text`` with control characters made visible, cut to ``width`` characters with "…".

    Every figure shortens its labels with this function.

    Examples
    --------
    >>> shorten("Stadtteilkonferenz Nordstadt", 12)
    'Stadtteilko…'
    >>> shorten("AWO")
    'AWO'
    """
    s = visible_text(str(text))
    return s if len(s) <= width else s[: width - 1].rstrip() + "…"


def _renderer(fig: Any) -> Any:
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # pragma: no cover - non-Agg canvases


def boxes_overlap(a: Sequence[float], b: Sequence[float]) -> bool:
    """True when two boxes ``(x0, y0, x1, y1)`` share interior points.

    Examples
    --------
    >>> boxes_overlap((0, 0, 2, 2), (1, 1, 3, 3)), boxes_overlap((0, 0, 1, 1), (1, 0, 2, 1))
    (True, False)
    """
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    ax: Axes,
    xy: np.ndarray,
    texts: Sequence[str],
    *,
    obstacles: np.ndarray | None = None,
    obstacle_radii: np.ndarray | None = None,
    point_radii: np.ndarray | None = None,
    fontsize: float = 8.0,
    pad: float = 3.0,
    rings: int = 8,
    zorder: float = 5.0,
    **text_kw: Any,
) -> list[Annotation]:
    """Annotate the points ``xy`` (data coordinates) with ``texts``, without overlaps.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Its limits and aspect must already be final.
    xy : array of shape (k, 2)
        The labelled points, most important first.
    texts : sequence of str
    obstacles : array of shape (n, 2), optional
        Marker centres (data coordinates) that labels should not cover.
    obstacle_radii : array of shape (n,), optional
        Marker radii in points (default 3).
    point_radii : array of shape (k,), optional
        Radii of the labelled points' own markers in points (default 3).
    fontsize : float
    pad : float
        Minimum gap between boxes, in points.
    rings : int
        How many distances to try before giving up on avoiding markers.
    **text_kw
        Passed to :meth:`~matplotlib.axes.Axes.annotate`.

    Returns
    -------
    list of matplotlib.text.Annotation
        In the order of ``texts``.
    """
    fig = ax.figure
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    k = len(texts)
    if k == 0:
        return []
    from matplotlib.text import Text

    ax.apply_aspect()
    renderer = _renderer(fig)
    px_per_pt = fig.dpi / 72.0
    to_disp = ax.transData.transform
    pts = to_disp(xy) / px_per_pt  # points
    if point_radii is None:
        point_radii = np.full(k, 3.0)
    if obstacles is None or len(obstacles) == 0:
        obs, obs_r = np.zeros((0, 2)), np.zeros(0)
    else:
        obs = to_disp(np.asarray(obstacles, dtype=float)) / px_per_pt
        obs_r = (
            np.full(len(obs), 3.0)
            if obstacle_radii is None
            else np.asarray(obstacle_radii, dtype=float)
        )
    axbox = ax.get_window_extent(renderer)
    ax_lim = np.array([axbox.x0, axbox.y0, axbox.x1, axbox.y1]) / px_per_pt

    texts = [visible_text(str(t)) for t in texts]
    anns: list[Annotation] = []
    placed: list[np.ndarray] = []
    # each label is measured as ``ax.text(0, 0, label, ...)`` would measure it (its
    # defaults, its place), without adding it to the axes and removing it again: clipping
    # it to the axes cost more than measuring it; a box around the text (``bbox``) does
    # not change the text's extent
    probe_kw = {
        "verticalalignment": "baseline",
        "horizontalalignment": "left",
        "transform": ax.transData,
        "clip_on": False,
        "fontsize": fontsize,
        **{key: value for key, value in text_kw.items() if key != "bbox"},
    }
    for i in range(k):
        probe = Text(0, 0, texts[i], **probe_kw)
        probe.set_figure(fig)
        ext = probe.get_window_extent(renderer)
        w, h = ext.width / px_per_pt + 2 * pad, ext.height / px_per_pt + 2 * pad
        dx, dy, box, moved = _best_position(
            pts[i], w, h, float(point_radii[i]) + 1.0, placed, obs, obs_r, ax_lim, rings
        )
        placed.append(box)
        arrow = None
        if moved:
            arrow = {
                "arrowstyle": "-",
                "color": "#555555",
                "lw": 0.6,
                "shrinkA": 0.0,
                "shrinkB": float(point_radii[i]),
            }
        anns.append(
            ax.annotate(
                texts[i],
                xy=tuple(xy[i]),
                xytext=(float(dx), float(dy)),
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=fontsize,
                zorder=zorder,
                annotation_clip=False,
                arrowprops=arrow,
                **text_kw,
            )
        )
    return anns


def _best_position(
    p: np.ndarray,
    w: float,
    h: float,
    r0: float,
    placed: list[np.ndarray],
    obs: np.ndarray,
    obs_r: np.ndarray,
    ax_lim: np.ndarray,
    rings: int,
) -> tuple[float, float, np.ndarray, bool]:
    """The offset (points) of the best candidate box for one label, and whether it moved away."""
    px, py = float(p[0]), float(p[1])
    best: tuple[float, float, np.ndarray] | None = None
    best_key: tuple[int, int, int, int] | None = None
    for ring in range(rings):
        gap = r0 + ring * (h * 0.9 + 2.0)
        for d in _DIRS:
            if d[0] and d[1]:
                dx, dy = d[0] * (gap * 0.7 + w / 2), d[1] * (gap * 0.7 + h / 2)
            else:
                # the box's near edge is ``gap`` away from the point
                dx = d[0] * (gap + w / 2)
                dy = d[1] * (gap + h / 2)
            cx, cy = px + dx, py + dy
            box = np.array([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2])
            inside = bool(
                box[0] >= ax_lim[0]
                and box[1] >= ax_lim[1]
                and box[2] <= ax_lim[2]
                and box[3] <= ax_lim[3]
            )
            label_hits = sum(boxes_overlap(box, q) for q in placed)
            node_hits = 0
            if len(obs):
                qx = np.clip(obs[:, 0], box[0], box[2])
                qy = np.clip(obs[:, 1], box[1], box[3])
                dist2 = (obs[:, 0] - qx) ** 2 + (obs[:, 1] - qy) ** 2
                node_hits = int(np.count_nonzero(dist2 < obs_r**2))
            key = (label_hits, 0 if inside else 1, node_hits, ring)
            if best_key is None or key < best_key:
                best, best_key = (dx, dy, box), key
            if key[:3] == (0, 0, 0):
                return dx, dy, box, ring > 0
    dx, dy, box = best  # type: ignore[misc]
    return dx, dy, box, bool(best_key and best_key[3] > 0)
