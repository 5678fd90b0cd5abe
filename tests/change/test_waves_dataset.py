"""The second wave of the synthetic Lower Saxony quarters."""

from __future__ import annotations

import pytest

from quartiernetz.change import change_summary
from quartiernetz.datasets import lower_saxony
from quartiernetz.datasets.waves import lower_saxony_waves
from quartiernetz.exceptions import AnalysisError


def test_the_first_wave_is_lower_saxony_unchanged():
    waves = lower_saxony_waves(seed=3)
    plain = lower_saxony(seed=3)
    for key, net in plain.items():
        assert waves[key]["2024"].equals(net)
        assert waves[key]["2024"].meta == net.meta


def test_turnover_is_as_recorded_and_the_hub_stays():
    waves = lower_saxony_waves(seed=1, turnover=0.3)
    for w in waves.values():
        first, second = w["2024"], w["2026"]
        info = second.meta["second_wave"]
        assert len(info["left"]) == len(info["entered"]) > 0
        assert len(second.actors) == len(first.actors)
        assert not set(info["left"]) & set(second.actors.index)
        assert set(info["entered"]) <= set(second.actors.index) - set(first.actors.index)
        assert first.meta["hub"] in second.actors.index
        assert second.meta["synthetic"] is True and second.meta["wave"] == "2026"
        s = change_summary(first, second)["value"]
        assert s["actors_left"] == len(info["left"]) and s["actors_entered"] == len(info["entered"])


def test_without_turnover_and_full_stability_the_true_network_stays():
    waves = lower_saxony_waves(seed=2, turnover=0, stability=1, resolve_rate=0, survey=False)
    for w in waves.values():
        s = change_summary(w["2024"], w["2026"])["value"]
        assert s["jaccard"] == 1 and s["actors_entered"] == 0
        assert s["duplicates_appeared"] == 0 and s["duplicates_disappeared"] == 0


def test_stability_lowers_change():
    calm = lower_saxony_waves(seed=0, stability=0.95, turnover=0.05, survey=False)
    rough = lower_saxony_waves(seed=0, stability=0.3, turnover=0.3, survey=False)

    def jaccard(waves):
        t1, t2 = ({frozenset(e) for e in net.to_networkx().edges} for net in waves.values())
        return len(t1 & t2) / len(t1 | t2)

    for key in calm:
        assert jaccard(calm[key]) > jaccard(rough[key])


@pytest.mark.parametrize(
    "kwargs",
    [{"turnover": 1.5}, {"stability": -0.1}, {"waves": ("1", "1")}, {"seed": 1.5}],
)
def test_bad_parameters(kwargs):
    with pytest.raises(AnalysisError):
        lower_saxony_waves(**kwargs)
