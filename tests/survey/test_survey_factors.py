"""Self-assessment items in surveys (codebook role ``factor:<id>``) reach the network check."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import quartiernetz as qn
from quartiernetz.check import FACTOR_IDS
from quartiernetz.exceptions import InvalidValueError, QuartiernetzError
from quartiernetz.io.survey.codebook import FACTOR_ROLE_IDS, read_codebook

HEADER = (
    '"id";"submitdate";"lastpage";"startlanguage";"token";'
    '"KOOP[SQ001]";"KOOP[SQ002]";"KOOP[SQ003]";"KOOP[SQ004]";'
    '"ZIEL";"ROLLEN[SQ001]";"ROLLEN[SQ002]"'
)
ROWS = [
    # token, cooperation answers about qm, awo, kita, bib; ZIEL; ROLLEN (two sub-items)
    '"1";"2026-04-21 09:14:02";"2";"de";"t-qm";"";"A3";"A2";"A1";"stimme voll zu";"4";"5"',
    '"2";"2026-04-22 10:05:11";"2";"de";"t-awo";"A3";"";"A4";"A1";"stimme eher zu";"2";"2"',
    '"3";"2026-04-22 11:00:00";"2";"de";"t-kita";"A2";"A4";"";"A2";"weiß nicht";"3";""',
    '"4";"2026-04-23 08:30:00";"2";"de";"t-bib";"A1";"A1";"A2";"";"stimme gar nicht zu";"1";"1"',
]
ROSTER = """id,label,type,code,token
qm,Quartiersmanagement Nordstadt,Quartiersmanagement,KOOP[SQ001],t-qm
awo,AWO Ortsverein Nordstadt,Wohlfahrtsverband,KOOP[SQ002],t-awo
kita,Kita Sonnenschein,Kindertagesstätte,KOOP[SQ003],t-kita
bib,Stadtbücherei Nord,Bibliothek,KOOP[SQ004],t-bib
"""
CODEBOOK = """question,role,value,intensity
,,A1,0
,,A2,1
,,A3,2
,,A4,3
ZIEL,factor:clear_goal,stimme gar nicht zu,1
ZIEL,factor:clear_goal,stimme eher nicht zu,2
ZIEL,factor:clear_goal,teils/teils,3
ZIEL,factor:clear_goal,stimme eher zu,4
ZIEL,factor:clear_goal,stimme voll zu,5
ZIEL,factor:clear_goal,weiß nicht,
ROLLEN,factor:clear_roles,,
"""


def _files(tmp_path, rows=ROWS, codebook=CODEBOOK):
    export = tmp_path / "results-survey1.csv"
    export.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "codebook.csv").write_text(codebook, encoding="utf-8")
    return export, tmp_path / "roster.csv", tmp_path / "codebook.csv"


def _read(tmp_path, **kw):
    export, roster, codebook = _files(tmp_path, **kw)
    return qn.read_survey(
        export, roster=roster, codebook=codebook, tool="limesurvey", respondent="token"
    )


def test_the_role_ids_are_the_checks():
    assert FACTOR_ROLE_IDS == FACTOR_IDS


def test_factor_items_become_actor_columns_and_scales(tmp_path):
    net = _read(tmp_path)
    goal = net.actors["factor:clear_goal"]
    assert goal.loc[["qm", "awo", "bib"]].tolist() == [5.0, 4.0, 1.0]
    assert math.isnan(goal.loc["kita"])  # "weiß nicht" is missing
    roles = net.actors["factor:clear_roles"]  # two sub-items, averaged per respondent
    assert roles.loc[["qm", "awo", "kita", "bib"]].tolist() == [4.5, 2.0, 3.0, 1.0]
    assert net.meta["factor_scales"] == {"clear_goal": (1.0, 5.0), "clear_roles": (1.0, 5.0)}
    # the items are no roster question: the ties are those of KOOP only
    assert set(net.ties["relation"]) == {"cooperation"}
    assert len(net.ties) == 8
    entries = [e for e in net.record if "factor:clear_goal" in str(e)]
    assert len(entries) == 1
    assert "3 answers, scale 1 to 5" in str(entries[0])
    assert "3 Antworten, Skala 1 bis 5" in entries[0].render("de")
    assert not any("were not read" in str(e) and "ZIEL" in str(e) for e in net.record)


def test_network_check_reports_mean_and_spread(tmp_path):
    net = _read(tmp_path)
    check = qn.network_check(net).set_index("factor")
    goal = check.loc["clear_goal"]
    assert goal["assessment"] != "not measurable"
    assert goal["value"] == pytest.approx(10 / 3)
    assert goal["scale_min"] == 1.0 and goal["scale_max"] == 5.0
    sd = pd.Series([5.0, 4.0, 1.0]).std()
    assert f"{sd:.2f}"[:3] in goal["evidence"]
    assert "mean" in goal["evidence"] and "standard deviation" in goal["evidence"]
    assert check.loc["clear_roles"]["value"] == pytest.approx(2.625)
    assert check.loc["clear_roles"]["assessment"] == "watch"  # 2.625 <= midpoint 3
    de = qn.network_check(net, lang="de").set_index("factor")
    assert "Mittelwert" in de.loc["clear_goal", "evidence"]
    # factors without an item stay not measurable
    assert check.loc["documentation", "assessment"] == "not measurable"
    # without the items, the two factors are not measurable
    plain = CODEBOOK.split("ZIEL", 1)[0]
    (tmp_path / "plain").mkdir()
    export, roster, codebook = _files(tmp_path / "plain", codebook=plain)
    net0 = qn.read_survey(
        export,
        roster=roster,
        codebook=codebook,
        tool="limesurvey",
        respondent="token",
        ignore=["ZIEL", "ROLLEN"],
    )
    before = qn.network_check(net0).set_index("factor")
    assert (before.loc[["clear_goal", "clear_roles"], "assessment"] == "not measurable").all()


def test_unknown_factor_id_is_refused_in_both_languages(tmp_path):
    bad = CODEBOOK.replace("factor:clear_roles", "factor:clear_rolls")
    with pytest.raises(InvalidValueError) as info:
        read_codebook(_files(tmp_path, codebook=bad)[2])
    exc = info.value
    assert "clear_rolls" in str(exc) and "clear_roles" in str(exc)
    assert "political_support" in str(exc)  # every valid id is listed
    de = exc.render("de", interface="cli")
    assert "kein Faktor des Netzwerk-Checks" in de and "clear_goal" in de
    assert exc.row == 12


def test_unknown_role_and_missing_question_are_refused(tmp_path):
    with pytest.raises(InvalidValueError, match="role"):
        read_codebook(_files(tmp_path, codebook=CODEBOOK.replace("factor:clear_roles", "x"))[2])
    with pytest.raises(InvalidValueError, match="names no column"):
        read_codebook(
            pd.DataFrame(
                {"question": [""], "role": ["factor:clear_goal"], "value": [""], "intensity": [""]}
            )
        )


def test_answer_outside_the_items_values_names_row_and_column(tmp_path):
    rows = [*ROWS[:3], ROWS[3].replace("stimme gar nicht zu", "vielleicht")]
    with pytest.raises(QuartiernetzError) as info:
        _read(tmp_path, rows=rows)
    exc = info.value
    assert "vielleicht" in str(exc) and "factor:clear_goal" in str(exc)
    assert exc.row == 5 and exc.column == "ZIEL"
    assert "Selbsteinschätzungs-Item" in exc.render("de")


def test_item_naming_no_column_is_an_error(tmp_path):
    with pytest.raises(QuartiernetzError, match="ZUFRIEDEN"):
        _read(tmp_path, codebook=CODEBOOK + "ZUFRIEDEN,factor:fixed_place,,\n")


def test_wide_sheet_with_a_codebook_of_items_only(tmp_path):
    export = tmp_path / "matrix.csv"
    export.write_text(
        "Organisation;qm;awo;kita;Ziel klar\nqm;;2;1;stimme zu\nawo;3;;0;trifft voll zu\n"
        "kita;1;1;;2\n",
        encoding="utf-8",
    )
    codebook = pd.DataFrame(
        {"question": ["Ziel klar"], "role": ["factor:clear_goal"], "value": [""], "intensity": [""]}
    )
    net = qn.read_survey(export, codebook=codebook)
    # the ties are read as without a codebook (numbers are intensities)
    assert len(net.ties) == 5 and "ziel klar" not in {str(a).casefold() for a in net.actors.index}
    assert net.actors["factor:clear_goal"].tolist() == [4.0, 5.0, 2.0]
    assert net.meta["factor_scales"] == {"clear_goal": (1.0, 5.0)}
    row = qn.network_check(net).set_index("factor").loc["clear_goal"]
    assert row["assessment"] == "strength" and row["value"] == pytest.approx(11 / 3)
