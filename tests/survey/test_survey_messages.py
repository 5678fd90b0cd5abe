"""Every record entry and error of the survey reader exists in German and English.

Each bundled example (``data/surveys/*``) is read with its options and with
variants that add entries (unfinished responses included, no codebook, typed names);
then bad variants and the bad files of ``tests/survey/files`` must raise errors.
Every entry and error must render differently in ``de`` and ``en`` (so it has a
German text), and the German command-line rendering must not show Python syntax
(``=True``, ``net.meta``) or unrendered markers.
"""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from quartiernetz.exceptions import InputError, QuartiernetzError
from quartiernetz.i18n import render
from quartiernetz.io.survey import read_survey
from quartiernetz.privacy import pseudonymize, read_key

from ..survey_examples import SURVEY_EXAMPLES, survey_options

#: every bundled example with the options that read it (tests/survey_examples.py)
EXAMPLES = SURVEY_EXAMPLES
#: variants that write further entries
VARIANTS = [{}, {"include_unfinished": True}, {"codebook": None}]
#: bad options that make every example fail
BAD = [
    {"respondent": "Gibt es nicht"},
    {"ignore": "Gibt es nicht"},
    {"questions": {"Gibt es nicht": "x"}},
    {"names": "Gibt es nicht"},
    {"roster": None},
    {"codebook": {"A1": 1}},
]


def _options(surveys, options):
    return survey_options(options, surveys)


def _check(what, de: str, en: str) -> None:
    assert de != en, f"{what}: no German text: {en}"
    for bad in ("=True", "net.meta", "[[", "]]"):
        assert bad not in de, f"{what}: {de}"


def _check_entry(entry) -> None:
    # the reason itself, not only the words around it ("ausgelassen", "Zeilen")
    _check(entry, render(entry.reason, "de", interface="cli"), render(entry.reason, "en"))
    cli = entry.render("de", interface="cli")
    assert "=True" not in cli and "net.meta" not in cli, cli


