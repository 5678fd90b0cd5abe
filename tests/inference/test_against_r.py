"""Against R sna 2.7-1 on generated networks (reference/make_reference.R wrote the CSV files).

Coefficients and observed statistics equal R's to 1e-9; permutation and CUG p-values
agree within Monte-Carlo error: |Δp| <= 3 sqrt(p (1 - p) / N) + 0.005. Both sides are
Monte-Carlo estimates, so N is the effective number 1 / (1/N_ours + 1/N_R) (R used
10,000 replications for netlm and CUG, 4,000 for netlogit, 20,000 for gcor and E-I).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from quartiernetz.inference import (
    cug_test,
    difference,
    ei_test,
    qap_correlation,
    qap_regression,
    same,
)

REF = Path(__file__).parent / "reference"
NETWORKS = ("u30", "d25")
N = 2000  # our permutations and draws


def _tol(p: float, reps: int, n: int = N) -> float:
    effective = 1 / (1 / n + 1 / reps)
    return 3 * np.sqrt(p * (1 - p) / effective) + 0.005


def _matrix(tag: str, name: str) -> pd.DataFrame:
    return pd.read_csv(REF / f"inputs_{tag}_{name}.csv", index_col=0)


def _actors(tag: str) -> pd.DataFrame:
    return pd.read_csv(REF / f"inputs_{tag}_actors.csv", index_col="id")


def _close_p(ours: pd.Series, ref: pd.Series, cols: list[str], n: int = N) -> None:
    for col in cols:
        tol = _tol(ref[col], int(ref["reps"]), n)
        assert abs(ours[col] - ref[col]) <= tol, (col, ours[col], ref[col], tol)


@pytest.mark.parametrize("tag", NETWORKS)
def test_dyadic_covariates_equal_the_generated_ones(tag):
    import networkx as nx

    actors = _actors(tag)
    G = nx.empty_graph(list(actors.index))
    nx.set_node_attributes(G, actors["type"].to_dict(), "type")
    nx.set_node_attributes(G, actors["founded"].to_dict(), "founded")
    np.testing.assert_array_equal(same(G, "type").to_numpy(), _matrix(tag, "x_same").to_numpy())
    np.testing.assert_allclose(
        difference(G, "founded").to_numpy() / 10, _matrix(tag, "x_diff").to_numpy(), rtol=1e-12
    )


@pytest.mark.parametrize("tag", NETWORKS)
@pytest.mark.parametrize("family", ["gaussian", "binomial"])
@pytest.mark.parametrize("method", ["dsp", "y"])
def test_regression_equals_netlm_and_netlogit(tag, family, method):
    ref = pd.read_csv(REF / "ref_regression.csv")
    ref = ref[(ref.network == tag) & (ref.family == family) & (ref.method == method)]
    ref = ref.set_index("term")
    y = _matrix(tag, "y_val" if family == "gaussian" else "y_bin")
    X = {k: _matrix(tag, k) for k in ("x_net", "x_same", "x_diff")}
    fit = qap_regression(y, X, permutations=N, seed=42, method=method, family=family)
    assert fit.index.tolist() == ref.index.tolist()
    assert fit.attrs["n_dyads"] == ref["n_dyads"].iloc[0]
    # binomial: R's glm with a tight tolerance (netlogit's default stops earlier, ~1e-13 away)
    np.testing.assert_allclose(fit["coef"], ref["coef"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(fit["coef"], ref["coef_netlm"], rtol=0, atol=1e-9)
    # netlogit's z values use the IRLS weights of its last-but-one iterate (glm stops at a
    # deviance change of 1e-8); ours use the converged estimate: they agree to ~3e-7
    rtol = 1e-9 if family == "gaussian" else 1e-5
    np.testing.assert_allclose(fit["statistic"], ref["statistic"], rtol=rtol)
    if family == "gaussian":
        assert fit.attrs["r_squared"] == pytest.approx(ref["fit"].iloc[0], abs=1e-9)
    else:
        # R's column is 1 - deviance / null.deviance with glm's null model without an
        # intercept (p = 1/2 everywhere: 2 n log 2); ours is against the intercept-only model
        null_half = 2 * fit.attrs["n_dyads"] * np.log(2)
        deviance = (1 - ref["fit"].iloc[0]) * null_half
        assert fit.attrs["deviance"] == pytest.approx(deviance, rel=1e-9)
    for term in fit.index:
        _close_p(fit.loc[term], ref.loc[term], ["p_greater", "p_less", "p_two_sided"])


def test_gcor_equals_sna():
    ref = pd.read_csv(REF / "ref_gcor.csv")
    for row in ref.itertuples():
        r = qap_correlation(
            _matrix(row.network, row.x), _matrix(row.network, row.y), permutations=N, seed=7
        ).loc["gcor"]
        assert r["observed"] == pytest.approx(row.gcor, abs=1e-9)
        assert r["n_dyads"] == (435 if row.network == "u30" else 600)
        _close_p(r, pd.Series(row._asdict()), ["p_greater", "p_less", "p_two_sided"])
        assert abs(r["null_sd"] - row.null_sd) <= 0.1 * row.null_sd


def test_ei_test_equals_the_r_permutation_test():
    ref = pd.read_csv(REF / "ref_ei.csv")
    for row in ref.itertuples():
        y = _matrix(row.network, "y_bin")
        groups = _actors(row.network)["type"]
        r = ei_test(y, groups, permutations=N, seed=3).loc["ei_index"]
        assert r["observed"] == pytest.approx(row.observed, abs=1e-12)
        assert r["expected"] == pytest.approx(row.expected, abs=1e-12)
        _close_p(r, pd.Series(row._asdict()), ["p_greater", "p_less", "p_two_sided"])


@pytest.mark.parametrize("tag", NETWORKS)
def test_cug_equals_sna(tag):
    ref = pd.read_csv(REF / "ref_cug.csv")
    ref = ref[ref.network == tag]
    y = _matrix(tag, "y_bin")
    groups = _actors(tag)["type"]
    draws = 500  # betweenness in every draw: keep the test quick; N in the tolerance
    for row in ref.itertuples():
        r = cug_test(
            y,
            row.statistic,
            conditioning=row.conditioning,
            draws=draws,
            seed=5,
            attribute=groups,
        ).loc[row.statistic]
        assert r["observed"] == pytest.approx(row.observed, abs=1e-9), row
        _close_p(r, pd.Series(row._asdict()), ["p_greater", "p_less"], n=draws)
        # the null means agree within 4 standard errors (plus rounding)
        se = row.null_sd / np.sqrt(draws)
        assert abs(r["null_mean"] - row.null_mean) <= 4 * se + 1e-12, (row, r["null_mean"])
