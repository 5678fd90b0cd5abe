"""Privacy: identifying columns and keyed pseudonyms.

Organisations' names are not personal data, but contact persons, one-person
initiatives, names typed into free-text answers and the technical traces of a
survey (e-mail and IP addresses, invitation tokens) are. quartiernetz

- drops columns that hold personal data when it reads a survey export or a
  roster, found by their headers (:func:`identifying_columns`) and by their
  values (:func:`personal_data_in`: e-mail and IP addresses, telephone numbers,
  tokens and random ids, URLs with a query), so that they never reach a
  network, a report or a file written from it. :func:`find_personal_data` and
  :func:`drop_personal_data` do this for any table; the record names the column
  and the kind of data (:data:`KINDS`), never a value;
- replaces actor ids and labels by stable keyed pseudonyms on request
  (:func:`pseudonymize`), returning the key table separately.

A pseudonym is ``"A-"`` followed by the first 8 hexadecimal digits of
HMAC-SHA256(key, id). The same key gives the same pseudonym for the same id in
every run and every file, so that pseudonymised networks of two survey waves
still line up; without the key, the pseudonyms cannot be traced back by trying
candidate names.

The detection of personal data lives in :mod:`quartiernetz.tables.personal`, below
:mod:`quartiernetz.network`, because the table validation needs it; its names are
re-exported here.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .exceptions import AnalysisError, InputError, QuartiernetzWarning
from .i18n import Text
from .network import Network
from .record import Record, RecordEntry
from .tables.personal import (
    KINDS,
    PersonalData,
    describe,
    drop_personal_data,
    find_personal_data,
    identifying_columns,
    identifying_values,
    left_out,
    personal_data_in,
)

__all__ = [
    "pseudonymize",
    "pseudonym",
    "read_key",
    "identifying_columns",
    "identifying_values",
    "find_personal_data",
    "drop_personal_data",
    "personal_data_in",
    "describe",
    "left_out",
    "PersonalData",
    "KINDS",
    "PSEUDONYM_PREFIX",
]

#: Prefix of actor pseudonyms ("A-3f9c2e1b"); affiliation items get "I-".
PSEUDONYM_PREFIX = "A-"
_ITEM_PREFIX = "I-"
_DIGITS = 8
_MIN_KEY_BYTES = 16

# ----------------------------------------------------------------- pseudonyms


def _key_bytes(key: bytes | str) -> bytes:
    if isinstance(key, str):
        data = key.encode("utf-8")
    elif isinstance(key, bytes | bytearray):
        data = bytes(key)
    else:
        kind = type(key).__name__
        raise AnalysisError(
            Text(
                f"key must be bytes or str, got {kind}",
                f"der Schlüssel muss bytes oder str sein, nicht {kind}",
            )
        )
    if not data:
        raise AnalysisError(
            Text(
                "the pseudonymisation key is empty; give a secret of at least "
                f"{_MIN_KEY_BYTES} bytes",
                "der Schlüssel für die Pseudonymisierung ist leer; ein Geheimnis von mindestens "
                f"{_MIN_KEY_BYTES} Bytes angeben",
            )
        )
    return data


def pseudonym(
    value: str, *, key: bytes | str, prefix: str = PSEUDONYM_PREFIX, digits: int = _DIGITS
) -> str:
    """The keyed pseudonym of one id: ``prefix`` + hex digits of HMAC-SHA256(key, value).

    Examples
    --------
    >>> pseudonym("awo", key="geheim-und-lang-genug")
    'A-...'
    >>> pseudonym("awo", key=b"k") == pseudonym("awo", key="k")
    True
    """
    mac = hmac.new(_key_bytes(key), str(value).encode("utf-8"), hashlib.sha256)
    return prefix + mac.hexdigest()[:digits]


def _pseudonyms(values: Sequence[str], key: bytes, prefix: str) -> dict[str, str]:
    """Pseudonyms for distinct values, lengthened for all if two would collide."""
    distinct = list(dict.fromkeys(str(v) for v in values))
    for digits in (_DIGITS, 12, 16, 64):
        out = {v: pseudonym(v, key=key, prefix=prefix, digits=digits) for v in distinct}
        if len(set(out.values())) == len(out):
            return out
    raise AnalysisError(
        Text(
            "two ids have the same HMAC-SHA256; they cannot be told apart",
            "zwei ids haben denselben HMAC-SHA256; sie lassen sich nicht unterscheiden",
        )
    )


def read_key(path: str | os.PathLike[str]) -> bytes:
    """Read a pseudonymisation key from a text file (surrounding whitespace removed).

    Raises
    ------
    InputError
        When the file is missing or holds no key.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(
            Text("the key file does not exist", "die Schlüsseldatei existiert nicht"),
            file=path.name,
            expected=Text(
                "a text file holding the secret key",
                "eine Textdatei mit dem geheimen Schlüssel",
            ),
        )
    data = path.read_bytes().strip()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:].strip()
    if not data:
        raise InputError(
            Text("the key file is empty", "die Schlüsseldatei ist leer"),
            file=path.name,
            expected=Text(
                "a secret of at least 16 characters", "ein Geheimnis von mindestens 16 Zeichen"
            ),
        )
    return data


