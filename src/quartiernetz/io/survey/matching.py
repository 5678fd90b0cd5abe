"""Matching typed organisation names to the roster and to each other.

Name generators ("Mit welchen Einrichtungen arbeiten Sie zusammen?") return
names as people type them: "AWO Nordstadt", "Arbeiterwohlfahrt OV Nordstadt
e.V.", "awo". quartiernetz

1. normalises every name (:func:`normalize_name`): Unicode NFKC, case, umlauts
   and ß, punctuation, legal forms (e.V., gGmbH, GmbH & Co. KG, …), common
   abbreviations (AWO, DRK, Kita, Ev., St., …), filler words (der, die, für, …)
   and word order;
2. merges names whose normalised forms are *equal* with the roster actor (or
   the other typed name) of that form - automatically, and says so in the record;
3. never merges *near* matches silently: they go into a review table
   (``name``, ``suggested_actor``, ``score``) scored with :mod:`rapidfuzz`;
   until the user confirms them by passing the table back as an alias table,
   such names become new actors, flagged ``new_actor``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from ...exceptions import InputError, MissingColumnError
from ...i18n import Text
from ..names import normalize_id
from ..text import Table, find_column, read_csv_table, read_xlsx_tables, restore_cell

__all__ = [
    "normalize_name",
    "name_similarity",
    "resolve_names",
    "read_aliases",
    "NameResolution",
    "ABBREVIATIONS",
    "LEGAL_FORMS",
    "REVIEW_COLUMNS",
]

#: Abbreviations expanded before matching (a word of the name, after lower-casing).
ABBREVIATIONS: dict[str, str] = {
    "awo": "arbeiterwohlfahrt",
    "drk": "deutsches rotes kreuz",
    "asb": "arbeiter samariter bund",
    "dpwv": "paritaetischer wohlfahrtsverband",
    "kita": "kindertagesstaette",
    "kitas": "kindertagesstaette",
    "kindertagesstaetten": "kindertagesstaette",
    "kiga": "kindergarten",
    "mgh": "mehrgenerationenhaus",
    "qm": "quartiersmanagement",
    "vhs": "volkshochschule",
    "ov": "ortsverein",
    "kv": "kreisverband",
    "ev": "evangelisch",
    "evang": "evangelisch",
    "evangelische": "evangelisch",
    "kath": "katholisch",
    "katholische": "katholisch",
    "st": "sankt",
    "stadtteilbibliothek": "stadtbibliothek",
    "buecherei": "bibliothek",
    "stadtbuecherei": "stadtbibliothek",
    "ggf": "",
}

#: Legal forms removed before matching (regular expressions on the lower-cased name).
LEGAL_FORMS: tuple[str, ...] = (
    r"g?gmbh\s*(&|und)\s*co\.?\s*(kg|ohg)?",
    r"gemeinnuetzige\s+gmbh",
    r"g?gmbh",
    r"mbh",
    r"g?ug\s*\(haftungsbeschraenkt\)",
    r"e\.\s*v\.?",
    r"e\.\s*g\.?",
    r"eg",
    r"kdoer",
    r"k\.\s*d\.\s*oe\.\s*r\.?",
    r"aoer",
    r"kg",
    r"ohg",
)

_STOPWORDS = frozenset(
    "der die das des dem den und fuer im in am an zu zur zum von vom bei beim mit "
    "the of and for".split()
)
_LEGAL = re.compile(r"(?<![\w])(" + "|".join(LEGAL_FORMS) + r")(?![\w])")
_TRAILING_EV = re.compile(r"(?<![\w])ev\.?\s*$")
_PUNCT = re.compile(r"[^\w\s]+|_")

#: Columns of the review table, in order.
REVIEW_COLUMNS = (
    "name",
    "suggested_actor",
    "score",
    "suggested_label",
    "mentions",
    "rows",
    "new_actor",
)


def _fold(text: str) -> str:
    # the id normaliser first (NFC, invisible characters and non-breaking spaces), then
    # compatibility form NFKC, case folded, umlauts spelled out, accents removed
    text = unicodedata.normalize("NFKC", normalize_id(text)).casefold()
    text = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    # remaining accents (é, ç, …)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return text


def normalize_name(text: str, *, abbreviations: Mapping[str, str] | None = None) -> str:
    """The form of an organisation's name that exact matching compares.

    Parameters
    ----------
    text : str
        A name as typed.
    abbreviations : mapping, optional
        Further abbreviations (``{"bi": "bewohnerinitiative"}``), added to
        :data:`ABBREVIATIONS`; keys are single words in lower case.

    Returns
    -------
    str
        Lower case, umlauts as ae/oe/ue, ß as ss, no legal form, abbreviations
        spelled out, no filler words, words sorted.

    Examples
    --------
    >>> normalize_name("AWO Ortsverein Nordstadt e.V.")
    'arbeiterwohlfahrt nordstadt ortsverein'
    >>> normalize_name("Arbeiterwohlfahrt, OV Nordstadt")
    'arbeiterwohlfahrt nordstadt ortsverein'
    >>> normalize_name("KiTa Sonnenschein gGmbH") == normalize_name("Kindertagesstätte Sonnenschein")
    True
    >>> normalize_name("Ev. Kirchengemeinde St. Markus")
    'evangelisch kirchengemeinde markus sankt'
    """
    abbr = dict(ABBREVIATIONS)
    if abbreviations:
        abbr.update({_fold(k).strip(): _fold(v).strip() for k, v in abbreviations.items()})
    s = _fold(text)
    s = s.replace("“", " ").replace("„", " ").replace("”", " ")
    s = _TRAILING_EV.sub(" ", s)  # "TSV Nordstadt eV" (but "Ev. Kirche" = evangelisch)
    s = _LEGAL.sub(" ", s)
    s = _PUNCT.sub(" ", s)
    words: list[str] = []
    for w in s.split():
        words.extend(abbr.get(w, w).split())
    kept = [w for w in words if w not in _STOPWORDS]
    if not kept:
        kept = words or s.split()
    return " ".join(sorted(kept))


def _informative(key: str, common: frozenset[str]) -> str:
    kept = [w for w in key.split() if w not in common]
    return " ".join(kept) if kept else key


def name_similarity(a: str, b: str) -> float:
    """Similarity of two normalised names, 0 to 100 (rapidfuzz).

    The larger of :func:`rapidfuzz.fuzz.token_set_ratio` (a name whose words
    are all in the other scores 100) and 0.9 × :func:`rapidfuzz.fuzz.partial_ratio`
    (a name that is a part of the other, e.g. "caritas" in "caritasverband").

    Examples
    --------
    >>> name_similarity("arbeiterwohlfahrt", "arbeiterwohlfahrt nordstadt ortsverein")
    100.0
    >>> round(name_similarity("caritas", "caritasverband"), 1)
    90.0
    >>> name_similarity("tafel", "quartiersmanagement") < 60
    True
    """
    if not a or not b:
        return 0.0
    score = fuzz.token_set_ratio(a, b)
    if min(len(a), len(b)) >= 4:
        score = max(score, 0.9 * fuzz.partial_ratio(a, b))
    return float(score)


def _slug(text: str) -> str:
    s = _fold(text)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:40].strip("-") or "actor"


@dataclass
class NameResolution:
    """What :func:`resolve_names` decided for each typed name.

    Attributes
    ----------
    actors : list of str
        For each name given, the actor id it stands for.
    new_actors : pandas.DataFrame
        Actors created from typed names: index ``id``, column ``label``.
    review : pandas.DataFrame
        One row per distinct unresolved name: columns :data:`REVIEW_COLUMNS`.
    exact : int
        Names merged automatically (equal after normalisation).
    aliased : int
        Names resolved by the alias table.
    fuzzy_candidates : int
        Distinct names put into the review table with a suggestion.
    """

    actors: list[str]
    new_actors: pd.DataFrame
    review: pd.DataFrame
    exact: int = 0
    aliased: int = 0
    fuzzy_candidates: int = 0
    notes: list[Text] = field(default_factory=list)


def resolve_names(
    names: Sequence[str],
    *,
    roster: pd.DataFrame | None = None,
    aliases: Mapping[str, str] | None = None,
    threshold: float = 80.0,
    abbreviations: Mapping[str, str] | None = None,
    rows: Sequence[int] | None = None,
) -> NameResolution:
    """Match typed names to roster actors or to each other.

    Parameters
    ----------
    names : sequence of str
        The names as typed (one per mention).
    roster : pandas.DataFrame, optional
        Index: actor ids; column ``label``; an optional column ``aliases`` with
        further names of an actor separated by ``|``. Without a roster, names
        are matched to each other only.
    aliases : mapping, optional
        ``{typed name: actor}`` decisions (see :func:`read_aliases`): an actor
        id or label merges the name into that actor; an empty value keeps it a
        new actor of its own; any other text makes a new actor of that name.
        Names are compared normalised.
    threshold : float, default 80
        The least :func:`name_similarity` that makes a suggestion.
    abbreviations : mapping, optional
        Passed to :func:`normalize_name`.
    rows : sequence of int, optional
        The export row of each mention, for the review table.

    Returns
    -------
    NameResolution

    Examples
    --------
    >>> import pandas as pd
    >>> roster = pd.DataFrame({"label": ["AWO Ortsverein Nordstadt", "Caritasverband Lindenau"]},
    ...                       index=pd.Index(["awo", "caritas"], name="id"))
    >>> res = resolve_names(["Arbeiterwohlfahrt OV Nordstadt e.V.", "Caritas", "Tafel"],
    ...                     roster=roster)
    >>> res.actors
    ['awo', 'caritas-2', 'tafel']
    >>> res.review[["name", "suggested_actor", "score"]].to_dict("records")[0]
    {'name': 'Caritas', 'suggested_actor': 'caritas', 'score': 90.0}
    """
    abbr = abbreviations
    keys = [normalize_name(n, abbreviations=abbr) for n in names]
    rows = list(rows) if rows is not None else [0] * len(names)
    roster_ids: list[str] = []
    roster_labels: dict[str, str] = {}
    by_key: dict[str, set[str]] = {}
    if roster is not None and len(roster):
        for rid, lab in zip(roster.index.astype(str), roster["label"].astype(str), strict=True):
            roster_ids.append(rid)
            roster_labels[rid] = lab
            by_key.setdefault(normalize_name(lab, abbreviations=abbr), set()).add(rid)
        if "aliases" in roster.columns:
            for rid, al in zip(roster.index.astype(str), roster["aliases"], strict=True):
                if isinstance(al, str):
                    for part in re.split(r"[|;]", al):
                        if part.strip():
                            by_key.setdefault(normalize_name(part, abbreviations=abbr), set()).add(
                                rid
                            )
    id_fold = {_fold(r).strip(): r for r in roster_ids}
    label_fold = {_fold(lab).strip(): r for r, lab in roster_labels.items()}
    alias_map: dict[str, str] = {}
    for name, target in (aliases or {}).items():
        alias_map[normalize_name(name, abbreviations=abbr)] = "" if target is None else str(target)

    # informative words: those not shared by many roster names (e.g. the district's name)
    freq: dict[str, int] = {}
    for k in by_key:
        for w in set(k.split()):
            freq[w] = freq.get(w, 0) + 1
    cutoff = max(3, int(0.15 * len(by_key)) + 1)
    common = frozenset(w for w, n in freq.items() if n >= cutoff)

    # group the mentions by normalised key, in order of first mention; every group gets
    # its own id now, so that an alias table can name it (stable between runs)
    groups: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    taken = set(roster_ids)
    natural: dict[str, str] = {}
    display: dict[str, str] = {}
    for k, idx in groups.items():
        display[k] = _display(names, idx)
        natural[k] = _free_id(_slug(display[k]), taken)
    natural_ids = {v: k for k, v in natural.items()}
    new_labels: dict[str, str] = {}
    result: list[str | None] = [None] * len(names)
    exact = aliased = 0
    notes: list[Text] = []

    def assign(k: str, actor: str) -> None:
        for i in groups[k]:
            result[i] = actor

    unresolved: list[str] = []
    for k, idx in groups.items():
        if k in alias_map:
            target = alias_map[k].strip()
            tf = _fold(target).strip()
            if not target:
                actor = natural[k]
                new_labels[actor] = display[k]
            elif target in roster_labels:
                actor = target
            elif tf in id_fold:
                actor = id_fold[tf]
            elif tf in label_fold:
                actor = label_fold[tf]
            elif target in natural_ids:
                actor = target
                new_labels[actor] = display[natural_ids[target]]
            else:
                actor = next((a for a, lab in new_labels.items() if lab == target), "")
                if not actor:
                    actor = _free_id(_slug(target), taken)
                    new_labels[actor] = target
                notes.append(
                    Text(
                        f'alias target "{target}" is not a roster actor; added as a new actor',
                        f'Alias-Ziel "{target}" ist kein Akteur der Teilnehmerliste; als neuer '
                        "Akteur ergänzt",
                    )
                )
            assign(k, actor)
            aliased += len(idx)
            continue
        hits = by_key.get(k, set())
        if len(hits) == 1:
            assign(k, next(iter(hits)))
            exact += len(idx)
            continue
        unresolved.append(k)

    # unresolved groups: most-mentioned first, so that variants point at the common spelling
    unresolved.sort(key=lambda k: (-len(groups[k]), groups[k][0]))
    candidates = [(rk, rid) for rk, hits in by_key.items() for rid in sorted(hits)]
    review_rows = []
    fuzzy = 0
    earlier: list[str] = []
    for k in unresolved:
        idx = groups[k]
        ik = _informative(k, common)
        best_actor, best_score = "", 0.0
        for rk, rid in candidates:
            s = name_similarity(ik, _informative(rk, common))
            if s > best_score:
                best_actor, best_score = rid, s
        if best_score < threshold:
            # names typed by other respondents (more often) that are new actors too
            for other in earlier:
                s = name_similarity(ik, _informative(other, common))
                if s > best_score:
                    best_actor, best_score = natural[other], s
        suggested = best_actor if best_score >= threshold else ""
        actor = natural[k]
        new_labels[actor] = display[k]
        assign(k, actor)
        earlier.append(k)
        fuzzy += bool(suggested)
        review_rows.append(
            {
                "name": display[k],
                "suggested_actor": suggested,
                "suggested_label": roster_labels.get(suggested)
                or (display[natural_ids[suggested]] if suggested in natural_ids else ""),
                "score": round(float(best_score), 1),
                "mentions": len(idx),
                "rows": " ".join(str(r) for r in sorted({rows[i] for i in idx})),
                "new_actor": actor,
            }
        )
    review = pd.DataFrame(review_rows, columns=list(REVIEW_COLUMNS))
    if len(review):
        # suggestions first (best first), then names without a suggestion
        order = review.assign(_none=review["suggested_actor"].eq(""), _neg=-review["score"])
        review = review.loc[order.sort_values(["_none", "_neg"], kind="stable").index]
        review = review.reset_index(drop=True)
    new_frame = pd.DataFrame(
        {"label": list(new_labels.values())},
        index=pd.Index(list(new_labels), name="id", dtype=object),
    )
    return NameResolution(
        actors=[str(a) for a in result],
        new_actors=new_frame,
        review=review,
        exact=exact,
        aliased=aliased,
        fuzzy_candidates=fuzzy,
        notes=notes,
    )


_ALIAS_COLUMNS = Text(
    "a CSV or XLSX file with columns name and suggested_actor",
    "eine CSV- oder XLSX-Datei mit den Spalten name und suggested_actor",
)


def _free_id(base: str, taken: set[str]) -> str:
    nid, k = base, 2
    while nid in taken:
        nid, k = f"{base}-{k}", k + 1
    taken.add(nid)
    return nid


def _display(names: Sequence[str], idx: Sequence[int]) -> str:
    """The most frequent spelling among the mentions (first seen on a tie), tidied."""
    counts: dict[str, int] = {}
    for i in idx:
        text = " ".join(str(names[i]).split())
        counts[text] = counts.get(text, 0) + 1
    best = max(counts.values())
    return next(t for t, c in counts.items() if c == best)


def read_aliases(
    aliases: str | os.PathLike[str] | pd.DataFrame | Mapping[str, str],
) -> dict[str, str]:
    """An alias table as ``{typed name: actor}``.

    Parameters
    ----------
    aliases : path, DataFrame or mapping
        A CSV or XLSX file or a DataFrame with columns ``name`` and
        ``suggested_actor`` (the review table as edited) or ``actor``; or a
        mapping. An empty actor keeps the name as a new actor of its own.

    Examples
    --------
    >>> import pandas as pd
    >>> read_aliases(pd.DataFrame({"name": ["AWO Nordstadt", "Tafel"],
    ...                            "suggested_actor": ["awo", ""], "score": [100.0, 40.0]}))
    {'AWO Nordstadt': 'awo', 'Tafel': ''}
    """
    if isinstance(aliases, Mapping):
        return {str(k): "" if v is None else str(v) for k, v in aliases.items()}
    if isinstance(aliases, pd.DataFrame):
        frame = aliases.reset_index(drop=aliases.index.name is None)
        table = Table(
            frame.astype(object).where(frame.notna(), "").astype(str),
            "the alias table",
            list(range(2, len(frame) + 2)),
        )
    else:
        path = Path(aliases)
        if not path.is_file():
            raise InputError(
                Text("the alias table does not exist", "die Alias-Tabelle existiert nicht"),
                file=path.name,
                expected=_ALIAS_COLUMNS,
            )
        if path.suffix.casefold() in (".xlsx", ".xlsm"):
            table = next(iter(read_xlsx_tables(path).values()))
        else:
            table = read_csv_table(path)
    name_col = find_column(
        table,
        "name",
        aliases=("typed_name", "nennung"),
        required=True,
        purpose="columns name and suggested_actor (or actor)",
    )
    actor_col = find_column(table, "suggested_actor", aliases=("actor", "akteur", "id"))
    if actor_col is None:
        found = ", ".join(repr(c) for c in table.columns)
        raise MissingColumnError(
            Text(
                "the alias table has no column 'suggested_actor' or 'actor'; columns found: "
                + found,
                "die Alias-Tabelle hat keine Spalte 'suggested_actor' oder 'actor'; vorhandene "
                "Spalten: " + found,
            ),
            file=table.file,
            row=1,
            expected=Text(
                "columns name and suggested_actor (or actor)",
                "Spalten name und suggested_actor (oder actor)",
            ),
        )
    out: dict[str, str] = {}
    for i, (n, a) in enumerate(zip(table.frame[name_col], table.frame[actor_col], strict=True)):
        # the review table is written with formula-like text neutralised: undo that
        n, a = restore_cell(str(n).strip()), restore_cell(str(a).strip())
        if not n:
            raise InputError(
                Text("the name is empty", "der Name ist leer"),
                file=table.file,
                row=table.row(i),
                column=name_col,
                expected=Text(
                    "the name as typed in the survey", "der Name, wie er in der Befragung steht"
                ),
            )
        out[n] = a
    return out
