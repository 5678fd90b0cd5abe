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
                "item": ["Runder Tisch", "Runder Tisch", "Runder Tisch", "AG Bildung",
                         "AG Bildung", "AG Bildung", "Sommerfest"],
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
