"""Personal data in tables: which columns and values identify persons.

Organisations' names are not personal data, but contact persons, one-person
initiatives, names typed into free-text answers and the technical traces of a
survey (e-mail and IP addresses, invitation tokens) are. The readers drop columns
that hold personal data, found by their headers (:func:`identifying_columns`) and by
their values (:func:`personal_data_in`: e-mail and IP addresses, telephone numbers,
tokens and random ids, URLs with a query), so that they never reach a network, a
report or a file written from it. :func:`find_personal_data` and
:func:`drop_personal_data` do this for any table; the record names the column and
the kind of data (:data:`KINDS`), never a value.

This module sits below :mod:`quartiernetz.network` (the table validation needs it);
:mod:`quartiernetz.privacy` re-exports every name, together with the keyed pseudonyms.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from ..i18n import Text
from ..record import Record

__all__ = [
    "identifying_columns",
    "identifying_values",
    "find_personal_data",
    "drop_personal_data",
    "personal_data_in",
    "describe",
    "left_out",
    "PersonalData",
    "KINDS",
]

# ---------------------------------------------------------------- identifying

#: The kinds of personal data quartiernetz recognises, as they are named in messages.
KINDS: dict[str, Text] = {
    "email": Text("e-mail address", "E-Mail-Adresse"),
    "ip": Text("IP address", "IP-Adresse"),
    "phone": Text("telephone number", "Telefonnummer"),
    "token": Text("access token or random id", "Zugangsschlüssel oder Zufallskennung"),
    "url": Text(
        "URL with a query (may carry tokens)", "URL mit Parametern (kann Schlüssel tragen)"
    ),
    "referrer": Text("referrer URL (may carry tokens)", "Referrer-URL (kann Schlüssel tragen)"),
    "person": Text("name of a person", "Name einer Person"),
    "contact": Text("contact details", "Kontaktdaten"),
    "geolocation": Text("geolocation", "Standortdaten"),
    "comment": Text("free-text comment", "Freitext-Kommentar"),
    "free_text": Text("free-text answer", "Freitext-Antwort"),
}
#: The same kinds in the plural, for "the column holds …".
_PLURAL: dict[str, Text] = {
    "email": Text("e-mail addresses", "E-Mail-Adressen"),
    "ip": Text("IP addresses", "IP-Adressen"),
    "phone": Text("telephone numbers", "Telefonnummern"),
    "token": Text("access tokens or random ids", "Zugangsschlüssel oder Zufallskennungen"),
    "url": Text(
        "URLs with a query (may carry tokens)", "URLs mit Parametern (können Schlüssel tragen)"
    ),
}
#: The English reasons :func:`identifying_columns` returns, by kind.
_REASON = {kind: text.en for kind, text in KINDS.items()}
#: Further reasons the tool readers give, with their German text.
_MORE_REASONS = {
    "access token": Text("access token", "Zugangsschlüssel"),
    "access token (serial number of a personal invitation)": Text(
        "access token (serial number of a personal invitation)",
        "Zugangsschlüssel (Seriennummer einer persönlichen Einladung)",
    ),
    "access token (reference passed in the link)": Text(
        "access token (reference passed in the link)",
        "Zugangsschlüssel (im Link übergebene Referenz)",
    ),
    "access token (external data reference of the contact)": Text(
        "access token (external data reference of the contact)",
        "Zugangsschlüssel (externe Referenz des Kontakts)",
    ),
}


def _squash(header: str) -> str:
    """A header in lower case without spaces, dashes, underscores and umlaut marks."""
    text = unicodedata.normalize("NFKC", str(header)).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    return re.sub(r"[\W_]+", "", text)


_EXACT: dict[str, str] = {}
for _reason, _names in {
    "IP address": ("ip", "ipaddr", "ipaddress", "ipadresse"),
    "access token": (
        "token",
        "zugangsschluessel",
        "zugangsschlussel",
        "zugangscode",
        "accesscode",
        "serial",
        "ref",
        "externalreference",
        "externaldatareference",
        "panelid",
        "participantid",
        "teilnehmerid",
    ),
    "name of a person": (
        "name",
        "vorname",
        "nachname",
        "firstname",
        "lastname",
        "fullname",
        "surname",
        "recipientfirstname",
        "recipientlastname",
        "namederperson",
        "ihrname",
        "yourname",
    ),
    "e-mail address": ("mail", "mailadresse", "mailaddress"),
    "geolocation": (
        "locationlatitude",
        "locationlongitude",
        "latitude",
        "longitude",
        "geolocation",
    ),
    "referrer URL (may carry tokens)": ("refurl", "referrerurl", "referer", "referrer"),
}.items():
    for _n in _names:
        _EXACT[_n] = _reason

#: Squashed headers (see _squash) of telephone, contact and person columns, as patterns.
_HEADER_PATTERNS = (
    (
        re.compile(
            r"^(tel|telefon|telephone|telefax|fax|fon|phone|mobil|mobile|mobiltelefon|handy|"
            r"cell|cellphone|festnetz)(nr|no|nummer|number|nummern)?"
            r"(dienstlich|privat|geschaeftlich|business|work|private|office|mobil|festnetz)?$"
        ),
        "telephone number",
    ),
    (
        re.compile(r"telefonnummer|phonenumber|handynummer|mobilnummer|faxnummer"),
        "telephone number",
    ),
    (re.compile(r"^telefon(dienstlich|privat|geschaeftlich)"), "telephone number"),
    (
        re.compile(
            r"^(kontakt|contact)(daten|info|infos|information|informationen|details|adresse|"
            r"address|email|mail|telefon|tel|phone)?$"
        ),
        "contact details",
    ),
    (
        re.compile(
            r"^(ansprechpartner|ansprechpartnerin|ansprechperson|kontaktperson|contactperson|"
            r"contactname)"
        ),
        "name of a person",
    ),
)

_CONTAINS = (
    ("email", "e-mail address"),
    ("mailadress", "e-mail address"),
    ("mailaddress", "e-mail address"),
    ("ipadresse", "IP address"),
    ("ipaddress", "IP address"),
    ("kommentar", "free-text comment"),
    ("comment", "free-text comment"),
    ("anmerkung", "free-text comment"),
    ("bemerkung", "free-text comment"),
    ("freitext", "free-text comment"),
    ("remark", "free-text comment"),
)

#: header endings of free-text fields: LimeSurvey "[comment]"/"[other]", Qualtrics "_TEXT"
_SUFFIX = re.compile(r"(\[(comment|other)\]|_TEXT|\[sonstiges\])$", re.IGNORECASE)

# bounded parts and a start only where a word begins: no quadratic time on long cells
_EMAIL = re.compile(
    r"(?<![\w.+%'-])[\w.+%'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])"
)
_URL_QUERY = re.compile(
    r"(?<![\w.:/])(?:https?://|www\.)[^\s?#]{1,2048}\?[^\s#=]{0,2048}=", re.IGNORECASE
)
# a run of digits with the separators of German and international notation (no dots, so
# that dates and decimal numbers are not read as telephone numbers)
_PHONE = re.compile(r"(?<![\w+/-])(?:\+|\(0?)?\d[\d \t()/-]{5,}\d(?![\w/-])")
# dates and times (03/05/2026, 2026/05/03, 10:09:40), removed before looking for numbers
_DATE_TIME = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b\d{1,2}:\d{2}(:\d{2})?\b")
_DATE_LIKE = re.compile(r"^\(?\d{1,4}[-/]\d{1,2}[-/]\d{1,4}\)?$")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{10,64}$")
_QUALTRICS_ID = re.compile(r"^(R|FS|EMD|CID|MLRP|SV|UR)_[A-Za-z0-9]{10,20}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
_HEX = re.compile(r"^[0-9a-f]{16,}$", re.IGNORECASE)
_PSEUDONYM = re.compile(r"^[AI]-[0-9a-f]{8,64}$")
_WORD_SPLIT = re.compile(r"[\s,;<>()\[\]\"']+")


def _is_phone(candidate: str) -> bool:
    text = candidate.strip()
    if _DATE_LIKE.match(text):
        return False
    digits = re.sub(r"\D", "", text.replace("(0)", ""))
    if text.startswith("+") or digits.startswith("00"):
        digits = digits[2:] if digits.startswith("00") else digits
        return digits[:1] != "0" and 7 <= len(digits) <= 15
    # a national number: 0, an area code not starting with 0, the number
    digits = re.sub(r"\D", "", text)
    return bool(re.match(r"^0[1-9]", digits)) and 8 <= len(digits) <= 14


def _classes(text: str) -> int:
    """How often the kind of character (lower, upper, digit, other) changes along ``text``."""

    def kind(c: str) -> int:
        return 0 if c.islower() else 1 if c.isupper() else 2 if c.isdigit() else 3

    kinds = [kind(c) for c in text]
    return sum(a != b for a, b in zip(kinds, kinds[1:], strict=False))


def _is_token(word: str) -> bool:
    """An access token or a random id: a long word whose characters look drawn at random."""
    if _QUALTRICS_ID.match(word) or _UUID.match(word):
        return True
    if _PSEUDONYM.match(word):  # quartiernetz's own pseudonyms are not personal data
        return False
    if not _TOKEN.match(word):
        return False
    digits = sum(c.isdigit() for c in word)
    letters = sum(c.isalpha() for c in word)
    if _HEX.match(word):
        return digits >= 2 and letters >= 2
    return digits >= 2 and letters >= 2 and _classes(word) >= max(5, len(word) / 3)


def _is_ip(word: str) -> bool:
    word = word.strip(".,:;")
    if word.count(".") != 3 and word.count(":") < 2:
        return False
    try:
        ipaddress.ip_address(word)
    except ValueError:
        return False
    return True


def personal_data_in(text: object) -> list[str]:
    """The kinds of personal data found in one text (keys of :data:`KINDS`).

    Looks for e-mail addresses, IPv4 and IPv6 addresses, telephone numbers in
    German and international notation (``0511 123456``, ``0176/12345678``,
    ``+49 (0)511-123 456``), URLs with a query (``?token=…``) anywhere in the
    text, and for access tokens and random ids (LimeSurvey tokens, Qualtrics
    ``R_…`` response ids, UUIDs, long hexadecimal strings) as the whole text.
    Dates, times, decimal numbers, answer codes and organisation names are not
    personal data.

    Parameters
    ----------
    text : object
        One value (a cell, a typed name); anything that is not a string is read
        with ``str``.

    Returns
    -------
    list of str
        The kinds found, in the order ``email``, ``url``, ``ip``, ``phone``,
        ``token``; empty when there are none.

    Examples
    --------
    >>> personal_data_in("Frau Meier, Tel. 0511 123456")
    ['phone']
    >>> personal_data_in("max.mustermann@awo-hannover.de")
    ['email']
    >>> personal_data_in("R_1abcDEF2ghIJk3L"), personal_data_in("2001:db8::1")
    (['token'], ['ip'])
    >>> personal_data_in("AWO Ortsverein Nordstadt e.V."), personal_data_in("03.05.2026 10:09")
    ([], [])
    """
    value = str(text).strip()
    if not value or len(value) < 7:
        return []
    found: list[str] = []
    rest = value
    if "@" in rest and _EMAIL.search(rest):
        found.append("email")
        rest = _EMAIL.sub(" ", rest)
    if _URL_QUERY.search(rest):
        found.append("url")
        rest = re.sub(r"(?:https?://|www\.)\S+", " ", rest, flags=re.IGNORECASE)
    words = [w for w in _WORD_SPLIT.split(rest) if w]
    if any(_is_ip(w) for w in words):
        found.append("ip")
    rest = _DATE_TIME.sub(" ", rest)
    if any(_is_phone(m.group(0)) for m in _PHONE.finditer(rest)):
        found.append("phone")
    if not found and _is_token(value):
        found.append("token")
    return found


def identifying_columns(columns: Iterable[str]) -> dict[str, str]:
    """The columns whose headers say they identify a person, with the reason.

    Recognised: e-mail addresses (``E-Mail``, ``Mail``), IP addresses, access
    tokens and invitation serials (LimeSurvey ``token``, SoSci ``SERIAL``/``REF``,
    Qualtrics ``ExternalReference``), names of persons (MS Forms ``Name``,
    Qualtrics ``RecipientFirstName``, ``Ansprechpartner``), telephone numbers
    (``Telefon``, ``Telefon (dienstlich)``, ``Tel.``, ``Tel.-Nr.``, ``Mobil``,
    ``Handy``, ``Fax``), contact details (``Kontakt``, ``Kontaktdaten``),
    geolocation, referrer URLs and free-text comments (``Kommentar``,
    ``Anmerkungen``, LimeSurvey ``[comment]``/``[other]``, Qualtrics ``_TEXT``).

    Parameters
    ----------
    columns : iterable of str
        Column headers.

    Returns
    -------
    dict
        ``{header: reason}`` for the identifying columns, in the given order;
        the reason in English (:func:`describe` gives it in both languages).

    Examples
    --------
    >>> identifying_columns(["id", "token", "E-Mail-Adresse", "KOOP[SQ001]", "Tel.-Nr."])
    {'token': 'access token', 'E-Mail-Adresse': 'e-mail address', 'Tel.-Nr.': 'telephone number'}
    """
    out: dict[str, str] = {}
    for col in columns:
        header = str(col)
        key = _squash(header)
        if key in ("mailsent",):  # SoSci: the date an invitation was sent
            continue
        reason = _EXACT.get(key)
        if reason is None:
            reason = next((r for pattern, r in _HEADER_PATTERNS if pattern.search(key)), None)
        if reason is None:
            reason = next((r for part, r in _CONTAINS if part in key), None)
        if reason is None and _SUFFIX.search(header.strip()):
            reason = "free-text answer"
        if reason is not None:
            out[header] = reason
    return out


def _value_kind(values: Sequence[object]) -> tuple[str | None, int]:
    """The kind of personal data a column's values hold, and how many values hold it.

    One e-mail/IP address, telephone number or URL with a query is enough; tokens
    (which might be a code by chance) must be at least half of the distinct values.
    """
    counts: dict[str, int] = {}
    distinct = 0
    tokens = 0
    for v in dict.fromkeys(str(v).strip() for v in values):
        if not v or v.casefold() in ("nan", "none"):
            continue
        distinct += 1
        for kind in personal_data_in(v):
            if kind == "token":
                tokens += 1
            else:
                counts[kind] = counts.get(kind, 0) + 1
    for kind in ("email", "ip", "phone", "url"):
        if counts.get(kind):
            return kind, counts[kind]
    if tokens and tokens >= 0.5 * distinct:
        return "token", tokens
    return None, 0


def identifying_values(values: Sequence[object]) -> str | None:
    """Why the values identify persons, or None (see :func:`personal_data_in`).

    Examples
    --------
    >>> identifying_values(["", "kontakt@awo-nordstadt.de"])
    'holds e-mail addresses'
    >>> identifying_values(["192.168.10.4"])
    'holds IP addresses'
    >>> identifying_values(["A1", "2"]) is None
    True
    """
    kind, _ = _value_kind(values)
    return None if kind is None else f"holds {_PLURAL[kind].en}"


def describe(reason: str | Text) -> Text:
    """A reason of :func:`identifying_columns` (or a kind of :data:`KINDS`) in both languages.

    Examples
    --------
    >>> describe("telephone number").de
    'Telefonnummer'
    >>> describe("phone").en
    'telephone number'
    """
    if isinstance(reason, Text):
        return reason
    if reason in KINDS:
        return KINDS[reason]
    for kind, en in _REASON.items():
        if en == reason:
            return KINDS[kind]
    if reason in _MORE_REASONS:
        return _MORE_REASONS[reason]
    return Text(reason, reason)


@dataclass(frozen=True)
class PersonalData:
    """One column found to hold personal data.

    Attributes
    ----------
    column : str
        The column's header.
    kind : str
        A key of :data:`KINDS` (``email``, ``ip``, ``phone``, ``token``, ``url``,
        ``person``, ``contact``, ``comment``, …).
    by : str
        ``"header"`` (the header says so) or ``"values"`` (the values show it).
    count : int
        How many distinct values hold it (0 when found by the header).
    """

    column: str
    kind: str
    by: str
    count: int = 0

    @property
    def reason(self) -> Text:
        """Why the column was left out, in both languages (never a value)."""
        if self.by == "values":
            plural = _PLURAL[self.kind]
            return Text(f"holds {plural.en}", f"enthält {plural.de}")
        return KINDS[self.kind]


def _kind_of(reason: str) -> str:
    return next((k for k, en in _REASON.items() if en == reason), "token")


def find_personal_data(
    frame: pd.DataFrame,
    *,
    keep: Iterable[str] = (),
    values: bool = True,
) -> list[PersonalData]:
    """The columns of a table that hold personal data, by header and by value.

    Every column is looked at: its header (:func:`identifying_columns`) and,
    for text columns, every value (:func:`personal_data_in`). A column of
    organisation names, dates, numbers or answer codes is not flagged.

    Parameters
    ----------
    frame : pandas.DataFrame
        A table as read (survey export, roster, actor table).
    keep : iterable of str
        Columns not to look at (ids and labels the reader needs).
    values : bool, default True
        Also look at the values (False: headers only).

    Returns
    -------
    list of PersonalData
        One per flagged column, in the table's order.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"id": ["awo", "qm"], "Träger": ["AWO", "Stadt"],
    ...                       "Kontakt": ["info@awo.de", ""], "Tel.-Nr.": ["", ""]})
    >>> [(f.column, f.kind, f.by) for f in find_personal_data(frame, keep=["id"])]
    [('Kontakt', 'email', 'values'), ('Tel.-Nr.', 'phone', 'header')]
    """
    keep = {str(k) for k in keep}
    columns = [c for c in frame.columns if str(c) not in keep]
    by_header = identifying_columns([str(c) for c in columns])
    out: list[PersonalData] = []
    for c in columns:
        kind, count = (None, 0)
        series = frame[c]
        if values and not (
            pd.api.types.is_bool_dtype(series) or pd.api.types.is_numeric_dtype(series)
        ):
            kind, count = _value_kind(series.dropna().tolist())
        if kind is not None:
            out.append(PersonalData(str(c), kind, "values", count))
        elif str(c) in by_header:
            out.append(PersonalData(str(c), _kind_of(by_header[str(c)]), "header"))
    return out


def drop_personal_data(
    frame: pd.DataFrame,
    record: Record,
    *,
    file: str | None = None,
    keep: Iterable[str] = (),
    warn: bool = True,
    free_text: bool = True,
) -> tuple[pd.DataFrame, list[PersonalData]]:
    """Leave out the columns that hold personal data, with one record entry each.

    The record entry names the column and what kind of data it holds, never a
    value: ``dropped …: identifying column left out (holds e-mail addresses)``.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table as read.
    record : Record
        Where to write what was left out.
    file : str, optional
        The file's name, for the record.
    keep : iterable of str
        Columns never dropped nor looked at (e.g. ``id``, ``label``).
    warn : bool, default True
        Issue each entry as a :class:`~quartiernetz.exceptions.DataCleaningWarning`.
    free_text : bool, default True
        Also leave out free-text columns recognised by their header only
        (``Kommentar``, ``[other]``, ``_TEXT``), as survey exports need. The readers
        of network files pass False: an attribute column such as ``strength_text``
        or ``Bemerkung`` is kept unless its values hold personal data.

    Returns
    -------
    frame : pandas.DataFrame
        A copy without the flagged columns.
    found : list of PersonalData
        What was left out (see :func:`find_personal_data`).

    Examples
    --------
    >>> import pandas as pd
    >>> rec = Record()
    >>> frame = pd.DataFrame({"id": ["awo"], "label": ["AWO"], "Server": ["10.0.0.7"]})
    >>> out, found = drop_personal_data(frame, rec, file="akteure.csv", keep=["id", "label"],
    ...                                 warn=False)
    >>> list(out.columns)
    ['id', 'label']
    >>> rec[0].render("de")
    "akteure.csv, Spalte 'Server': ausgelassen 1: identifizierende Spalte ausgelassen (enthält IP-Adressen)"
    """
    found = find_personal_data(frame, keep=keep)
    if not free_text:
        found = [f for f in found if not (f.kind in ("comment", "free_text") and f.by == "header")]
    for f in found:
        record.add(
            "dropped",
            left_out(f.reason),
            file=file,
            column=f.column,
            count=len(frame),
            warn=warn,
        )
    dropped = {f.column for f in found}
    return frame[[c for c in frame.columns if str(c) not in dropped]].copy(), found


def left_out(reason: str | Text) -> Text:
    """The record's reason for an identifying column: ``identifying column left out (…)``.

    Examples
    --------
    >>> left_out("free-text comment").de
    'identifizierende Spalte ausgelassen (Freitext-Kommentar)'
    """
    why = describe(reason)
    return Text(
        f"identifying column left out ({why.en})",
        f"identifizierende Spalte ausgelassen ({why.de})",
    )
