"""``quartiernetz compare``: the comparison report end to end, in German and English."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.cli import main
from quartiernetz.datasets import load_example
from quartiernetz.io import write_network
from quartiernetz.report.compare import COMPARE_TEXTS, write_comparison

from .phrases import phrases, visible_text

LABELS = ("Welle 1", "Welle 2")


def _second_wave(net: Network) -> Network:
    """Nordstadt two years on: ties ended and began, one actor left, one came, one renamed."""
    actors = net.actors.reset_index()
    ties = net.ties.copy()
    aff = net.affiliations.copy()
    gone = actors["id"].iloc[-1]
    actors = actors[actors["id"] != gone]
    ties = ties[(ties["source"] != gone) & (ties["target"] != gone)]
    aff = aff[aff["actor"] != gone]
    ties = ties.iloc[5:]  # five ties ended
    renamed = actors["id"].iloc[3]
    actors.loc[actors["id"] == renamed, "id"] = "neu-" + renamed
    ties = ties.replace(
        {"source": {renamed: "neu-" + renamed}, "target": {renamed: "neu-" + renamed}}
    )
    aff = aff.replace({"actor": {renamed: "neu-" + renamed}})
    new = pd.DataFrame([{"id": "lesecafe", "label": "Lesecafé Nordstadt", "type": "Initiative"}])
    actors = pd.concat([actors, new], ignore_index=True)
    first = actors["id"].iloc[0]
    extra = pd.DataFrame(
        {
            "source": ["lesecafe", "lesecafe"],
            "target": [first, actors["id"].iloc[5]],
            "relation": ["cooperation", "cooperation"],
            "intensity": [1, 2],
        }
    )
    ties = pd.concat([ties, extra], ignore_index=True)
    return Network(actors=actors, ties=ties, affiliations=aff, name="nordstadt-2026")


@pytest.fixture(scope="module")
def waves(tmp_path_factory) -> tuple[Path, Path, Network, Network]:
    base = tmp_path_factory.mktemp("waves")
    first = load_example()
    second = _second_wave(first)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p1 = write_network(first, base / "nordstadt-2024")
        p2 = write_network(second, base / "nordstadt-2026")
    return p1, p2, first, second


@pytest.fixture(scope="module")
def reports(waves, tmp_path_factory) -> dict[str, Path]:
    p1, p2, _, _ = waves
    base = tmp_path_factory.mktemp("compare")
    out = {}
    for lang in ("de", "en"):
        argv = ["compare", str(p1), str(p2), "--out", str(base / lang), "--lang", lang]
        argv += ["--labels", *LABELS, "--permutations", "50", "--quiet"]
        assert main(argv) == 0
        out[lang] = base / lang
    return out


def _skip(tag: str, attrs: list) -> bool:
    """No style, no literature list."""
    return tag == "style" or (tag == "ul" and ("class", "references") in attrs)


def _phrases(lang: str) -> list[str]:
    return phrases(COMPARE_TEXTS, lang, separators=".;:,()\"'–—?!→")


def _page(folder: Path, nets: list[Network]) -> str:
    text = visible_text((folder / "compare.html").read_text(encoding="utf-8"), _skip)
    data: set[str] = set(LABELS)
    for net in nets:
        data |= {str(a) for a in net.actors.index}
        for frame in (net.actors, net.affiliations):
            for col in frame.columns:
                if frame[col].dtype == object:
                    data |= {str(v) for v in frame[col].dropna() if str(v).strip()}
    for s in sorted(data, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ¤ ", text)
    return re.sub(r"\s+", " ", text)


def test_compare_writes_every_file(reports):
    for folder in reports.values():
        names = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        for f in (
            "compare.html",
            "comparison.csv",
            "change_summary_1.csv",
            "tie_changes_1.csv",
            "actor_changes_1.csv",
            "catalyst_changes_1.csv",
            "duplicate_changes_1.csv",
            "significance.csv",
            "figures/comparison.svg",
            "figures/waves_1.png",
            "figures/tie_changes_1.svg",
            ".quartiernetz-report",
        ):
            assert f in names, f


def test_the_numbers_are_those_of_the_python_functions(reports, waves):
    from quartiernetz.change import change_summary

    _, _, first, second = waves
    table = pd.read_csv(reports["en"] / "change_summary_1.csv", encoding="utf-8-sig")
    values = dict(zip(table["figure"], table["value"], strict=True))
    expected = change_summary(first, second)["value"]
    assert values["ties_ended"] == expected["ties_ended"] > 0
    assert values["ties_new"] == expected["ties_new"] == 2
    assert values["actors_left"] == 1 and values["actors_entered"] == 1
    actors = pd.read_csv(reports["en"] / "actor_changes_1.csv", encoding="utf-8-sig")
    renamed = actors[actors["id_after"].astype(str).str.startswith("neu-")]
    assert renamed["matched_by"].tolist() == ["name"] and renamed["status"].tolist() == ["stayed"]
    sig = pd.read_csv(reports["en"] / "significance.csv", encoding="utf-8-sig")
    assert set(sig["test"]) == {"qap_correlation", "cug_test", "ei_test"}
    assert sig["repetitions"].eq(50).all()


def test_the_report_speaks_its_language(reports, waves):
    _, _, first, second = waves
    de = _page(reports["de"], [first, second])
    en = _page(reports["en"], [first, second])
    english = _phrases("en") + [" the ", " and ", " with ", " of the "]
    german = _phrases("de") + [" und ", " der ", " die ", " nicht "]
    assert len(english) > 40 and len(german) > 40
    found_en = [p for p in english if p in de]
    found_de = [p for p in german if p in en]
    assert not found_en, f"English in the German report: {found_en[:5]}"
    assert not found_de, f"German in the English report: {found_de[:5]}"
    assert "mehr als durch Zufall zu erwarten" in de
    assert "more" in en and "by chance" in en
    status = pd.read_csv(reports["de"] / "tie_changes_1.csv", encoding="utf-8-sig")["status"]
    assert set(status) <= {"bestehend", "neu", "beendet"}
    # the people-facing columns of the German tables are German too
    for name, column in (
        ("change_summary_1.csv", "description"),
        ("comparison.csv", "description"),
        ("significance.csv", "permuted"),
    ):
        cells = " | ".join(pd.read_csv(reports["de"] / name, encoding="utf-8-sig")[column])
        found = [p for p in english if p in f" {cells} "]
        assert not found, (name, found[:5])


def test_the_network_check_profiles_side_by_side(reports, waves):
    import quartiernetz as qn
    from quartiernetz.check import FACTOR_IDS

    _, _, first, second = waves
    expected = qn.network_check_compare(
        {LABELS[0]: first, LABELS[1]: second}, layout="long", seed=0
    )
    words = {
        "de": {"strength": "Stärke", "watch": "Hinweis", "gap": "Lücke"},
        "en": {"strength": "strength", "watch": "watch point", "gap": "gap"},
    }
    for lang, folder in reports.items():
        assert (folder / "figures" / "network_check.svg").is_file()
        assert (folder / "figures" / "network_check.png").is_file()
        table = pd.read_csv(folder / "network_check.csv", encoding="utf-8-sig")
        assert len(table) == 2 * len(FACTOR_IDS)
        assert table["network"].tolist() == expected["network"].tolist()
        assert table["factor"].tolist() == expected["factor"].tolist()
        shown = [
            words[lang].get(a, {"de": "nicht messbar"}.get(lang, a)) for a in expected["assessment"]
        ]
        assert table["assessment"].tolist() == shown
        html = (folder / "compare.html").read_text(encoding="utf-8")
        section = html.split('<section id="check">', 1)[1].split("</section>", 1)[0]
        assert COMPARE_TEXTS[lang]["sec_check"] in section
        assert section.count("<tr>") == len(FACTOR_IDS) + 1  # header and one row per factor
        assert words[lang]["watch"] in section
        assert 'href="#check"' in html
    de = (reports["de"] / "compare.html").read_text(encoding="utf-8")
    assert "Hinweise für das Gespräch" in de and "zentrale Koordination" in de


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ONE"], "mindestens zwei Eingaben"),
        (["ONE", "TWO", "--labels", "a"], "1 Namen für 2 Eingaben"),
        (["ONE", "TWO", "--labels", "a", "a"], "verschieden"),
        (["ONE", "TWO", "--permutations", "0"], "--permutations"),
        (["ONE", "missing-folder"], "missing-folder"),
    ],
)
def test_errors_exit_2_with_a_clear_message(args, message, waves, tmp_path, capsys):
    p1, p2, _, _ = waves
    argv = [str({"ONE": p1, "TWO": p2}.get(a, a)) for a in args]
    argv = [str(tmp_path / a) if a == "missing-folder" else a for a in argv]
    status = main(["compare", *argv, "--out", str(tmp_path / "out"), "--lang", "de"])
    err = capsys.readouterr().err
    assert status == 2
    assert "Fehler" in err and message in err
    assert not (tmp_path / "out").exists()


def test_a_folder_with_other_files_is_refused(waves, tmp_path, capsys):
    p1, p2, _, _ = waves
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("mine")
    status = main(["compare", str(p1), str(p2), "--out", str(out), "--lang", "en"])
    assert status == 2
    assert "not empty" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["thesis.docx"]


def test_three_graphs_same_bytes_for_the_same_seed(tmp_path):
    nets = {"1": nx.path_graph(6), "2": nx.cycle_graph(6), "3": nx.star_graph(5)}
    a = write_comparison(nets, tmp_path / "a", lang="en", permutations=20)
    b = write_comparison(nets, tmp_path / "b", lang="en", permutations=20)
    assert (a / "tie_changes_2.csv").is_file() and (a / "figures" / "waves_2.svg").is_file()
    for name in ("compare.html", "significance.csv", "figures/tie_changes_1.png"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_python_errors(tmp_path):
    from quartiernetz.exceptions import QuartiernetzError

    with pytest.raises(QuartiernetzError, match="at least two"):
        write_comparison({"1": nx.path_graph(3)}, tmp_path / "x")
    with pytest.raises(QuartiernetzError, match="permutations"):
        write_comparison(
            {"1": nx.path_graph(3), "2": nx.path_graph(3)}, tmp_path / "x", permutations=0
        )
    with pytest.raises(QuartiernetzError, match="lang"):
        write_comparison({"1": nx.path_graph(3), "2": nx.path_graph(3)}, tmp_path / "x", lang="fr")
    assert not (tmp_path / "x").exists()


def test_names_are_escaped_in_the_page(tmp_path):
    evil = "<script>alert(1)</script>\x1b[31m"
    before = nx.path_graph(["a", "b", "c", "d"])
    after = nx.path_graph(["a", "c", "b", "d"])
    for G in (before, after):
        G.nodes["a"]["label"] = evil
    out = write_comparison({"<b>1</b>": before, "2": after}, tmp_path / "x", permutations=10)
    page = (out / "compare.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<b>1</b>" not in page
    assert "&lt;b&gt;1&lt;/b&gt;" in page
    assert "\x1b" not in page


def test_duplicate_changes_speak_the_report_language(reports):
    de = pd.read_csv(reports["de"] / "duplicate_changes_1.csv", encoding="utf-8-sig")
    en = pd.read_csv(reports["en"] / "duplicate_changes_1.csv", encoding="utf-8-sig")
    assert len(de) == len(en) > 0
    assert "details" not in de.columns and "details" not in en.columns
    for g, e in zip(de["evidence"], en["evidence"], strict=True):
        assert g != e
        assert not re.search(r"\b(shared|partners?|members?|only in|cooperate)\b", g), g
