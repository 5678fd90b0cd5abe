"""The ``quartiernetz`` command line: validate, convert, report.

The command line is thin: it calls the public functions, so notebook users and
evaluators get the same numbers. Invalid input prints one message naming the
file, row and column, without a traceback, and exits with status 2.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .exceptions import DataCleaningWarning, QuartiernetzError
from .network import Network

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_INPUT = 0, 2


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "input",
        metavar="INPUT",
        help="a folder, .xlsx, CSV, Pajek .net, UCINET .dl, GraphML, GEXF or survey export",
    )
    g = p.add_argument_group("network files")
    g.add_argument(
        "--format",
        default="auto",
        help="input format (default: detected); see `quartiernetz.io.READ_FORMATS`",
    )
    g.add_argument(
        "--directed",
        action="store_true",
        default=None,
        help="read ties as arcs (default: what the file says, else undirected)",
    )
    s = p.add_argument_group("survey exports (any of these reads INPUT as a survey)")
    s.add_argument("--roster", help="roster CSV/XLSX: id, label, optional code and attributes")
    s.add_argument("--respondent", help="the export's column naming the responding actor")
    s.add_argument("--codebook", help="CSV with value,intensity mapping the answers")
    s.add_argument(
        "--tool",
        default=None,
        help="limesurvey, sosci, qualtrics, googleforms, msforms, wide or auto",
    )
    s.add_argument(
        "--include-unfinished",
        action="store_true",
        help="keep unfinished responses (excluded by default)",
    )
    s.add_argument("--aliases", help="alias table (name, actor) from an edited review table")
    s.add_argument(
        "--questions",
        action="append",
        metavar="STEM[=RELATION]",
        help="a roster question (e.g. KOOP, Q5) and the relation it asks for; "
        "repeat for several (default: found from the roster)",
    )
    s.add_argument(
        "--names",
        action="append",
        metavar="STEM[=INTENSITY_STEM]",
        help="a name-generator question (free-text partner names), optionally "
        "paired with the question asking each partner's intensity; repeatable",
    )
    s.add_argument(
        "--ignore",
        action="append",
        metavar="COLUMN",
        help="a column or question stem to leave out; repeatable",
    )
    s.add_argument(
        "--match-threshold",
        type=float,
        default=None,
        metavar="SCORE",
        help="least similarity (0-100) for a name suggestion (default 80)",
    )
    s.add_argument(
        "--review-out",
        metavar="FILE",
        help="write the name-matching review table (name, suggested_actor, score) here",
    )
    p.add_argument(
        "--pseudonymize",
        metavar="KEYFILE",
        help="replace actor ids and labels by keyed pseudonyms; the key is read from "
        "KEYFILE (created with a random key if missing), the key table is written "
        "beside it, never into the outputs",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for documentation)."""
    parser = argparse.ArgumentParser(
        prog="quartiernetz",
        description="Cooperation networks in neighbourhoods: network catalysts, duplicate "
        "structures, competitor clusters, plots and reports.",
    )
    parser.add_argument("--version", action="version", version=f"quartiernetz {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    p = sub.add_parser(
        "validate",
        help="show what was read and every problem found",
        description="Read INPUT and show what was read (actors, ties by relation, "
        "affiliations) and what the loader cleaned, merged or dropped.",
    )
    _add_input_options(p)

    p = sub.add_parser(
        "convert",
        help="convert between formats",
        description="Read INPUT and write OUTPUT: a folder (CSV), .xlsx, "
        ".graphml or .gexf, chosen by OUTPUT's ending.",
    )
    _add_input_options(p)
    p.add_argument("output", metavar="OUTPUT", help="a folder, .xlsx, .graphml or .gexf")
    p.add_argument("--to", default="auto", help="output format (default: from OUTPUT's ending)")

    p = sub.add_parser(
        "report",
        help="analyse and write the report (the main job)",
        description="Read INPUT, run the analyses and write tables, figures "
        "and report.html into DIR.",
    )
    _add_input_options(p)
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.add_argument("--lang", choices=("de", "en"), default="de", help="report language")
    p.add_argument("--seed", type=int, default=0, help="seed for layouts and Louvain (default 0)")
    p.add_argument("--title", default=None, help="report title")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--force", action="store_true", help="replace an existing report in DIR")
    p.add_argument(
        "--approximate",
        action="store_true",
        help="estimate betweenness and closeness from sampled sources (very large networks)",
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="processes for the figures and the stability check (default: 2 on two CPUs "
        "from 150 actors with committees or offers or from 2,000 actors, else 1)",
    )
    return parser


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


