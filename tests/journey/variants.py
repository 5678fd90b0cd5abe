"""Realistic variants of a quarter's data, generated into a folder, as users bring them.

Each ``make_*`` function writes one variant under ``folder`` and returns the input path
to give the command line. The base is a small invented quarter (:data:`ACTORS`,
:data:`TIES`, :data:`AFFILIATIONS`; every name is invented): the variants change only
what their name says, so a failure points at that one difference.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

#: id, label, type
ACTORS = [
    ("qm", "Quartiersmanagement Nordstadt", "Quartiersmanagement"),
    ("awo", "AWO Ortsverein Nordstadt", "Wohlfahrtsverband"),
    ("caritas", "Caritas", "Wohlfahrtsverband"),
    ("kita", "Kita Sonnenschein", "Kita"),
    ("schule", "Grundschule Am Park", "Schule"),
    ("buergerverein", "Bürgerverein Nordstadt", "Initiative"),
    ("tsv", "TSV Nordstadt", "Verein"),
    ("kirche", "Ev. Kirchengemeinde St. Markus", "Kirche"),
]

#: source, target, relation, intensity
TIES = [
    ("qm", "awo", "cooperation", 3),
    ("qm", "caritas", "cooperation", 2),
    ("qm", "kita", "cooperation", 2),
    ("qm", "buergerverein", "cooperation", 3),
    ("qm", "schule", "cooperation", 1),
    ("awo", "kita", "cooperation", 2),
    ("caritas", "kirche", "cooperation", 2),
    ("schule", "kita", "cooperation", 3),
    ("tsv", "schule", "cooperation", 1),
    ("buergerverein", "tsv", "cooperation", 1),
    ("awo", "caritas", "competition", 1),
    ("kirche", "buergerverein", "information", 1),
]

#: actor, item, kind, target_group
AFFILIATIONS = [
    ("qm", "Stadtteilkonferenz", "committee", ""),
    ("awo", "Stadtteilkonferenz", "committee", ""),
    ("caritas", "Stadtteilkonferenz", "committee", ""),
    ("kita", "Stadtteilkonferenz", "committee", ""),
    ("awo", "Seniorenfrühstück", "offer", "Senioren"),
    ("caritas", "Seniorenfrühstück", "offer", "Senioren"),
    ("kita", "Hausaufgabenhilfe", "offer", "Kinder"),
    ("schule", "Hausaufgabenhilfe", "offer", "Kinder"),
]

ACTOR_HEADER = ("id", "label", "type")
TIE_HEADER = ("source", "target", "relation", "intensity")
AFFILIATION_HEADER = ("actor", "item", "kind", "target_group")

#: The hostile labels (terminal escape sequences, a bell, markup that closes a script).
CLEAR_SCREEN = "\x1b[2J"
SET_TITLE = "\x1b]0;pwned\x07"
SCRIPT_END = "</script><script>alert(1)</script>"

#: The invented e-mail addresses of the roster column ``Kontakt``.
CONTACTS = {
    "qm": "team@qm-nordstadt.example",
    "awo": "m.schulz@awo-nordstadt.example",
    "caritas": "info@caritas-lindenau.example",
}


def _csv(rows, header, *, delimiter: str = ",", trailing: int = 0, blank_rows: int = 0) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([*header, *[""] * trailing])
    for row in rows:
        writer.writerow([*row, *[""] * trailing])
    for _ in range(blank_rows):
        writer.writerow([""] * (len(header) + trailing))
    return buf.getvalue()


def write_quarter(
    folder: Path,
    *,
    actors=ACTORS,
    ties=TIES,
    affiliations=AFFILIATIONS,
    encoding: str = "utf-8",
    delimiter: str = ",",
    trailing: int = 0,
    blank_rows: int = 0,
) -> Path:
    """Write the canonical folder (actors.csv, ties.csv, affiliations.csv) of a quarter."""
    folder.mkdir(parents=True, exist_ok=True)
    options = {"delimiter": delimiter, "trailing": trailing, "blank_rows": blank_rows}
    for name, rows, header in (
        ("actors.csv", actors, ACTOR_HEADER),
        ("ties.csv", ties, TIE_HEADER),
        ("affiliations.csv", affiliations, AFFILIATION_HEADER),
    ):
        (folder / name).write_bytes(_csv(rows, header, **options).encode(encoding))
    return folder


def make_base(folder: Path) -> Path:
    """The quarter as it should be."""
    return write_quarter(folder / "base")


def make_missing_types(folder: Path) -> Path:
    """Three actors without a type (the cell left empty)."""
    untyped = {"tsv", "kirche", "schule"}
    actors = [(i, label, "" if i in untyped else t) for i, label, t in ACTORS]
    return write_quarter(folder / "missing_types", actors=actors)


def make_case_variants(folder: Path) -> Path:
    """Ties typed by name, one organisation written ``Caritas`` and ``CARITAS``."""
    ties = [
        ("Quartiersmanagement", "Caritas", "cooperation", 2),
        ("CARITAS", "Kita Sonnenschein", "cooperation", 1),
        ("Quartiersmanagement", "Kita Sonnenschein", "cooperation", 2),
        ("Quartiersmanagement", "AWO", "cooperation", 3),
        ("AWO", "Kita Sonnenschein", "cooperation", 1),
    ]
    path = folder / "case_variants"
    path.mkdir(parents=True, exist_ok=True)
    (path / "ties.csv").write_text(_csv(ties, TIE_HEADER), encoding="utf-8")
    return path


def nfd(text: str) -> str:
    """``text`` decomposed (how macOS and some exports store umlauts)."""
    return unicodedata.normalize("NFD", text)


def make_unicode_references(folder: Path) -> Path:
    """Ties refer to ids in NFD, with a zero-width space and with a trailing space.

    The id ``bürgerverein`` is written in NFC in actors.csv.
    """
    renamed = {"buergerverein": "bürgerverein"}
    actors = [(renamed.get(i, i), label, t) for i, label, t in ACTORS]
    ties = [(renamed.get(s, s), renamed.get(t, t), r, w) for s, t, r, w in TIES]
    variants = [
        ("qm", nfd("bürgerverein"), "information", 1),  # NFD twin of an NFC id
        ("awo\u200b", "schule", "information", 1),  # zero-width space
        ("kita ", "kirche", "information", 1),  # trailing space
    ]
    return write_quarter(folder / "unicode_references", actors=actors, ties=[*ties, *variants])


def make_unicode_twins(folder: Path) -> Path:
    """One actor listed twice: its id once in NFC, once in NFD (same label)."""
    actors = [*ACTORS, (nfd("bürgerhaus"), "Bürgerhaus", "Initiative")]
    actors.insert(3, ("bürgerhaus", "Bürgerhaus", "Initiative"))
    ties = [
        *TIES,
        ("bürgerhaus", "qm", "cooperation", 2),
        (nfd("bürgerhaus"), "tsv", "cooperation", 1),
    ]
    return write_quarter(folder / "unicode_twins", actors=actors, ties=ties)


def _workbook(sheets: dict[str, list[tuple]], path: Path, hidden: tuple[str, ...] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        if name in hidden:
            ws.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def make_formula_xlsx(folder: Path) -> Path:
    """An xlsx whose intensity cell D3 holds a formula that was never calculated.

    openpyxl (like many scripts and some web tools) stores the formula without a
    cached value, so the reader sees no number at all.
    """
    ties = [TIE_HEADER, *TIES]
    ties[2] = (*ties[2][:3], "=1+1")
    sheets = {"actors": [ACTOR_HEADER, *ACTORS], "ties": ties}
    return _workbook(sheets, folder / "formula.xlsx")


#: Rows of the visible, outdated sheet ``ties_old`` (the current ``ties`` is hidden).
OLD_TIES = [("qm", "awo", "cooperation", 1), ("qm", "tsv", "cooperation", 1)]


def make_hidden_ties_xlsx(folder: Path) -> Path:
    """An xlsx with the current ``ties`` sheet hidden and an old ``ties_old`` visible."""
    sheets = {
        "actors": [ACTOR_HEADER, *ACTORS],
        "ties_old": [TIE_HEADER, *OLD_TIES],
        "ties": [TIE_HEADER, *TIES],
    }
    return _workbook(sheets, folder / "hidden_ties.xlsx", hidden=("ties",))


def make_hostile_names(folder: Path) -> Path:
    """Labels with terminal escape sequences, a bell and a closing script tag."""
    labels = {
        "tsv": f"TSV {CLEAR_SCREEN}Nordstadt",
        "kirche": f"{SET_TITLE}Kirchengemeinde",
        "schule": f"Grundschule {SCRIPT_END}",
    }
    actors = [(i, labels.get(i, label), t) for i, label, t in ACTORS]
    affiliations = [*AFFILIATIONS, ("tsv", f"Sport {SCRIPT_END}", "offer", f"Kinder{CLEAR_SCREEN}")]
    return write_quarter(folder / "hostile_names", actors=actors, affiliations=affiliations)


def make_hostile_unknown_actor(folder: Path) -> Path:
    """A tie naming an actor that does not exist, whose name is an escape sequence."""
    ties = [*TIES, ("qm", f"{CLEAR_SCREEN}{SET_TITLE}", "cooperation", 1)]
    return write_quarter(folder / "hostile_unknown", ties=ties)


#: The files a user keeps in a folder before choosing it as ``--out``.
FOREIGN_FILES = {
    "thesis.docx": b"PK\x03\x04 my thesis, two years of work",
    "Fotos/Stadtteilfest.jpg": b"\xff\xd8\xff\xe0 a photo",
}


def make_foreign_out(folder: Path) -> Path:
    """An output folder that holds the user's own files (not a report)."""
    out = folder / "Eigene Dateien"
    for name, data in FOREIGN_FILES.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_bytes(data)
    return out


