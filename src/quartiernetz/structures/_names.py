"""Normalising and matching the names of offers, committees and target groups.

Two spellings name the same thing when their *keys* are equal: the key is the
text folded to lower case, with German umlauts and ß written out (``ä`` →
``ae``, ``ß`` → ``ss``), other accents removed, and every character that is not
a letter or digit dropped, so ``"Senioren-Treff"``, ``"Seniorentreff"`` and
``"SENIOREN TREFF"`` share the key ``"seniorentreff"``. Two different keys are
*near-identical* when their rapidfuzz similarity (:func:`rapidfuzz.fuzz.ratio`,
0–100) reaches a threshold.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from ..io.names import normalize_id

__all__ = ["normalise", "name_key", "near_matches", "group_names", "display_names"]

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")

#: rows of the similarity matrix computed at once (bounds memory for many names)
_CHUNK = 512


def _missing(value: object) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def normalise(text: object) -> str:
    """Lower-case words without umlauts, accents or punctuation, single-spaced.

    Examples
    --------
    >>> normalise("  Senioren-Treff  Süd! ")
    'senioren treff sued'
    >>> normalise("Straße")
    'strasse'
    >>> normalise("Senioren\u200bTreff") == normalise("SeniorenTreff")
    True
    """
    if _missing(text):
        return ""
    # the id normaliser first: Unicode form NFC, no invisible characters, NBSP as space
    s = normalize_id(text).casefold().translate(_UMLAUTS)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", s).strip()


def name_key(text: object) -> str:
    """The comparison key: :func:`normalise` without spaces.

    Examples
    --------
    >>> name_key("Senioren-Treff") == name_key("SENIORENTREFF")
    True
    >>> name_key("Migrant:innen") == name_key("Migrant*innen")
    True
    """
    return normalise(text).replace(" ", "")


def near_matches(keys: Sequence[str], *, threshold: float) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, ratio)``, ``i < j``, of different keys with ratio >= threshold.

    ``ratio`` is :func:`rapidfuzz.fuzz.ratio` (0–100). The similarity matrix is
    computed in blocks of rows, so memory stays bounded for many names.
    """
    keys = list(keys)
    out: list[tuple[int, int, float]] = []
    if len(keys) < 2 or threshold > 100:
        return out
    for start in range(0, len(keys), _CHUNK):
        block = keys[start : start + _CHUNK]
        scores = process.cdist(
            block, keys, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.float32
        )
        rows, cols = np.nonzero(scores)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + r
            if c > i and keys[c] != keys[i]:
                out.append((i, c, float(scores[r, c])))
    return out


def group_names(keys: Sequence[str], *, threshold: float) -> list[int]:
    """A group number per key: equal keys, and chains of near-identical keys, share one.

    Groups are numbered in order of their first key in ``sorted(set(keys))``,
    so the result does not depend on the order of ``keys``.

    Examples
    --------
    >>> group_names(["seniorentreff", "seniorentref", "mittagstisch"], threshold=90)
    [1, 1, 0]
    """
    unique = sorted(set(keys))
    parent = list(range(len(unique)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j, _ in near_matches(unique, threshold=threshold):
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    roots = [find(i) for i in range(len(unique))]
    number = {r: n for n, r in enumerate(sorted(set(roots)))}
    index = {k: number[roots[i]] for i, k in enumerate(unique)}
    return [index[k] for k in keys]


def display_names(groups: Iterable[object], names: Iterable[str]) -> dict[object, str]:
    """For each group, its most frequent spelling.

    Ties go to the spelling with more non-ASCII letters (``"für"`` before
    ``"fuer"``), then to the alphabetically first.

    Examples
    --------
    >>> display_names([0, 0, 1], ["Beratung fuer Eltern", "Beratung für Eltern", "Treff"])
    {0: 'Beratung für Eltern', 1: 'Treff'}
    """
    counts: dict[object, Counter] = {}
    for g, n in zip(groups, names, strict=True):
        counts.setdefault(g, Counter())[str(n)] += 1

    def rank(kv: tuple[str, int]) -> tuple:
        return (-kv[1], -sum(not ch.isascii() for ch in kv[0]), kv[0])

    return {g: min(c.items(), key=rank)[0] for g, c in counts.items()}
