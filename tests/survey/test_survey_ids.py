"""Respondents, headers, answer values and typed names are compared after ``normalize_id``."""

from __future__ import annotations

import warnings

from quartiernetz.io.names import normalize_id
from quartiernetz.io.survey import normalize_name, read_survey
from quartiernetz.io.survey.codebook import value_key
from quartiernetz.io.survey.roster import respondent_key

from .steps_helpers import ROSTER, write


def test_the_keys_build_on_the_one_id_normaliser():
    for raw in ("AWO\u200b Nordstadt", "\ufeffAWO\u00a0Nordstadt", "Su\u0308d"):
        assert respondent_key(raw) == respondent_key(normalize_id(raw))
        assert value_key(raw) == value_key(normalize_id(raw))
        assert normalize_name(raw) == normalize_name(normalize_id(raw))
    assert respondent_key("AWO\u200bNordstadt") == respondent_key("awonordstadt")
    assert value_key("weiß\u00adnicht") == value_key("Weiß nicht".replace(" ", ""))


def test_a_respondent_typed_with_invisible_characters_is_matched(tmp_path):
    path = write(tmp_path, "Org;qm;awo\nAWO Nordstadt\u200b;2;\nQuartiersmanagement\u00ad;;1\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = read_survey(path, roster=ROSTER)
    assert net.ties[["source", "target"]].values.tolist() == [["awo", "qm"], ["qm", "awo"]]
