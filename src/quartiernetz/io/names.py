"""Actor ids (normalisation, near-duplicate spellings): moved to :mod:`quartiernetz.tables.names`.

The validation of tables sits below :mod:`quartiernetz.network` (see
``docs/architecture.md``); this module re-exports its names so that every existing
import keeps working.
"""

from __future__ import annotations

from ..tables.names import (
    INVISIBLE,
    NO_BREAK_SPACES,
    code_points,
    describe_difference,
    id_changes,
    normalize_id,
    variant_key,
)

__all__ = [
    "INVISIBLE",
    "NO_BREAK_SPACES",
    "code_points",
    "describe_difference",
    "id_changes",
    "normalize_id",
    "variant_key",
]
