"""Limits on the size of what is read: moved to :mod:`quartiernetz.tables.limits`.

The validation of tables sits below :mod:`quartiernetz.network` (see
``docs/architecture.md``); this module re-exports its names so that every existing
import keeps working.
"""

from __future__ import annotations

from ..tables.limits import (
    DEFAULT_LIMITS,
    ENVIRONMENT,
    check_cells,
    check_nodes,
    check_zip,
    get_limit,
    set_limits,
)

__all__ = [
    "DEFAULT_LIMITS",
    "ENVIRONMENT",
    "check_cells",
    "check_nodes",
    "check_zip",
    "get_limit",
    "set_limits",
]
