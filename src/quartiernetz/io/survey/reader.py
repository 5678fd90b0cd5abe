"""The survey reader: an export, a roster and a codebook become a network of reports.

:func:`read_survey` runs the steps of :mod:`._steps` in order, each a small
function with a dataclass as its result::

    detect tool   open_survey        path          -> SurveyContext
    roster        load_roster        roster option -> Roster
    classify      classify_columns   headers       -> Columns
                  lay_out            respondent, checklists, relations -> Layout
    select rows   select_rows        rows          -> Selection
    extract       extract_answers    cells         -> Answers
    self-assess.  read_factors       codebook role factor:<id> -> FactorAnswers
    match names   match_names        typed names   -> NameMatch
    reconcile     build_network      all of these  -> Network

Row-level problems (unknown or empty respondents, answers outside the
codebook) are collected over all rows and raised together.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from ...exceptions import FormatError, SurveyError
from ...i18n import Text
from ...network import Network
from ..assemble import Problems
from ._steps.answers import extract_answers, finish_ties, note_values, warn_missing
from ._steps.classify import classify_columns
from ._steps.common import NO_FILE
from ._steps.detect import detect_tool, note_reading, open_survey
from ._steps.factors import add_factors, find_factor_columns, read_factors
from ._steps.questions import lay_out
from ._steps.reconcile import build_network, pair_table
from ._steps.rosters import check_codes, load_roster
from ._steps.rows import select_rows
from ._steps.typed_names import match_names
from ._steps.values import ValueMapper

__all__ = ["read_survey", "detect_tool", "survey_summary", "OPTIONS"]

#: The options read_survey accepts besides roster, respondent, codebook and tool.
OPTIONS = (
    "include_unfinished",
    "aliases",
    "questions",
    "names",
    "ignore",
    "match_threshold",
    "abbreviations",
    "sheet",
    "name",
)
#: The keyword arguments of read_survey itself.
_ARGUMENTS = ("roster", "respondent", "codebook", "tool")


def _read(
    path: Path, roster: Any, respondent: str | None, codebook: Any, tool: str, options: dict
) -> Network:
    """The steps, in order (called by :func:`read_survey` only: warnings name its caller)."""
    ctx = open_survey(path, codebook, tool, options)
    note_reading(ctx)
    factor_columns = find_factor_columns(ctx)  # self-assessment items: no roster question
    rost = load_roster(ctx, roster, respondent)
    check_codes(ctx, rost)
    layout = lay_out(ctx, classify_columns(ctx, respondent))
    problems = Problems()
    sel = select_rows(ctx, layout.respondent, problems)
    mapper = ValueMapper(ctx.codebook, ctx.export.separators, ctx.file, problems)
    answers = extract_answers(ctx, layout.questions, sel, mapper)
    factors = read_factors(ctx, factor_columns, sel, problems)
    problems.raise_if_any()
    names = match_names(ctx, answers, sel, has_name_questions=bool(layout.columns.names))
    note_values(ctx, mapper, answers)
    warn_missing(ctx, answers.missing_cells, stacklevel=4)  # warn_missing, _read, read_survey
    frames = answers.frames + ([names.ties] if names.ties is not None else [])
    ties = finish_ties(ctx, frames)
    net = build_network(ctx, layout, sel.respondents, ties, answers, names)
    add_factors(ctx, net, factors)
    return net


def survey_summary(net: Network) -> pd.DataFrame:
    """Response rate and confirmed ties of a survey network, by relation.

    Parameters
    ----------
    net : Network
        A network read by :func:`read_survey` (ties with ``reported_by``,
        actors with ``responded``); also after :func:`~quartiernetz.privacy.pseudonymize`.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``relation`` (and a last row ``"(all)"``), columns in this
        order: ``roster_size`` (actors not added from typed names),
        ``respondents``, ``response_rate``, ``reports`` (tie rows),
        ``pairs`` (pairs reported by at least one side), ``pairs_both_responded``
        (of these, pairs where both sides responded and the non-reporting side
        did not skip the question), ``confirmed`` (pairs reported by both sides),
        ``confirmed_share`` (confirmed / pairs_both_responded; NaN if none) and
        ``one_sided_nonrespondent`` (pairs whose other side did not respond:
        only one report can exist).

    Notes
    -----
    A tie is *confirmed* when both sides reported it. Only pairs in which both
    sides answered can be confirmed, so the share is taken over those:
    :math:`\\text{confirmed\\_share} = |\\{p : p \\text{ reported by both}\\}| /
    |\\{p : \\text{both sides responded}\\}|`.

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(actors=pd.DataFrame({"id": ["a", "b", "c"]}),
    ...               ties=pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
    ...                                  "reported_by": ["a", "b", "a"]}))
    >>> net.actors["responded"] = [True, True, False]
    >>> survey_summary(net)[["pairs", "pairs_both_responded", "confirmed", "confirmed_share"]]
                 pairs  pairs_both_responded  confirmed  confirmed_share
    relation
    cooperation      2                     1          1              1.0
    (all)            2                     1          1              1.0
    """
    if not net.is_survey:
        raise SurveyError(
            Text(
                "the network holds no survey reports (ties need 'reported_by', actors need "
                "'responded')",
                "das Netzwerk enthält keine Befragungsangaben (Beziehungen brauchen "
                "'reported_by', Akteure 'responded')",
            )
        )
    actors = net.actors
    base = actors[~actors["new_actor"].astype(bool)] if "new_actor" in actors.columns else actors
    roster_size = len(base)
    respondents = int(actors["responded"].astype(bool).sum())
    missing = net.meta.get("missing")
    pairs = pair_table(
        net.ties, actors["responded"], missing if isinstance(missing, pd.DataFrame) else None
    )
    resp = set(actors.index[actors["responded"].astype(bool)].astype(str))
    rows = []
    relations = sorted(net.ties["relation"].astype(str).unique().tolist())
    for rel in [*relations, "(all)"]:
        p = pairs if rel == "(all)" else pairs[pairs["relation"] == rel]
        t = net.ties if rel == "(all)" else net.ties[net.ties["relation"].astype(str) == rel]
        both = p[p["both_responded"]]
        one_sided = (~p["a"].isin(resp) | ~p["b"].isin(resp)).sum() if len(p) else 0
        rows.append(
            {
                "relation": rel,
                "roster_size": roster_size,
                "respondents": respondents,
                "response_rate": respondents / roster_size if roster_size else math.nan,
                "reports": len(t),
                "pairs": len(p),
                "pairs_both_responded": len(both),
                "confirmed": int(both["confirmed"].sum()) if len(both) else 0,
                "confirmed_share": (float(both["confirmed"].mean()) if len(both) else math.nan),
                "one_sided_nonrespondent": int(one_sided),
            }
        )
    return pd.DataFrame(rows).set_index("relation")


def read_survey(
    path: str | os.PathLike[str],
    *,
    roster: str | os.PathLike[str] | pd.DataFrame | None = None,
    respondent: str | None = None,
    codebook: str | os.PathLike[str] | pd.DataFrame | Mapping[Any, Any] | None = None,
    tool: str = "auto",
    **options: Any,
) -> Network:
    """Read a survey export (roster or name-generator questionnaire) into a network of reports.

    Parameters
    ----------
    path : path-like
        The export: LimeSurvey CSV, SoSci Survey TSV, Qualtrics CSV, Google
        Forms CSV/XLSX, Microsoft Forms XLSX, or a wide CSV/XLSX.
    roster : path-like or DataFrame, optional
        ``id``, ``label``, optionally ``code`` (the export's column header of
        the answers about that actor), ``aliases`` and actor attributes. Where
        the headers carry the actors' labels (LimeSurvey full headings, Google
        Forms grids, Qualtrics' second header row, multi-select options), no
        ``code`` is needed. Without a roster, only wide spreadsheets (actors =
        column headers) and name generators can be read.
    respondent : str, optional
        The column that says which actor answered; its values are matched to
        roster ids or labels (or to a roster column of the same header, e.g.
        ``token``), ignoring case, spaces and Unicode forms. Default: the first
        column of a wide spreadsheet, otherwise the column whose values match
        the roster best (recorded).
    codebook : path-like, DataFrame or mapping, optional
        ``value,intensity``; see :mod:`quartiernetz.io.survey.codebook`.
        Without one, numbers are intensities (SoSci: code − 1) and common
        answer texts are understood. Rows with the columns ``question`` and
        ``role`` = ``factor:<id>`` mark self-assessment items of the network
        check: their answers become the actor column ``factor:<id>`` and the
        scale ``meta["factor_scales"][<id>]``.
    tool : str, default "auto"
        ``limesurvey``, ``sosci``, ``qualtrics``, ``googleforms``, ``msforms``,
        ``wide`` or ``auto`` (:func:`detect_tool`).
    **options
        include_unfinished : bool, default False
            Read unfinished responses too (they are always reported).
        questions : str, list or dict, optional
            The roster questions (stems such as ``KOOP``/``Q5``, question texts,
            or headers of checklist columns), as a dict naming each one's
            relation. Undeclared questions are found from the roster; with one
            question the relation is ``"cooperation"``, with several the
            question's code or text.
        names : str, list or dict, optional
            Name-generator questions (stems or columns of free-text partner
            names); a dict maps each to the stem or columns of the intensity
            asked for each name (paired by item code or by position).
        aliases : path-like, DataFrame or mapping, optional
            The edited review table (``name``, ``suggested_actor``) deciding
            near matches of typed names.
        match_threshold : float, default 80
            The least similarity (0–100) for a suggestion in the review table.
        abbreviations : mapping, optional
            Further abbreviations for name matching (``{"bi": "bewohnerinitiative"}``).
        ignore : str or list, optional
            Columns or question stems to leave out.
        sheet : str, optional
            The sheet of an ``.xlsx`` export (default: the first with data).
        name : str, optional
            The network's name (default: the file's name without ending).

    Returns
    -------
    Network
        ``ties``: one row per reported tie, with ``source`` = the respondent,
        ``target``, ``relation``, ``intensity``, ``reported_by`` and ``row``
        (the export's row; spreadsheet counting, header = 1; Qualtrics: the
        file's rows, so the first response is row 4). ``actors``: every roster
        actor, with ``responded`` (bool) and, when typed names added actors,
        ``new_actor``. ``meta["survey"]``: the figures (tool, roster_size,
        respondents, response_rate, unfinished_excluded, duplicates_superseded,
        missing_answers, self_reports_dropped, dropped_identifying_columns, …);
        ``meta["missing"]``: one row per missing answer (``source``, ``target``,
        ``relation``, ``row``); ``meta["review"]``: the name review table, when
        names were typed. ``record``: everything left out, merged or added.

    Raises
    ------
    SurveyError
        Naming file, row, column and value: an unknown or empty respondent, an
        answer outside the codebook, a roster code without a column, a column
        of a roster question that matches no roster actor, no roster question.
    InputProblems
        When several rows have such problems (unknown or empty respondents,
        answers outside the codebook, roster codes without a column, repeated
        roster ids or codes): all of them, up to
        :data:`~quartiernetz.io.assemble.MAX_PROBLEMS`; a single one is raised
        as itself.
    TypeError
        For an unknown option, listing the valid ones.
    QuartiernetzError
        Other :class:`~quartiernetz.exceptions.InputError` subclasses for files
        that cannot be read.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "matrix.csv").write_text(
    ...     "Organisation;qm;awo;kita\\nqm;;2;1\\nAWO;3;;0\\n", encoding="utf-8")
    >>> roster = pd.DataFrame({"id": ["qm", "awo", "kita"],
    ...                        "label": ["Quartiersmanagement", "AWO", "Kita Sonnenschein"]})
    >>> net = read_survey(folder / "matrix.csv", roster=roster)
    >>> net.ties[["source", "target", "intensity", "row"]].values.tolist()
    [['qm', 'awo', 2.0, 2], ['qm', 'kita', 1.0, 2], ['awo', 'qm', 3.0, 3]]
    >>> net.meta["survey"]["response_rate"]
    0.6667
    """
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        valid = ", ".join([*_ARGUMENTS, *OPTIONS])
        raise TypeError(
            f"read_survey() got unknown option{'s' if len(unknown) > 1 else ''} "
            f"{', '.join(unknown)}; valid options are: {valid}"
        )
    path = Path(path)
    if not path.exists():
        raise FormatError(NO_FILE, file=str(path.name))
    return _read(path, roster, respondent, codebook, tool, options)
