"""The quartiernetz exception hierarchy.

Every error quartiernetz raises on purpose derives from :class:`QuartiernetzError`.
Errors about bad input data also derive from :class:`ValueError`, so code that
already catches ``ValueError`` keeps working.

An input error knows *where* it happened: the file, the row as a spreadsheet user
counts it (the header is row 1, the first data row is row 2), and the column.
Its message names what was found, what was expected and, where it helps, the fix::

    ties.csv, row 8, column 'target': "XYZ-42" is not an actor in actors.csv;
    expected an id from actors.csv. Close matches: "XYZ-24".
"""

from __future__ import annotations

from .i18n import Text, render

__all__ = [
    "QuartiernetzError",
    "InputError",
    "FormatError",
    "EmptyFileError",
    "MissingColumnError",
    "UnknownActorError",
    "DuplicateActorError",
    "InvalidValueError",
    "MatrixError",
    "SurveyError",
    "InputProblems",
    "AnalysisError",
    "QuartiernetzWarning",
    "DataCleaningWarning",
]


class QuartiernetzError(Exception):
    """Base class of every error quartiernetz raises on purpose.

    An error built from a :class:`~quartiernetz.i18n.Text` (or an
    :class:`InputError` whose parts are Texts) can be shown in German or English
    and in the words of the command line: :meth:`render`. ``str(error)`` is the
    English text for Python users.
    """

    def __init__(self, *args: object) -> None:
        self.text = args[0] if len(args) == 1 and isinstance(args[0], Text) else None
        if self.text is not None:
            args = (str(self.text),)
        super().__init__(*args)

    def render(self, lang: str = "en", *, interface: str = "python") -> str:
        """The message in ``lang`` (``"de"``/``"en"``) for ``interface`` (``"python"``/``"cli"``)."""
        if self.text is not None:
            return render(self.text, lang, interface=interface)
        return render(str(self), lang, interface=interface)


class InputError(QuartiernetzError, ValueError):
    """Bad input data, located by file, row and column.

    Parameters
    ----------
    problem : str or Text
        What was found, e.g. ``'"abc" is not a number'``.
    file : str, optional
        The file's name (not its full path, which may hold personal data).
    row : int, optional
        The row as a spreadsheet user counts it (header row = 1).
    column : str, optional
        The column's header.
    expected : str or Text, optional
        What was expected instead.
    hint : str or Text, optional
        How to fix it; may name options with the markers of :mod:`quartiernetz.i18n`
        so that the command line shows ``--option`` where Python shows ``option=``.
    """

    def __init__(
        self,
        problem: str | Text,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        expected: str | Text | None = None,
        hint: str | Text | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.row = row
        self.column = column
        self.expected = expected
        self.hint = hint
        Exception.__init__(self, self._format())
        self.text = None

    def render(self, lang: str = "en", *, interface: str = "python") -> str:
        """The message in ``lang`` for ``interface``.

        Examples
        --------
        >>> e = InputError(Text("empty", "leer"), file="ties.csv", row=3, column="source",
        ...                hint=Text("Use [[opt:sheet]].", "Mit [[opt:sheet]] wählen."))
        >>> e.render("de", interface="cli")
        "ties.csv, Zeile 3, Spalte 'source': leer. Mit --sheet wählen."
        >>> str(e)
        "ties.csv, row 3, column 'source': empty. Use sheet=."
        """
        return self._format(lang, interface)

    def _format(self, lang: str = "en", interface: str = "python") -> str:
        de = lang == "de"
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"{'Zeile' if de else 'row'} {self.row}")
        if self.column is not None:
            where.append(f"{'Spalte' if de else 'column'} {self.column!r}")
        text = ", ".join(where)
        problem = render(self.problem, lang, interface=interface)
        text = f"{text}: {problem}" if text else problem
        if self.expected:
            expected = render(self.expected, lang, interface=interface)
            text += f"; {'erwartet: ' if de else 'expected '}{expected}"
        text += "."
        if self.hint:
            text += " " + render(self.hint, lang, interface=interface)
        return text


class FormatError(InputError):
    """The file is not text, not the claimed format, or cannot be parsed."""


class EmptyFileError(InputError):
    """The file (or the sheet) holds no data."""


class MissingColumnError(InputError):
    """A required column is missing; the message lists the columns found."""


class UnknownActorError(InputError):
    """A tie or affiliation names an actor that is not in the actor table."""


class DuplicateActorError(InputError):
    """Two rows of the actor table have the same id."""


class InvalidValueError(InputError):
    """A value is of the wrong kind, e.g. a negative or non-numeric intensity."""


class MatrixError(InputError):
    """A matrix is not square, or its row and column labels do not match."""


class SurveyError(InputError):
    """A survey export does not fit its roster or codebook."""


class InputProblems(InputError):
    """Several problems found in one input, listed together (``validate`` shows them all).

    Parameters
    ----------
    problems : list of InputError
        Each problem with its own file, row and column; kept in ``.problems``,
        sorted by file and row.
    limit : int, optional
        How many more problems there were beyond ``problems`` (not collected after
        the cap), so that the message can say so.

    Examples
    --------
    >>> e = InputProblems([InvalidValueError("x", file="t.csv", row=4),
    ...                    InvalidValueError("y", file="t.csv", row=2)])
    >>> print(e)
    t.csv: 2 problems.
      t.csv, row 2: y.
      t.csv, row 4: x.
    >>> print(e.render("de"))
    t.csv: 2 Probleme.
      t.csv, Zeile 2: y.
      t.csv, Zeile 4: x.
    """

    def __init__(self, problems: list[InputError], *, more: int = 0) -> None:
        if not problems:
            raise ValueError("InputProblems needs at least one problem")
        self.problems = sorted(
            problems, key=lambda p: (str(p.file or ""), p.row if p.row is not None else -1)
        )
        self.more = int(more)
        files = sorted({str(p.file) for p in self.problems if p.file})
        super().__init__("", file=", ".join(files) or None)

    def _format(self, lang: str = "en", interface: str = "python") -> str:
        de = lang == "de"
        n = len(self.problems) + self.more
        head = (
            f"{n} {'Probleme' if de else 'problems'}"
            if n != 1
            else ("1 Problem" if de else "1 problem")
        )
        if self.file:
            head = f"{self.file}: {head}"
        lines = [head + "."]
        lines += ["  " + p.render(lang, interface=interface) for p in self.problems]
        if self.more:
            lines.append(
                f"  … {self.more} {'weitere nicht aufgeführt' if de else 'more not listed'}"
            )
        return "\n".join(lines)


class AnalysisError(QuartiernetzError, ValueError):
    """An analysis cannot be run with the given arguments."""


class QuartiernetzWarning(UserWarning):
    """Base class of quartiernetz warnings."""


class DataCleaningWarning(QuartiernetzWarning):
    """The loader cleaned, merged or skipped input (also listed in ``net.record``)."""
