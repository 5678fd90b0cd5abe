"""QAP correlation and MRQAP: the permutation machinery against a direct computation,
inputs, alignment and the errors that name what is wrong."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.inference import qap_correlation, qap_regression
from quartiernetz.inference._data import Dyads, as_rng, permutation_chunks


def _data(n: int, directed: bool, seed: int = 0, density: float = 0.3):
    rng = np.random.default_rng(seed)
    x1 = (rng.random((n, n)) < density).astype(float)
    x2 = rng.normal(size=(n, n)) + x1
    y = (rng.random((n, n)) < 0.6 * density + 1.2 * density * x1).astype(float)
    mats = [y, x1, x2]
    if not directed:
        mats = [np.tril(m, -1) + np.tril(m, -1).T for m in mats]
    for m in mats:
        np.fill_diagonal(m, 0)
    return mats


def _fit(y, X, family):
    """Coefficients and their t (z) values by plain numpy."""
    if family == "gaussian":
        coef, *_ = np.linalg.lstsq(X, y, rcond=None)
        resid = y - X @ coef
        s2 = resid @ resid / (len(y) - X.shape[1])
        cov = s2 * np.linalg.inv(X.T @ X)
    else:
        coef = np.zeros(X.shape[1])
        for _ in range(50):
            mu = 1 / (1 + np.exp(-X @ coef))
            H = X.T @ (X * (mu * (1 - mu))[:, None])
            coef = coef + np.linalg.solve(H, X.T @ (y - mu))
        mu = 1 / (1 + np.exp(-X @ coef))
        cov = np.linalg.inv(X.T @ (X * (mu * (1 - mu))[:, None]))
    return coef, coef / np.sqrt(np.diag(cov))


# dense and sparse ways of permuting; the logistic model only where no permutation
# separates the few ties (there the estimates have no finite maximum)
CASES = [
    (family, method, density)
    for family in ("gaussian", "binomial")
    for method in ("dsp", "y")
    for density in ((0.3, 0.08) if family == "gaussian" else (0.3,))
]


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize(("family", "method", "density"), CASES)
def test_permutation_pvalues_equal_a_direct_computation(directed, family, method, density):
    n, N, seed = 12, 60, 5
    y, x1, x2 = _data(n, directed, density=density)
    result = qap_regression(
        y, {"x1": x1, "x2": x2}, permutations=N, seed=seed, method=method, family=family
    )
    dy = Dyads(n, directed=directed)
    vec = dy.vector
    X = np.column_stack([np.ones(dy.size), vec(x1), vec(x2)])
    coef, stat = _fit(vec(y), X, family)
    np.testing.assert_allclose(result["coef"], coef, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(result["statistic"], stat, rtol=1e-7)
    perms = np.concatenate(permutation_chunks(as_rng(seed), n, N, dy.block()))
    dist = np.empty((N, 3))
    for b, p in enumerate(perms):
        if method == "y":
            dist[b] = _fit(vec(y[np.ix_(p, p)]), X, family)[1]
            continue
        for k in range(3):
            others = np.delete(X, k, axis=1)
            e = X[:, k] - others @ np.linalg.lstsq(others, X[:, k], rcond=None)[0]
            E = dy.matrix(e)
            design = np.column_stack([others, vec(E[np.ix_(p, p)])])
            dist[b, k] = _fit(vec(y), design, family)[1][-1]
    for k, term in enumerate(["intercept", "x1", "x2"]):
        t = stat[k]
        assert result.loc[term, "p_greater"] == pytest.approx(np.mean(dist[:, k] >= t - 1e-9))
        assert result.loc[term, "p_less"] == pytest.approx(np.mean(dist[:, k] <= t + 1e-9))
        assert result.loc[term, "p_two_sided"] == pytest.approx(
            np.mean(np.abs(dist[:, k]) >= abs(t) - 1e-9)
        )


@pytest.mark.parametrize("directed", [False, True])
def test_correlation_pvalues_equal_a_direct_computation(directed):
    n, N, seed = 10, 80, 3
    y, x1, x2 = _data(n, directed, seed=1)
    dy = Dyads(n, directed=directed)
    for a, b in [(x1, y), (x2, y), (y, x2)]:  # sparse and dense paths
        result = qap_correlation(a, b, permutations=N, seed=seed)
        perms = np.concatenate(permutation_chunks(as_rng(seed), n, N, dy.block()))
        obs = np.corrcoef(dy.vector(a), dy.vector(b))[0, 1]
        # either side may be the one permuted: the distribution is the same; recompute both
        dist_a = [np.corrcoef(dy.vector(a[np.ix_(p, p)]), dy.vector(b))[0, 1] for p in perms]
        dist_b = [np.corrcoef(dy.vector(a), dy.vector(b[np.ix_(p, p)]))[0, 1] for p in perms]
        row = result.loc["gcor"]
        assert row["observed"] == pytest.approx(obs, abs=1e-12)
        # the sparser input is the one permuted
        sparser_a = np.count_nonzero(dy.vector(a)) < np.count_nonzero(dy.vector(b))
        dist = np.asarray(dist_a if sparser_a else dist_b)
        assert row["null_mean"] == pytest.approx(dist.mean(), abs=1e-12)
        assert row["p_greater"] == pytest.approx(np.mean(dist >= obs - 1e-9))
        assert row["p_less"] == pytest.approx(np.mean(dist <= obs + 1e-9))
        assert row["p_two_sided"] == pytest.approx(np.mean(np.abs(dist) >= abs(obs) - 1e-9))


def test_seed_reproducible_and_generator_accepted():
    y, x1, x2 = _data(12, False)
    a = qap_regression(y, [x1, x2], permutations=50, seed=7)
    b = qap_regression(y, [x1, x2], permutations=50, seed=np.random.default_rng(7))
    pd.testing.assert_frame_equal(a, b)
    assert a.index.tolist() == ["intercept", "x1", "x2"]
    with pytest.raises(AnalysisError, match="seed"):
        qap_regression(y, [x1], permutations=10, seed="seven")


def test_threads_do_not_change_the_result():
    y, x1, x2 = _data(12, True)
    a = qap_regression(y, {"a": x1, "b": x2}, permutations=40, seed=1)
    b = qap_regression(y, {"a": x1, "b": x2}, permutations=40, seed=1, n_jobs=2)
    pd.testing.assert_frame_equal(a, b)


def _network(ids, edges, directed=False, **attrs):
    actors = pd.DataFrame({"id": ids, **attrs})
    ties = pd.DataFrame(edges, columns=["source", "target", "intensity"])
    return Network(actors=actors, ties=ties, directed=directed)


def test_network_graph_frame_and_array_inputs_agree():
    ids = list("abcdefg")
    rng = np.random.default_rng(2)
    edges = [(u, v, float(rng.integers(1, 4))) for i, u in enumerate(ids) for v in ids[i + 1 :]]
    edges = [e for e in edges if rng.random() < 0.5]
    net = _network(ids, edges)
    G = net.to_networkx()
    A = nx.to_numpy_array(G, nodelist=ids, weight=None)
    x = pd.DataFrame(rng.normal(size=(7, 7)), index=ids, columns=ids)
    x = x + x.T
    frames = [qap_regression(inp, {"x": x}, permutations=30, seed=1) for inp in (net, G, A)] + [
        qap_regression(
            pd.DataFrame(A, index=ids, columns=ids).iloc[::-1, ::-1],
            {"x": x},
            permutations=30,
            seed=1,
        )
    ]
    for f in frames[1:]:
        pd.testing.assert_series_equal(f["coef"], frames[0]["coef"])
    # weight= reads the intensities
    W = nx.to_numpy_array(G, nodelist=ids, weight="weight")
    a = qap_regression(net, {"x": x}, permutations=30, seed=1, weight="weight")
    b = qap_regression(W, {"x": x.to_numpy()}, permutations=30, seed=1)
    np.testing.assert_allclose(a["coef"], b["coef"])


def test_different_actors_named_and_aligned():
    ids = list("abcde")
    y = pd.DataFrame(np.ones((5, 5)) - np.eye(5), index=ids, columns=ids)
    y.loc["a", "b"] = y.loc["b", "a"] = y.loc["c", "d"] = y.loc["d", "c"] = 0
    x = pd.DataFrame(np.arange(36.0).reshape(6, 6), index=list("bcdefz"), columns=list("bcdefz"))
    x = x + x.T
    with pytest.raises(AnalysisError) as info:
        qap_correlation(y, x, permutations=10)
    text = str(info.value)
    assert "'a'" in text and "'z'" in text and "align='intersection'" in text
    assert "--align intersection" in info.value.render("de", interface="cli")
    inter = qap_correlation(y, x, permutations=10, seed=1, align="intersection")
    assert inter.attrs["n_actors"] == 4
    union = qap_correlation(y, x, permutations=10, seed=1, align="union")
    assert union.attrs["n_actors"] == 7


def test_too_few_actors_constant_collinear_nan_and_asymmetric_terms_are_named():
    y, x1, x2 = _data(8, False)
    with pytest.raises(AnalysisError, match="3 actors"):
        qap_correlation(y[:3, :3], x1[:3, :3])
    with pytest.raises(AnalysisError, match="'flat' is constant"):
        qap_regression(y, {"flat": np.ones((8, 8)), "x1": x1})
    with pytest.raises(AnalysisError, match="'twice' is collinear with 'intercept', 'x1'"):
        qap_regression(y, {"x1": x1, "twice": 2 * x1 + 1})
    holes = x2.copy()
    holes[2, 5] = holes[5, 2] = np.nan
    with pytest.raises(AnalysisError, match="'gaps' has 1 missing") as info:
        qap_regression(y, {"gaps": holes})
    assert "fehlende" in info.value.render("de")
    skew = x2.copy()
    skew[1, 0] += 1
    with pytest.raises(AnalysisError, match="'skew' is not symmetric"):
        qap_regression(y, {"skew": skew})
    with pytest.raises(AnalysisError, match="0/1"):
        qap_regression(y * 2, {"x1": x1}, family="binomial")
    with pytest.raises(AnalysisError, match="method"):
        qap_regression(y, {"x1": x1}, method="x")
    with pytest.raises(AnalysisError, match="permutations"):
        qap_regression(y, {"x1": x1}, permutations=0)


def test_separation_is_an_error_naming_the_term():
    y, x1, _ = _data(8, False)
    with pytest.raises(AnalysisError, match="'perfect'"):
        qap_regression(y, {"perfect": y * 3 + 1}, family="binomial", permutations=5)


def test_dsp_holds_its_size_where_y_permutation_does_not():
    # y depends on x1 only; x2 is strongly correlated with x1 (Dekker et al. 2007)
    n, reps = 14, 12
    rejections = {"dsp": 0, "y": 0}
    rng = np.random.default_rng(11)
    for _ in range(reps):
        z = rng.normal(size=(n, n))
        x1 = z + z.T
        x2 = x1 + 0.3 * (lambda m: m + m.T)(rng.normal(size=(n, n)))
        e = rng.normal(size=(n, n))
        y = x1 + 3 * (e + e.T)
        for method in rejections:
            fit = qap_regression(y, {"x1": x1, "x2": x2}, permutations=99, seed=1, method=method)
            rejections[method] += fit.loc["x2", "p_two_sided"] < 0.05
    assert rejections["dsp"] <= 2  # nominal 5 %: expected 0.6 of 12
    assert rejections["dsp"] <= rejections["y"]
