"""Run the command line in-process and judge what a user gets: a complete report or one message.

:func:`run_cli` calls :func:`quartiernetz.cli.main` with the output captured (and any
exception caught, so a crash becomes a finding, not a lost test run).
:func:`report_problems`, :func:`error_problems` and :func:`stream_problems` return lists
of readable problems (empty when all is well), so a failing cell names everything wrong
with it at once.
"""

from __future__ import annotations

import contextlib
import io
import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

#: Sections every report has (``offers`` only when the input has offers).
CORE_SECTIONS = (
    "overview",
    "map",
    "catalysts",
    "dependence",
    "duplicates",
    "competitors",
    "communities",
    "quality",
    "methods",
    "files",
)

#: Tables every report writes.
CORE_TABLES = (
    "summary.csv",
    "catalysts.csv",
    "data_actors_by_type.csv",
    "data_ties_by_relation.csv",
    "data_affiliations_by_kind.csv",
    "data_quality.csv",
)

#: Control characters that must never reach a terminal raw (all C0 but tab and newline,
#: DEL, and the C1 range, which holds the 8-bit CSI ``\x9b``).
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class CliResult:
    """What one command-line run gave: exit status, both streams, and a crash if any."""

    argv: tuple[str, ...]
    code: int | None
    out: str
    err: str
    crash: str = ""

    def describe(self) -> str:
        """The run in a few lines, for assertion messages."""
        text = f"quartiernetz {' '.join(self.argv)}\n-> exit {self.code}\n"
        if self.crash:
            text += f"CRASH:\n{self.crash}\n"
        tail = self.err[-1500:]
        return text + f"stderr (end):\n{tail}\nstdout (start):\n{self.out[:800]}"


def run_cli(argv: list[str]) -> CliResult:
    """Run ``quartiernetz argv`` in this process and capture what it prints.

    An exception escaping :func:`~quartiernetz.cli.main` is what the user would see as
    a traceback: it is kept in ``crash`` (with ``code`` None) instead of being raised.
    """
    from quartiernetz.cli import main

    out, err = io.StringIO(), io.StringIO()
    code: int | None
    crash = ""
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse
            code = exc.code if isinstance(exc.code, int) else 2
        except Exception:
            code = None
            crash = traceback.format_exc()
    return CliResult(tuple(str(a) for a in argv), code, out.getvalue(), err.getvalue(), crash)


def stream_problems(result: CliResult) -> list[str]:
    """Tracebacks or raw control characters in what the user's terminal shows."""
    problems = []
    if result.crash:
        problems.append("an exception escaped the command line (the user sees a traceback)")
    for name, text in (("stdout", result.out), ("stderr", result.err)):
        if "Traceback (most recent call last)" in text:
            problems.append(f"{name} holds a traceback")
        found = sorted({repr(c) for c in RAW_CONTROL.findall(text.replace("\r\n", "\n"))})
        if found:
            problems.append(f"{name} holds raw control characters {found}")
    return problems


#: Words that give away the other language in a message (quoted names are left out first).
OTHER_LANGUAGE = {
    "de": re.compile(r"\b(the|which|holds|cannot|is not|of the|expected|found|must)\b"),
    "en": re.compile(r"\b(der|die|das|nicht|ist|wurde|und|erwartet|gefunden|Zeile|Spalte)\b"),
}


def language_problems(message: str) -> list[str]:
    """A German message (``Fehler:``) with English words in it, or the other way round."""
    lang = "de" if re.match(r"quartiernetz: (Fehler|Warnung)", message) else "en"
    unquoted = re.sub(r"'[^']*'|\"[^\"]*\"|«[^»]*»|„[^“]*“", "", message)
    words = sorted(set(OTHER_LANGUAGE[lang].findall(unquoted)))
    if len(words) >= 2:
        return [f"the {lang} message mixes in the other language ({words}): {message!r}"]
    return []


def error_problems(result: CliResult) -> list[str]:
    """Problems with a refusal: exit 2 with exactly one clear message in one language."""
    problems = stream_problems(result)
    if result.code != 2:
        problems.append(f"exit status {result.code}, expected 2")
    messages = [line for line in result.err.splitlines() if line.startswith("quartiernetz:")]
    if len(messages) != 1:
        problems.append(f"{len(messages)} 'quartiernetz: ...' messages, expected exactly one")
    elif len(messages[0]) < 30:
        problems.append(f"the message says too little: {messages[0]!r}")
    else:
        problems += language_problems(messages[0])
    return problems


def _html_lang(html: str) -> str | None:
    found = re.search(r'<html[^>]*\blang="([^"]+)"', html)
    return found.group(1) if found else None


def report_problems(folder: Path, lang: str) -> list[str]:
    """What is missing or broken in the report folder ``folder`` written with ``--lang``."""
    folder = Path(folder)
    html_path = folder / "report.html"
    if not html_path.is_file():
        return [f"{html_path} was not written"]
    problems: list[str] = []
    html = html_path.read_text(encoding="utf-8")
    if _html_lang(html) != lang:
        problems.append(f'report.html says lang="{_html_lang(html)}", expected {lang!r}')
    sections = re.findall(r'<section id="([^"]+)"', html)
    listed = re.findall(r'<li><a href="#([^"]+)">', html)
    missing = [s for s in CORE_SECTIONS if s not in sections]
    if missing:
        problems.append(f"sections missing from report.html: {missing}")
    if listed != sections:
        problems.append(f"contents {listed} do not match the sections {sections}")
    errors = re.findall(r'<p class="error">(.*?)</p>', html, flags=re.S)
    if errors:
        problems.append(f"{len(errors)} analysis step(s) failed in the report: {errors[:3]}")
    if "Traceback" in html:
        problems.append("report.html holds a traceback")
    for name in sorted(set(re.findall(r"figures/[\w.-]+\.(?:png|svg)", html))):
        path = folder / name
        if not path.is_file() or path.stat().st_size == 0:
            problems.append(f"the report names {name}, which is missing or empty")
    if not (folder / "figures" / "network.svg").is_file():
        problems.append("figures/network.svg (the network map) is missing")
    files_section = html.split('<section id="files">', 1)[-1]
    for name in re.findall(r"<li><code>([^<]+)</code>", files_section):
        if not (folder / name).exists():
            problems.append(f"the files section lists {name}, which is missing")
    for name in CORE_TABLES:
        if not (folder / name).is_file():
            problems.append(f"table {name} is missing")
    for path in sorted(folder.glob("*.csv")):
        try:
            pd.read_csv(path, encoding="utf-8-sig")
        except Exception as exc:  # any reading problem is a finding
            problems.append(f"{path.name} does not read as CSV: {exc}")
    return problems


def outcome_problems(result: CliResult, folder: Path | None = None, lang: str = "de") -> list[str]:
    """A run must succeed (and, for ``report``, leave a complete report) or refuse clearly."""
    if result.code == 2 and not result.crash:
        return error_problems(result)
    problems = stream_problems(result)
    if result.code != 0:
        problems.append(f"exit status {result.code}, expected 0 (or 2 with one message)")
    elif folder is not None:
        problems += report_problems(folder, lang)
    return problems
