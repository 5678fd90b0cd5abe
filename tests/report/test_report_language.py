"""The report speaks one language: no English in the German report, no German in the English.

Each input (the Nordstadt example and every bundled survey export) is reported once per
language; the visible text of ``report.html`` (and the images' alt texts) and the
people-facing values of the CSV files are searched for phrases of the other language.
What comes from the data (actor names and ids, types, offers, target groups, areas, file
and column names) and the literature list (cited in its original language) are taken
out first.
"""

from __future__ import annotations

import csv
import re
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from quartiernetz.datasets import load_example, lower_saxony
from quartiernetz.io.survey import read_survey
from quartiernetz.report import write_report
from quartiernetz.report.texts import REFERENCES, TEXTS, say
from quartiernetz.words import REASON_KINDS, WHY_TEXTS, Reason, references, why

from ..survey_examples import SURVEY_EXAMPLES, SURVEYS, survey_options
from .phrases import phrases, visible_text

INPUTS = ["nordstadt", *SURVEY_EXAMPLES]

#: The CSV columns whose values are written for people (the rest are ids, data or numbers).
PEOPLE_COLUMNS = {
    "summary.csv": ["description"],
    "catalysts.csv": ["group", "why"],
    "brokerage.csv": ["group"],
    "duplicates.csv": ["kind", "evidence"],
    "competitors.csv": ["basis"],
    "suggested_ties.csv": ["reason"],
    "offers.csv": ["target_group", "area", "status"],
    "network_check.csv": ["label", "question", "evidence", "ask"],
    "data_actors_by_type.csv": ["type"],
    "data_quality.csv": ["action", "reason"],
}

# words that give a language away even in short texts
ENGLISH_WORDS = [" the ", " and ", "not given", "dropped", "read as", " of the ", " with "]
GERMAN_WORDS = [" und ", " der ", " die ", " das ", " nicht ", "ohne Angabe", "ausgelassen"]


def _network(name: str):
    if name == "nordstadt":
        return load_example()
    export, options = SURVEY_EXAMPLES[name]
    return read_survey(SURVEYS / export, **survey_options(options))


@pytest.fixture(scope="module", params=INPUTS)
def reports(request, tmp_path_factory):
    """One input's network and its report folders by language."""
    if request.param == "nordstadt":  # written once for the whole session
        return request.param, load_example(), request.getfixturevalue("example_reports")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = _network(request.param)
        base = tmp_path_factory.mktemp(f"lang-{request.param}")
        folders = {
            lang: write_report(net, base / lang, lang=lang, quiet=True, n_jobs=1)
            for lang in ("de", "en")
        }
    return request.param, net, folders


# ------------------------------------------------------------------ what the page says
def _skip(tag: str, attrs: list) -> bool:
    """No style, no script (the literature list is taken out as text)."""
    return tag in ("style", "script")


def _strings(values: Any) -> list[str]:
    out = []
    for v in values if isinstance(values, list | tuple | set | pd.Index | pd.Series) else [values]:
        if isinstance(v, list | tuple | set):
            out += _strings(list(v))
        elif isinstance(v, str) and v.strip():
            out.append(v.strip())
    return out


def _data_strings(net) -> list[str]:
    """Everything the report may show from the data, longest first."""
    found: list[str] = [str(a) for a in net.actors.index]
    for frame in (net.actors, net.affiliations, net.ties):
        for col in frame.columns:
            if frame[col].dtype == object or pd.api.types.is_string_dtype(frame[col]):
                found += _strings(frame[col].dropna().tolist())
    for e in net.record:
        found += _strings([e.file, e.column])
    meta = net.meta.get("survey")
    if isinstance(meta, dict):
        for v in meta.values():
            found += _strings(v)
    found += _strings([net.name, str(net.meta.get("source", ""))])
    # a file named in a record may be shown with its sheet ("file.xlsx [Sheet1]")
    return sorted(set(found), key=len, reverse=True)


def _without_data(text: str, data: list[str]) -> str:
    for ref in (*REFERENCES, *references("de")):
        text = text.replace(ref, " ")
    text = re.sub(r"\s+", " ", text)
    for s in data:
        text = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ¤ ", text)
    return re.sub(r"\s+", " ", text)


def _page_text(folder: Path) -> str:
    return visible_text((folder / "report.html").read_text(encoding="utf-8"), _skip)


def _csv_text(folder: Path) -> str:
    parts = []
    for name, cols in PEOPLE_COLUMNS.items():
        path = folder / name
        if not path.is_file():
            continue
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                parts += [row.get(c) or "" for c in cols]
    return " | ".join(parts)


# ------------------------------------------------------------------ the phrase lists
def _phrases(lang: str) -> list[str]:
    """Phrases of three words or more from the texts of ``lang`` not shared with the other."""
    return phrases(TEXTS, lang, separators=".;:,()“”„\"'–—?!")


