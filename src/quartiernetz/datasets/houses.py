"""One partner list per multi-generation house, written as canonical network folders.

:func:`write_house_exports` splits the programme network of
:func:`~quartiernetz.datasets.mgh_programme` into one small network per house — the
house, its partners (with their types) and the ties between them — and writes each
as a canonical CSV folder, as a house would export its partner list. ``quartiernetz
batch`` then analyses them one by one and its overview recomputes partners per house,
the share of houses with a municipal partner and the partner types from the
per-house data (see ``docs/batch.md``).

The generator is calibrated to the programme's published figures, so recomputing them
from these folders is a **consistency check of the pipeline** (reading, analysing,
aggregating), not an independent reproduction of the published figures. **The data are
synthetic, not the programme's data.**
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..exceptions import AnalysisError
from ..io import write_network
from ..network import Network
from .programme import PUBLISHED_FIGURES, mgh_programme

__all__ = ["write_house_exports", "house_networks"]


def house_networks(*, seed: int = 0, n_houses: int = 500, **options: Any) -> dict[str, Network]:
    """One network per house of the programme generator (2011 wave).

    Parameters
    ----------
    seed : int, default 0
        Seed of :func:`~quartiernetz.datasets.mgh_programme`.
    n_houses : int, default 500
        Houses; the partner ties are scaled to 51.4 per house (25,700 for 500 houses)
        and the regions to one per 2.5 houses unless given in ``options``.
    **options
        Further keyword arguments of :func:`~quartiernetz.datasets.mgh_programme`.

    Returns
    -------
    dict of str to Network
        House id (``mgh-001`` …) -> the house, its partners and the ties touching the
        house (``cooperation``, ``strategic_support``); actors keep ``type`` and ``area``.

    Examples
    --------
    >>> nets = house_networks(seed=0, n_houses=4)
    >>> sorted(nets)
    ['mgh-001', 'mgh-002', 'mgh-003', 'mgh-004']
    >>> int((nets["mgh-001"].actors["type"] == "Mehrgenerationenhaus").sum())
    1
    """
    if not isinstance(n_houses, int) or n_houses < 1:
        raise AnalysisError(f"n_houses must be a positive integer, got {n_houses!r}")
    scale = n_houses / PUBLISHED_FIGURES["houses"]
    options.setdefault("partner_ties", round(PUBLISHED_FIGURES["partner_ties_2011"] * scale))
    options.setdefault("partner_ties_2006", round(20_000 * scale))
    options.setdefault("n_regions", max(1, round(n_houses / 2.5)))
    net = mgh_programme(seed=seed, wave=2011, n_houses=n_houses, **options)
    actors, ties = net.actors, net.ties
    house_ids = actors.index[actors["type"] == "Mehrgenerationenhaus"]
    by_house: dict[str, list[int]] = {h: [] for h in house_ids}
    for i, (s, t) in enumerate(zip(ties["source"], ties["target"], strict=True)):
        for end in (s, t):
            if end in by_house:
                by_house[end].append(i)
    out: dict[str, Network] = {}
    for house in house_ids:
        own = ties.iloc[by_house[house]].reset_index(drop=True)
        ids = {house, *own["source"], *own["target"]}
        sub = actors.loc[[a for a in actors.index if a in ids]].reset_index()
        sub = sub.rename(columns={sub.columns[0]: "id"})
        out[str(house)] = Network(actors=sub, ties=own, name=str(house))
    return out


def write_house_exports(
    folder: str | os.PathLike[str], *, seed: int = 0, n_houses: int = 500, **options: Any
) -> list[Path]:
    """Write one canonical network folder per house into ``folder``.

    Synthetic data modelled on the programme's published figures, not the programme's
    data (see :func:`house_networks` for the parameters).

    Parameters
    ----------
    folder : path-like
        Created if missing; gets one sub-folder per house (``mgh-001`` …).
    seed : int, default 0
    n_houses : int, default 500
    **options
        Further keyword arguments of :func:`~quartiernetz.datasets.mgh_programme`.

    Returns
    -------
    list of pathlib.Path
        The folders written, in house order.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> paths = write_house_exports(pathlib.Path(tempfile.mkdtemp()), seed=0, n_houses=3)
    >>> [p.name for p in paths]
    ['mgh-001', 'mgh-002', 'mgh-003']
    >>> sorted(f.name for f in paths[0].iterdir())
    ['actors.csv', 'ties.csv']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_network(net, folder / house)
        for house, net in house_networks(seed=seed, n_houses=n_houses, **options).items()
    ]
