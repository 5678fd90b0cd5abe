"""The ``quartiernetz`` command line: validate, convert, report.

The command line is thin: it calls the public functions, so notebook users and
evaluators get the same numbers. Invalid input prints one message naming the
file, row and column, without a traceback, and exits with status 2; Ctrl-C ends
with one line and status 130.

Everything it prints exists in German and English (``--lang de|en``; default: the
language of the locale, German where the locale is neither), and passes through
:func:`quartiernetz.terminal.visible`, so that control characters in names and
file contents are shown, never obeyed by the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import io as network_io
from ._version import __version__
from .exceptions import DataCleaningWarning, QuartiernetzError
from .i18n import Text, default_lang, render
from .io.survey import read_survey
from .network import Network
from .privacy import pseudonymize, read_key
from .terminal import visible

__all__ = [
    "main",
    "build_parser",
    "describe_text",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_INPUT",
    "EXIT_INTERRUPTED",
]

#: Exit statuses: success, invalid input or arguments, interrupted (Ctrl-C).
EXIT_OK, EXIT_INPUT, EXIT_INTERRUPTED = 0, 2, 130
#: Exit status of ``batch`` when some inputs failed (the others were written).
EXIT_SOME_FAILED = 1

_ = Text  # the help texts below read like the messages they are

#: German for argparse's own words (usage, errors); argparse looks them up with gettext.
_ARGPARSE_DE = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "show program's version number and exit": "die Version zeigen und beenden",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ungültige Wahl: %(value)r (möglich: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ungültiger Wert (%(type)s): %(value)r",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "ein Wert erwartet",
    "ambiguous option: %(option)s could match %(matches)s": (
        "mehrdeutige Option: %(option)s passt zu %(matches)s"
    ),
}


@contextlib.contextmanager
def _argparse_in(lang: str) -> Iterator[None]:
    """argparse's own words in ``lang`` while the parser is built and used."""
    original = argparse._  # type: ignore[attr-defined]
    if lang == "de":
        argparse._ = lambda s: _ARGPARSE_DE.get(s, original(s))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose messages (usage, errors) show control characters."""

    def _print_message(self, message: str, file: TextIO | None = None) -> None:
        if message:
            super()._print_message(visible(message), file)


def _add_out_option(p: argparse.ArgumentParser, h: Any) -> None:
    """``--out DIR`` of the commands that write a report folder."""
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=h(
            _(
                "output folder: new, empty, or holding an earlier report (with --force)",
                "Ausgabeordner: neu, leer oder mit einem früheren Bericht (mit --force)",
            )
        ),
    )


def _add_input_options(p: argparse.ArgumentParser, h: Any, *, many: bool = False) -> None:
    if many:
        p.add_argument(
            "inputs",
            metavar="INPUT",
            nargs="+",
            help=h(
                _(
                    "two or more networks, earliest first: anything INPUT of report reads",
                    "zwei oder mehr Netzwerke, das früheste zuerst: alles, was INPUT von "
                    "report liest",
                )
            ),
        )
    else:
        p.add_argument(
            "input",
            metavar="INPUT",
            help=h(
                _(
                    "a folder, .xlsx, CSV, Pajek .net, UCINET .dl, GraphML, GEXF or survey export",
                    "ein Ordner, .xlsx, CSV, Pajek .net, UCINET .dl, GraphML, GEXF oder ein "
                    "Befragungsexport",
                )
            ),
        )
    p.add_argument(
        "--lang",
        choices=("de", "en"),
        default=None,
        help=h(
            _(
                "language of the messages (and of the report); default: the locale's, "
                "German where it is neither",
                "Sprache der Meldungen (und des Berichts); Standard: die der "
                "Spracheinstellung, sonst Deutsch",
            )
        ),
    )
    g = p.add_argument_group(h(_("network files", "Netzwerkdateien")))
    g.add_argument(
        "--format",
        default="auto",
        help=h(
            _(
                "input format (default: detected); see `quartiernetz.io.READ_FORMATS`",
                "Eingabeformat (Standard: erkannt); siehe `quartiernetz.io.READ_FORMATS`",
            )
        ),
    )
    g.add_argument(
        "--directed",
        action="store_true",
        default=None,
        help=h(
            _(
                "read ties as arcs (default: what the file says, else undirected)",
                "Beziehungen als gerichtet lesen (Standard: wie die Datei angibt, sonst "
                "ungerichtet)",
            )
        ),
    )
    s = p.add_argument_group(
        h(
            _(
                "survey exports (any of these reads INPUT as a survey)",
                "Befragungsexporte (jede dieser Optionen liest INPUT als Befragung)",
            )
        )
    )
    s.add_argument(
        "--roster",
        help=h(
            _(
                "roster CSV/XLSX: id, label, optional code and attributes",
                "Akteursliste CSV/XLSX: id, label, optional code und Merkmale",
            )
        ),
    )
    s.add_argument(
        "--respondent",
        help=h(
            _(
                "the export's column naming the responding actor",
                "die Spalte des Exports, die den antwortenden Akteur nennt",
            )
        ),
    )
    s.add_argument(
        "--codebook",
        help=h(
            _(
                "CSV with value,intensity mapping the answers",
                "CSV mit value,intensity, das die Antworten übersetzt",
            )
        ),
    )
    s.add_argument(
        "--tool",
        default=None,
        help=h(
            _(
                "limesurvey, sosci, qualtrics, googleforms, msforms, wide or auto",
                "limesurvey, sosci, qualtrics, googleforms, msforms, wide oder auto",
            )
        ),
    )
    s.add_argument(
        "--include-unfinished",
        action="store_true",
        help=h(
            _(
                "keep unfinished responses (excluded by default)",
                "unvollständige Antworten behalten (sonst ausgelassen)",
            )
        ),
    )
    s.add_argument(
        "--aliases",
        help=h(
            _(
                "alias table (name, actor) from an edited review table",
                "Namenstabelle (name, actor) aus einer bearbeiteten Prüftabelle",
            )
        ),
    )
    s.add_argument(
        "--questions",
        action="append",
        metavar="STEM[=RELATION]",
        help=h(
            _(
                "a roster question (e.g. KOOP, Q5) and the relation it asks for; "
                "repeat for several (default: found from the roster)",
                "eine Listenfrage (z. B. KOOP, Q5) und die Beziehungsart, nach der sie "
                "fragt; wiederholbar (Standard: aus der Akteursliste erkannt)",
            )
        ),
    )
    s.add_argument(
        "--names",
        action="append",
        metavar="STEM[=INTENSITY_STEM]",
        help=h(
            _(
                "a name-generator question (free-text partner names), optionally "
                "paired with the question asking each partner's intensity; repeatable",
                "eine Namensfrage (Partner als Freitext), optional mit der Frage nach "
                "der Intensität je Partner; wiederholbar",
            )
        ),
    )
    s.add_argument(
        "--ignore",
        action="append",
        metavar="COLUMN",
        help=h(
            _(
                "a column or question stem to leave out; repeatable",
                "eine Spalte oder Frage, die ausgelassen wird; wiederholbar",
            )
        ),
    )
    s.add_argument(
        "--match-threshold",
        type=float,
        default=None,
        metavar="SCORE",
        help=h(
            _(
                "least similarity (0-100) for a name suggestion (default 80)",
                "kleinste Ähnlichkeit (0-100) für einen Namensvorschlag (Standard 80)",
            )
        ),
    )
    s.add_argument(
        "--review-out",
        metavar="FILE",
        help=h(
            _(
                "write the name-matching review table (name, suggested_actor, score) here",
                "die Prüftabelle des Namensabgleichs (name, suggested_actor, score) hierhin "
                "schreiben",
            )
        ),
    )
    p.add_argument(
        "--pseudonymize",
        metavar="KEYFILE",
        help=h(
            _(
                "replace actor ids and labels by keyed pseudonyms; the key is read from "
                "KEYFILE (created with a random key if missing), the key table is written "
                "beside it, never into the outputs",
                "Akteurs-IDs und -Namen durch Pseudonyme mit Schlüssel ersetzen; der "
                "Schlüssel steht in KEYFILE (fehlt die Datei, wird ein zufälliger angelegt), "
                "die Schlüsseltabelle wird daneben geschrieben, nie in die Ergebnisse",
            )
        ),
    )


def build_parser(lang: str = "en") -> argparse.ArgumentParser:
    """The argument parser, its help in ``lang`` (exposed for documentation)."""
    h = lambda text: render(text, lang)  # noqa: E731
    with _argparse_in(lang):
        parser = _Parser(
            prog="quartiernetz",
            description=h(
                _(
                    "Cooperation networks in neighbourhoods: network catalysts, duplicate "
                    "structures, competitor clusters, plots and reports.",
                    "Kooperationsnetzwerke im Quartier: Netzwerkkatalysatoren, "
                    "Doppelstrukturen, Konkurrenzcluster, Abbildungen und Berichte.",
                )
            ),
        )
        # the help given here: argparse before Python 3.12 fixes its default help in English
        # when it defines the action, so the translation above never sees it
        parser.add_argument(
            "--version",
            action="version",
            version=f"quartiernetz {__version__}",
            help=h(_("show the version and exit", "die Version zeigen und beenden")),
        )
        sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
        sub.required = True

        p = sub.add_parser(
            "validate",
            help=h(
                _(
                    "show what was read and every problem found",
                    "zeigen, was gelesen wurde, und jedes gefundene Problem",
                )
            ),
            description=h(
                _(
                    "Read INPUT and show what was read (actors, ties by relation, "
                    "affiliations) and what the loader cleaned, merged or dropped.",
                    "INPUT lesen und zeigen, was gelesen wurde (Akteure, Beziehungen nach "
                    "Art, Zugehörigkeiten) und was beim Einlesen bereinigt, zusammengeführt "
                    "oder ausgelassen wurde.",
                )
            ),
        )
        _add_input_options(p, h)

        p = sub.add_parser(
            "convert",
            help=h(_("convert between formats", "zwischen Formaten umwandeln")),
            description=h(
                _(
                    "Read INPUT and write OUTPUT: a folder (CSV), .xlsx, "
                    ".graphml or .gexf, chosen by OUTPUT's ending.",
                    "INPUT lesen und OUTPUT schreiben: ein Ordner (CSV), .xlsx, .graphml "
                    "oder .gexf, nach der Endung von OUTPUT.",
                )
            ),
        )
        _add_input_options(p, h)
        p.add_argument(
            "output",
            metavar="OUTPUT",
            help=h(
                _(
                    "a folder, .xlsx, .graphml or .gexf",
                    "ein Ordner, .xlsx, .graphml oder .gexf",
                )
            ),
        )
        p.add_argument(
            "--to",
            default="auto",
            help=h(
                _(
                    "output format (default: from OUTPUT's ending)",
                    "Ausgabeformat (Standard: nach der Endung von OUTPUT)",
                )
            ),
        )

        p = sub.add_parser(
            "report",
            help=h(
                _(
                    "analyse and write the report (the main job)",
                    "auswerten und den Bericht schreiben (die Hauptaufgabe)",
                )
            ),
            description=h(
                _(
                    "Read INPUT, run the analyses and write tables, figures "
                    "and report.html into DIR.",
                    "INPUT lesen, die Analysen rechnen und Tabellen, Abbildungen und "
                    "report.html in DIR schreiben.",
                )
            ),
        )
        _add_input_options(p, h)
        _add_out_option(p, h)
        p.add_argument(
            "--seed",
            type=int,
            default=0,
            help=h(
                _(
                    "seed for layouts and Louvain (default 0)",
                    "Startwert für Layouts und Louvain (Standard 0)",
                )
            ),
        )
        p.add_argument("--title", default=None, help=h(_("report title", "Titel des Berichts")))
        p.add_argument(
            "--quiet",
            action="store_true",
            help=h(
                _(
                    "no progress output and no warnings",
                    "keine Fortschrittsanzeige, keine Warnungen",
                )
            ),
        )
        p.add_argument(
            "--force",
            action="store_true",
            help=h(
                _(
                    "replace an earlier report in DIR (never other files)",
                    "einen früheren Bericht in DIR ersetzen (nie andere Dateien)",
                )
            ),
        )
        p.add_argument(
            "--approximate",
            action="store_true",
            help=h(
                _(
                    "estimate betweenness and closeness from sampled sources (very large networks)",
                    "Betweenness und Closeness aus einer Stichprobe schätzen (sehr große "
                    "Netzwerke)",
                )
            ),
        )
        p.add_argument(
            "--jobs",
            type=int,
            default=None,
            metavar="N",
            help=h(
                _(
                    "processes for the figures and the stability check (default: 2 on two "
                    "CPUs from 150 actors with committees or offers or from 2,000 actors, "
                    "else 1)",
                    "Prozesse für die Abbildungen und die Stabilitätsprüfung (Standard: 2 "
                    "bei zwei CPUs ab 150 Akteuren mit Gremien oder Angeboten oder ab 2.000 "
                    "Akteuren, sonst 1)",
                )
            ),
        )
        _add_compare_parser(sub, h)
        _add_batch_parser(sub, h)
    return parser


def _add_compare_parser(sub: Any, h: Any) -> None:
    """The ``compare`` subcommand: several networks (waves or quarters) in one report."""
    p = sub.add_parser(
        "compare",
        help=h(
            _(
                "compare waves or quarters and write the comparison report",
                "Wellen oder Quartiere vergleichen und den Vergleichsbericht schreiben",
            )
        ),
        description=h(
            _(
                "Read two or more networks (earliest first) and write the figures side by "
                "side, the ties and actors that changed, the significance tests and "
                "compare.html into DIR. Survey options apply to every input.",
                "Zwei oder mehr Netzwerke lesen (das früheste zuerst) und die Kennzahlen "
                "nebeneinander, die veränderten Beziehungen und Akteure, die "
                "Signifikanztests und compare.html in DIR schreiben. Befragungsoptionen "
                "gelten für jede Eingabe.",
            )
        ),
    )
    _add_input_options(p, h, many=True)
    _add_out_option(p, h)
    p.add_argument(
        "--labels",
        nargs="+",
        metavar="LABEL",
        help=h(
            _(
                'one name per input, e.g. --labels "Welle 1" "Welle 2" (default: the file names)',
                'ein Name je Eingabe, z. B. --labels "Welle 1" "Welle 2" (Standard: die '
                "Dateinamen)",
            )
        ),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        help=h(
            _(
                "seed for layouts and the significance tests (default 0)",
                "Startwert für Layouts und Signifikanztests (Standard 0)",
            )
        ),
    )
    p.add_argument(
        "--permutations",
        type=int,
        default=1000,
        metavar="N",
        help=h(
            _(
                "permutations or random networks per significance test (default 1000)",
                "Permutationen oder Zufallsnetzwerke je Signifikanztest (Standard 1000)",
            )
        ),
    )
    p.add_argument(
        "--wave-aliases",
        metavar="FILE",
        help=h(
            _(
                "alias table (name, suggested_actor) deciding which actors of a later "
                "network are actors of the earlier one (an edited name_review_K.csv)",
                "Namenstabelle (name, suggested_actor), die entscheidet, welche Akteure "
                "eines späteren Netzwerks Akteure des früheren sind (eine bearbeitete "
                "name_review_K.csv)",
            )
        ),
    )
    p.add_argument("--title", default=None, help=h(_("report title", "Titel des Berichts")))
    p.add_argument(
        "--quiet",
        action="store_true",
        help=h(_("no warnings", "keine Warnungen")),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=h(
            _(
                "replace an earlier report in DIR (never other files)",
                "einen früheren Bericht in DIR ersetzen (nie andere Dateien)",
            )
        ),
    )


def _add_batch_parser(sub: Any, h: Any) -> None:
    """The ``batch`` subcommand: one report per input and the programme overview."""
    p = sub.add_parser(
        "batch",
        help=h(
            _(
                "one report per input and a programme overview",
                "ein Bericht je Eingabe und eine Programmübersicht",
            )
        ),
        description=h(
            _(
                "Read each INPUT (one network or survey export each), write its report into "
                "DIR/<name> and the overview (batch.csv, index.html, figures) into DIR. A "
                "failing input does not stop the batch; a second run skips inputs whose "
                "report is finished. Exit status 1 when some inputs failed.",
                "Jede Eingabe lesen (je ein Netzwerk oder Befragungsexport), ihren Bericht "
                "nach DIR/<Name> und die Übersicht (batch.csv, index.html, Abbildungen) nach "
                "DIR schreiben. Eine fehlerhafte Eingabe hält den Lauf nicht an; ein zweiter "
                "Lauf überspringt Eingaben mit fertigem Bericht. Exit-Status 1, wenn Eingaben "
                "fehlschlugen.",
            )
        ),
    )
    _add_input_options(p, h, many=True)
    for action in p._actions:
        if action.dest == "inputs":
            action.help = h(
                _(
                    "folders, files or glob patterns (quote them), one network each",
                    "Ordner, Dateien oder Suchmuster (in Anführungszeichen), je ein Netzwerk",
                )
            )
    p.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=h(
            _(
                "batch folder: new, empty, or one an earlier batch wrote (resumes it)",
                "Ordner des Laufs: neu, leer oder von einem früheren Lauf (setzt ihn fort)",
            )
        ),
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help=h(
            _(
                "local processes, one input each at a time (default 1)",
                "lokale Prozesse, je eine Eingabe auf einmal (Standard 1)",
            )
        ),
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help=h(
            _(
                "run the inputs on this Dask cluster (tcp://host:8786) instead",
                "die Eingaben stattdessen auf diesem Dask-Cluster rechnen (tcp://host:8786)",
            )
        ),
    )
    p.add_argument(
        "--seed",
        type=int,
        default=0,
        help=h(
            _(
                "seed for layouts and Louvain (default 0)",
                "Startwert für Layouts und Louvain (Standard 0)",
            )
        ),
    )
    p.add_argument(
        "--approximate",
        action="store_true",
        help=h(
            _(
                "estimate betweenness and closeness from sampled sources",
                "Betweenness und Closeness aus einer Stichprobe schätzen",
            )
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=h(
            _(
                "run every input again, even one with a finished report",
                "jede Eingabe neu rechnen, auch eine mit fertigem Bericht",
            )
        ),
    )
    p.add_argument(
        "--quiet",
        action="store_true",
        help=h(
            _(
                "no progress bar and no warnings",
                "keine Fortschrittsanzeige, keine Warnungen",
            )
        ),
    )


def _argv_lang(argv: Sequence[str]) -> str:
    """The ``--lang`` of the command line, else the locale's (German where neither)."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("de", "en"):
            return argv[i + 1]
        if arg in ("--lang=de", "--lang=en"):
            return arg.partition("=")[2]
    return default_lang("de")


