"""Shared API conventions (ground layer: every layer may import this module).

- :func:`as_generator` is the one seed normaliser: every public ``seed``
  parameter accepts an int, a :class:`numpy.random.Generator` or None;
  :func:`as_int_seed` gives libraries that take only ints (layouts,
  python-louvain) an int from the same inputs.
- :func:`renamed_keyword` keeps an old keyword working for one release with a
  :class:`DeprecationWarning`.

See ``docs/api-conventions.md`` for the meaning and default of every shared
parameter name (``weight``, ``seed``, ``lang``, ``k``, ``n``, ``top``).
"""

from __future__ import annotations

import functools
import numbers
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

import numpy as np

from .exceptions import AnalysisError
from .i18n import Text

__all__ = ["Seed", "as_generator", "as_int_seed", "renamed_keyword"]

#: What a ``seed`` parameter accepts.
Seed = int | np.random.Generator | None

F = TypeVar("F", bound=Callable[..., Any])


def _check(seed: object) -> None:
    if seed is None or isinstance(seed, np.random.Generator):
        return
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return
    raise AnalysisError(
        Text(
            "seed must be a whole number, a numpy Generator or None, got {v!r}",
            "seed muss eine ganze Zahl, ein numpy-Generator oder None sein, erhalten: {v!r}",
        ).format(v=seed)
    )


def as_generator(seed: Seed) -> np.random.Generator:
    """A numpy Generator from an int, a Generator (used as it is) or None (fresh entropy).

    Parameters
    ----------
    seed : int, numpy.random.Generator or None

    Returns
    -------
    numpy.random.Generator

    Raises
    ------
    AnalysisError
        For anything else (also for ``True`` and ``False``).

    Examples
    --------
    >>> int(as_generator(3).integers(100)) == int(as_generator(3).integers(100))
    True
    >>> g = np.random.default_rng(1)
    >>> as_generator(g) is g
    True
    """
    _check(seed)
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(None if seed is None else int(seed))


def as_int_seed(seed: Seed, *, default: int | None = 0) -> int | None:
    """An int seed for libraries that take only ints (layouts, python-louvain).

    An int is kept (modulo 2**32), a Generator draws one int (and so
    advances), None gives ``default``.

    Examples
    --------
    >>> as_int_seed(7), as_int_seed(None), as_int_seed(None, default=None)
    (7, 0, None)
    >>> as_int_seed(np.random.default_rng(0)) == as_int_seed(np.random.default_rng(0))
    True
    """
    _check(seed)
    if seed is None:
        return default
    if isinstance(seed, np.random.Generator):
        return int(seed.integers(0, 2**32 - 1))
    return int(seed) % (2**32)


def renamed_keyword(old: str, new: str, *, since: str = "0.2") -> Callable[[F], F]:
    """Accept the keyword ``old`` as ``new`` for one release, with a DeprecationWarning.

    Examples
    --------
    >>> import warnings
    >>> @renamed_keyword("k", "n")
    ... def f(*, n: int = 1) -> int:
    ...     return n
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     f(k=3), caught[0].category.__name__
    (3, 'DeprecationWarning')
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if old in kwargs:
                if new in kwargs:
                    raise TypeError(f"{fn.__name__}() got both {old!r} and {new!r}; use {new!r}")
                warnings.warn(
                    f"{fn.__name__}({old}=...) is deprecated since {since} and will be "
                    f"removed in the next release; use {new}=... "
                    f"({fn.__name__}({old}=...) ist veraltet; {new}=... verwenden)",
                    DeprecationWarning,
                    stacklevel=2,
                )
                kwargs[new] = kwargs.pop(old)
            return fn(*args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
