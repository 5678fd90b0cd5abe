"""The network check's profile figure."""

from __future__ import annotations

import matplotlib.colors as mcolors
import pytest

from quartiernetz.check import network_check, network_check_compare
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.plotting.check import ASSESSMENT_COLORS, plot_network_check


def _dots(ax):
    """(y, x, colour) of every dot drawn."""
    out = []
    for coll in ax.collections:
        offsets = coll.get_offsets()
        if len(offsets) == 1 and len(coll.get_facecolors()):
            x, y = offsets[0]
            out.append((round(float(y)), float(x), mcolors.to_hex(coll.get_facecolors()[0])))
    return sorted(out)


def test_one_dot_per_measured_factor(nordstadt):
    check = network_check(nordstadt)
    ax = plot_network_check(check)
    labels = [t.get_text() for t in ax.get_yticklabels()]
    shown = check[check["group"] != "survey"]
    assert len(labels) == len(shown)  # paid networkers is listed, not measurable
    dots = _dots(ax)
    measured = check[check["assessment"] != "not measurable"]
    assert len(dots) == len(measured)
    # the dot of the funding mix sits at 0.375 of 2/3 and is a watch point
    y = labels.index("funding mix")
    (dot,) = [d for d in dots if d[0] == y]
    assert dot[1] == pytest.approx(0.375 / (2 / 3))
    assert dot[2] == ASSESSMENT_COLORS["watch"].lower()
    texts = [t.get_text() for t in ax.texts]
    assert texts.count("not measurable") == 2  # paid networkers, online and offline


def test_german_and_side_by_side(nordstadt):
    from quartiernetz.datasets import lower_saxony

    nets = {"Nordstadt": nordstadt, "C": lower_saxony(seed=0)["C"]}
    long = network_check_compare(nets, lang="de", layout="long")
    ax = plot_network_check(long, lang="de")
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "zentrale Koordination"
    texts = [t.get_text() for t in ax.texts]
    assert "Nordstadt" in texts and "C" in texts
    assert len(_dots(ax)) == int((long["assessment"] != "not measurable").sum())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Stärke", "Hinweis", "Lücke", "Bezugswert"]


def test_bad_input():
    with pytest.raises(QuartiernetzError):
        plot_network_check([1, 2])