# ---------------------------------------------------------------------------- output
class _Say:
    """Print messages in one language, with control characters made visible."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, text: Text | str, *, file: TextIO | None = None, **kwargs: Any) -> None:
        if isinstance(text, Text):
            text = text.format(**kwargs) if kwargs else text
        shown = render(text, self.lang, interface="cli")
        print(visible(shown), file=file if file is not None else sys.stdout)

    def error(self, message: str) -> None:
        prefix = render(_("quartiernetz: error: ", "quartiernetz: Fehler: "), self.lang)
        print(prefix + visible(message), file=sys.stderr)

    def warning(self, message: object) -> None:
        prefix = render(_("quartiernetz: warning: ", "quartiernetz: Warnung: "), self.lang)
        text = message.render(self.lang, interface="cli") if hasattr(message, "render") else message
        print(prefix + visible(str(text), newlines=False), file=sys.stderr, flush=True)


def _plural(n: int, one: Text, many: Text, lang: str) -> str:
    return (
        f"{n:,}".replace(",", "." if lang == "de" else ",")
        + " "
        + render(one if n == 1 else many, lang)
    )


def _is_survey(args: argparse.Namespace) -> bool:
    return any(
        getattr(args, k, None) for k in ("roster", "respondent", "codebook", "tool", "names")
    )


def _pairs(values: list[str] | None) -> dict[str, str | None] | None:
    """``["KOOP=information", "PROJ"]`` -> ``{"KOOP": "information", "PROJ": None}``."""
    if not values:
        return None
    out: dict[str, str | None] = {}
    for v in values:
        key, sep, value = v.partition("=")
        out[key.strip()] = value.strip() if sep else None
    return out


def _survey_options(args: argparse.Namespace) -> dict:
    options: dict = {"include_unfinished": args.include_unfinished, "aliases": args.aliases}
    for option in ("questions", "names"):
        pairs = _pairs(getattr(args, option))
        if pairs is not None:
            # STEM=VALUE pairs give a mapping; bare stems a list
            options[option] = pairs if all(pairs.values()) else list(pairs)
    if args.ignore:
        options["ignore"] = list(args.ignore)
    if args.match_threshold is not None:
        options["match_threshold"] = args.match_threshold
    return options


def _key_table(keyfile: Path) -> Path:
    return keyfile.with_name(keyfile.stem + "-key-table.csv")


def _read(args: argparse.Namespace, say: _Say) -> Network:
    if _is_survey(args):
        net = read_survey(
            args.input,
            roster=args.roster,
            respondent=args.respondent,
            codebook=args.codebook,
            tool=args.tool or "auto",
            **_survey_options(args),
        )
        review = net.meta.get("review")
        if args.review_out and review is not None:
            from .report.tables import write_csv

            write_csv(review, args.review_out)
            say(
                _("review table written to {path}", "Prüftabelle geschrieben nach {path}"),
                file=sys.stderr,
                path=args.review_out,
            )
    else:
        net = network_io.read_network(args.input, format=args.format, directed=args.directed)
    if args.pseudonymize:
        net = _pseudonymize(net, Path(args.pseudonymize), say)
    return net


def _pseudonymize(net: Network, keyfile: Path, say: _Say) -> Network:
    import secrets

    if keyfile.exists():
        key: str | bytes = read_key(keyfile)
    else:
        key = secrets.token_hex(32)
        keyfile.parent.mkdir(parents=True, exist_ok=True)
        keyfile.write_text(key + "\n", encoding="utf-8")
        say(
            _(
                "new pseudonymisation key written to {path}",
                "neuer Pseudonymisierungsschlüssel geschrieben nach {path}",
            ),
            file=sys.stderr,
            path=keyfile,
        )
    net, table = pseudonymize(net, key=key)
    table_path = _key_table(keyfile)
    from .report.tables import write_csv

    write_csv(table, table_path)
    say(
        _(
            "key table written to {path} (keep it apart from the outputs)",
            "Schlüsseltabelle geschrieben nach {path} (getrennt von den Ergebnissen aufbewahren)",
        ),
        file=sys.stderr,
        path=table_path,
    )
    return net


#: Column headers of the validate tables in German (the English ones are the names).
_HEADERS_DE = {
    "type": "Typ",
    "actors": "Akteure",
    "relation": "Beziehungsart",
    "ties": "Beziehungen",
    "mean_intensity": "mittlere Intensität",
    "kind": "Art",
    "items": "Einträge",
    "memberships": "Mitgliedschaften",
}


def _print_table(title: str, frame: Any, out: TextIO, lang: str) -> None:
    print(f"\n{title}", file=out)
    if frame.empty:
        print("  " + render(_("(none)", "(keine)"), lang), file=out)
        return
    float_format = None
    if lang == "de":
        frame = frame.rename(columns=_HEADERS_DE)
        frame = frame.replace({"(none)": "(keiner)"})
        float_format = lambda x: f"{x:.3f}".replace(".", ",")  # noqa: E731
    for line in frame.to_string(index=False, float_format=float_format).splitlines():
        print("  " + visible(line, newlines=False), file=out)


def describe_text(net: Network, *, lang: str = "en") -> str:
    """The text ``quartiernetz validate`` prints, in ``lang`` (``"de"`` or ``"en"``).

    Control characters in names and values are shown as escapes (``\\x1b``), never
    passed to the terminal.

    Examples
    --------
    >>> from quartiernetz.datasets import load_example
    >>> print(describe_text(load_example(), lang="de").splitlines()[0])
    Gelesen: nordstadt (folder): 31 Akteure, 65 Beziehungen, 56 Zugehörigkeiten, ungerichtet
    """
    import io

    buf = io.StringIO()
    fmt = net.meta.get("format", "")
    kind = render(
        _("directed", "gerichtet") if net.directed else _("undirected", "ungerichtet"), lang
    )
    counts = ", ".join(
        [
            _plural(len(net.actors), _("actor", "Akteur"), _("actors", "Akteure"), lang),
            _plural(len(net.ties), _("tie", "Beziehung"), _("ties", "Beziehungen"), lang),
            _plural(
                len(net.affiliations),
                _("affiliation", "Zugehörigkeit"),
                _("affiliations", "Zugehörigkeiten"),
                lang,
            ),
        ]
    )
    source = visible(str(net.meta.get("source", net.name or "")), newlines=False)
    head = _(
        "Read {source} ({fmt}): {counts}, {kind}", "Gelesen: {source} ({fmt}): {counts}, {kind}"
    )
    print(render(head.format(source=source, fmt=fmt, counts=counts, kind=kind), lang), file=buf)
    tables = net.describe()
    _print_table(
        render(_("Actors by type:", "Akteure nach Typ:"), lang), tables["actors_by_type"], buf, lang
    )
    _print_table(
        render(_("Ties by relation:", "Beziehungen nach Art:"), lang),
        tables["ties_by_relation"],
        buf,
        lang,
    )
    _print_table(
        render(_("Affiliations by kind:", "Zugehörigkeiten nach Art:"), lang),
        tables["affiliations_by_kind"],
        buf,
        lang,
    )
    survey = net.meta.get("survey")
    if survey:
        print("\n" + render(_("Survey:", "Befragung:"), lang), file=buf)
        for k, v in survey.items():
            print(f"  {k}: {visible(v, newlines=False)}", file=buf)
    changes = [e for e in net.record if e.action != "info"]
    infos = [e for e in net.record if e.action == "info"]
    if infos:
        print("\n" + render(_("Detected:", "Erkannt:"), lang), file=buf)
        for e in infos:
            print(f"  - {visible(e.render(lang, interface='cli'), newlines=False)}", file=buf)
    if changes:
        entries = _plural(len(changes), _("entry", "Eintrag"), _("entries", "Einträge"), lang)
        rows = _plural(
            sum(e.count for e in changes),
            _("row or value", "Zeile oder Wert"),
            _("rows or values", "Zeilen oder Werte"),
            lang,
        )
        title = _(
            "What the loader changed ({entries}, {rows}):",
            "Was beim Einlesen geändert wurde ({entries}, {rows}):",
        )
        print("\n" + render(title.format(entries=entries, rows=rows), lang), file=buf)
        for e in changes:
            print(f"  - {visible(e.render(lang, interface='cli'), newlines=False)}", file=buf)
    else:
        none = _(
            "No problems found: nothing was cleaned, merged or dropped.",
            "Keine Probleme gefunden: nichts wurde bereinigt, zusammengeführt oder ausgelassen.",
        )
        print("\n" + render(none, lang), file=buf)
    return buf.getvalue()


def _paths_of_this_run(args: argparse.Namespace) -> list[str]:
    """Every file this run reads or writes besides the report (the report must not hold one)."""
    paths = list(args.inputs) if getattr(args, "inputs", None) else [args.input]
    for name in ("roster", "codebook", "aliases", "review_out", "wave_aliases"):
        value = getattr(args, name, None)
        if value:
            paths.append(value)
    if getattr(args, "pseudonymize", None):
        paths += [args.pseudonymize, str(_key_table(Path(args.pseudonymize)))]
    return paths


def _run(args: argparse.Namespace, say: _Say) -> int:
    if args.command == "compare":
        return _compare(args, say)
    if args.command == "batch":
        return _batch(args, say)
    if args.command == "report":
        from .report.output import check_output

        # before the input is read and the analyses run: the output folder may be used
        check_output(args.out, force=args.force, inputs=_paths_of_this_run(args))
    net = _read(args, say)
    if args.command == "validate":
        print(describe_text(net, lang=args.lang), end="")
        return EXIT_OK
    if args.command == "convert":
        written = network_io.write_network(net, args.output, format=args.to)
        say(_("wrote {path}", "geschrieben: {path}"), file=sys.stderr, path=written)
        return EXIT_OK
    from .report import write_report

    out = write_report(
        net,
        args.out,
        lang=args.lang,
        seed=args.seed,
        title=args.title,
        quiet=args.quiet,
        force=args.force,
        approximate=args.approximate,
        n_jobs=args.jobs,
    )
    say(_("report written to {path}", "Bericht geschrieben nach {path}"), file=sys.stderr, path=out)
    return EXIT_OK


def _compare(args: argparse.Namespace, say: _Say) -> int:
    """``quartiernetz compare``: read every input, then write the comparison report."""
    from .report.compare import write_comparison
    from .report.output import check_output

    inputs = list(args.inputs)
    if len(inputs) < 2:
        raise QuartiernetzError(
            _(
                "compare needs at least two inputs (earliest first), got {n}",
                "compare braucht mindestens zwei Eingaben (die früheste zuerst), erhalten: {n}",
            ).format(n=len(inputs))
        )
    labels = list(args.labels) if args.labels else [Path(i).stem or str(i) for i in inputs]
    if len(labels) != len(inputs):
        raise QuartiernetzError(
            _(
                "--labels gives {k} names for {n} inputs; give one name per input",
                "--labels nennt {k} Namen für {n} Eingaben; geben Sie einen Namen je Eingabe an",
            ).format(k=len(labels), n=len(inputs))
        )
    if len(set(labels)) != len(labels):
        raise QuartiernetzError(
            _(
                "the labels must differ ({labels}); name the inputs with --labels",
                "die Bezeichnungen müssen verschieden sein ({labels}); benennen Sie die "
                "Eingaben mit --labels",
            ).format(labels=", ".join(labels))
        )
    if args.permutations < 1:
        raise QuartiernetzError(
            _(
                "--permutations must be a whole number >= 1, got {n}",
                "--permutations muss eine ganze Zahl >= 1 sein, nicht {n}",
            ).format(n=args.permutations)
        )
    # before the inputs are read: the output folder may be used
    check_output(args.out, force=args.force, inputs=_paths_of_this_run(args))
    nets = {}
    review_out = args.review_out
    for k, (label, path) in enumerate(zip(labels, inputs, strict=True), start=1):
        args.input = path
        if review_out:
            # one review table per survey: NAME-1.csv, NAME-2.csv, ...
            base = Path(review_out)
            args.review_out = str(base.with_name(f"{base.stem}-{k}{base.suffix}"))
        nets[label] = _read(args, say)
    out = write_comparison(
        nets,
        args.out,
        lang=args.lang,
        seed=args.seed,
        title=args.title,
        force=args.force,
        permutations=args.permutations,
        aliases=args.wave_aliases,
        inputs=_paths_of_this_run(args),
    )
    say(
        _("comparison written to {path}", "Vergleich geschrieben nach {path}"),
        file=sys.stderr,
        path=out,
    )
    return EXIT_OK


def _batch(args: argparse.Namespace, say: _Say) -> int:
    """``quartiernetz batch``: one report per input, the overview, exit 1 if some failed."""
    from .batch import batch

    if args.review_out:
        raise QuartiernetzError(
            _(
                "--review-out is not available with batch: review each survey with "
                "quartiernetz validate first",
                "--review-out gibt es bei batch nicht: prüfen Sie jede Befragung zuerst "
                "mit quartiernetz validate",
            )
        )
    survey = None
    if _is_survey(args):
        survey = {
            "roster": args.roster,
            "respondent": args.respondent,
            "codebook": args.codebook,
            "tool": args.tool or "auto",
            **_survey_options(args),
        }
    side = [getattr(args, n) for n in ("roster", "codebook", "aliases") if getattr(args, n)]
    try:
        table = batch(
            args.inputs,
            args.out,
            jobs=args.jobs,
            scheduler=args.scheduler,
            lang=args.lang,
            seed=args.seed,
            approximate=args.approximate,
            force=args.force,
            format=args.format,
            directed=args.directed,
            survey=survey,
            side_files=side,
            pseudonymize=args.pseudonymize,
            progress=False if args.quiet else None,
            interface="cli",
        )
    except KeyboardInterrupt:
        say(
            _(
                "quartiernetz: interrupted (Ctrl-C); finished reports in {out} are kept, "
                "the same command resumes the batch",
                "quartiernetz: abgebrochen (Strg-C); fertige Berichte in {out} bleiben, "
                "derselbe Aufruf setzt den Lauf fort",
            ).format(out=args.out),
            file=sys.stderr,
        )
        return EXIT_INTERRUPTED
    failed = table[table["status"] == "failed"]
    for _i, row in failed.iterrows():
        say.error(f"{row['input']}: {row['error']}")
    say(
        _(
            "{ok} of {n} reports in {path} ({resumed} resumed), {failed} failed; "
            "overview: {path}/index.html",
            "{ok} von {n} Berichten in {path} ({resumed} übernommen), {failed} "
            "fehlgeschlagen; Übersicht: {path}/index.html",
        ),
        file=sys.stderr,
        ok=int((table["status"] == "ok").sum()),
        n=len(table),
        path=args.out,
        resumed=int(table["resumed"].astype(bool).sum()),
        failed=len(failed),
    )
    return EXIT_SOME_FAILED if len(failed) else EXIT_OK


def _os_error(err: OSError) -> Text:
    name = Path(err.filename).name if getattr(err, "filename", None) else ""
    if isinstance(err, FileNotFoundError):
        text = _("{name}: does not exist.", "{name}: existiert nicht.")
    elif isinstance(err, IsADirectoryError):
        text = _(
            "{name}: is a folder, expected a file.", "{name}: ist ein Ordner, erwartet: eine Datei."
        )
    elif isinstance(err, NotADirectoryError):
        text = _("{name}: is not a folder.", "{name}: ist kein Ordner.")
    else:
        text = _(
            "{name}: cannot be read or written (permission denied).",
            "{name}: kann nicht gelesen oder geschrieben werden (keine Berechtigung).",
        )
    return text.format(name=name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 invalid input, 130 Ctrl-C).

    Examples
    --------
    >>> from quartiernetz.datasets import example_path
    >>> main(["validate", str(example_path()), "--lang", "en"])  # doctest: +ELLIPSIS
    Read nordstadt (folder): 31 actors, 65 ties, 56 affiliations, undirected
    ...
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _argv_lang(argv)
    with _argparse_in(lang):
        args = build_parser(lang).parse_args(argv)
    args.lang = args.lang or lang
    say = _Say(args.lang)
    try:
        with warnings.catch_warnings():
            if getattr(args, "quiet", False):
                warnings.simplefilter("ignore")
            else:
                # one clean line per warning, without the source file and line
                warnings.showwarning = lambda message, *a, **k: say.warning(message)
                # the record is printed instead of one warning per entry
                warnings.simplefilter("ignore", DataCleaningWarning)
            return _run(args, say)
    except KeyboardInterrupt:
        if args.command in ("report", "compare"):
            text = _(
                "quartiernetz: interrupted (Ctrl-C); no report was written, {out} is as it was",
                "quartiernetz: abgebrochen (Strg-C); kein Bericht geschrieben, {out} ist "
                "unverändert",
            ).format(out=args.out)
        else:
            text = _("quartiernetz: interrupted (Ctrl-C)", "quartiernetz: abgebrochen (Strg-C)")
        say(text, file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of our output went away (``quartiernetz validate … | head``):
        # stop quietly, and keep Python from complaining again when it flushes at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except QuartiernetzError as err:
        say.error(err.render(args.lang, interface="cli"))
        return EXIT_INPUT
    except OSError as err:
        if not isinstance(
            err, (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError)
        ):
            raise
        say.error(render(_os_error(err), args.lang, interface="cli"))
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
