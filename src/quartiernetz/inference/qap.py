r"""QAP tests: graph correlation and multiple regression on dyads with permutation p-values.

The quadratic assignment procedure (QAP) keeps the structure of each network and
tests against relabelled actors: the rows and columns of a matrix are permuted
together, so that the dependence of the dyads of one actor survives in the null
distribution (Krackhardt 1988).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd
from scipy.linalg import solve_triangular
from scipy.special import expit

from ._data import (
    MIN_ACTORS,
    Dyads,
    Square,
    align_squares,
    as_rng,
    check_count,
    error,
    permutation_chunks,
    tail_pvalues,
    to_square,
)
from .dyadic import STRUCTURE_KEY

__all__ = ["qap_correlation", "qap_regression", "METHODS", "FAMILIES"]

#: Null hypotheses of :func:`qap_regression`: double semi-partialling, or permuting y.
METHODS = ("dsp", "y")
#: Models of :func:`qap_regression`: linear (sna ``netlm``) or logistic (``netlogit``).
FAMILIES = ("gaussian", "binomial")
#: Relative size below which a column of the scaled design counts as dependent (sna's tol).
COLLINEAR_TOL = 1e-7


# ----------------------------------------------------------------------------- helpers
def _symmetric(M: np.ndarray) -> bool:
    off = ~np.eye(len(M), dtype=bool)
    a, b = M[off], M.T[off]
    return bool(np.allclose(a, b, rtol=1e-12, atol=1e-12, equal_nan=True))


def _check_vector(v: np.ndarray, name: str, actors: list, dy: Dyads) -> None:
    bad = ~np.isfinite(v)
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise error(
            "{name} has {m} missing or infinite value(s) among the dyads, first between "
            "{a!r} and {b!r}; fill them or drop those actors first",
            "{name} hat {m} fehlende oder unendliche Werte unter den Paaren, zuerst zwischen "
            "{a!r} und {b!r}; vorher füllen oder diese Akteure entfernen",
            name=name,
            m=int(bad.sum()),
            a=actors[dy.rows[k]],
            b=actors[dy.cols[k]],
        )


def _check_constant(v: np.ndarray, name: str) -> None:
    if len(v) and np.ptp(v) == 0:
        raise error(
            "{name} is constant over the dyads (every value {v:g}); a constant term "
            "cannot be tested",
            "{name} ist über alle Paare konstant (jeder Wert {v:g}); ein konstanter Term "
            "kann nicht getestet werden",
            name=name,
            v=float(v[0]),
        )


def _check_symmetric(M: np.ndarray, name: str, actors: list) -> None:
    if not _symmetric(M):
        diff = np.abs(np.nan_to_num(M) - np.nan_to_num(M.T))
        np.fill_diagonal(diff, 0)
        i, j = np.unravel_index(int(np.argmax(diff)), diff.shape)
        raise error(
            "{name} is not symmetric ({a!r}->{b!r} is {x:g}, {b!r}->{a!r} is {y:g}), but the "
            "dependent network is undirected; pass symmetric matrices or a directed network",
            "{name} ist nicht symmetrisch ({a!r}->{b!r} ist {x:g}, {b!r}->{a!r} ist {y:g}), "
            "das abhängige Netzwerk ist aber ungerichtet; symmetrische Matrizen oder ein "
            "gerichtetes Netzwerk übergeben",
            name=name,
            a=actors[i],
            b=actors[j],
            x=float(M[i, j]),
            y=float(M[j, i]),
        )


def _check_actors(n: int) -> None:
    if n < MIN_ACTORS:
        raise error(
            "{n} actors; a permutation test needs at least {m}",
            "{n} Akteure; ein Permutationstest braucht mindestens {m}",
            n=n,
            m=MIN_ACTORS,
        )


def _check_jobs(n_jobs: int | None) -> int:
    if n_jobs is None:
        return min(4, os.cpu_count() or 1)
    return check_count(n_jobs, "n_jobs")


def _run(func: Callable[[np.ndarray], np.ndarray], blocks: list, n_jobs: int) -> np.ndarray:
    """``func`` over the permutation blocks (in threads when ``n_jobs`` > 1), stacked."""
    if n_jobs > 1 and len(blocks) > 1:
        with ThreadPoolExecutor(max_workers=n_jobs) as pool:
            parts = list(pool.map(func, blocks))
    else:
        parts = [func(b) for b in blocks]
    return np.concatenate(parts, axis=0)


#: Share of the dyads above which a product is computed over all dyads rather than
#: over the nonzero dyads of either side.
FULL_FROM = 0.6


class _Movers:
    """Products of permuted dyad vectors with the columns of a fixed D x K matrix ``W``.

    :meth:`times` gives, for each moved vector z and each permutation p, the row
    ``z_p' W`` (``z_p``: z with its actors relabelled by p). Every pair of a moved
    vector and a column of ``W`` takes the cheapest of four ways:

    - a constant column: ``w sum(z)``, the same for every permutation;
    - the column's nonzero dyads: ``z_p`` is gathered there only (through the
      dyad position of each permuted cell, or from the permuted actor attribute
      behind a covariate built by :func:`~quartiernetz.inference.same` /
      ``difference``);
    - z's nonzero dyads: ``z_p' w = z' w_q`` with q the inverse permutation, so
      the column is gathered at the relabelled positions of z's nonzero dyads;
    - all dyads, when both sides are dense: ``z_p`` is built once per
      permutation and multiplied with each such column.

    A network, a co-membership matrix or a same-group covariate has few nonzero
    dyads, so most products touch a small part of the dyads. The sums are exact
    wherever the values are whole numbers (0/1 ties, counts, years).
    """

    def __init__(
        self,
        dy: Dyads,
        vectors: list[np.ndarray],
        W: np.ndarray,
        structures: list[tuple[str, np.ndarray] | None] | None = None,
    ) -> None:
        self.dy = dy
        self.W = np.ascontiguousarray(W, dtype=float)
        D, K = self.W.shape
        self.vectors = vectors
        self.attributes = [structures[i] if structures else None for i in range(len(vectors))]
        # columns: constant (value) or their nonzero dyads
        constant: dict[int, float] = {}
        support: dict[int, np.ndarray] = {}
        for j in range(K):
            w = self.W[:, j]
            if D and np.all(w == w[0]):
                constant[j] = float(w[0])
            else:
                support[j] = np.flatnonzero(w)
        limit = FULL_FROM * D
        self.constant: list[tuple[int, int, float]] = []  # (vector, column, value)
        fixed: dict[int, list[int]] = {}  # column -> vectors gathered on its support
        moved: dict[int, list[int]] = {}  # vector -> columns gathered on its support
        full: dict[int, list[int]] = {}  # vector -> columns over all dyads
        own: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for i, v in enumerate(vectors):
            nz = np.flatnonzero(v)
            own[i] = (nz, v[nz])
            for j in range(K):
                if j in constant:
                    self.constant.append((i, j, constant[j] * float(v.sum())))
                elif min(len(support[j]), len(nz)) > limit:
                    full.setdefault(i, []).append(j)
                elif len(support[j]) <= len(nz):
                    fixed.setdefault(j, []).append(i)
                else:
                    moved.setdefault(i, []).append(j)
        self.fixed = {
            j: (dy.rows[support[j]], dy.cols[support[j]], self.W[support[j], j], users)
            for j, users in fixed.items()
        }
        self.moved = {
            i: (
                dy.rows[own[i][0]],
                dy.cols[own[i][0]],
                own[i][1],
                cols,
                np.ascontiguousarray(self.W[:, cols].T),
            )
            for i, cols in moved.items()
        }
        self.full = {i: (cols, np.ascontiguousarray(self.W[:, cols].T)) for i, cols in full.items()}
        # the dyad of each cell of the n x n matrix: one array for all vectors
        self.position = dy.position().ravel()

    def _permuted(
        self, i: int, perms: np.ndarray, rows: np.ndarray, cols: np.ndarray, index: list
    ) -> np.ndarray:
        """``z_i`` permuted by each row of ``perms``, at the dyads (rows, cols): B x len(rows).

        ``index`` caches the positions of the permuted dyads for the next vector.
        """
        attribute = self.attributes[i]
        if attribute is None:
            if index[0] is None:
                cells = np.take(perms, rows, axis=1) * self.dy.n
                cells += np.take(perms, cols, axis=1)
                index[0] = self.position.take(cells)
            return self.vectors[i].take(index[0])
        op, values = attribute
        relabelled = values.take(perms)
        u, v = np.take(relabelled, rows, axis=1), np.take(relabelled, cols, axis=1)
        if op == "same":
            return np.equal(u, v).astype(float)
        np.subtract(u, v, out=u)
        if op == "absdiff":
            np.abs(u, out=u)
        return u

    def times(self, perms: np.ndarray) -> list[np.ndarray]:
        """``z_p' W`` for every moved vector z (a B x K array each), p in ``perms``."""
        B = len(perms)
        K = self.W.shape[1]
        n = self.dy.n
        perms = np.asarray(perms, dtype=np.intp)
        out = [np.empty((B, K)) for _ in self.vectors]
        for i, j, value in self.constant:
            out[i][:, j] = value
        # a few permutations at a time, so that the arrays of a step stay in cache
        for j, (rows, cols, w, users) in self.fixed.items():
            for lo, hi in _steps(B, len(rows)):
                index: list = [None]
                for i in users:
                    z = self._permuted(i, perms[lo:hi], rows, cols, index)
                    out[i][lo:hi, j] = _dot(z, w)
        if self.moved:
            inverse = np.argsort(perms, axis=1)
            position = self.position
            for i, (rows, cols, z, columns, Wsub) in self.moved.items():
                for lo, hi in _steps(B, len(rows)):
                    cells = np.take(inverse[lo:hi], rows, axis=1) * n
                    cells += np.take(inverse[lo:hi], cols, axis=1)
                    at = position.take(cells)
                    for c, j in enumerate(columns):
                        out[i][lo:hi, j] = _dot(Wsub[c].take(at), z)
        if self.full:
            for lo, hi in _steps(B, self.dy.size):
                index = [None]
                for i, (columns, Wsub) in self.full.items():
                    z = self._permuted(i, perms[lo:hi], self.dy.rows, self.dy.cols, index)
                    for c, j in enumerate(columns):
                        out[i][lo:hi, j] = _dot(z, Wsub[c])
        return out


