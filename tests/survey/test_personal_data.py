"""Personal data found by value and by header, in exports, rosters and typed names."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from quartiernetz.io import write_network
from quartiernetz.io.survey import read_survey
from quartiernetz.privacy import (
    KINDS,
    drop_personal_data,
    find_personal_data,
    identifying_columns,
    personal_data_in,
)
from quartiernetz.record import Record

PHONES = [
    "Tel. 0511 123456",
    "+49 (0)511-123 456",
    "0176/12345678",
    "0511 1234567",
    "+49 176 12345678",
    "0049 511 123456",
    "(0511) 12 34 56",
    "05111234567",
    "Telefon: 030-12345678",
    "+1 (555) 123-4567",
]
EMAILS = ["max.mustermann@awo-hannover.de", "info@bi-lindenplatz.de", "Frau Kaya <kaya@qm.de>"]
IPS = ["192.168.2.10", "2001:db8::1", "fe80::1ff:fe23:4567:890a", "Server 10.12.4.77"]
TOKENS = [
    "R_1abcDEF2ghIJk3L",
    "pXk4TQ2mZr8LwJd",
    "b7RnV2sQe9KcM1x",
    "3f9c2e1b7a4d5c6e8f0a1b2c",
    "123e4567-e89b-12d3-a456-426614174000",
]
URLS = [
    "https://www.lindenau.de/quartier-nordstadt/netzwerk?utm_source=newsletter",
    "https://survey.example.org/index.php?r=survey&token=pXk4TQ2m",
]
#: values a survey or a roster holds that are no personal data
HARMLESS = [
    "Quartiersmanagement Nordstadt",
    "Stadt Lindenau, Sozialamt",
    "AWO Ortsverein Nordstadt e.V.",
    "Kita Sonnenschein gGmbH",
    "TSV Nordstadt 1896",
    "Sportverein1896eV",
    "BürgerInnen2Go",
    "03.05.2026 10:09:40",
    "2026-05-04 09:10:12",
    "2026-05-04T09:10:12+02:00",
    "01/05/2026",
    "03/05/2026 10:09:40",
    "2026/05/03 10:09:40 OEZ",
    "05/03/2026 10:09",
    "01067 Dresden",
    "Lindenstraße 12, 30159 Hannover",
    "0,50 €",
    "DE-NI-0815",
    "10:09:40",
    "A1",
    "-9",
    "0.93",
    "52.3759",
    "183920471",
    "KOOP[SQ001]",
    "KOOP_SQ001",
    "Q5_1",
    "NG01_01",
    "QJ4KDW7M",
    "https://www.awo-nordstadt.de",
    "10 - 12 Uhr",
    "Mehr Austausch mit der Kita wäre gut.",
    "A-3f9c2e1b",
    "1.5",
    "0",
    "100",
    "anonymous",
]


@pytest.mark.parametrize("value", PHONES)
def test_phone_numbers_are_found(value):
    assert personal_data_in(value) == ["phone"]


@pytest.mark.parametrize("value", EMAILS)
def test_email_addresses_are_found(value):
    assert personal_data_in(value) == ["email"]


@pytest.mark.parametrize("value", IPS)
def test_ip_addresses_are_found(value):
    assert personal_data_in(value) == ["ip"]


@pytest.mark.parametrize("value", TOKENS)
def test_tokens_are_found(value):
    assert personal_data_in(value) == ["token"]


@pytest.mark.parametrize("value", URLS)
def test_urls_with_a_query_are_found(value):
    assert personal_data_in(value) == ["url"]


@pytest.mark.parametrize("value", HARMLESS)
def test_harmless_values_are_not_flagged(value):
    assert personal_data_in(value) == []


def test_every_kind_is_bilingual():
    for kind, text in KINDS.items():
        assert text.en and text.de and text.en != text.de, kind


def test_header_patterns():
    cols = [
        "Telefon (dienstlich)",
        "Tel.-Nr.",
        "Tel.",
        "Mobil",
        "Handy-Nummer",
        "Fax",
        "Mail",
        "E-Mail (privat)",
        "Kontakt",
        "Kontaktdaten",
        "Ansprechpartner (Name)",
        # not personal data
        "Mobilität im Quartier",
        "Kontakthäufigkeit",
        "Telefonzelle vorhanden?",
        "Träger",
        "Stadtteil",
        "MAILSENT",
    ]
    got = identifying_columns(cols)
    assert set(got) == set(cols[:11])
    assert got["Tel.-Nr."] == "telephone number"
    assert got["Telefon (dienstlich)"] == "telephone number"


def _roster_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": ["qm", "awo", "kita"],
            "label": ["Quartiersmanagement Nordstadt", "AWO Ortsverein", "Kita Sonnenschein"],
            "Träger": ["Stadt Lindenau", "AWO", "Stadt Lindenau"],
            "Kontakt": ["kaya@qm-nordstadt.de", "", "leitung@kita-sonnenschein.de"],
            "Server": ["192.168.2.10", "10.0.0.7", ""],
            "Telefon (dienstlich)": ["0511 123456", "", ""],
            "Tel.-Nr.": ["", "", ""],
            "Webseite": ["https://www.qm-nordstadt.de", "", ""],
            "Notiz": ["erreichbar unter 0176/12345678", "", ""],
        }
    )


PLANTED = [
    "kaya@qm-nordstadt.de",
    "leitung@kita-sonnenschein.de",
    "192.168.2.10",
    "10.0.0.7",
    "0511 123456",
    "0176/12345678",
]


def test_find_personal_data_by_value_and_header():
    found = {f.column: f for f in find_personal_data(_roster_frame(), keep=["id", "label"])}
    assert set(found) == {"Kontakt", "Server", "Telefon (dienstlich)", "Tel.-Nr.", "Notiz"}
    assert found["Server"].kind == "ip" and found["Server"].by == "values"
    assert found["Server"].count == 2
    assert found["Notiz"].kind == "phone"
    assert found["Tel.-Nr."].by == "header"
    assert found["Kontakt"].kind in ("email", "contact")


def test_an_organisation_column_is_not_flagged():
    frame = pd.DataFrame({"Einrichtung": HARMLESS, "Träger": ["AWO"] * len(HARMLESS)})
    assert find_personal_data(frame) == []


def test_drop_personal_data_records_column_and_kind_never_the_value():
    rec = Record()
    frame, found = drop_personal_data(_roster_frame(), rec, file="akteure.csv", keep=["id"])
    assert list(frame.columns) == ["id", "label", "Träger", "Webseite"]
    assert len(found) == 5 and len(rec) == 5
    assert {e.column for e in rec} == {f.column for f in found}
    assert all(e.action == "dropped" and e.file == "akteure.csv" for e in rec)
    text = "\n".join(rec.render("de") + rec.render("en") + [str(rec)])
    assert "IP-Adressen" in text and "IP addresses" in text
    for v in PLANTED:
        assert v not in text


def test_roster_columns_with_personal_values_never_reach_an_output(tmp_path, quiet):
    path = tmp_path / "matrix.csv"
    path.write_text("Organisation;qm;awo;kita\nqm;;2;1\nAWO Ortsverein;3;;0\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    _roster_frame().to_csv(roster, index=False)
    net = read_survey(path, roster=roster)
    assert "Webseite" in net.actors.columns  # an organisation's web site is no personal data
    for c in ("Kontakt", "Server", "Telefon (dienstlich)", "Tel.-Nr.", "Notiz"):
        assert c not in net.actors.columns
    dropped = net.meta["survey"]["dropped_identifying_columns"]
    assert {"Kontakt", "Server", "Telefon (dienstlich)", "Tel.-Nr.", "Notiz"} <= set(dropped)
    folder = write_network(net, tmp_path / "out")
    text = "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(folder.iterdir()))
    text += str(net.record) + "\n".join(net.record.render("de")) + net.actors.to_csv()
    for v in PLANTED:
        assert v not in text


def test_a_text_column_of_an_export_with_phone_numbers_is_dropped(tmp_path, quiet):
    path = tmp_path / "matrix.csv"
    path.write_text(
        "Organisation;qm;awo;Rückruf\nqm;;2;\nawo;3;;+49 (0)511-123 456\n", encoding="utf-8"
    )
    roster = pd.DataFrame({"id": ["qm", "awo"], "label": ["QM", "AWO"]})
    net = read_survey(path, roster=roster, ignore="Rückruf")
    assert "Rückruf" in net.meta["survey"]["dropped_identifying_columns"]
    entry = next(e for e in net.record if e.column == "Rückruf")
    assert "Telefonnummern" in entry.render("de")
    assert "511" not in entry.render("de")


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("max.mustermann@awo-hannover.de", "E-Mail-Adresse"),
        ("Frau Meier, Tel. 0511 123456", "Telefonnummer"),
    ],
)
def test_personal_data_typed_as_a_partner_never_becomes_an_actor(tmp_path, typed, kind):
    path = tmp_path / "namen.csv"
    path.write_text(
        "Zeitstempel,Einrichtung,Partner\r\n"
        "03.05.2026 10:09:40,Quartiersmanagement,AWO\r\n"
        f'03.05.2026 11:00:00,AWO,"Quartiersmanagement\n{typed}\nKita"\r\n',
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        net = read_survey(path, respondent="Einrichtung", names="Partner")
    labels = " ".join(net.actors["label"].astype(str))
    assert "@" not in labels and "0511" not in labels
    assert sorted(net.actors.index) == ["AWO", "Quartiersmanagement", "kita"]
    assert sorted(zip(net.ties["source"], net.ties["target"], strict=True)) == [
        ("AWO", "Quartiersmanagement"),
        ("AWO", "kita"),
        ("Quartiersmanagement", "AWO"),
    ]
    # the review table says where to look, without the value
    review = net.meta["review"]
    row = review[review["new_actor"] == ""].iloc[0]
    assert row["rows"] == "3" and row["name"].startswith("[")
    assert typed not in review.to_csv()
    entry = next(e for e in net.record if e.column == "Partner" and e.action == "dropped")
    assert kind in entry.render("de") and entry.rows == (3,)
    everything = (
        str(net.record) + "\n".join(net.record.render("de")) + str([str(w.message) for w in caught])
    )
    assert "mustermann" not in everything and "123456" not in everything


def test_an_email_typed_into_a_checklist_other_field_is_left_out(tmp_path, quiet):
    path = tmp_path / "formular.csv"
    path.write_text(
        "Zeitstempel,Einrichtung,Mit wem arbeiten Sie zusammen?\r\n"
        '03.05.2026 10:09:40,Quartiersmanagement,"AWO, Kita"\r\n'
        '03.05.2026 11:00:00,AWO,"Quartiersmanagement, Kita, info@tafel-nordstadt.de"\r\n'
        "03.05.2026 12:00:00,Kita,AWO\r\n",
        encoding="utf-8",
    )
    roster = pd.DataFrame(
        {"id": ["qm", "awo", "kita"], "label": ["Quartiersmanagement", "AWO", "Kita"]}
    )
    net = read_survey(path, roster=roster)
    assert sorted(net.actors.index) == ["awo", "kita", "qm"]
    assert len(net.ties) == 5
    review = net.meta["review"]
    assert review[["name", "rows", "new_actor"]].values.tolist() == [
        ["[e-mail address removed]", "3", ""]
    ]
    assert "tafel" not in str(net.record) + review.to_csv()


def test_a_name_generator_column_of_a_wide_sheet_is_no_actor(tmp_path, quiet):
    path = tmp_path / "namen.csv"
    path.write_text(
        'Einrichtung;Partner\nQuartiersmanagement;AWO\nAWO;"Quartiersmanagement\nKita"\n',
        encoding="utf-8",
    )
    net = read_survey(path, respondent="Einrichtung", names="Partner", tool="wide")
    assert "Partner" not in net.actors.index
    assert sorted(net.actors.index) == ["AWO", "Quartiersmanagement", "kita"]