def _check_error(error: QuartiernetzError) -> None:
    parts = (error.problem, error.expected, error.hint) if isinstance(error, InputError) else ()
    for part in parts or (error.text,):
        if part:
            _check(error, render(part, "de", interface="cli"), render(part, "en"))
    cli = error.render("de", interface="cli")
    assert "=True" not in cli and "net.meta" not in cli, cli


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@pytest.mark.parametrize("variant", range(len(VARIANTS)))
def test_every_record_entry_is_bilingual(surveys, example, variant):
    export, options = EXAMPLES[example]
    opts = _options(surveys, {**options, **VARIANTS[variant]})
    if opts.get("codebook", 0) is None:
        del opts["codebook"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            net = read_survey(surveys / export, **opts)
        except QuartiernetzError as err:  # without its codebook an example may not be read
            _check_error(err)
            return
    assert len(net.record) >= 3
    for entry in net.record:
        _check_entry(entry)


def test_the_review_hint_for_the_command_line(surveys, quiet):
    export, options = EXAMPLES["namegenerator"]
    net = read_survey(surveys / export, **_options(surveys, options))
    entry = next(e for e in net.record if "review" in str(e.reason))
    assert "net.meta['review']" in entry.render("en") and "aliases=FILE" in entry.render("en")
    cli = entry.render("de", interface="cli")
    assert "--review-out" in cli and "--aliases DATEI" in cli
    assert "--review-out" in entry.render("en", interface="cli")


def test_the_unfinished_hint_names_the_option_per_interface(surveys, quiet):
    export, options = EXAMPLES["sosci"]
    net = read_survey(surveys / export, **_options(surveys, options))
    entry = next(e for e in net.record if "unfinished" in str(e.reason))
    assert "pass include_unfinished=True" in str(entry)
    assert "--include-unfinished" in entry.render("de", interface="cli")
    assert "unvollständige Antworten ausgelassen" in entry.render("de", interface="cli")


@pytest.mark.parametrize("example", sorted(EXAMPLES))
@pytest.mark.parametrize("bad", range(len(BAD)))
def test_every_error_is_bilingual(surveys, example, bad, quiet):
    export, options = EXAMPLES[example]
    opts = {**options, **BAD[bad]}
    if opts.get("roster", 0) is None:
        del opts["roster"]
    try:
        read_survey(surveys / export, **_options(surveys, opts))
    except QuartiernetzError as err:
        _check_error(err)
    else:  # a harmless variant for this example (e.g. names= of a column it has)
        assert BAD[bad] in ({"codebook": {"A1": 1}}, {"roster": None})


def test_the_respondent_hint_names_the_option_per_interface(surveys, quiet):
    export, options = EXAMPLES["sosci"]
    opts = {k: v for k, v in options.items() if k != "respondent"}
    roster = pd.read_csv(surveys / opts.pop("roster")).drop(columns="SERIAL")
    with pytest.raises(QuartiernetzError) as err:
        read_survey(surveys / export, roster=roster, **_options(surveys, opts))
    assert "respondent=COLUMN" in str(err.value)
    assert "--respondent SPALTE" in err.value.render("de", interface="cli")
    assert "--respondent COLUMN" in err.value.render("en", interface="cli")


@pytest.mark.parametrize(
    ("export", "options"),
    [
        ("unknown_respondent.csv", {}),
        ("empty_respondent.csv", {}),
        ("bad_value.csv", {"codebook": "codebook_small.csv"}),
        ("unknown_column.csv", {}),
        ("googleforms_unknown_text.csv", {}),
        ("googleforms_unknown_row.csv", {}),
        ("unknown_respondent.csv", {"roster": "roster_bad_code.csv"}),
        ("does_not_exist.csv", {}),
    ],
)
def test_bad_files_give_bilingual_errors(files, export, options, quiet):
    opts = {"roster": files / "roster_small.csv"}
    opts.update({k: files / v for k, v in options.items()})
    with pytest.raises(QuartiernetzError) as err:
        read_survey(files / export, **opts)
    _check_error(err.value)


def test_bad_roster_codebook_alias_and_key_files(surveys, files, tmp_path, quiet):
    export, options = EXAMPLES["wide"]
    bad_codebook = tmp_path / "cb.csv"
    bad_codebook.write_text("value,intensity\nja,viel\n", encoding="utf-8")
    no_column = tmp_path / "aliases.csv"
    no_column.write_text("name,score\nAWO,90\n", encoding="utf-8")
    for kw in (
        {"roster": tmp_path / "missing.csv"},
        {"roster": surveys / options["roster"], "codebook": bad_codebook},
        {"roster": surveys / options["roster"], "codebook": tmp_path / "missing.csv"},
    ):
        with pytest.raises(QuartiernetzError) as err:
            read_survey(surveys / export, **kw)
        _check_error(err.value)
    export, options = EXAMPLES["namegenerator"]
    for aliases in (no_column, tmp_path / "missing.csv"):
        with pytest.raises(QuartiernetzError) as err:
            read_survey(surveys / export, **_options(surveys, options), aliases=aliases)
        _check_error(err.value)
    empty = tmp_path / "key.txt"
    empty.write_text("\n", encoding="utf-8")
    for path in (empty, tmp_path / "missing.txt"):
        with pytest.raises(QuartiernetzError) as err:
            read_key(path)
        _check_error(err.value)


def test_pseudonymisation_entries_are_bilingual(surveys, quiet):
    export, options = EXAMPLES["namegenerator"]
    net = read_survey(surveys / export, **_options(surveys, options))
    pnet, _ = pseudonymize(net, key="nordstadt-2026-geheimer-schluessel")
    for entry in pnet.record:
        _check_entry(entry)
    # quoted ids are replaced in both languages
    assert not any('"awo"' in entry.render("de") for entry in pnet.record)