_KEEP_ACTOR_TEXT = ("type", "umbrella", "area")
_KEEP_TIE_TEXT = ("relation", "wave")


def _text_columns(frame: pd.DataFrame, keep: Iterable[str]) -> list[str]:
    keep = set(keep)
    out = []
    for c in frame.columns:
        if c in keep:
            continue
        s = frame[c]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_numeric_dtype(s):
            continue
        if s.dropna().map(lambda v: isinstance(v, bool | int | float | np.number)).all():
            continue
        out.append(c)
    return out


def _replace_names(text: str, labels: pd.Series, ids: list[str], mapping: dict[str, str]) -> str:
    """``text`` with every actor label or id (of four or more characters) inside it
    replaced by the actor's pseudonym, longest names first."""
    names = {}
    for i, lab in zip(ids, labels.tolist(), strict=True):
        for name in (lab, i):
            if isinstance(name, str) and len(name) > 3:
                names.setdefault(name, mapping[i])
    for name in sorted(names, key=len, reverse=True):
        if name in text:
            text = text.replace(name, names[name])
    return text


def _replace_quoted(text: str | Text, mapping: Mapping[str, str]) -> str | Text:
    """Replace '"x"' and "'x'" for every x in mapping (longest first), in both languages."""
    if not mapping:
        return text
    if isinstance(text, Text):
        return Text(_replace_quoted(text.en, mapping), _replace_quoted(text.de, mapping))
    names = sorted(mapping, key=len, reverse=True)
    pattern = re.compile("([\"'])(" + "|".join(re.escape(n) for n in names) + r")\1")
    return pattern.sub(lambda m: m.group(1) + mapping[m.group(2)] + m.group(1), text)