def make_roster_with_contacts(folder: Path, surveys: Path) -> tuple[Path, Path]:
    """The ``wide`` survey example with a roster column ``Kontakt`` of e-mail addresses.

    Returns the export and the new roster.
    """
    roster = (surveys / "wide" / "roster.csv").read_text(encoding="utf-8").splitlines()
    lines = [roster[0] + ",Kontakt"]
    for line in roster[1:]:
        actor = line.split(",", 1)[0]
        lines.append(line + "," + CONTACTS.get(actor, ""))
    path = folder / "roster_kontakt.csv"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return surveys / "wide" / "kooperationsmatrix_nordstadt.csv", path


def make_cp1252_semicolon(folder: Path) -> Path:
    """German Excel's "CSV (Trennzeichen-getrennt)": cp1252 and ``;``."""
    return write_quarter(folder / "cp1252", encoding="cp1252", delimiter=";")


def make_excel_bom(folder: Path) -> Path:
    """Excel's "CSV UTF-8": a byte-order mark before the header, ``;`` as separator."""
    return write_quarter(folder / "bom", encoding="utf-8-sig", delimiter=";")


def make_trailing_empty(folder: Path) -> Path:
    """Empty columns right of the data and empty rows below it (``;;;`` from Excel)."""
    return write_quarter(folder / "trailing", delimiter=";", trailing=3, blank_rows=4)
