"""What a reader sees of a report page, and the phrases that give a language away.

Shared by ``test_report_language.py`` (``report.html``, :data:`quartiernetz.report.texts.TEXTS`)
and ``test_compare_report.py`` (``compare.html``, ``COMPARE_TEXTS``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from typing import Any

#: Decides from a start tag and its attributes whether the element's text is left out.
Skip = Callable[[str, list[tuple[str, str | None]]], bool]


class _Visible(HTMLParser):
    def __init__(self, skip: Skip) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = skip
        self._open: list[str] = []  # the skipped elements open at this point

    def handle_starttag(self, tag, attrs):
        if self._skip(tag, attrs):
            self._open.append(tag)
        if tag == "img":
            self.parts.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if self._open and tag == self._open[-1]:
            self._open.pop()

    def handle_data(self, data):
        if not self._open:
            self.parts.append(data)


def visible_text(html: str, skip: Skip) -> str:
    """The text of ``html`` a reader sees and the images' alt texts, joined by spaces;
    the text of the elements ``skip`` picks is left out."""
    page = _Visible(skip)
    page.feed(html)
    return " ".join(page.parts)


def texts(value: Any) -> list[str]:
    """Every string in a nested structure of dicts, lists and tuples."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in texts(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in texts(v)]
    return []


def phrases(by_lang: Mapping[str, Any], lang: str, *, separators: str) -> list[str]:
    """Phrases of three words or more from the texts of ``lang`` not shared with the other
    language; placeholders, line breaks and the characters of ``separators`` end a phrase."""
    other = " ".join(texts(by_lang["en" if lang == "de" else "de"]))
    found = set()
    for text in texts(by_lang[lang]):
        text = re.sub(r"\{[^}]*\}", "\n", text)  # placeholders split phrases
        for piece in re.split(f"[\n{re.escape(separators)}]", text):
            piece = piece.strip()
            if len(piece.split()) >= 3 and piece not in other:
                found.add(piece)
    return sorted(found)