def pseudonymize(
    net: Network,
    *,
    key: bytes | str,
    items: bool = False,
    keep_columns: Sequence[str] = (),
) -> tuple[Network, pd.DataFrame]:
    """Replace actor ids and labels by stable keyed pseudonyms.

    Parameters
    ----------
    net : Network
        Any network; survey networks keep their survey figures.
    key : bytes or str
        The secret. Keep it apart from the data: whoever holds it can rebuild
        the key table from a list of candidate names. Use at least 16 random
        bytes (a shorter key gives a warning).
    items : bool, default False
        Also replace affiliation items (committee, offer and project names) by
        pseudonyms ``"I-…"``. By default they are kept: they name committees and
        offers, not persons; an actor's name inside an item's name ("Turnhalle
        Grundschule am Lindenhof") is replaced by that actor's pseudonym.
    keep_columns : sequence of str
        Further actor or tie text columns to keep as they are (see Notes).

    Returns
    -------
    network : Network
        A copy whose actor ids and labels are pseudonyms everywhere: the actor
        index and ``label``; the ties' ``source``, ``target`` and
        ``reported_by``; the affiliations' ``actor``; ``meta["missing"]``.
    key_table : pandas.DataFrame
        Columns ``pseudonym``, ``id``, ``label``, ``kind`` (``actor``, or
        ``item`` with ``items=True``), sorted by ``id``. Store it apart from the
        pseudonymised outputs.

    Notes
    -----
    Free text may hold names of persons. Therefore

    - actor text columns other than ``type``, ``umbrella`` and ``area`` (e.g.
      ``description``, ``contact``) and tie text columns other than ``relation``
      and ``wave`` are dropped, unless named in ``keep_columns``; numeric and
      boolean columns (``responded``, ``new_actor``, ``row``, ``intensity``) stay;
    - ``meta["review"]`` (the names typed into a name generator) is removed;
    - in the record, actor ids and labels written in quotes are replaced by
      their pseudonyms.

    The pseudonym is ``"A-"`` + the first 8 hex digits of
    :math:`\\mathrm{HMAC\\text{-}SHA256}(key, id)` (RFC 2104); should two ids
    of one network share 8 digits, all pseudonyms get 12.

    References
    ----------
    .. [1] Krawczyk, H., Bellare, M. and Canetti, R. (1997). HMAC: Keyed-Hashing
       for Message Authentication. RFC 2104. https://doi.org/10.17487/RFC2104

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(actors=pd.DataFrame({"id": ["awo", "qm"],
    ...                                    "label": ["AWO Nordstadt", "QM Nordstadt"]}),
    ...               ties=pd.DataFrame({"source": ["awo"], "target": ["qm"]}))
    >>> pnet, keys = pseudonymize(net, key="ein-langes-geheimnis-2026")
    >>> sorted(keys.columns)
    ['id', 'kind', 'label', 'pseudonym']
    >>> bool(pnet.actors.index.str.startswith("A-").all())
    True
    >>> pnet.ties.loc[0, "source"] == keys.set_index("id").loc["awo", "pseudonym"]
    True
    """
    if not isinstance(net, Network):
        kind = type(net).__name__
        raise AnalysisError(
            Text(
                f"pseudonymize expects a quartiernetz Network, got {kind}",
                f"pseudonymize erwartet ein quartiernetz-Network, nicht {kind}",
            )
        )
    secret = _key_bytes(key)
    if len(secret) < _MIN_KEY_BYTES:
        warnings.warn(
            f"the pseudonymisation key has {len(secret)} bytes; use at least {_MIN_KEY_BYTES} "
            "random bytes, or the pseudonyms can be traced back by trying names",
            QuartiernetzWarning,
            stacklevel=2,
        )
    ids = [str(i) for i in net.actors.index]
    mapping = _pseudonyms(ids, secret, PSEUDONYM_PREFIX)
    labels = net.actors["label"] if "label" in net.actors.columns else pd.Series(ids, index=ids)

    def mapped(series: pd.Series) -> pd.Series:
        return series.map(lambda v: mapping.get(str(v), v) if isinstance(v, str) else v)

    keep = set(keep_columns)
    record = Record()
    actors = net.actors.copy()
    drop_a = [c for c in _text_columns(actors, (*_KEEP_ACTOR_TEXT, "label")) if c not in keep]
    actors = actors.drop(columns=drop_a)
    actors.index = pd.Index(
        [mapping[i] for i in ids], name=net.actors.index.name or "id", dtype=object
    )
    actors["label"] = list(actors.index)

    ties = net.ties.copy()
    for c in ("source", "target", "reported_by"):
        if c in ties.columns:
            ties[c] = mapped(ties[c])
    drop_t = [
        c
        for c in _text_columns(ties, (*_KEEP_TIE_TEXT, "source", "target", "reported_by"))
        if c not in keep
    ]
    ties = ties.drop(columns=drop_t)

    aff = net.affiliations.copy()
    item_map: dict[str, str] = {}
    if "actor" in aff.columns:
        aff["actor"] = mapped(aff["actor"])
    if items and "item" in aff.columns and len(aff):
        item_map = _pseudonyms([str(v) for v in aff["item"]], secret, _ITEM_PREFIX)
        aff["item"] = aff["item"].map(lambda v: item_map[str(v)])
    elif "item" in aff.columns and len(aff):
        # an item named after an actor ("Turnhalle Grundschule am Lindenhof") would
        # name that actor: its name inside the item becomes the actor's pseudonym
        aff["item"] = aff["item"].map(
            lambda v: _replace_names(v, labels, ids, mapping) if isinstance(v, str) else v
        )

    meta = {k: v for k, v in net.meta.items() if k != "review"}
    if isinstance(meta.get("missing"), pd.DataFrame):
        miss = meta["missing"].copy()
        for c in ("source", "target", "reported_by"):
            if c in miss.columns:
                miss[c] = mapped(miss[c])
        meta["missing"] = miss
    meta["pseudonymized"] = True

    quoted = dict(mapping)
    for i, lab in zip(ids, labels.tolist(), strict=True):
        if isinstance(lab, str) and lab:
            quoted.setdefault(lab, mapping[i])
    for e in net.record:
        record.extend(
            [
                RecordEntry(
                    e.action, _replace_quoted(e.reason, quoted), e.count, e.file, e.rows, e.column
                )
            ]
        )
    if drop_a or drop_t:
        shown = ", ".join(map(str, drop_a + drop_t))
        record.add(
            "dropped",
            Text(
                f"free-text columns that may hold names of persons removed by pseudonymisation: "
                f"{shown}",
                "Freitext-Spalten, die Namen von Personen enthalten können, bei der "
                f"Pseudonymisierung entfernt: {shown}",
            ),
            count=len(drop_a) + len(drop_t),
            warn=False,
        )
    if "review" in net.meta:
        record.add(
            "dropped",
            Text(
                "the name review table (typed names) removed by pseudonymisation",
                "die Prüftabelle der eingetippten Namen bei der Pseudonymisierung entfernt",
            ),
            warn=False,
        )
    n_items = Text(f", {len(item_map)} items", f", {len(item_map)} Items") if item_map else ""
    record.add(
        "info",
        Text(
            f"actor ids and labels replaced by keyed pseudonyms (HMAC-SHA256, {len(mapping)} actors",
            f"ids und labels der Akteure durch verschlüsselte Pseudonyme ersetzt (HMAC-SHA256, "
            f"{len(mapping)} Akteure",
        )
        + n_items
        + ")",
        count=len(mapping),
        warn=False,
    )

    out = Network.from_frames(
        actors, ties, aff, directed=net.directed, record=record, name=net.name, meta=meta
    )
    key_table = pd.DataFrame(
        {
            "pseudonym": [mapping[i] for i in ids],
            "id": ids,
            "label": [
                lab if isinstance(lab, str) else i for i, lab in zip(ids, labels, strict=True)
            ],
            "kind": "actor",
        }
    )
    if item_map:
        key_table = pd.concat(
            [
                key_table,
                pd.DataFrame(
                    {
                        "pseudonym": list(item_map.values()),
                        "id": list(item_map),
                        "label": list(item_map),
                        "kind": "item",
                    }
                ),
            ],
            ignore_index=True,
        )
    key_table = key_table.sort_values(["kind", "id"], ignore_index=True)
    return out, key_table