def _dot(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``a @ w`` (rows of ``a`` times a vector) in numpy's own loop, not BLAS: the
    products are many and small, and a multi-threaded BLAS wakes (and spins) its
    threads for each one, which costs more CPU time than the product."""
    return np.einsum("ij,j->i", a, w)


#: Cells handled in one step of :meth:`_Movers.times` (1 MB of float64: in cache).
CACHE_CELLS = 1 << 17


def _steps(total: int, cells: int) -> list[tuple[int, int]]:
    """Ranges of rows of a block, each with at most CACHE_CELLS cells (at least one row)."""
    step = max(1, CACHE_CELLS // max(cells, 1))
    return [(lo, min(lo + step, total)) for lo in range(0, total, step)]


def _structure(obj: Any) -> tuple[str, dict] | None:
    """The attribute behind a covariate from :func:`same` / :func:`difference`, if any."""
    if isinstance(obj, pd.DataFrame):
        found = obj.attrs.get(STRUCTURE_KEY)
        if isinstance(found, dict) and found.get("op") in ("same", "absdiff", "diff"):
            return found["op"], dict(found.get("values", {}))
    return None


def _verified(
    structure: tuple[str, dict] | None, actors: list, dy: Dyads, v: np.ndarray
) -> tuple[str, np.ndarray] | None:
    """The structure as (op, values in actor order) if it reproduces ``v`` exactly."""
    if structure is None:
        return None
    op, mapping = structure
    if any(a not in mapping for a in actors):
        return None
    raw = pd.Series([mapping[a] for a in actors], dtype=object)
    if op == "same":
        if raw.isna().any():
            return None
        values = pd.factorize(raw)[0].astype(float)
    else:
        values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    u, w = values[dy.rows], values[dy.cols]
    if op == "same":
        again = (u == w).astype(float)
    else:
        again = np.abs(u - w) if op == "absdiff" else u - w
    return (op, values) if np.array_equal(again, v) else None


# ----------------------------------------------------------------------- correlation
def qap_correlation(
    x: Any,
    y: Any,
    *,
    permutations: int = 5000,
    seed: int | np.random.Generator | None = None,
    weight: str | None = None,
    align: str | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    r"""Graph correlation of two networks on the same actors, with QAP p-values.

    Parameters
    ----------
    x, y : Network, networkx.Graph, square DataFrame or numpy array
        Two networks or dyadic covariates on the same actors (DataFrames labelled
        by actor; an unlabelled array takes the actor order of the other input).
    permutations : int, default 5000
        QAP permutations: the actors of ``x`` are relabelled at random.
    seed : int or numpy.random.Generator, optional
        For reproducible permutations.
    weight : str, optional
        Edge attribute with tie values for Network and graph inputs; None (the
        default, as in :func:`quartiernetz.catalysts`) counts a tie as 1.
    align : {None, "intersection", "union"}, optional
        Inputs on different actors are an error naming the actors missing from
        each side; ``"intersection"`` keeps the actors both have, ``"union"``
        adds the missing actors as isolates.
    n_jobs : int, optional
        Threads for the permutations (default: the cores, at most 4); the result
        does not depend on it.

    Returns
    -------
    pandas.DataFrame
        One row, index ``statistic`` = ``"gcor"``; columns ``observed`` (the
        correlation), ``null_mean`` and ``null_sd`` (of the permuted
        correlations), ``p_greater``, ``p_less``, ``p_two_sided`` (shares of
        permutations with a correlation at least as large, at least as small, at
        least as large in absolute value), ``permutations``, ``n_dyads``.
        ``.attrs["directed"]`` tells how the dyads were read.

    Notes
    -----
    The graph correlation is Pearson's correlation over the dyads: every ordered
    pair ``i != j`` when either input is directed (or asymmetric), every
    unordered pair once when both are undirected (as ``gcor`` of R's sna with
    ``mode="digraph"`` / ``"graph"``). The diagonal is never used. A p-value is
    the share of the permutations at least as extreme as the observed value, as
    in sna's ``qaptest`` and UCINET (the observed value is not counted; a p of 0
    means below ``1 / permutations``).

    References
    ----------
    .. [1] Krackhardt, D. (1987). QAP partialling as a test of spuriousness.
       Social Networks 9(2), 171-186. doi:10.1016/0378-8733(87)90012-8
    .. [2] Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
       regression analysis of dyadic data. Social Networks 10(4), 359-381.
       doi:10.1016/0378-8733(88)90004-4
    .. [3] Butts, C. T. (2008). Social network analysis with sna. Journal of
       Statistical Software 24(6). doi:10.18637/jss.v024.i06

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.cycle_graph(8)
    >>> H = G.copy(); H.add_edge(0, 4)
    >>> r = qap_correlation(G, H, permutations=200, seed=1)
    >>> round(float(r.loc["gcor", "observed"]), 3), bool(r.loc["gcor", "p_greater"] < 0.05)
    (0.919, True)
    """
    permutations = check_count(permutations, "permutations")
    n_jobs = _check_jobs(n_jobs)
    rng = as_rng(seed)
    sx = to_square(x, name="x", weight=weight)
    sy = to_square(y, name="y", weight=weight)
    actors, (X, Y) = align_squares([sx, sy], align=align)
    _check_actors(len(actors))
    directed = bool(sx.directed or sy.directed) or not (_symmetric(X) and _symmetric(Y))
    dy = Dyads(len(actors), directed=directed)
    xv, yv = dy.vector(X), dy.vector(Y)
    _check_vector(xv, "x", actors, dy)
    _check_vector(yv, "y", actors, dy)
    _check_constant(xv, "x")
    _check_constant(yv, "y")
    D = dy.size
    # the sparser vector is permuted (only its nonzero dyads are gathered); permuting
    # either input gives the same null distribution
    moved, fixed = (yv, xv) if np.count_nonzero(yv) <= np.count_nonzero(xv) else (xv, yv)
    shift = fixed.sum() * moved.sum() / D
    scale = np.sqrt(((fixed - fixed.mean()) ** 2).sum() * ((moved - moved.mean()) ** 2).sum())
    xc, yc = xv - xv.mean(), yv - yv.mean()
    observed = float((xc @ yc) / np.sqrt((xc @ xc) * (yc @ yc)))
    # the observed value as the permutations compute it, so that ties compare equal
    obs_test = float((moved @ fixed - shift) / scale)

    mover = _Movers(dy, [moved], fixed[:, None])

    def block(perms: np.ndarray) -> np.ndarray:
        return (mover.times(perms)[0][:, 0] - shift) / scale

    blocks = permutation_chunks(rng, len(actors), permutations, dy.block())
    dist = _run(block, blocks, n_jobs)
    g, le, two = tail_pvalues(dist, obs_test)
    frame = pd.DataFrame(
        {
            "observed": [observed],
            "null_mean": [float(dist.mean())],
            "null_sd": [float(dist.std(ddof=1)) if permutations > 1 else float("nan")],
            "p_greater": [g],
            "p_less": [le],
            "p_two_sided": [two],
            "permutations": [permutations],
            "n_dyads": [D],
        },
        index=pd.Index(["gcor"], name="statistic"),
    )
    frame.attrs.update({"directed": directed, "n_actors": len(actors)})
    return frame


# ------------------------------------------------------------------------ regression
def _terms(predictors: Any) -> dict[str, Any]:
    if isinstance(predictors, Mapping):
        terms = {str(k): v for k, v in predictors.items()}
    elif isinstance(predictors, (list, tuple)):
        terms = {f"x{i + 1}": v for i, v in enumerate(predictors)}
    else:
        terms = {"x1": predictors}
    if not terms:
        raise error(
            "no predictors given; expected a dict name -> network or matrix",
            "keine Prädiktoren angegeben; erwartet: ein dict Name -> Netzwerk oder Matrix",
        )
    if "intercept" in terms:
        raise error(
            "'intercept' is the name of the constant term; give the predictor another name",
            "'intercept' ist der Name des konstanten Terms; dem Prädiktor einen anderen "
            "Namen geben",
        )
    return terms


def _check_design(X: np.ndarray, names: list[str]) -> None:
    """Collinear terms: an error naming the term and the terms it is a combination of."""
    norms = np.linalg.norm(X, axis=0)
    Xs = X / norms
    R = np.linalg.qr(Xs, mode="r")
    diag = np.abs(np.diag(R))
    for k in range(1, X.shape[1]):
        if diag[k] < COLLINEAR_TOL:
            coef, *_ = np.linalg.lstsq(Xs[:, :k], Xs[:, k], rcond=None)
            others = [names[j] for j in range(k) if abs(coef[j]) > 1e-6]
            raise error(
                "term {t!r} is collinear with {o} (a linear combination of them over the "
                "dyads); drop one of them",
                "Term {t!r} ist kollinear mit {o} (über die Paare eine Linearkombination "
                "davon); einen davon weglassen",
                t=names[k],
                o=", ".join(repr(o) for o in others) or "the terms before it",
            )


def qap_regression(
    y: Any,
    predictors: Any,
    *,
    permutations: int = 5000,
    seed: int | np.random.Generator | None = None,
    method: str = "dsp",
    family: str = "gaussian",
    weight: str | None = None,
    align: str | None = None,
    n_jobs: int | None = None,
) -> pd.DataFrame:
    r"""Multiple regression on dyads (MRQAP) with QAP p-values.

    Parameters
    ----------
    y : Network, networkx.Graph, square DataFrame or numpy array
        The dependent network. Its direction decides the dyads: every ordered
        pair ``i != j`` when directed, every unordered pair once when undirected.
    predictors : dict of str to network or matrix, or a list of them
        The terms: networks on the same actors, co-membership
        (:func:`~quartiernetz.inference.comembership`) and dyadic covariates from
        actor attributes (:func:`~quartiernetz.inference.same`,
        :func:`~quartiernetz.inference.difference`). Dict keys name the terms;
        a list gives ``x1``, ``x2``, ... An intercept is always added.
    permutations : int, default 5000
        QAP permutations.
    seed : int or numpy.random.Generator, optional
        For reproducible permutations.
    method : {"dsp", "y"}, default "dsp"
        ``"dsp"``: double semi-partialling (Dekker, Krackhardt & Snijders 2007):
        for each term, its residuals from a regression on the other terms are
        permuted, and y is regressed on the other terms and the permuted
        residuals (sna's ``nullhyp="qapspp"``). ``"y"``: the dependent network
        is permuted (sna's ``"qapy"``); biased when predictors are correlated.
    family : {"gaussian", "binomial"}, default "gaussian"
        Linear model by least squares (sna ``netlm``), or logistic model by
        maximum likelihood for a 0/1 network (sna ``netlogit``).
    weight : str, optional
        Edge attribute with tie values for Network and graph inputs (y and
        network predictors); None counts a tie as 1.
    align : {None, "intersection", "union"}, optional
        As in :func:`qap_correlation`.
    n_jobs : int, optional
        Threads for the permutations (default: the cores, at most 4); the result
        does not depend on it.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``term`` (``intercept``, then the predictors in order);
        columns ``coef`` (the estimate), ``statistic`` (its t value, gaussian,
        or z value, binomial: the permuted test statistic), ``p_greater``,
        ``p_less``, ``p_two_sided`` (shares of permutations whose statistic is at
        least as large, at least as small, at least as large in absolute value).
        ``.attrs``: ``n_dyads``, ``n_actors``, ``directed``, ``method``,
        ``family``, ``permutations``, ``statistic`` (``"t"`` or ``"z"``); gaussian: ``r_squared``,
        ``adj_r_squared``, ``residual_se``; binomial: ``deviance``,
        ``null_deviance`` (of the intercept-only model; sna prints glm's null
        deviance without intercept), ``pseudo_r_squared`` (1 - deviance / null deviance),
        ``aic``, ``bic`` (as sna: deviance + terms x log(dyads)).

    Raises
    ------
    AnalysisError
        Fewer than 4 actors; inputs on different actors (without ``align``); a
        missing value, a constant term or collinear terms (each named); an
        asymmetric predictor with an undirected y; a non-0/1 y with
        ``family="binomial"``; a logistic fit that does not converge.

    Notes
    -----
    The test statistic is the t value (z value) of each coefficient, the pivotal
    statistic that Dekker et al. recommend; p-values are the share of
    permutations at least as extreme, as in sna (the observed value is not
    counted). The permutations are drawn once and shared by the terms.
    DSP residualises each term once; every permutation then costs a few dot
    products of the permuted terms with y and the terms (by the
    Frisch-Waugh-Lovell theorem for the linear model), each gathered over the
    nonzero dyads of the sparser side (over all dyads only where both are
    dense). The logistic model is refitted per permutation by a batched Newton
    iteration (at most 25 steps, as R's ``glm``), which is slower.

    References
    ----------
    .. [1] Krackhardt, D. (1988). Predicting with networks: nonparametric multiple
       regression analysis of dyadic data. Social Networks 10(4), 359-381.
       doi:10.1016/0378-8733(88)90004-4
    .. [2] Dekker, D., Krackhardt, D. & Snijders, T. A. B. (2007). Sensitivity of
       MRQAP tests to collinearity and autocorrelation conditions.
       Psychometrika 72(4), 563-581. doi:10.1007/s11336-007-9016-1
    .. [3] Butts, C. T. (2008). Social network analysis with sna. Journal of
       Statistical Software 24(6). doi:10.18637/jss.v024.i06

    Examples
    --------
    >>> import networkx as nx, numpy as np
    >>> G = nx.les_miserables_graph()
    >>> n = G.number_of_nodes()
    >>> nearby = np.abs(np.subtract.outer(np.arange(n), np.arange(n))) < 10
    >>> fit = qap_regression(G, {"nearby": nearby.astype(float)}, permutations=200, seed=1)
    >>> fit.index.tolist(), fit.columns.tolist()
    (['intercept', 'nearby'], ['coef', 'statistic', 'p_greater', 'p_less', 'p_two_sided'])
    >>> bool(fit.loc["nearby", "p_greater"] < 0.05)
    True
    """
    permutations = check_count(permutations, "permutations")
    n_jobs = _check_jobs(n_jobs)
    if method not in METHODS:
        raise error(
            "[[opt:method]] must be 'dsp' or 'y', got {v!r}",
            "[[opt:method]] muss 'dsp' oder 'y' sein, erhalten: {v!r}",
            v=method,
        )
    if family not in FAMILIES:
        raise error(
            "[[opt:family]] must be 'gaussian' or 'binomial', got {v!r}",
            "[[opt:family]] muss 'gaussian' oder 'binomial' sein, erhalten: {v!r}",
            v=family,
        )
    rng = as_rng(seed)
    terms = _terms(predictors)
    sy = to_square(y, name="y", weight=weight)
    directed = sy.directed if sy.directed is not None else not _symmetric(sy.values)
    squares: list[Square] = [sy]
    for name, obj in terms.items():
        squares.append(
            to_square(obj, name=repr(name), weight=weight, directed=None if directed else False)
        )
    actors, mats = align_squares(squares, align=align)
    _check_actors(len(actors))
    names = list(terms)
    if not directed:
        for name, M in zip(names, mats[1:], strict=True):
            _check_symmetric(M, repr(name), actors)
    dy = Dyads(len(actors), directed=directed)
    yv = dy.vector(mats[0])
    _check_vector(yv, "y", actors, dy)
    _check_constant(yv, "y")
    cols = [np.ones(dy.size)]
    structures: list[tuple[str, np.ndarray] | None] = [None]
    for name, M in zip(names, mats[1:], strict=True):
        v = dy.vector(M)
        _check_vector(v, repr(name), actors, dy)
        _check_constant(v, repr(name))
        cols.append(v)
        structures.append(_verified(_structure(terms[name]), actors, dy, v))
    X = np.column_stack(cols)
    all_names = ["intercept", *names]
    _check_design(X, all_names)
    blocks = permutation_chunks(rng, len(actors), permutations, dy.block())
    if family == "gaussian":
        coef, stat, dist, fit = _gaussian(dy, yv, X, method, blocks, n_jobs, structures)
    else:
        if not np.isin(yv, (0.0, 1.0)).all():
            raise error(
                "[[py:family='binomial'|cli:--family binomial]] needs a 0/1 dependent "
                "network; y has the value {v:g} (pass [[opt:weight=None]] to count ties)",
                "[[py:family='binomial'|cli:--family binomial]] braucht ein 0/1-Netzwerk als "
                "abhängige Variable; y hat den Wert {v:g} ([[opt:weight=None]] zählt "
                "Beziehungen)",
                v=float(yv[~np.isin(yv, (0.0, 1.0))][0]),
            )
        coef, stat, dist, fit = _binomial(dy, yv, X, all_names, method, blocks, n_jobs)
    rows = [tail_pvalues(dist[:, k], float(stat[k])) for k in range(X.shape[1])]
    frame = pd.DataFrame(
        {
            "coef": coef,
            "statistic": stat,
            "p_greater": [r[0] for r in rows],
            "p_less": [r[1] for r in rows],
            "p_two_sided": [r[2] for r in rows],
        },
        index=pd.Index(all_names, name="term"),
    )
    frame.attrs.update(
        {
            "n_dyads": dy.size,
            "n_actors": len(actors),
            "directed": directed,
            "method": method,
            "family": family,
            "permutations": permutations,
            **fit,
        }
    )
    return frame


def _gaussian(
    dy: Dyads,
    y: np.ndarray,
    X: np.ndarray,
    method: str,
    blocks: list,
    n_jobs: int,
    structures: list[tuple[str, np.ndarray] | None],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
    D, P = X.shape
    df = D - P
    Q, R = np.linalg.qr(X)
    Rinv = solve_triangular(R, np.eye(P))
    coef = Rinv @ (Q.T @ y)
    resid = y - X @ coef
    ssr = float(resid @ resid)
    yc = y - y.mean()
    sst = float(yc @ yc)
    if ssr <= 1e-20 * sst:
        raise error(
            "the predictors fit y exactly (no residual variance); a regression cannot be tested",
            "die Prädiktoren erklären y vollständig (keine Restvarianz); die Regression ist "
            "nicht testbar",
        )
    covdiag = (Rinv**2).sum(axis=1)
    stat = coef / np.sqrt(ssr / df * covdiag)
    fit = {
        "statistic": "t",
        "r_squared": 1 - ssr / sst,
        "adj_r_squared": 1 - (ssr / df) / (sst / (D - 1)),
        "residual_se": float(np.sqrt(ssr / df)),
    }
    if method == "y":
        yy = float(y @ y)
        mover = _Movers(dy, [y], Q)

        def block(perms: np.ndarray) -> np.ndarray:
            G = mover.times(perms)[0]  # Q' y_perm, B x P
            b = G @ Rinv.T
            s = np.maximum(yy - (G**2).sum(axis=1), 0.0)
            with np.errstate(divide="ignore", invalid="ignore"):
                return b / np.sqrt(s[:, None] / df * covdiag)

        return coef, stat, _run(block, blocks, n_jobs), fit

    # Double semi-partialling. The residual e_k of term k on the other terms is a
    # combination X a_k of the terms, so its permutation is the same combination of
    # the permuted terms (the intercept does not move): each permutation moves the
    # P - 1 predictors once, for every term. By Frisch-Waugh-Lovell, the t value of
    # the permuted residual z in y ~ [X_-k, z] needs only z'r_k and Q_-k'z, where r_k
    # is y's residual on X_-k and Q_-k an orthonormal basis of X_-k; both are
    # combinations of V = [y, X], so each moved predictor meets only V.
    V = np.column_stack([y, X])
    combos = np.zeros((P, P))
    coords = np.zeros((P, P + 1, P))  # V coordinates of [r_k, Q_-k]
    ee, rr = np.empty(P), np.empty(P)
    for k in range(P):
        others = [j for j in range(P) if j != k]
        Qk, Rk = np.linalg.qr(X[:, others])
        combos[k, k] = 1.0
        combos[k, others] = -solve_triangular(Rk, Qk.T @ X[:, k])
        e = X @ combos[k]
        r = y - Qk @ (Qk.T @ y)
        cols = [1 + j for j in others]
        coords[k, 0, 0] = 1.0
        coords[k, cols, 0] = -solve_triangular(Rk, Qk.T @ y)
        coords[k][np.ix_(cols, range(1, P))] = solve_triangular(Rk, np.eye(P - 1))
        ee[k], rr[k] = e @ e, r @ r
    constant = V.sum(axis=0)  # the intercept column (all ones) times V
    movers = _Movers(dy, [X[:, j] for j in range(1, P)], V, structures[1:])

    def block_dsp(perms: np.ndarray) -> np.ndarray:
        G = np.empty((P, len(perms), P + 1))
        G[0] = constant
        G[1:] = movers.times(perms)
        out = np.empty((len(perms), P))
        for k in range(P):
            S = np.tensordot(combos[k], G, axes=1) @ coords[k]
            a = S[:, 0]
            zmz = ee[k] - (S[:, 1:] ** 2).sum(axis=1)
            with np.errstate(divide="ignore", invalid="ignore"):
                s = np.maximum(rr[k] - a**2 / zmz, 0.0)
                out[:, k] = a / np.sqrt(zmz * s / df)
        return out

    return coef, stat, _run(block_dsp, blocks, n_jobs), fit


# ------------------------------------------------------------------------- logistic
def _newton(
    Xs: np.ndarray,
    y: np.ndarray,
    beta: np.ndarray,
    z: np.ndarray | None = None,
    *,
    maxiter: int = 25,
    tol: float = 1e-9,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Batched logistic regression by Newton's method.

    The design of fit b is ``[Xs, z[b]]`` (``Xs`` D x Ps shared, ``z`` B x D or
    None); ``y`` is D (shared) or B x D. ``beta`` (B x P) holds the start values.
    Only the fits that have not converged are iterated. Returns the estimates, the
    inverse information's diagonal (B x P) and whether each fit converged.
    """
    B, P = beta.shape
    Ps = Xs.shape[1]
    outer = (Xs[:, :, None] * Xs[:, None, :]).reshape(len(Xs), Ps * Ps)

    def information(
        beta: np.ndarray, y: np.ndarray, z: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray]:
        eta = beta[:, :Ps] @ Xs.T
        if z is not None:
            eta += beta[:, Ps, None] * z
        mu = expit(eta)
        w = mu * (1 - mu)
        m = len(beta)
        H = np.empty((m, P, P))
        H[:, :Ps, :Ps] = (w @ outer).reshape(m, Ps, Ps)
        resid = y - mu
        g = np.empty((m, P))
        g[:, :Ps] = resid @ Xs
        if z is not None:
            wz = w * z
            H[:, :Ps, Ps] = H[:, Ps, :Ps] = wz @ Xs
            H[:, Ps, Ps] = np.einsum("bd,bd->b", wz, z)
            g[:, Ps] = np.einsum("bd,bd->b", resid, z)
        return H, g

    beta = beta.copy()
    done = np.zeros(B, dtype=bool)
    active = np.arange(B)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for _ in range(maxiter):
            ya = y if y.ndim == 1 else y[active]
            za = None if z is None else z[active]
            H, g = information(beta[active], ya, za)
            try:
                step = np.linalg.solve(H, g[:, :, None])[:, :, 0]
            except np.linalg.LinAlgError:
                step = np.stack(
                    [np.linalg.lstsq(h, v, rcond=None)[0] for h, v in zip(H, g, strict=True)]
                )
            beta[active] += step
            size = np.abs(step).max(axis=1)
            converged = size <= tol * (1 + np.abs(beta[active]).max(axis=1))
            done[active[converged]] = True
            active = active[~converged & np.isfinite(size)]
            if not len(active):
                break
        H, _ = information(beta, y, z)
        try:
            cov = np.linalg.inv(H)
        except np.linalg.LinAlgError:
            cov = np.linalg.pinv(H)
    return beta, np.diagonal(cov, axis1=1, axis2=2).copy(), done


def _wald(beta: np.ndarray, var: np.ndarray) -> np.ndarray:
    """z values; NaN where a fit has no finite estimate (separation), never extreme."""
    with np.errstate(divide="ignore", invalid="ignore"):
        z = beta / np.sqrt(var)
    return np.where(np.isfinite(z), z, np.nan)


def _deviance(y: np.ndarray, eta: np.ndarray) -> float:
    # -2 log-likelihood of 0/1 data: log(1 + exp(eta)) - y eta, summed, times 2
    return float(2 * np.sum(np.logaddexp(0.0, eta) - y * eta))


def _binomial(
    dy: Dyads,
    y: np.ndarray,
    X: np.ndarray,
    names: list[str],
    method: str,
    blocks: list,
    n_jobs: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, Any]]:
    D, P = X.shape
    start = np.zeros((1, P))
    ybar = y.mean()
    start[0, 0] = np.log(ybar / (1 - ybar))
    beta, var, ok = _newton(X, y, start, maxiter=100, tol=1e-12)
    coef = beta[0]
    # separation: no finite maximum; the fitted probabilities run to 0 or 1
    if not ok[0] or not np.all(np.isfinite(coef)) or np.abs(X @ coef).max() > 30:
        # the diverging predictor: the largest effect per standard deviation
        effect = np.abs(np.nan_to_num(coef[1:], nan=np.inf)) * X[:, 1:].std(axis=0)
        big = names[1 + int(np.argmax(effect))]
        raise error(
            "the logistic fit does not converge; term {t!r} separates ties from non-ties "
            "(perfectly or nearly); use [[py:family='gaussian'|cli:--family gaussian]] "
            "or drop the term",
            "die logistische Schätzung konvergiert nicht; Term {t!r} trennt Beziehungen "
            "und Nicht-Beziehungen (fast) vollständig; "
            "[[py:family='gaussian'|cli:--family gaussian]] verwenden oder den Term weglassen",
            t=big,
        )
    stat = coef / np.sqrt(var[0])
    dev = _deviance(y, X @ coef)
    null = _deviance(y, np.full(D, np.log(ybar / (1 - ybar))))
    fit = {
        "statistic": "z",
        "deviance": dev,
        "null_deviance": null,
        "pseudo_r_squared": 1 - dev / null,
        "aic": dev + 2 * P,
        "bic": float(dev + P * np.log(D)),
    }
    if method == "y":
        Yf = dy.matrix(y).ravel()

        def block(perms: np.ndarray) -> np.ndarray:
            Yp = dy.gather(Yf, perms)
            b0 = np.zeros((len(perms), P))
            b0[:, 0] = start[0, 0]
            b, v, _ = _newton(X, Yp, b0)
            return _wald(b, v)

        return coef, stat, _run(block, blocks, n_jobs), fit

    parts = []
    for k in range(P):
        Xk = np.delete(X, k, axis=1)
        Qk, _ = np.linalg.qr(Xk)
        e = X[:, k] - Qk @ (Qk.T @ X[:, k])
        b0 = np.zeros((1, P - 1))
        if k != 0:
            b0[0, 0] = start[0, 0]
        bk, _, _ = _newton(Xk, y, b0, maxiter=100)
        parts.append((Xk, dy.matrix(e).ravel(), np.append(bk[0], 0.0)))

    def block_dsp(perms: np.ndarray) -> np.ndarray:
        out = np.empty((len(perms), P))
        for k, (Xk, E, b0) in enumerate(parts):
            Z = dy.gather(E, perms)
            b, v, _ = _newton(Xk, y, np.tile(b0, (len(perms), 1)), Z)
            out[:, k] = _wald(b[:, -1], v[:, -1])
        return out

    return coef, stat, _run(block_dsp, blocks, n_jobs), fit
