"""Dyadic covariates from affiliations and actor attributes, as regression predictors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.exceptions import AnalysisError
from quartiernetz.inference import comembership, difference, qap_regression, same


@pytest.fixture
def net() -> Network:
    ids = ["qm", "awo", "kita", "verein", "kirche", "schule"]
    return Network(
        actors=pd.DataFrame(
            {
                "id": ids,
                "type": ["Kommune", "Wohlfahrt", "Schule", "Verein", "Kirche", "Schule"],
                "founded": [1999, 1950, 1985, None, 1890, 1970],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["qm", "qm", "qm", "awo", "kita", "verein", "kirche"],
                "target": ["awo", "kita", "verein", "kita", "schule", "kirche", "schule"],
            }
        ),
        affiliations=pd.DataFrame(
            {
                "actor": ["qm", "awo", "kita", "qm", "schule", "kita", "awo"],
                "item": [
                    "Runder Tisch",
                    "Runder Tisch",
                    "Runder Tisch",
                    "AG Bildung",
                    "AG Bildung",
                    "AG Bildung",
                    "Sommerfest",
                ],
                "kind": ["committee"] * 6 + ["project"],
            }
        ),
    )


def test_comembership_counts_shared_items(net):
    c = comembership(net, kind="committee")
    assert c.index.tolist() == net.actors.index.tolist()
    assert c.loc["qm", "kita"] == 2 and c.loc["qm", "awo"] == 1 and c.loc["kita", "schule"] == 1
    assert np.all(np.diag(c) == 0) and (c.to_numpy() == c.to_numpy().T).all()
    assert comembership(net).loc["qm", "awo"] == 1  # the project adds nothing for qm-awo
    with pytest.raises(AnalysisError, match="kinds present: committee, project"):
        comembership(net, kind="offer")


def test_same_and_difference_mark_missing_values(net):
    s = same(net, "type")
    assert s.loc["kita", "schule"] == 1 and s.loc["kita", "qm"] == 0
    d = difference(net, "founded")
    assert d.loc["qm", "awo"] == 49 and np.isnan(d.loc["verein", "qm"])
    signed = difference(net, "founded", absolute=False)
    assert signed.loc["qm", "awo"] == 49 and signed.loc["awo", "qm"] == -49
    with pytest.raises(AnalysisError, match="no attribute 'size'"):
        same(net, "size")
    with pytest.raises(AnalysisError, match="expected a number"):
        difference(net, "type")


def test_covariates_as_predictors_and_missing_value_named(net):
    fit = qap_regression(
        net,
        {"committees": comembership(net, kind="committee"), "same_type": same(net, "type")},
        permutations=20,
        seed=1,
    )
    assert fit.index.tolist() == ["intercept", "committees", "same_type"]
    with pytest.raises(AnalysisError, match="'founded' has 5 missing .* 'verein'"):
        qap_regression(net, {"founded": difference(net, "founded")}, permutations=5)


def test_attribute_covariates_permute_like_their_matrices():
    rng = np.random.default_rng(3)
    n = 40
    ids = [f"a{i}" for i in range(n)]
    types = rng.choice(["Schule", "Verein", "Kirche"], n)
    founded = rng.integers(1900, 2020, n)
    y = (rng.random((n, n)) < 0.1 + 0.2 * (types[:, None] == types[None, :])).astype(float)
    y = np.triu(y, 1) + np.triu(y, 1).T
    net = Network(
        actors=pd.DataFrame({"id": ids, "type": types, "founded": founded}),
        ties=pd.DataFrame(
            [(ids[i], ids[j]) for i, j in zip(*np.nonzero(np.triu(y, 1)), strict=True)],
            columns=["source", "target"],
        ),
    )
    frames = {"same_type": same(net, "type"), "apart": difference(net, "founded")}
    arrays = {k: v.to_numpy() for k, v in frames.items()}
    # a changed matrix keeps its note but no longer fits it: permuted as a matrix
    changed = {"same_type": frames["same_type"] * 2, "apart": frames["apart"]}
    a = qap_regression(net, frames, permutations=300, seed=4)
    b = qap_regression(net, arrays, permutations=300, seed=4)
    c = qap_regression(net, changed, permutations=300, seed=4)
    d = qap_regression(
        net,
        {"same_type": arrays["same_type"] * 2, "apart": arrays["apart"]},
        permutations=300,
        seed=4,
    )
    pd.testing.assert_frame_equal(a, b, rtol=1e-9)
    pd.testing.assert_frame_equal(c, d, rtol=1e-9)
    assert a.loc["same_type", "p_greater"] < 0.05