ENGLISH = _phrases("en") + ENGLISH_WORDS
GERMAN = _phrases("de") + GERMAN_WORDS


def test_the_phrase_lists_are_long_enough():
    assert len(ENGLISH) > 150 and len(GERMAN) > 150
    assert "Nothing is changed silently" in ENGLISH
    assert "Nichts wird stillschweigend verändert" in GERMAN


def _offending(text: str, phrases: list[str]) -> list[str]:
    return [p for p in phrases if p in text]


def test_german_report_has_no_english(reports):
    name, net, folders = reports
    data = _data_strings(net)
    page = _without_data(_page_text(folders["de"]), data)
    assert _offending(page, ENGLISH) == [], name
    tables = _without_data(_csv_text(folders["de"]), data)
    assert _offending(tables, ENGLISH) == [], name


def test_english_report_has_no_german(reports):
    name, net, folders = reports
    data = _data_strings(net)
    page = _without_data(_page_text(folders["en"]), data)
    assert _offending(page, GERMAN) == [], name
    tables = _without_data(_csv_text(folders["en"]), data)
    assert _offending(tables, GERMAN) == [], name


# nouns counted in the report: "1" must not stand before their plural
_PLURALS = (
    "Akteure|Beziehungen|Kooperationsbeziehungen|Zugehörigkeiten|Angebote|Zielgruppen|Felder|"
    "Lücken|Teile|Wiederholungen|weitere Zeilen|gemeinsame Mitglieder|gemeinsame Partner|"
    "actors|ties|cooperation ties|affiliations|offers|target groups|cells|gaps|parts|"
    "replicates|more rows|shared members|shared partners|partners|common partners|"
    "strongest catalysts|Konkurrenzbeziehungen|competition ties"
)


def test_no_plural_after_one(reports):
    name, _, folders = reports
    for lang in ("de", "en"):
        text = _page_text(folders[lang]) + " " + _csv_text(folders[lang])
        assert re.findall(rf"(?<![\d.,]) ?\b1 (?:{_PLURALS})\b", text) == [], (name, lang)


# ------------------------------------------------------------------ singular and plural
def test_every_count_phrase_knows_the_singular():
    fields = re.compile(r"\{(\w+)(?::([^}]*))?\}")
    counted = {
        "actors",
        "ties",
        "affiliations",
        "components",
        "isolates",
        "municipal",
        "n",
        "k",
        "offers",
        "groups",
        "cells",
        "dups",
        "gaps",
        "mean_partners",
    }
    for lang in ("de", "en"):
        for key, text in TEXTS[lang].items():
            if not isinstance(text, str):
                continue
            for field, spec in fields.findall(text):
                if field in counted and not (key == "off_counts" and field == "singles"):
                    assert spec and "|" in spec, (lang, key, field)


@pytest.mark.parametrize(
    "lang, key, values, expected",
    [
        ("de", "ov_components", {"components": 2, "lcs": "90 %", "isolates": 1}, "1 Akteur hat"),
        ("en", "ov_components", {"components": 2, "lcs": "90 %", "isolates": 1}, "1 actor has"),
        ("de", "ov_municipal", {"municipal": 1, "mshare": "50 %"}, "1 Akteur gehört"),
        ("en", "ov_municipal", {"municipal": 1, "mshare": "50 %"}, "1 actor belongs"),
        ("de", "more_rows", {"n": 1, "file": "x.csv"}, "1 weitere Zeile "),
        ("en", "more_rows", {"n": 1, "file": "x.csv"}, "1 more row "),
        (
            "de",
            "dq_read",
            {"source": "s", "format": "f", "actors": 1, "ties": 1, "affiliations": 1},
            "1 Akteur, 1 Beziehung, 1 Zugehörigkeit.",
        ),
        (
            "en",
            "dq_read",
            {"source": "s", "format": "f", "actors": 1, "ties": 1, "affiliations": 1},
            "1 actor, 1 tie, 1 affiliation.",
        ),
        (
            "de",
            "dep_summary",
            {"k": 1, "pairs": "", "largest": "", "cross": ""},
            "Ohne den stärksten Katalysator",
        ),
        (
            "en",
            "dep_summary",
            {"k": 1, "pairs": "", "largest": "", "cross": ""},
            "Without the strongest catalyst,",
        ),
        (
            "de",
            "ov_actors_ties",
            {"actors": 1, "ties": 1, "density_pct": "", "density": "", "mean_partners": "1"},
            "Im Netzwerk ist 1 Akteur über 1 Kooperationsbeziehung verbunden",
        ),
        (
            "en",
            "ov_actors_ties",
            {"actors": 2, "ties": 1, "density_pct": "", "density": "", "mean_partners": "1"},
            "on average an actor has 1 partner.",
        ),
    ],
)
def test_singular_texts(lang, key, values, expected):
    assert expected in say(TEXTS[lang][key], lang, **values)


