"""The report folder: files, sections in both languages, escaping, safe CSV, reproducibility."""

from __future__ import annotations

import base64
import csv
import filecmp
import io
import os
import re
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.check import FACTOR_IDS
from quartiernetz.datasets import example_path, load_example
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.report import TABLE_FILES, write_report
from quartiernetz.report.figures import FIGURE_NAMES
from quartiernetz.report.progress import Progress

from .report_inputs import FORMULA, MAIL, SCRIPT

HEADINGS = {
    "de": [
        "Überblick",
        "Netzwerkkarte",
        "Netzwerk-Katalysatoren",
        "Abhängigkeit von den Katalysatoren",
        "Doppelstrukturen",
        "Konkurrenzcluster",
        "Gemeinschaften/Cluster",
        "Angebotslandkarte",
        "Datenqualität",
        "Methoden",
    ],
    "en": [
        "Overview",
        "Network map",
        "Network catalysts",
        "Dependence on the catalysts",
        "Duplicate structures",
        "Competitor clusters",
        "Communities",
        "Offer map",
        "Data quality",
        "Methods",
    ],
}


class _Page(HTMLParser):
    """Collects tags, attributes, headings and text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.h2: list[str] = []
        self.text: list[str] = []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_h2 = tag == "h2"

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h2:
            self.h2.append(data.strip())


def _page(folder: Path) -> tuple[str, _Page]:
    html = (folder / "report.html").read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    return html, page


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


# ----------------------------------------------------------------------------- files


@pytest.mark.parametrize("lang", ["de", "en"])
def test_all_files_are_written(example_reports, lang):
    folder = example_reports[lang]
    for name in TABLE_FILES:
        assert (folder / name).is_file(), name
    for name in FIGURE_NAMES:
        for ext in ("png", "svg"):
            path = folder / "figures" / f"{name}.{ext}"
            assert path.is_file() and path.stat().st_size > 5000, path
    names = {p.name for p in folder.iterdir()}
    assert names == {
        *TABLE_FILES,
        "report.html",
        "explorer.html",
        "figures",
        ".quartiernetz-report",
    }


@pytest.mark.parametrize("lang", ["de", "en"])
def test_network_check_table_is_in_the_reports_language(example_reports, lang):
    rows = _csv(example_reports[lang] / "network_check.csv")
    assert [r["factor"] for r in rows] == list(FACTOR_IDS)
    words = {"de": {"Stärke", "Hinweis", "Lücke", "nicht messbar"}}.get(
        lang, {"strength", "watch point", "gap", "not measurable"}
    )
    assert {r["assessment"] for r in rows} <= words
    first = rows[0]
    assert first["label"] == ("zentrale Koordination" if lang == "de" else "central coordination")
    assert first["question"].startswith("Gibt es" if lang == "de" else "Is there")
    # the survey-only factors name the item to ask
    assert all(r["ask"] for r in rows if r["assessment"] in {"nicht messbar", "not measurable"})


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sections_in_both_languages(example_reports, lang):
    html, page = _page(example_reports[lang])
    assert f'<html lang="{lang}">' in html
    for heading in HEADINGS[lang]:
        assert heading in page.h2, heading
    # the table of contents links every section
    anchors = {a.get("href") for tag, a in page.tags if tag == "a"}
    ids = {a.get("id") for _, a in page.tags if a.get("id")}
    assert {h[1:] for h in anchors if h and h.startswith("#")} <= ids


def test_overview_in_plain_words(example_reports):
    de = " ".join(_page(example_reports["de"])[1].text)
    en = " ".join(_page(example_reports["en"])[1].text)
    assert "Im Netzwerk sind 31 Akteure über 62 Kooperationsbeziehungen verbunden." in de
    assert "Dichte 0,13" in de
    assert "The network connects 31 actors by 62 cooperation ties." in en
    assert "density 0.13" in en
    assert "Die stärksten Netzwerk-Katalysatoren: Quartiersmanagement Nordstadt" in de


def test_catalyst_table_explains_in_the_report_language(example_reports):
    _, page = _page(example_reports["de"])
    text = " ".join(page.text)
    assert "liegt auf vielen kürzesten Wegen zwischen anderen" in text
    assert "top 4%" not in text and "no component" not in text
    rows = _csv(example_reports["de"] / "catalysts.csv")
    assert rows[0]["actor"] == "qm-nord" and rows[0]["rank"] == "1"
    assert "Betweenness" in rows[0]["why"]
    en = _csv(example_reports["en"] / "catalysts.csv")
    assert "on many shortest paths between others" in en[0]["why"]


def test_report_is_self_contained(example_reports):
    """Nothing is loaded from elsewhere; the only link out of the page is the explorer
    page written beside it (itself one offline file, tested in tests/explorer)."""
    html, page = _page(example_reports["de"])
    tags = {tag for tag, _ in page.tags}
    assert not tags & {"script", "link", "iframe", "object", "embed"}
    for _tag, attrs in page.tags:
        for key in ("src", "href"):
            value = attrs.get(key)
            if value is None:
                continue
            if key == "src":
                assert value.startswith("data:image/svg+xml;base64,"), value[:40]
            else:
                assert value.startswith("#") or value == "explorer.html", value
    assert (example_reports["de"] / "explorer.html").is_file()
    assert "@import" not in html and "url(" not in html
    imgs = [a for tag, a in page.tags if tag == "img"]
    assert len(imgs) == len(FIGURE_NAMES)
    assert all(a.get("alt") for a in imgs)


def test_embedded_images_are_the_svg_files(example_reports):
    folder = example_reports["en"]
    _, page = _page(folder)
    for _, attrs in (t for t in page.tags if t[0] == "img"):
        data = base64.b64decode(attrs["src"].split(",", 1)[1])
        assert data.startswith(b"<?xml")
        assert data in {(folder / "figures" / f"{n}.svg").read_bytes() for n in FIGURE_NAMES}


def test_tables_hold_the_analyses(example_reports):
    folder = example_reports["en"]
    summary = {r["figure"]: r["value"] for r in _csv(folder / "summary.csv")}
    assert float(summary["actors"]) == 31 and float(summary["ties"]) == 62
    communities = _csv(folder / "communities.csv")
    assert len(communities) == 31
    assert min(int(r["community"]) for r in communities) == 1  # numbered from 1, as shown
    dups = _csv(folder / "duplicates.csv")
    assert {"offer", "committee", "ties"} <= {r["kind"] for r in dups}
    competitors = _csv(folder / "competitors.csv")
    assert any("awo-migr + caritas-migr" in r["suggested_ties"] for r in competitors)
    curve = _csv(folder / "dependence.csv")
    assert [r["step"] for r in curve] == ["0", "1", "2", "3", "4", "5"]
    offers = _csv(folder / "offers.csv")
    assert {"duplicate", "single", "gap"} == {r["status"] for r in offers}


# -------------------------------------------------------------------- reproducibility


def test_same_input_and_seed_give_identical_files(example_reports, tmp_path):
    # a fresh process with another hash seed: nothing may depend on set or dict order
    again = tmp_path / "again"
    code = (
        "import sys; from quartiernetz.datasets import load_example; "
        "from quartiernetz.report import write_report; "
        "write_report(load_example(), sys.argv[1], lang='de', quiet=True)"
    )
    subprocess.run(
        [sys.executable, "-c", code, str(again)],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        timeout=300,
    )
    cmp = filecmp.dircmp(example_reports["de"], again)
    assert not cmp.left_only and not cmp.right_only
    for folder_a, folder_b in (
        (example_reports["de"], again),
        (example_reports["de"] / "figures", again / "figures"),
    ):
        names = sorted(p.name for p in folder_a.iterdir() if p.is_file())
        match, mismatch, errors = filecmp.cmpfiles(folder_a, folder_b, names, shallow=False)
        assert not mismatch and not errors, mismatch


def test_another_seed_changes_the_maps_not_the_scores(example_reports, tmp_path):
    other = write_report(load_example(), tmp_path / "seed7", lang="de", seed=7, quiet=True)
    assert (other / "catalysts.csv").read_bytes() == (
        example_reports["de"] / "catalysts.csv"
    ).read_bytes()
    assert (other / "figures" / "network.svg").read_bytes() != (
        example_reports["de"] / "figures" / "network.svg"
    ).read_bytes()


def test_no_timestamps_anywhere(example_reports):
    pattern = re.compile(r"\b(19|20)\d\d-\d\d-\d\d\b|\b\d\d:\d\d:\d\d\b")
    folder = example_reports["de"]
    for path in [folder / "report.html", *folder.glob("*.csv"), *folder.glob("figures/*.svg")]:
        assert not pattern.search(path.read_text(encoding="utf-8-sig")), path.name


# -------------------------------------------------------------------------- escaping


def test_hostile_names_are_escaped_in_html(hostile_report):
    html, page = _page(hostile_report)
    assert "<script" not in html.lower()
    assert "<b>Treff</b>" not in html and "<i>x</i>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    text = " ".join(page.text)
    assert SCRIPT in text  # shown as text, not run
    assert f"Titel {SCRIPT}" in text
    assert FORMULA in text  # HTML shows the name as written
    assert not {tag for tag, _ in page.tags} & {"script", "b", "i"}


def test_formula_cells_are_neutralised_in_every_csv(hostile_report):
    cat = _csv(hostile_report / "catalysts.csv")
    labels = {r["actor"]: r["label"] for r in cat}
    assert labels["formula"] == "'" + FORMULA
    assert labels["caritas"] == "'@Caritas"
    assert labels["verein"] == "'+Verein"
    assert labels["evil"] == SCRIPT  # not a formula: left as it is
    float(cat[0]["catalyst_score"])  # numbers stay numbers
    assert not cat[0]["catalyst_score"].startswith("'")
    for path in hostile_report.glob("*.csv"):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    if cell[:1] in ("=", "+", "@", "\t", "\r"):
                        pytest.fail(f"{path.name}: formula cell {cell!r}")
                    if cell[:1] == "-":
                        float(cell)  # only negative numbers may start with "-"
    offers = pd.read_csv(hostile_report / "offers.csv", encoding="utf-8-sig")
    assert ("'" + FORMULA) in set(offers["target_group"])


def test_identifying_columns_never_reach_the_outputs(hostile_report):
    for path in hostile_report.rglob("*"):
        if path.is_file():
            assert MAIL.encode() not in path.read_bytes(), path.name


def test_survey_figures_from_a_whitelist(tmp_path):
    net = load_example()
    net.meta["survey"] = {
        "tool": "limesurvey",
        "roster_size": 31,
        "respondents": 24,
        "response_rate": 0.7742,
        "file": "/home/someone/export-with-names.csv",
        "confirmed_share": 0.5,
        "dropped_identifying_columns": ["email", "ipaddr"],
        "names": {"Frau Müller": "awo-treff"},
        "questions": {"KOOP": "Kooperation"},
    }
    out = write_report(net, tmp_path / "survey", lang="de", quiet=True)
    html, page = _page(out)
    text = " ".join(page.text)
    assert "Rücklaufquote" in text and "77,4\xa0%" in text
    assert "email, ipaddr" in text
    assert "Frau Müller" not in html and "export-with-names" not in html


# ------------------------------------------------------------------------ edge cases


def test_tiny_and_plain_networks(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pair = Network(ties=pd.DataFrame({"source": ["a"], "target": ["b"]}))
        lonely = Network(actors=pd.DataFrame({"id": ["a", "b", "c"], "type": ["Kita"] * 3}))
    for name, net in (("pair", pair), ("lonely", lonely)):
        out = write_report(net, tmp_path / name, lang="en", quiet=True)
        html, page = _page(out)
        assert "Network catalysts" in page.h2
        assert "Offer map" not in page.h2  # no offers, no offer section
        assert (out / "summary.csv").is_file()


def test_existing_folder_needs_force(tmp_path):
    net = load_example()
    out = tmp_path / "r"
    out.mkdir()
    (out / "old.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(QuartiernetzError, match="force=True"):
        write_report(net, out, quiet=True)
    assert (out / "old.txt").read_text(encoding="utf-8") == "keep me"
    # force replaces only an earlier report, never other files
    with pytest.raises(QuartiernetzError, match="no quartiernetz report"):
        write_report(net, out, quiet=True, force=True, lang="en")
    assert [p.name for p in out.iterdir()] == ["old.txt"]
    with pytest.raises(QuartiernetzError, match="lang"):
        write_report(net, tmp_path / "x", lang="fr")
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(QuartiernetzError, match="not a folder"):
        write_report(net, tmp_path / "file")


def test_progress_only_on_a_terminal(tmp_path, capsys):
    write_report(load_example(), tmp_path / "quiet", lang="en", quiet=False)
    assert capsys.readouterr().err == ""  # pytest's stderr is not a terminal
    buf = io.StringIO()
    p = Progress(2, enabled=True, stream=buf)
    p.step("a")
    assert buf.getvalue() == "[1/2] a …\n"
    assert Progress(2, stream=io.StringIO()).enabled is False


def test_command_line_writes_the_report(tmp_path):
    from quartiernetz.cli import main

    out = tmp_path / "cli"
    assert (
        main(
            [
                "report",
                str(example_path()),
                "--out",
                str(out),
                "--lang",
                "en",
                "--title",
                "Nordstadt 2026",
                "--quiet",
            ]
        )
        == 0
    )
    html, page = _page(out)
    assert "Nordstadt 2026" in page.h2 or "Nordstadt 2026" in " ".join(page.text)


# ------------------------------------------------------------------------ offers, types


def test_offer_counts_are_those_of_the_grid(example_reports):
    # 11 offers x 5 target groups: the Schuldnerberatung without an area is one cell, not a
    # gap in Nordstadt plus a row of its own
    de = " ".join(_page(example_reports["de"])[1].text)
    assert (
        "11 Angebote, 5 Zielgruppen, also 55 Felder: 4 Felder mit mehreren Anbietern, "
        "8 mit einem, 43 Lücken." in de
    )
    en = " ".join(_page(example_reports["en"])[1].text)
    assert "11 offers, 5 target groups, so 55 cells: 4 cells with several providers" in en
    rows = _csv(example_reports["de"] / "offers.csv")
    assert len(rows) == 55 and "area" not in rows[0]
    debt = {r["target_group"]: r["status"] for r in rows if r["offer"] == "Schuldnerberatung"}
    assert debt["Familien"] == "ein Anbieter" and debt["Senioren"] == "Lücke"
    assert {r["status"] for r in _csv(example_reports["en"] / "offers.csv")} == {
        "duplicate",
        "single",
        "gap",
    }


def _two_areas() -> Network:
    """Two areas, an offer without an area, an actor without a type, one isolate."""
    actors = pd.DataFrame(
        {
            "id": ["qm", "awo", "caritas", "beratung", "kita", "allein"],
            "type": pd.Series(
                ["Kommune", "Wohlfahrtsverband", "Wohlfahrtsverband", None, "Kita", "Verein"],
                dtype=object,
            ),
            "area": pd.Series(["West", "West", "Ost", None, "Ost", "Ost"], dtype=object),
        }
    )
    ties = pd.DataFrame(
        {
            "source": ["qm", "qm", "qm", "awo", "kita"],
            "target": ["awo", "caritas", "beratung", "kita", "caritas"],
        }
    )
    aff = pd.DataFrame(
        {
            "actor": ["awo", "caritas", "beratung"],
            "item": ["Seniorentreff", "Seniorentreff", "Schuldnerberatung"],
            "kind": "offer",
            "target_group": ["Senioren", "Senioren", "Familien"],
        }
    )
    return Network(actors=actors, ties=ties, affiliations=aff)


@pytest.fixture(scope="module")
def two_area_reports(tmp_path_factory):
    base = tmp_path_factory.mktemp("two-areas")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = _two_areas()
        return {
            lang: write_report(net, base / lang, lang=lang, quiet=True, n_jobs=1)
            for lang in ("de", "en")
        }


def test_offer_without_an_area_is_listed_apart(two_area_reports):
    de = " ".join(_page(two_area_reports["de"])[1].text)
    assert (
        "2 Angebote, 2 Zielgruppen, also 4 Felder: 1 Feld mit mehreren Anbietern, 1 mit einem, "
        "2 Lücken." in de
    )
    assert "Ohne Gebietsangabe: Schuldnerberatung (beratung)." in de
    rows = _csv(two_area_reports["de"] / "offers.csv")
    apart = [r for r in rows if r["area"] == "(ohne Angabe)"]
    assert [(r["offer"], r["target_group"], r["status"]) for r in apart] == [
        ("Schuldnerberatung", "Familien", "ein Anbieter")
    ]
    en = " ".join(_page(two_area_reports["en"])[1].text)
    assert "Without an area: Schuldnerberatung (beratung)." in en
    assert "“(not given)”" in en


def test_singular_counts_and_missing_types_in_the_page(two_area_reports):
    de = " ".join(_page(two_area_reports["de"])[1].text)
    assert "1 Akteur hat gar keine Beziehung" in de
    assert "1 Akteur gehört zur Kommune" in de
    assert "(ohne Angabe)" in de  # the type of "beratung" in the catalyst table
    en = " ".join(_page(two_area_reports["en"])[1].text)
    assert "1 actor has no tie at all" in en and "1 actor belongs to the municipality" in en
    assert "(no type given)" in en
