"""Tie lengths ``1 / strength`` scaled to exact integers, so equal path sums compare equal."""

from __future__ import annotations

import math

import numpy as np
import scipy.sparse as sp

__all__ = ["MAX_LENGTH_SCALE", "integer_lengths"]


#: Largest integer scale of the path lengths (least common multiple of the tie
#: strengths): path sums stay exact integers in floating point as long as
#: ``n * scale < 2**53``.
MAX_LENGTH_SCALE = 2**32


def integer_lengths(W: sp.csr_array) -> np.ndarray | None:
    """Path lengths ``1 / W_ij`` scaled to exact integers, or None when that is impossible.

    Tie strengths that are integers, or decimals with up to three places, are
    ``q_ij / 10^d`` with integers ``q_ij``; the lengths ``1 / W_ij`` are then
    proportional to ``1 / q_ij``, and multiplying them by the least common
    multiple ``L`` of the ``q_ij`` gives integers ``L / q_ij``. Every path sum is
    then an integer below ``2**53``, exact in floating point, so equally short
    paths compare equal with ``==`` -- the tolerance :data:`PATH_RTOL` is not
    needed. Scaling all lengths by one factor changes no shortest path.
    Returns None when the strengths are not of that form, or ``L`` exceeds
    :data:`MAX_LENGTH_SCALE` or ``n * L >= 2**53``.

    Examples
    --------
    >>> import scipy.sparse as sp
    >>> W = sp.csr_array(np.array([[0, 2.0, 0], [2.0, 0, 3.0], [0, 3.0, 0]]))
    >>> integer_lengths(W).tolist()
    [3.0, 3.0, 2.0, 2.0]
    >>> W.data[0] = 1 / 3
    >>> integer_lengths(W) is None
    True
    """
    w = np.asarray(W.data, dtype=np.float64)
    if len(w) == 0:
        return np.zeros(0)
    for places in range(4):
        scaled = w * 10.0**places
        q = np.rint(scaled)
        if np.all(np.abs(scaled - q) <= 1e-9 * np.maximum(1.0, scaled)) and q.min() >= 1:
            break
    else:
        return None
    if q.max() > MAX_LENGTH_SCALE:
        return None
    scale = 1
    for value in np.unique(q.astype(np.int64)).tolist():
        scale = math.lcm(scale, value)
        if scale > MAX_LENGTH_SCALE:
            return None
    if W.shape[0] * scale >= 2**53:
        return None
    return (scale // q.astype(np.int64)).astype(np.float64)