# ------------------------------------------------------------------ the catalysts' "why"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_FIELD = re.compile(r"\{\w+(?::([^}]*))?\}")


def _german_vocabulary() -> set[str]:
    """Every word of the German ``why`` templates (the words of counted fields included)."""
    de = WHY_TEXTS["de"]
    templates = [
        *de["strong"].values(),
        de["other"],
        *de["names"].values(),
        *de["kinds"].values(),
        de["top"],
        de["lowest"],
    ]
    words: set[str] = set()
    for template in templates:
        text = _FIELD.sub(lambda m: " " + (m.group(1) or "").replace("|", " ") + " ", template)
        words |= set(_WORD.findall(text))
    return words


@pytest.fixture(scope="module")
def all_reasons() -> set[tuple[Reason, ...]]:
    from quartiernetz.roles import catalysts

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        nets = {"nordstadt": load_example(), **lower_saxony(seed=0)}
        return {r for net in nets.values() for r in catalysts(net)["reasons"]}


def test_every_reason_has_a_german_template():
    """Every kind of reason and every measure of the catalyst table has German words."""
    from quartiernetz.roles.index import CATALYST_COLUMNS

    de = WHY_TEXTS["de"]
    assert set(de["kinds"]) == set(REASON_KINDS) - {"strong"}
    assert set(CATALYST_COLUMNS) <= set(de["strong"]) and set(CATALYST_COLUMNS) <= set(de["names"])


def test_every_why_reads_german_completely(all_reasons):
    """Every ``why`` of the example and of three generated quarters reads German, word by word.

    Fails when the catalyst table learns a reason :func:`quartiernetz.words.why` has no
    German words for.
    """
    vocabulary = _german_vocabulary()
    assert len(all_reasons) > 50
    left = {}
    for reasons in sorted(all_reasons, key=str):
        german = why(reasons, "de")
        unknown = [w for w in _WORD.findall(german) if w not in vocabulary]
        if unknown:
            left[why(reasons, "en")] = unknown
    assert left == {}


def test_an_unknown_why_phrase_is_caught():
    vocabulary = _german_vocabulary()
    german = why([Reason("strong", "spans three sectors", 3.0, 5)], "de")
    assert [w for w in _WORD.findall(german) if w not in vocabulary]


# ------------------------------------------------------------------ methods
def test_methods_describe_the_catalyst_score_as_computed():
    de = dict(TEXTS["de"]["methods"])["Netzwerk-Katalysator-Wert"]
    en = dict(TEXTS["en"]["methods"])["Network catalyst score"]
    assert "Perzentil" not in de and "percentile" not in en
    assert "stärksten" in de and "(Wert − kleinster Wert) / (größter Wert − kleinster Wert)" in de
    assert "scaled to the strongest actor" in en
    assert "(value − lowest value) / (highest value − lowest value)" in en


def test_actors_without_a_type_read_no_type_given(reports):
    name, net, folders = reports
    if not net.actors["type"].isna().any():
        pytest.skip(f"{name}: every actor has a type")
    untyped = set(net.actors.index[net.actors["type"].isna()])
    for lang, words in (("de", "(ohne Angabe)"), ("en", "(no type given)")):
        with open(folders[lang] / "catalysts.csv", encoding="utf-8-sig", newline="") as fh:
            groups = {r["actor"]: r["group"] for r in csv.DictReader(fh)}
        assert {groups[a] for a in untyped} == {words}, (name, lang)
        with open(folders[lang] / "data_actors_by_type.csv", encoding="utf-8-sig") as fh:
            assert words in fh.read()


def test_format_and_survey_tool_in_the_language(reports):
    name, _, folders = reports
    if name == "nordstadt":
        pytest.skip("not a survey")
    de, en = _page_text(folders["de"]), _page_text(folders["en"])
    assert "(Format Befragung)" in de and "(format survey)" in en
    tools = {
        "wide": ("breite Tabelle", "wide spreadsheet"),
        "msforms": ("Microsoft-Forms-Export", "Microsoft Forms"),
    }
    if name in tools:
        assert f"Umfragewerkzeug {tools[name][0]}" in re.sub(r"\s+", " ", de)
        assert f"Survey tool {tools[name][1]}" in re.sub(r"\s+", " ", en)


def test_german_references_describe_their_sources_in_german():
    """Authors and titles stay as published; what kind of source it is reads German."""
    german = references("de")
    assert len(german) == len(REFERENCES)
    changed = [r for r, e in zip(german, REFERENCES, strict=True) if r != e]
    assert len(changed) == 4
    for ref in german:
        assert not re.search(r"\b(undated|handout|project|programme|website|practice guide)\b", ref)
