"""Text for a terminal: control characters made visible instead of obeyed.

Actor names, file names and cell values come from files other people wrote. Printed
as they are, a name holding ``ESC[2J`` clears the user's screen, an OSC sequence
(``ESC]0;…BEL``) retitles the window, a carriage return overwrites the start of a
line and a bidi override (U+202E) shows the rest of a line backwards. The command
line therefore passes every text it prints through :func:`visible`, as the HTML
report passes its texts through :func:`quartiernetz.plotting.style.visible_text`:
each such character is shown as its escape (``\\x1b``, ``\\u202e``), so that the
user sees that it is there and what it is, and the terminal does nothing with it.

Examples
--------
>>> visible("AWO\\x1b[2J Treff")
'AWO\\\\x1b[2J Treff'
>>> print(visible("evil\\u202eftp.exe"))
evil\\u202eftp.exe
>>> print(visible("two\\nlines"))
two
lines
>>> visible("two\\nlines", newlines=False)
'two\\\\nlines'
"""

from __future__ import annotations

import re

__all__ = ["visible", "UNSAFE"]

#: Characters a terminal obeys or that reorder or hide text: C0 and C1 controls (tab
#: and newline are allowed separately), DEL, the bidi embeddings, overrides, isolates
#: and marks, and the Unicode line and paragraph separators.
UNSAFE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: object, *, newlines: bool = True) -> str:
    """``text`` with every character of :data:`UNSAFE` written as its escape.

    Parameters
    ----------
    text : object
        What to print; anything else than a string is converted with ``str``.
    newlines : bool, default True
        Keep line breaks (``\\n``) of a message that has several lines; with
        ``False`` they are escaped too, for a value that must stay on one line.
        Tabs are always kept.

    Returns
    -------
    str

    Examples
    --------
    >>> visible("title\\x1b]0;owned\\x07 end")
    'title\\\\x1b]0;owned\\\\x07 end'
    >>> visible("Zeile\\r\\nweiter")
    'Zeile\\\\r\\nweiter'
    """
    s = text if isinstance(text, str) else str(text)
    if newlines:
        return "\n".join(UNSAFE.sub(_escape, part) for part in s.split("\n"))
    return UNSAFE.sub(_escape, s)
