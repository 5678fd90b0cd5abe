"""Old names of the plotting package that still work for one release, with a warning."""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["moved"]


def moved(module: str, targets: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` that serves names moved to another package.

    Parameters
    ----------
    module : str
        The module's ``__name__`` (named in the error for unknown names).
    targets : mapping of str to str
        Old name -> the module it lives in now (under the same name).

    Returns
    -------
    callable
        ``__getattr__(name)``: the moved object, after a :class:`DeprecationWarning`
        that names the new place; :class:`AttributeError` for any other name.

    Examples
    --------
    >>> import warnings
    >>> getattr_ = moved("old.place", {"dumps": "json"})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     import json
    ...     getattr_("dumps") is json.dumps
    True
    >>> str(caught[0].message)
    'old.place.dumps is deprecated; use json.dumps instead'
    """

    def __getattr__(name: str) -> Any:
        if name not in targets:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        target = targets[name]
        warnings.warn(
            f"{module}.{name} is deprecated; use {target}.{name} instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(importlib.import_module(target), name)

    return __getattr__
