"""Normalising actor ids, relation names and other identifiers read from files.

An id typed in Excel, copied from a web page or exported from a survey tool can
carry things no reader sees: a zero-width space, a byte-order mark, a soft
hyphen, a non-breaking space, or an umlaut stored as two code points (``u`` and
a combining diaeresis, Unicode form NFD) instead of one (NFC). Two ids that
print identically would then name two actors.

:func:`normalize_id` is the one normaliser for ids in quartiernetz: it brings the
text to Unicode form NFC, removes invisible characters (:data:`INVISIBLE`),
turns non-breaking spaces into spaces and strips surrounding white space. It
keeps case and inner spelling: ``"Caritas"`` and ``"CARITAS"`` stay two ids.
:func:`variant_key` is a looser key (compatibility form NFKC, case folded,
letters and digits only) that finds spellings worth a second look, and
:func:`describe_difference` says what tells two spellings apart in words a user
can act on, with code points where the difference cannot be seen.

Examples
--------
>>> normalize_id(" Caritas\\u200b ")
'Caritas'
>>> normalize_id("Su\\u0308d") == "Süd"
True
>>> variant_key("CARITAS") == variant_key("Caritas")
True
>>> print(describe_difference("Caritas", "CARITAS"))
differs only in upper and lower case
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from ..i18n import Text

__all__ = [
    "INVISIBLE",
    "NO_BREAK_SPACES",
    "normalize_id",
    "id_changes",
    "variant_key",
    "describe_difference",
    "code_points",
]

#: Characters that do not print and are removed from ids: zero-width space,
#: non-joiner and joiner, word joiner, byte-order mark (zero-width no-break space),
#: soft hyphen, left-to-right and right-to-left marks and the bidirectional
#: embedding and isolate controls.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Non-breaking spaces, turned into ordinary spaces.
NO_BREAK_SPACES = frozenset("\u00a0\u202f\u2007")

_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")
_NBSP_RE = re.compile("[" + "".join(sorted(NO_BREAK_SPACES)) + "]")
_NON_ALNUM = re.compile(r"[\W_]+")


def normalize_id(text: object) -> str:
    """The id as quartiernetz compares it: NFC, no invisible characters, stripped.

    Parameters
    ----------
    text : object
        The id as read (``None`` gives ``""``).

    Returns
    -------
    str

    Examples
    --------
    >>> normalize_id("\\ufeffAWO\\u00a0Nord ")
    'AWO Nord'
    >>> normalize_id("Stra\\u00adße")
    'Straße'
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFC", str(text))
    s = _INVISIBLE_RE.sub("", s)
    s = _NBSP_RE.sub(" ", s)
    return s.strip()


def id_changes(raw: str, cleaned: str | None = None) -> list[str]:
    """What :func:`normalize_id` changed in ``raw``: a list of kinds.

    The kinds are ``"unicode"`` (the text was not in form NFC), ``"invisible"``
    (invisible characters removed), ``"nbsp"`` (non-breaking spaces replaced) and
    ``"spaces"`` (surrounding white space stripped).

    Examples
    --------
    >>> id_changes(" Caritas\\u200b")
    ['invisible', 'spaces']
    >>> id_changes("Su\\u0308d")
    ['unicode']
    >>> id_changes("AWO")
    []
    """
    raw = "" if raw is None else str(raw)
    cleaned = normalize_id(raw) if cleaned is None else cleaned
    if raw == cleaned:
        return []
    kinds = []
    if unicodedata.normalize("NFC", raw) != raw:
        kinds.append("unicode")
    if _INVISIBLE_RE.search(raw):
        kinds.append("invisible")
    if _NBSP_RE.search(raw):
        kinds.append("nbsp")
    rest = _NBSP_RE.sub(" ", _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", raw)))
    if rest != rest.strip():
        kinds.append("spaces")
    return kinds


def variant_key(text: object) -> str:
    """A loose key: spellings with equal keys are probably one name.

    NFKC (so ``ﬁ`` is ``fi`` and full-width letters are letters), case folded,
    invisible characters removed and everything but letters and digits dropped.

    Examples
    --------
    >>> variant_key("Familien-Zentrum  Süd") == variant_key("familienzentrum süd")
    True
    """
    s = unicodedata.normalize("NFKC", normalize_id(text)).casefold()
    return _NON_ALNUM.sub("", s)


def code_points(text: str) -> str:
    """``text`` with every character that is not plain printable ASCII shown as ``U+XXXX``.

    Examples
    --------
    >>> code_points("C\\u0430ritas")
    'C<U+0430 CYRILLIC SMALL LETTER A>ritas'
    """
    out = []
    for ch in str(text):
        if " " <= ch <= "~":
            out.append(ch)
        else:
            name = unicodedata.name(ch, "")
            out.append(f"<U+{ord(ch):04X}{' ' + name if name else ''}>")
    return "".join(out)


def describe_difference(a: str, b: str) -> Text:
    """How the spelling ``b`` differs from ``a``, for a message.

    Examples
    --------
    >>> print(describe_difference("Süd", "Su\\u0308d"))
    differs only in the Unicode form (NFC/NFD), which prints the same
    >>> print(describe_difference("Caritas", "Caritas\\u200b"))
    differs only in invisible characters (U+200B ZERO WIDTH SPACE)
    >>> describe_difference("Caritas", "C\\u0430ritas").de
    'unterscheidet sich in: <U+0430 CYRILLIC SMALL LETTER A> statt a'
    """
    a, b = str(a), str(b)
    if unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b):
        return Text(
            "differs only in the Unicode form (NFC/NFD), which prints the same",
            "unterscheidet sich nur in der Unicode-Form (NFC/NFD), die gleich aussieht",
        )
    if normalize_id(a) == normalize_id(b):
        extra = sorted({ch for ch in a + b if ch in INVISIBLE or ch in NO_BREAK_SPACES}, key=ord)
        shown = ", ".join(code_points(ch).strip("<>") for ch in extra)
        if not extra:
            return Text(
                "differs only in surrounding spaces",
                "unterscheidet sich nur in Leerzeichen am Anfang oder Ende",
            )
        return Text(
            "differs only in invisible characters ({cp})",
            "unterscheidet sich nur in unsichtbaren Zeichen ({cp})",
        ).format(cp=shown)
    if a.casefold() == b.casefold():
        return Text(
            "differs only in upper and lower case",
            "unterscheidet sich nur in Groß- und Kleinschreibung",
        )
    parts = []
    matcher = difflib.SequenceMatcher(None, b, a, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        # how b differs from a: b's characters, a's characters
        theirs, ours = code_points(b[i1:i2]), code_points(a[j1:j2])
        if op == "replace":
            parts.append((f"{theirs} instead of {ours}", f"{theirs} statt {ours}"))
        elif op == "delete":
            parts.append((f"{theirs} added", f"{theirs} zusätzlich"))
        else:
            parts.append((f"{ours} missing", f"{ours} fehlt"))
    parts = parts[:3]
    return Text(
        "differs in: " + "; ".join(p[0] for p in parts),
        "unterscheidet sich in: " + "; ".join(p[1] for p in parts),
    )
