"""The command line reads survey exports: validate/convert/report, exit 2 without traceback."""

from __future__ import annotations

import pandas as pd
import pytest

from quartiernetz.cli import main

SOSCI = "sosci/data_nordstadt_2026-05-12_10-31.csv"
PLANTED = ["info@bi-lindenplatz.de", "j.hoffmann@diakonie-lindenau.de", "QJ4KDW7M", "BY4SPL7H"]


def _sosci_args(surveys, *extra):
    return [
        str(surveys / SOSCI),
        "--roster",
        str(surveys / "sosci/roster.csv"),
        "--respondent",
        "SERIAL",
        "--codebook",
        str(surveys / "sosci/codebook.csv"),
        "--tool",
        "sosci",
        *extra,
    ]


def test_validate_survey(surveys, capsys):
    assert main(["validate", *_sosci_args(surveys)]) == 0
    out, err = capsys.readouterr()
    assert "response_rate: 0.375" in out
    assert "unfinished_excluded: 1" in out
    assert "superseded" in out
    for value in PLANTED:
        assert value not in out + err


def test_validate_include_unfinished(surveys, capsys):
    assert main(["validate", *_sosci_args(surveys, "--include-unfinished")]) == 0
    out, _ = capsys.readouterr()
    assert "respondents: 7" in out and "unfinished_included: 1" in out


@pytest.mark.parametrize(
    "export, extra, where",
    [
        ("unknown_respondent.csv", [], "unknown_respondent.csv, row 3, column 'Organisation'"),
        ("unknown_column.csv", [], "unknown_column.csv, row 1, column 'tafel'"),
        (
            "bad_value.csv",
            ["--codebook", "codebook_small.csv"],
            "bad_value.csv, row 3, column 'kita'",
        ),
        ("empty_respondent.csv", [], "empty_respondent.csv, row 3"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "de"])
def test_bad_exports_exit_2_without_traceback(files, capsys, export, extra, where, lang):
    extra = [str(files / e) if e.endswith(".csv") else e for e in extra]
    code = main(
        [
            "validate",
            str(files / export),
            "--roster",
            str(files / "roster_small.csv"),
            "--tool",
            "wide",
            "--lang",
            lang,
            *extra,
        ]
    )
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err
    if lang == "de":
        where = where.replace(", row ", ", Zeile ").replace(", column ", ", Spalte ")
        assert "=True" not in err and "net.meta" not in err
    assert where in err


def test_roster_code_without_column_exit_2(surveys, files, capsys):
    code = main(
        [
            "validate",
            str(surveys / "limesurvey/results-survey493827.csv"),
            "--roster",
            str(files / "roster_bad_code.csv"),
            "--codebook",
            str(surveys / "limesurvey/codebook.csv"),
            "--lang",
            "en",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err
    assert "roster_bad_code.csv, row 6, column 'code'" in err and "INFO[SQ017]" in err


def test_review_out_and_aliases(surveys, tmp_path, capsys):
    review = tmp_path / "review.csv"
    # a checklist with an "other" answer (Microsoft Forms) gives a review table
    ms = [
        str(surveys / "msforms/Netzwerkbefragung Nordstadt(1-8).xlsx"),
        "--roster",
        str(surveys / "msforms/roster.csv"),
        "--tool",
        "msforms",
    ]
    assert main(["validate", *ms, "--review-out", str(review)]) == 0
    table = pd.read_csv(review, keep_default_na=False)
    assert list(table.columns[:3]) == ["name", "suggested_actor", "score"]
    assert table["name"].tolist() == ["Tafel Nordstadt"]
    table.loc[0, "suggested_actor"] = "kirche"  # the user decides: the Tafel is the parish's
    table.to_csv(review, index=False)
    capsys.readouterr()
    assert main(["validate", *ms, "--aliases", str(review), "--lang", "en"]) == 0
    out, _ = capsys.readouterr()
    assert "16 actors, 33 ties" in out  # no new actor: kirche "naming" the Tafel is itself
    assert "self_reports_dropped: 3" in out


def test_pseudonymize_and_convert(surveys, tmp_path, capsys):
    keyfile = tmp_path / "secret" / "key.txt"
    out_dir = tmp_path / "out"
    code = main(["convert", *_sosci_args(surveys), str(out_dir), "--pseudonymize", str(keyfile)])
    assert code == 0
    assert keyfile.exists()
    key_table = pd.read_csv(keyfile.with_name("key-key-table.csv"), encoding="utf-8-sig")
    assert {"pseudonym", "id", "label"} <= set(key_table.columns)
    text = "\n".join(p.read_text(encoding="utf-8-sig") for p in out_dir.iterdir())
    roster = pd.read_csv(surveys / "sosci/roster.csv")
    for value in [*PLANTED, *roster["label"], *(f",{i}," for i in roster["id"])]:
        assert value not in text, value
    # the same key gives the same pseudonyms
    out2 = tmp_path / "out2"
    assert main(["convert", *_sosci_args(surveys), str(out2), "--pseudonymize", str(keyfile)]) == 0
    assert (out_dir / "actors.csv").read_text() == (out2 / "actors.csv").read_text()