def _read(args: argparse.Namespace) -> Network:
    if _is_survey(args):
        from .io.survey import read_survey

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
            print(f"review table written to {args.review_out}", file=sys.stderr)
    else:
        from .io import read_network

        net = read_network(args.input, format=args.format, directed=args.directed)
    if args.pseudonymize:
        net = _pseudonymize(net, Path(args.pseudonymize))
    return net


def _pseudonymize(net: Network, keyfile: Path) -> Network:
    import secrets

    from .privacy import pseudonymize, read_key

    if keyfile.exists():
        key: str | bytes = read_key(keyfile)
    else:
        key = secrets.token_hex(32)
        keyfile.parent.mkdir(parents=True, exist_ok=True)
        keyfile.write_text(key + "\n", encoding="utf-8")
        print(f"new pseudonymisation key written to {keyfile}", file=sys.stderr)
    net, table = pseudonymize(net, key=key)
    table_path = keyfile.with_name(keyfile.stem + "-key-table.csv")
    from .report.tables import write_csv

    write_csv(table, table_path)
    print(f"key table written to {table_path} (keep it apart from the outputs)", file=sys.stderr)
    return net


def _print_table(title: str, frame, out) -> None:
    print(f"\n{title}", file=out)
    if frame.empty:
        print("  (none)", file=out)
        return
    for line in frame.to_string(index=False).splitlines():
        print("  " + line, file=out)


def describe_text(net: Network) -> str:
    """The text ``quartiernetz validate`` prints."""
    import io

    buf = io.StringIO()
    fmt = net.meta.get("format", "")
    kind = "directed" if net.directed else "undirected"
    print(
        f"Read {net.meta.get('source', net.name or '')} ({fmt}): {len(net.actors)} actors, "
        f"{len(net.ties)} ties, {len(net.affiliations)} affiliations, {kind}",
        file=buf,
    )
    tables = net.describe()
    _print_table("Actors by type:", tables["actors_by_type"], buf)
    _print_table("Ties by relation:", tables["ties_by_relation"], buf)
    _print_table("Affiliations by kind:", tables["affiliations_by_kind"], buf)
    survey = net.meta.get("survey")
    if survey:
        print("\nSurvey:", file=buf)
        for k, v in survey.items():
            print(f"  {k}: {v}", file=buf)
    changes = [e for e in net.record if e.action != "info"]
    infos = [e for e in net.record if e.action == "info"]
    if infos:
        print("\nDetected:", file=buf)
        for e in infos:
            print(f"  - {e}", file=buf)
    if changes:
        print(
            f"\nWhat the loader changed ({len(changes)} entries, "
            f"{sum(e.count for e in changes)} rows or values):",
            file=buf,
        )
        for e in changes:
            print(f"  - {e}", file=buf)
    else:
        print("\nNo problems found: nothing was cleaned, merged or dropped.", file=buf)
    return buf.getvalue()


def _run(args: argparse.Namespace) -> int:
    net = _read(args)
    if args.command == "validate":
        print(describe_text(net), end="")
        return EXIT_OK
    if args.command == "convert":
        from .io import write_network

        written = write_network(net, args.output, format=args.to)
        print(f"wrote {written}", file=sys.stderr)
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
    print(f"report written to {out}", file=sys.stderr)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 invalid input).

    Examples
    --------
    >>> from quartiernetz.datasets import example_path
    >>> main(["validate", str(example_path())])  # doctest: +ELLIPSIS
    Read nordstadt (folder): 31 actors, 65 ties, 51 affiliations, undirected
    ...
    0
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with warnings.catch_warnings():
            # the record is printed instead of one warning per entry
            warnings.simplefilter("ignore", DataCleaningWarning)
            return _run(args)
    except QuartiernetzError as err:
        print(f"quartiernetz: error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except (FileNotFoundError, IsADirectoryError, PermissionError) as err:
        name = Path(err.filename).name if getattr(err, "filename", None) else ""
        print(f"quartiernetz: error: {name}: {err.strerror}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
