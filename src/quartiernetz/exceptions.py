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
    "AnalysisError",
    "QuartiernetzWarning",
    "DataCleaningWarning",
]


class QuartiernetzError(Exception):
    """Base class of every error quartiernetz raises on purpose."""


class InputError(QuartiernetzError, ValueError):
    """Bad input data, located by file, row and column.

    Parameters
    ----------
    problem : str
        What was found, e.g. ``'"abc" is not a number'``.
    file : str, optional
        The file's name (not its full path, which may hold personal data).
    row : int, optional
        The row as a spreadsheet user counts it (header row = 1).
    column : str, optional
        The column's header.
    expected : str, optional
        What was expected instead.
    hint : str, optional
        How to fix it.
    """

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        expected: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.row = row
        self.column = column
        self.expected = expected
        self.hint = hint
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column {self.column!r}")
        text = ", ".join(where)
        text = f"{text}: {self.problem}" if text else self.problem
        if self.expected:
            text += f"; expected {self.expected}"
        text += "."
        if self.hint:
            text += f" {self.hint}"
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


class AnalysisError(QuartiernetzError, ValueError):
    """An analysis cannot be run with the given arguments."""


class QuartiernetzWarning(UserWarning):
    """Base class of quartiernetz warnings."""


class DataCleaningWarning(QuartiernetzWarning):
    """The loader cleaned, merged or skipped input (also listed in ``net.record``)."""
