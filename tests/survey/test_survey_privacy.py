"""No identifying column reaches any output; keyed pseudonyms."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook

from quartiernetz.exceptions import AnalysisError, InputError, QuartiernetzWarning
from quartiernetz.io import write_network
from quartiernetz.io.survey import read_survey, survey_summary
from quartiernetz.privacy import (
    identifying_columns,
    identifying_values,
    pseudonym,
    pseudonymize,
    read_key,
)

from ..survey_examples import SURVEY_EXAMPLES, survey_options

KEY = "nordstadt-2026-geheimer-schluessel"

#: tool -> the identifying columns planted in its bundled export (tests/survey_examples.py)
PLANTED = {
    "limesurvey": ["token", "ipaddr", "refurl", "KOMMENTAR"],
    "sosci": ["SERIAL", "KT01_01"],
    "qualtrics": [
        "IPAddress",
        "RecipientLastName",
        "RecipientFirstName",
        "RecipientEmail",
        "LocationLatitude",
        "LocationLongitude",
        "Q6",
    ],
    "googleforms": ["E-Mail-Adresse", "Haben Sie Anmerkungen oder Wünsche?"],
    "msforms": ["Email", "Name", "Weitere Anmerkungen"],
    "wide": ["Bemerkung"],
}


def _planted(path, columns) -> set[str]:
    """The values of the identifying columns, read straight from the export."""
    if path.suffix == ".xlsx":
        ws = load_workbook(path, read_only=True).worksheets[0]
        rows = [[("" if v is None else str(v)) for v in r] for r in ws.iter_rows(values_only=True)]
    else:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig") if raw[:3] == b"\xef\xbb\xbf" else None
        if text is None:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
        sep = (
            "\t" if "\t" in text.splitlines()[0] else (";" if ";" in text.splitlines()[0] else ",")
        )
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))
    header = rows[0]
    values = set()
    for c in columns:
        j = header.index(c)
        values |= {r[j].strip() for r in rows[1:] if len(r) > j}
    # leave out empties, MS Forms' "anonymous" and the header rows of Qualtrics
    return {
        v
        for v in values
        if len(v) >= 4
        and v != "anonymous"
        and not v.startswith("{")
        and v
        not in (
            "Recipient Email",
            "IP Address",
            "Recipient Last Name",
            "Recipient First Name",
            "Location Latitude",
            "Location Longitude",
        )
    }


def _outputs(net, tmp_path) -> str:
    """Everything a user can get out of the network, as text."""
    parts = [
        net.actors.to_csv(),
        net.ties.to_csv(),
        net.affiliations.to_csv(),
        str(net.record),
        net.record.to_frame().to_csv(),
        repr(net.meta.get("survey")),
        net.meta["missing"].to_csv(),
    ]
    folder = write_network(net, tmp_path / "out")
    parts += [p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir())]
    G = net.to_networkx()
    nx.write_graphml(G, tmp_path / "g.graphml")
    parts.append((tmp_path / "g.graphml").read_text(encoding="utf-8"))
    parts.append(survey_summary(net).to_csv())
    return "\n".join(parts)


@pytest.mark.parametrize("tool", sorted(PLANTED))
def test_no_identifying_value_reaches_an_output(surveys, tmp_path, quiet, tool):
    export, options = SURVEY_EXAMPLES[tool]
    planted_cols = PLANTED[tool]
    net = read_survey(surveys / export, **survey_options(options, surveys))
    for c in planted_cols:
        assert c in net.meta["survey"]["dropped_identifying_columns"]
    planted = _planted(surveys / export, planted_cols)
    assert len(planted) >= 2, planted  # the example really plants something
    text = _outputs(net, tmp_path)
    leaked = sorted(v for v in planted if v in text)
    assert leaked == []


def test_dropped_with_a_warning(surveys):
    with pytest.warns(Warning) as caught:
        read_survey(
            surveys / "wide/kooperationsmatrix_nordstadt.csv", roster=surveys / "wide/roster.csv"
        )
    assert any("identifying column left out (free-text comment)" in str(w.message) for w in caught)


def test_identifying_columns_by_header():
    cols = [
        "id",
        "token",
        "E-Mail-Adresse",
        "RecipientEmail",
        "IP-Adresse",
        "ipaddr",
        "Name",
        "Vorname",
        "Telefon",
        "KOOP[SQ001]",
        "KOOP[comment]",
        "Q7_TEXT",
        "Anmerkungen",
        "Haben Sie Kommentare?",
        "MAILSENT",
        "LocationLatitude",
        "Für welche Einrichtung?",
    ]
    got = identifying_columns(cols)
    assert set(got) == {
        "token",
        "E-Mail-Adresse",
        "RecipientEmail",
        "IP-Adresse",
        "ipaddr",
        "Name",
        "Vorname",
        "Telefon",
        "KOOP[comment]",
        "Q7_TEXT",
        "Anmerkungen",
        "Haben Sie Kommentare?",
        "LocationLatitude",
    }
    assert got["KOOP[comment]"] == "free-text comment"
    assert got["Q7_TEXT"] == "free-text answer"


def test_identifying_values():
    assert identifying_values(["", "a.b@c.de"]) == "holds e-mail addresses"
    assert identifying_values(["2001:db8::1"]) == "holds IP addresses"
    assert identifying_values(["10:09:40", "2026-05-04", "A1"]) is None


def test_roster_contact_columns_are_dropped(tmp_path, quiet):
    path = tmp_path / "m.csv"
    path.write_text("Organisation;qm;awo\nQM;;2\n", encoding="utf-8")
    roster = pd.DataFrame(
        {
            "id": ["qm", "awo"],
            "label": ["QM", "AWO"],
            "Ansprechpartnerin": ["Frau Kaya", "Herr Lenz"],
            "E-Mail": ["kaya@qm.de", "lenz@awo.de"],
            "type": ["QM", "Verband"],
        }
    )
    net = read_survey(path, roster=roster)
    assert list(net.actors.columns) == ["label", "type", "responded"]
    assert net.meta["survey"]["dropped_identifying_columns"] == ["Ansprechpartnerin", "E-Mail"]


# ------------------------------------------------------------------ pseudonyms


@pytest.fixture
def names_net(surveys, quiet):
    return read_survey(
        surveys / "namegenerator/data_netzwerk_namen_2026-06-04_09-12.csv",
        roster=surveys / "namegenerator/roster.csv",
        respondent="SERIAL",
        codebook=surveys / "namegenerator/codebook.csv",
        names={"NG01": "NG02"},
    )


def test_pseudonymize_everywhere(names_net, tmp_path):
    net = names_net
    pnet, keys = pseudonymize(net, key=KEY)
    mapping = dict(zip(keys["id"], keys["pseudonym"], strict=True))
    assert len(mapping) == len(net.actors) == 25
    assert all(p.startswith("A-") and len(p) == 10 for p in mapping.values())
    assert pnet.actors.index.tolist() == [mapping[i] for i in net.actors.index]
    assert (pnet.actors["label"] == pnet.actors.index).all()
    for c in ("source", "target", "reported_by"):
        assert pnet.ties[c].tolist() == [mapping[i] for i in net.ties[c]]
    assert pnet.ties["intensity"].tolist() == net.ties["intensity"].tolist()
    assert pnet.ties["row"].tolist() == net.ties["row"].tolist()
    assert pnet.actors["responded"].tolist() == net.actors["responded"].tolist()
    assert "review" not in pnet.meta and "review" in net.meta
    assert set(pnet.meta["missing"].columns) == set(net.meta["missing"].columns)
    # no id or label survives in any output
    text = _outputs(pnet, tmp_path)
    kept = set(net.actors["type"].dropna()) | set(net.actors["umbrella"].dropna())
    for i, label in zip(net.actors.index, net.actors["label"], strict=True):
        assert f'"{i}"' not in text
        if label not in kept:  # the new actor "Quartiersmanagement" is also a type
            assert label not in text, label
    # the key table maps back
    assert (
        keys.set_index("pseudonym").loc[mapping["qm"], "label"] == "Quartiersmanagement Nordstadt"
    )
    # the analysis is the same
    G, H = net.to_networkx(), pnet.to_networkx()
    assert sorted(d["weight"] for *_, d in G.edges(data=True)) == sorted(
        d["weight"] for *_, d in H.edges(data=True)
    )
    assert survey_summary(pnet).equals(survey_summary(net))


def test_pseudonyms_are_stable_and_keyed():
    assert pseudonym("awo", key=KEY) == pseudonym("awo", key=KEY.encode())
    assert pseudonym("awo", key=KEY) != pseudonym("awo", key=KEY + "x")
    assert pseudonym("awo", key=KEY) != pseudonym("caritas", key=KEY)
    # HMAC-SHA256("k", "awo"), first 8 hex digits, computed with hmac/hashlib
    import hashlib
    import hmac

    digest = hmac.new(b"k", b"awo", hashlib.sha256).hexdigest()
    assert pseudonym("awo", key="k") == "A-" + digest[:8]


def test_pseudonymize_items_and_free_text(names_net):
    net = names_net.copy()
    net.actors["notes"] = "Kontakt: Frau Kaya"
    net.affiliations = pd.DataFrame(
        {"actor": ["qm", "awo"], "item": ["Steuerungsgruppe"] * 2, "kind": ["committee"] * 2}
    )
    with pytest.warns(QuartiernetzWarning):
        short, _ = pseudonymize(net, key="short")
    assert "notes" not in short.actors.columns
    assert short.affiliations["item"].tolist() == ["Steuerungsgruppe"] * 2
    pnet, keys = pseudonymize(net, key=KEY, items=True)
    assert pnet.affiliations["item"].str.startswith("I-").all()
    assert (keys["kind"] == "item").sum() == 1
    kept, _ = pseudonymize(net, key=KEY, keep_columns=["notes"])
    assert "notes" in kept.actors.columns


def test_empty_key_and_key_file(tmp_path, names_net):
    with pytest.raises(AnalysisError):
        pseudonymize(names_net, key="")
    f = tmp_path / "key.txt"
    f.write_text(KEY + "\n", encoding="utf-8")
    assert read_key(f) == KEY.encode()
    (tmp_path / "empty.txt").write_text("\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_key(tmp_path / "empty.txt")


def test_record_reasons_are_pseudonymised(surveys, quiet):
    net = read_survey(
        surveys / "limesurvey/results-survey493827.csv",
        roster=surveys / "limesurvey/roster.csv",
        codebook=surveys / "limesurvey/codebook.csv",
    )
    assert '"awo"' in str(net.record)  # 'earlier … submission of "awo" superseded …'
    pnet, keys = pseudonymize(net, key=KEY)
    p = keys.set_index("id").loc["awo", "pseudonym"]
    assert '"awo"' not in str(pnet.record)
    assert f'"{p}"' in str(pnet.record)
