"""Validate raw tables and assemble them into a :class:`~quartiernetz.network.Network`.

Every reader ends here, so every format gets the same checks, the same cleaning and
the same record of what was changed. The checks themselves live in
:mod:`quartiernetz.tables.assemble` (below :mod:`quartiernetz.network`, which uses
them too); this module re-exports its names and adds :func:`assemble`, which makes
the network.
"""

from __future__ import annotations

from ..network import Network
from ..record import Record
from ..tables.assemble import (
    ACTOR_COLUMNS,
    AFFILIATION_COLUMNS,
    ALIASES,
    DEFAULT_KIND,
    DEFAULT_RELATION,
    MAX_PROBLEMS,
    TIE_COLUMNS,
    Frames,
    Problems,
    assemble_frames,
    check_actor_ids,
    empty_affiliations,
    empty_ties,
    normalize_id_column,
    table_from_frame,
)
from ..tables.text import Table

__all__ = [
    "assemble",
    "assemble_frames",
    "Frames",
    "table_from_frame",
    "check_actor_ids",
    "normalize_id_column",
    "empty_ties",
    "empty_affiliations",
    "Problems",
    "MAX_PROBLEMS",
    "ACTOR_COLUMNS",
    "TIE_COLUMNS",
    "AFFILIATION_COLUMNS",
    "ALIASES",
    "DEFAULT_RELATION",
    "DEFAULT_KIND",
]


def assemble(
    actors: Table | None,
    ties: Table | None,
    affiliations: Table | None = None,
    *,
    directed: bool = False,
    record: Record | None = None,
    name: str | None = None,
    meta: dict | None = None,
    merge_parallel: bool = True,
) -> Network:
    """Validate and combine raw tables into a :class:`~quartiernetz.network.Network`.

    Parameters
    ----------
    actors, ties, affiliations : Table or None
        As read from files; ``actors`` None means actors come from the ties and
        affiliations (each added actor is recorded).
    directed : bool
        Whether the ties are arcs.
    record : Record, optional
        The record to extend; a new one when not given.
    name : str, optional
        The network's name.
    meta : dict, optional
        Provenance (source file, format, encoding).
    merge_parallel : bool, default True
        Merge ties of one pair, relation, wave and reporter given more than once.
        At most :data:`MAX_PROBLEMS` problems are listed (this module's value).

    Examples
    --------
    >>> import pandas as pd
    >>> ties = table_from_frame(pd.DataFrame({"source": ["qm"], "target": ["awo"]}), "ties")
    >>> assemble(None, ties, name="Nordstadt")
    <Network 'Nordstadt': 2 actors, 1 ties (cooperation), 0 affiliations, undirected>
    """
    frames = assemble_frames(
        actors,
        ties,
        affiliations,
        directed=directed,
        record=record,
        merge_parallel=merge_parallel,
        max_problems=MAX_PROBLEMS,
    )
    return Network.from_frames(
        frames.actors,
        frames.ties,
        frames.affiliations,
        directed=frames.directed,
        record=frames.record,
        name=name,
        meta=meta or {},
    )
