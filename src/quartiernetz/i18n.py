"""Bilingual texts for messages that lower layers write and upper layers show.

Readers, the cleaning :class:`~quartiernetz.record.Record` and the exceptions sit
below the report and the command line, yet what they say must reach a German
evaluator in German and a command-line user in the words of the command line.
They therefore carry a :class:`Text`: the message in English and German, with
markers for the parts that depend on the interface. The report and the CLI render
it with :func:`render` in their language; ``str()`` gives the English text for
Python users, as before.

Interface markers (inside either language's template):

``[[opt:NAME]]`` / ``[[opt:NAME=VALUE]]``
    An option the user sets: Python shows ``NAME=VALUE`` (``include_unfinished=True``),
    the command line ``--NAME-WITH-DASHES VALUE`` (``--include-unfinished``; a value
    ``True`` is left out, as for a flag).
``[[py:TEXT|cli:TEXT]]``
    Free text per interface, e.g. ``[[py:net.meta['review']|cli:the file --review-out writes]]``.

Examples
--------
>>> t = Text("unfinished responses left out (pass [[opt:include_unfinished=True]])",
...          "unvollständige Antworten ausgelassen (mit [[opt:include_unfinished=True]])")
>>> str(t)
'unfinished responses left out (pass include_unfinished=True)'
>>> render(t, "de", interface="cli")
'unvollständige Antworten ausgelassen (mit --include-unfinished)'
>>> render("plain text stays as it is", "de")
'plain text stays as it is'
>>> Text("{n} rows", "{n} Zeilen").format(n=3).de
'3 Zeilen'
"""

from __future__ import annotations

import locale
import os
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Text", "render", "LANGS", "INTERFACES", "check_lang", "default_lang"]

#: The languages every user-facing text exists in.
LANGS = ("de", "en")
#: The interfaces a hint can be written for.
INTERFACES = ("python", "cli")

_MARK = re.compile(r"\[\[(opt|py):(.*?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Text:
    """A message in English and German.

    Parameters
    ----------
    en, de : str
        The message in each language; may hold the interface markers described in
        the module docstring.
    """

    en: str
    de: str

    def format(self, *args: Any, **kwargs: Any) -> Text:
        """Both languages with :meth:`str.format` applied to each."""
        return Text(self.en.format(*args, **kwargs), self.de.format(*args, **kwargs))

    def __add__(self, other: Text | str) -> Text:
        if isinstance(other, Text):
            return Text(self.en + other.en, self.de + other.de)
        return Text(self.en + other, self.de + other)

    def __radd__(self, other: str) -> Text:
        return Text(other + self.en, other + self.de)

    def __str__(self) -> str:
        return render(self, "en", interface="python")


def _option(body: str, interface: str) -> str:
    name, sep, value = body.partition("=")
    name = name.strip()
    if interface == "python":
        return f"{name}={value}" if sep else f"{name}="
    flag = "--" + name.replace("_", "-")
    if sep and value not in ("True", ""):
        return f"{flag} {value}"
    return flag


def _mark(match: re.Match[str], interface: str) -> str:
    kind, body = match.group(1), match.group(2)
    if kind == "opt":
        return _option(body, interface)
    # [[py:...|cli:...]]
    py, _, cli = body.partition("|cli:")
    return py if interface == "python" else cli


def render(text: Text | str | Any, lang: str = "en", *, interface: str = "python") -> str:
    """The text in ``lang`` for ``interface`` (``"python"`` or ``"cli"``).

    A plain string is returned unchanged (apart from the markers), so callers can
    render whatever a record or an exception holds.
    """
    check_lang(lang)
    if interface not in INTERFACES:
        raise ValueError(f"interface must be one of {INTERFACES}, got {interface!r}")
    if isinstance(text, Text):
        template = text.de if lang == "de" else text.en
    else:
        template = "" if text is None else str(text)
    return _MARK.sub(lambda m: _mark(m, interface), template)


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else a ``ValueError`` naming them."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    return lang


def default_lang(fallback: str = "de") -> str:
    """The language of the user's locale (``de`` or ``en``), else ``fallback``.

    Reads ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` as the C library does; a locale
    that is neither German nor English (or ``C``/``POSIX``) gives ``fallback``.
    """
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            break
    else:
        try:
            value = locale.getlocale()[0] or ""
        except ValueError:  # pragma: no cover - odd locale strings
            value = ""
    code = value.split(".")[0].split("_")[0].lower()
    return code if code in LANGS else fallback
