"""Three synthetic quarters modelled on the design of the Lower Saxony study.

The Lower Saxony study of cooperation in quarters (Stiftung Mitarbeit practice
guide, 2017) looked at three quarters in three municipalities: two in the federal
"Soziale Stadt" programme, with a funded quarter management
(Quartiersmanagement, QM) and a steering group (Steuerungsgruppe) shared with the
municipality, and one organised on its own initiative, with a resident initiative
(Bewohnerinitiative) as the central actor and no quarter management.

:func:`lower_saxony` generates three quarters with that design, as survey data:
every actor is on the roster, a share of them answers, and each respondent reports
the ties it remembers. **The networks are synthetic data modelled on the study
design, not the study's data**; every network says so in ``net.meta``.

The designed differences (see :class:`QuarterDesign`):

- Soziale-Stadt quarters: the QM is the hub; the municipal offices (Sozialamt,
  Jugendamt, Stadtplanung) sit in the steering group with the QM, the housing
  company, the resident initiative and one welfare association; the actors are
  also tied among themselves (denser fields of work, municipal funding ties), so
  the network survives the loss of the QM.
- The self-organised quarter: the resident initiative is the hub; fewer actors
  are tied among themselves, many only through the initiative, so its loss
  fragments the network more; the municipality has one contact person (the
  Sozialamt, a weak tie to the initiative), few other ties and no steering group.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network

__all__ = [
    "lower_saxony",
    "QuarterDesign",
    "DEFAULT_DESIGNS",
    "FIELDS",
    "PROGRAMMES",
    "SYNTHETIC_NOTE",
]

#: The label every generated network carries in ``net.meta["note"]``.
SYNTHETIC_NOTE = "synthetic data modelled on the study design, not the study's data"

#: Fields of work (Handlungsfelder); actors of a common field cooperate more often.
FIELDS = (
    "Bildung und Jugend",
    "Senioren",
    "Soziales und Integration",
    "Wohnen und Nachbarschaft",
    "Freizeit und Kultur",
    "Wirtschaft",
)
_B, _S, _I, _W, _F, _X = FIELDS

#: The two kinds of quarter.
PROGRAMMES = ("Soziale Stadt", "Eigeninitiative")

_UMBRELLAS = ("AWO", "Caritas", "Diakonie", "DRK", "Paritätischer")

#: Shares of the actor types after the fixed actors (hub, municipality, ...).
_SHARES_SOZIALE_STADT: dict[str, float] = {
    "Wohlfahrtsverband": 0.17,
    "Verein": 0.20,
    "Initiative": 0.09,
    "Schule": 0.08,
    "Kita": 0.10,
    "Kirche": 0.06,
    "Religionsgemeinschaft": 0.03,
    "Unternehmen": 0.13,
    "Jugendeinrichtung": 0.05,
}
_SHARES_EIGENINITIATIVE: dict[str, float] = {
    "Wohlfahrtsverband": 0.13,
    "Verein": 0.24,
    "Initiative": 0.16,
    "Schule": 0.07,
    "Kita": 0.09,
    "Kirche": 0.07,
    "Religionsgemeinschaft": 0.02,
    "Unternehmen": 0.13,
    "Jugendeinrichtung": 0.03,
}
_MINIMUM = {"Wohlfahrtsverband": 4, "Schule": 1, "Kita": 1, "Verein": 2, "Initiative": 1}

# welfare services: label, id part, fields
_SERVICES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Begegnungsstätte", "senioren", (_S,)),
    ("Migrationsberatung", "migration", (_I,)),
    ("Familienzentrum", "familie", (_B, _I)),
    ("Sozialstation", "pflege", (_S,)),
    ("Schuldnerberatung", "schuldner", (_I,)),
    ("Jugendmigrationsdienst", "jmd", (_B, _I)),
)

# name pools: label template ({q} = quarter), id, fields
_POOLS: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    "Verein": (
        ("TSV {q} e.V.", "tsv", (_F, _B)),
        ("Kleingartenverein {q} e.V.", "kleingarten", (_F, _W)),
        ("Heimatverein {q} e.V.", "heimatverein", (_F, _S)),
        ("Förderverein Grundschule {q} e.V.", "foerderverein", (_B,)),
        ("Kulturverein {q} e.V.", "kulturverein", (_F,)),
        ("Seniorenverein {q} e.V.", "seniorenverein", (_S,)),
        ("Deutsch-Türkischer Freundeskreis e.V.", "freundeskreis", (_I, _F)),
        ("Bürgerverein {q} e.V.", "buergerverein", (_W,)),
        ("Chorgemeinschaft {q} e.V.", "chor", (_F,)),
        ("FC {q} e.V.", "fc", (_F, _B)),
        ("Freiwillige Feuerwehr {q}", "feuerwehr", (_F,)),
        ("Schützenverein {q} e.V.", "schuetzen", (_F,)),
        ("Elternverein {q} e.V.", "elternverein", (_B,)),
        ("Naturschutzgruppe {q} e.V.", "naturschutz", (_F, _W)),
    ),
    "Initiative": (
        ("Repair-Café {q}", "repair", (_W,)),
        ("Tafel {q}", "tafel", (_I,)),
        ("Nachbarschaftshilfe {q}", "nachbarschaftshilfe", (_S, _W)),
        ("Lesepaten {q}", "lesepaten", (_B,)),
        ("Gemeinschaftsgarten {q}", "garten", (_W, _F)),
        ("Willkommensinitiative {q}", "willkommen", (_I,)),
        ("Mieterinitiative {q}", "mieter", (_W,)),
        ("Elterninitiative {q}", "eltern", (_B,)),
        ("Seniorennetzwerk {q}", "seniorennetz", (_S,)),
        ("Kulturinitiative {q}", "kulturinitiative", (_F,)),
    ),
    "Schule": (
        ("Grundschule {q}", "gs", (_B,)),
        ("Oberschule {q}", "obs", (_B,)),
        ("Grundschule am Park", "gs-park", (_B,)),
        ("IGS {q}", "igs", (_B,)),
        ("Förderschule {q}", "foerderschule", (_B,)),
    ),
    "Kita": (
        ("Kita Sonnenschein", "kita-sonnenschein", (_B,)),
        ("Kita Regenbogen", "kita-regenbogen", (_B,)),
        ("Kita Pusteblume", "kita-pusteblume", (_B,)),
        ("Kita Kunterbunt", "kita-kunterbunt", (_B,)),
        ("Kita Löwenzahn", "kita-loewenzahn", (_B,)),
        ("Kita Spatzennest", "kita-spatzennest", (_B,)),
        ("Kita Sternschnuppe", "kita-sternschnuppe", (_B,)),
        ("Krippe Zwergenland", "krippe", (_B,)),
    ),
    "Kirche": (
        ("Ev.-luth. Kirchengemeinde St. Johannis", "ev-johannis", (_S, _I)),
        ("Kath. Pfarrei St. Marien", "kath-marien", (_S, _I)),
        ("Ev.-luth. Kirchengemeinde St. Petri", "ev-petri", (_S,)),
        ("Ev.-freikirchliche Gemeinde", "efg", (_S,)),
    ),
    "Religionsgemeinschaft": (
        ("Moscheeverein {q} e.V.", "moschee", (_I,)),
        ("Alevitische Gemeinde e.V.", "alevitisch", (_I,)),
    ),
    "Unternehmen": (
        ("Sparkasse – Filiale {q}", "sparkasse", (_X,)),
        ("Apotheke am Markt", "apotheke", (_X, _S)),
        ("Bäckerei Meyer", "baeckerei", (_X,)),
        ("Pflegedienst Lebenswert GmbH", "pflegedienst", (_X, _S)),
        ("Supermarkt {q}", "supermarkt", (_X,)),
        ("Volksbank – Filiale {q}", "volksbank", (_X,)),
        ("Malerbetrieb Schulz", "maler", (_X,)),
        ("Buchhandlung Lesezeichen", "buchhandlung", (_X, _B)),
        ("Fahrschule Krüger", "fahrschule", (_X,)),
    ),
    "Jugendeinrichtung": (
        ("Jugendzentrum {q}", "jz", (_B,)),
        ("Jugendtreff am Bahnhof", "jugendtreff", (_B,)),
        ("Abenteuerspielplatz {q}", "spielplatz", (_B, _F)),
        ("Mädchentreff {q}", "maedchentreff", (_B, _I)),
    ),
}
_DEFAULT_FIELDS = {
    "Verein": (_F,),
    "Initiative": (_W,),
    "Schule": (_B,),
    "Kita": (_B,),
    "Kirche": (_S,),
    "Religionsgemeinschaft": (_I,),
    "Unternehmen": (_X,),
    "Jugendeinrichtung": (_B,),
}

# offers for target groups, by field: (item, target group)
_OFFERS: dict[str, tuple[tuple[str, str], ...]] = {
    _S: (
        ("Seniorentreff", "Senioren"),
        ("Mittagstisch", "Senioren"),
        ("Seniorengymnastik", "Senioren"),
        ("Besuchsdienst", "Senioren"),
        ("Computerkurs für Ältere", "Senioren"),
        ("Seniorenfrühstück", "Senioren"),
    ),
    _B: (
        ("Hausaufgabenhilfe", "Kinder und Jugendliche"),
        ("Leseförderung", "Kinder und Jugendliche"),
        ("Ferienprogramm", "Kinder und Jugendliche"),
        ("Offener Jugendtreff", "Kinder und Jugendliche"),
        ("Bewerbungstraining", "Kinder und Jugendliche"),
        ("Elterncafé", "Familien"),
        ("Familienfrühstück", "Familien"),
        ("Sprachförderung", "Kinder und Jugendliche"),
    ),
    _I: (
        ("Migrationsberatung", "Zugewanderte"),
        ("Sprachcafé", "Zugewanderte"),
        ("Deutschkurs", "Zugewanderte"),
        ("Schuldnerberatung", "Familien"),
        ("Lebensmittelausgabe", "Familien"),
        ("Sozialberatung", "Alle"),
    ),
    _W: (
        ("Stadtteilfest", "Alle"),
        ("Reparaturtreff", "Alle"),
        ("Nachbarschaftshilfe", "Senioren"),
        ("Gemeinschaftsgarten", "Alle"),
        ("Mieterberatung", "Alle"),
        ("Stadtteilzeitung", "Alle"),
    ),
    _F: (
        ("Bewegungsangebot", "Kinder und Jugendliche"),
        ("Bewegungsangebot", "Senioren"),
        ("Chor", "Alle"),
        ("Kulturabend", "Alle"),
        ("Spielenachmittag", "Familien"),
        ("Kreativwerkstatt", "Kinder und Jugendliche"),
    ),
    _X: (),
}
_N_OFFERS = {
    "Mehrgenerationenhaus": 3,
    "Wohlfahrtsverband": 2,
    "Verein": 1,
    "Initiative": 1,
    "Kirche": 1,
    "Religionsgemeinschaft": 1,
    "Jugendeinrichtung": 1,
    "Bibliothek": 1,
    "Kita": 1,
    "Quartiersmanagement": 1,
}
_MUNICIPAL_FUNDS = {"Kita", "Jugendeinrichtung", "Wohlfahrtsverband", "Mehrgenerationenhaus"}
_SPONSORED = {"Verein", "Initiative", "Schule", "Kita", "Jugendeinrichtung"}
_ROOM_OWNERS = {
    "Kirche",
    "Schule",
    "Mehrgenerationenhaus",
    "Bibliothek",
    "Jugendeinrichtung",
    "Religionsgemeinschaft",
}
_ROOM_USERS = {"Verein", "Initiative"}


@dataclass(frozen=True)
class QuarterDesign:
    """The design of one synthetic quarter; change fields with :func:`dataclasses.replace`.

    Parameters
    ----------
    key : str
        The short key of the quarter in the dict :func:`lower_saxony` returns.
    quarter : str
        The quarter's (invented) name.
    municipality : str
        The (invented) municipality, e.g. ``"Stadt A"``.
    programme : {"Soziale Stadt", "Eigeninitiative"}
        ``"Soziale Stadt"``: a quarter management is the hub and a steering group
        joins it with the municipality. ``"Eigeninitiative"``: a resident
        initiative is the hub; there is no quarter management and no steering group.
    n_actors : int, default 52
        Actors on the roster, hub included (24 to 150).
    hub_reach : float, default 0.7
        Probability that the hub cooperates with any other actor (the hub's core
        partners are always tied to it).
    p_within : float, default 0.25
        Probability of cooperation between two actors of a common field of work
        (:data:`FIELDS`).
    p_between : float, default 0.03
        Probability of cooperation between two actors of different fields.
    municipal_reach : float, default 0.35
        Probability that a municipal office is tied to an actor of its field
        (funding for Kitas, youth centres, welfare associations and the
        Mehrgenerationenhaus; cooperation otherwise).
    sponsor_rate : float, default 0.12
        Probability that a company funds a club, initiative, school, Kita or youth centre.
    rooms_rate : float, default 0.1
        Probability that an actor with rooms (church, school, youth centre,
        library, Mehrgenerationenhaus, mosque association) lends them to a club
        or initiative (relation ``resources``).
    formality : tuple of three floats, default (0.4, 0.4, 0.2)
        Shares of cooperation ties of intensity 1 (information exchange), 2
        (coordination, joint projects) and 3 (formal agreement, collaboration).
    duplicate_offers : int, default 3
        Offers (same item, same target group) that a second provider also runs,
        preferably a welfare association of another umbrella (Doppelstrukturen).
    duplicate_committee : bool, default False
        Add a working group with nearly the same members as the education
        committee (AK Bildung); Soziale-Stadt quarters only.
    competition_rate : float, default 0.8
        Probability that two welfare associations of different umbrellas running
        the same offer compete (relation ``competition``); competitors do not
        cooperate.
    type_shares : dict, optional
        Shares of the actor types besides the fixed actors; default depends on
        the programme.
    """

    key: str
    quarter: str
    municipality: str
    programme: str = "Soziale Stadt"
    n_actors: int = 52
    hub_reach: float = 0.7
    p_within: float = 0.25
    p_between: float = 0.03
    municipal_reach: float = 0.35
    sponsor_rate: float = 0.12
    rooms_rate: float = 0.1
    formality: tuple[float, float, float] = (0.4, 0.4, 0.2)
    duplicate_offers: int = 3
    duplicate_committee: bool = False
    competition_rate: float = 0.8
    type_shares: Mapping[str, float] | None = None

    @property
    def name(self) -> str:
        """The network's name, e.g. ``"Quartier A: Weststadt (Soziale Stadt, synthetic)"``."""
        return f"Quartier {self.key}: {self.quarter} ({self.programme}, synthetic)"

    @property
    def hub(self) -> str:
        """The id of the central actor: ``"qm"`` or ``"bi"``."""
        return "qm" if self.programme == "Soziale Stadt" else "bi"


#: The three quarters of the study design: two Soziale-Stadt quarters, one self-organised.
DEFAULT_DESIGNS: tuple[QuarterDesign, ...] = (
    QuarterDesign("A", "Weststadt", "Stadt A", "Soziale Stadt", n_actors=52),
    QuarterDesign(
        "B",
        "Am Mühlenberg",
        "Stadt B",
        "Soziale Stadt",
        n_actors=44,
        hub_reach=0.75,
        duplicate_offers=2,
        duplicate_committee=True,
    ),
    QuarterDesign(
        "C",
        "Kastanienviertel",
        "Gemeinde C",
        "Eigeninitiative",
        n_actors=36,
        hub_reach=0.6,
        p_within=0.08,
        p_between=0.01,
        municipal_reach=0.1,
        sponsor_rate=0.06,
        rooms_rate=0.05,
        formality=(0.55, 0.35, 0.1),
        duplicate_offers=2,
    ),
)


# ---------------------------------------------------------------- randomness
def make_generators(seed: Any, n: int) -> list[np.random.Generator]:
    """``n`` independent generators from ``seed`` (int, Generator or None)."""
    if isinstance(seed, np.random.Generator):
        return list(seed.spawn(n))
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise AnalysisError(
            f"seed must be an int, a numpy Generator or None, got {type(seed).__name__}"
        )
    if seed is not None and seed < 0:
        raise AnalysisError(f"seed must be >= 0, got {seed}")
    children = np.random.SeedSequence(None if seed is None else int(seed)).spawn(n)
    return [np.random.default_rng(s) for s in children]


def check_probability(value: float, name: str) -> float:
    if not isinstance(value, int | float | np.number) or not 0 <= float(value) <= 1:
        raise AnalysisError(f"{name} must be a probability between 0 and 1, got {value!r}")
    return float(value)


# -------------------------------------------------------------------- roster
@dataclass
class SyntheticActor:
    id: str
    label: str
    type: str
    umbrella: str | None
    area: str | None
    fields: tuple[str, ...]


def _type_counts(n_rest: int, shares: Mapping[str, float]) -> dict[str, int]:
    """Largest-remainder allocation of ``n_rest`` actors to types, with minimums."""
    total = sum(shares.values())
    counts = {t: max(_MINIMUM.get(t, 0), int(n_rest * s / total)) for t, s in shares.items()}
    rest = {t: n_rest * s / total - int(n_rest * s / total) for t, s in shares.items()}
    order = sorted(shares, key=lambda t: (-rest[t], t))
    i = 0
    while sum(counts.values()) < n_rest:
        counts[order[i % len(order)]] += 1
        i += 1
    order = sorted(shares, key=lambda t: (-counts[t], t))
    while sum(counts.values()) > n_rest:
        reducible = [t for t in order if counts[t] > _MINIMUM.get(t, 0)]
        if not reducible:
            break
        for t in reducible:
            if sum(counts.values()) > n_rest:
                counts[t] -= 1
    return counts


def make_fixed_actors(d: QuarterDesign, rng: np.random.Generator) -> list[SyntheticActor]:
    q, m = d.quarter, d.municipality
    if d.programme == "Soziale Stadt":
        mgh_umbrella = str(rng.choice(_UMBRELLAS))
        return [
            SyntheticActor(
                "qm", f"Quartiersmanagement {q}", "Quartiersmanagement", m, q, FIELDS[:5]
            ),
            SyntheticActor("kom-soz", f"{m} – Sozialamt", "Kommune", m, None, (_I, _S)),
            SyntheticActor("kom-jug", f"{m} – Jugendamt", "Kommune", m, None, (_B,)),
            SyntheticActor("kom-plan", f"{m} – Stadtplanung", "Kommune", m, None, (_W,)),
            SyntheticActor(
                "jobcenter", f"Jobcenter {m}", "Kommune", "Bundesagentur für Arbeit", None, (_I,)
            ),
            SyntheticActor("wbg", f"Wohnungsbau {m} GmbH", "Unternehmen", m, None, (_W, _X)),
            SyntheticActor("bi", f"Bewohnerinitiative {q}", "Initiative", None, q, (_W,)),
            SyntheticActor(
                "mgh",
                f"Mehrgenerationenhaus {q}",
                "Mehrgenerationenhaus",
                mgh_umbrella,
                q,
                (_S, _B, _W, _F),
            ),
            SyntheticActor("bib", f"Stadtteilbibliothek {q}", "Bibliothek", m, q, (_B, _F)),
        ]
    return [
        SyntheticActor("bi", f"Bewohnerinitiative {q} e.V.", "Initiative", None, q, FIELDS[:5]),
        SyntheticActor("kom-soz", f"{m} – Sozialamt", "Kommune", m, None, (_I, _S)),
        SyntheticActor("kom-ord", f"{m} – Ordnungsamt", "Kommune", m, None, (_W,)),
        SyntheticActor("kreis-jug", "Landkreis – Jugendamt", "Kommune", "Landkreis", None, (_B,)),
        SyntheticActor("wbg", f"Wohnungsgenossenschaft {q} eG", "Unternehmen", None, q, (_W, _X)),
    ]


def make_roster(d: QuarterDesign, rng: np.random.Generator) -> list[SyntheticActor]:
    actors = make_fixed_actors(d, rng)
    shares = d.type_shares or (
        _SHARES_SOZIALE_STADT if d.programme == "Soziale Stadt" else _SHARES_EIGENINITIATIVE
    )
    counts = _type_counts(d.n_actors - len(actors), shares)
    used_ids = {a.id for a in actors}
    q, m = d.quarter, d.municipality
    for typ, k in counts.items():
        if k <= 0:
            continue
        if typ == "Wohlfahrtsverband":
            umbrellas = list(rng.permutation(_UMBRELLAS))
            services = list(rng.permutation(len(_SERVICES)))
            for j in range(k):
                umb = str(umbrellas[j % len(umbrellas)])
                label, part, fields = _SERVICES[int(services[j % len(services)])]
                uid, n = f"{umb.lower().replace('ä', 'ae')}-{part}", 2
                base = uid
                while uid in used_ids:
                    uid, n = f"{base}-{n}", n + 1
                suffix = "" if uid == base else f" {n - 1}"
                actors.append(
                    SyntheticActor(uid, f"{umb} {label} {q}{suffix}", typ, umb, q, fields)
                )
                used_ids.add(uid)
            continue
        pool = list(_POOLS.get(typ, ()))
        picks = list(rng.permutation(len(pool)))[:k] if pool else []
        for j in range(k):
            if j < len(picks):
                template, uid, fields = pool[int(picks[j])]
                label = template.format(q=q)
            else:
                uid = f"{typ.lower()}-{j + 1}"
                label, fields = f"{typ} {j + 1} ({q})", _DEFAULT_FIELDS.get(typ, (_F,))
            while uid in used_ids:
                uid += "-x"
            used_ids.add(uid)
            umbrella: str | None = None
            if typ in ("Schule", "Bibliothek"):
                umbrella = m
            elif typ == "Kita":
                umbrella = str(rng.choice([m, "AWO", "DRK", "Diakonie", "Caritas"]))
            elif typ == "Kirche":
                umbrella = "Bistum" if label.startswith("Kath.") else "Landeskirche"
            elif typ == "Jugendeinrichtung":
                umbrella = str(rng.choice([m, "AWO"]))
            elif uid in ("tsv", "fc"):
                umbrella = "Landessportbund"
            actors.append(SyntheticActor(uid, label, typ, umbrella, q, fields))
    return actors


# -------------------------------------------------------------------- offers
def make_offers(
    actors: list[SyntheticActor], d: QuarterDesign, rng: np.random.Generator
) -> tuple[list[tuple[str, str, str]], list[dict[str, Any]]]:
    """Offers (actor, item, target group), and the planted duplicate offers."""
    free = {f: list(_OFFERS[f]) for f in FIELDS}
    rows: list[tuple[str, str, str]] = []
    by_actor: dict[str, list[tuple[str, str]]] = {}
    for a in actors:
        n = _N_OFFERS.get(a.type, 0)
        if a.id == "bi" and d.programme == "Eigeninitiative":
            n = 3
        for _ in range(n):
            options = [(f, o) for f in a.fields for o in free[f]]
            if not options:
                break
            f, offer = options[int(rng.integers(len(options)))]
            for g in FIELDS:  # an offer is run once, whatever field lists it
                if offer in free[g]:
                    free[g].remove(offer)
            rows.append((a.id, *offer))
            by_actor.setdefault(a.id, []).append(offer)
    # planted duplicates: a second provider runs the same offer
    welfare = [a for a in actors if a.type == "Wohlfahrtsverband"]
    providers = [a for a in actors if a.id in by_actor]
    planted: list[dict[str, Any]] = []
    done: set[tuple[str, str]] = set()
    involved: set[str] = set()
    for _ in range(d.duplicate_offers):
        first = [
            a
            for a in welfare
            if a.id not in involved and any(o not in done for o in by_actor.get(a.id, []))
        ]
        if not first:
            first = [a for a in welfare if any(o not in done for o in by_actor.get(a.id, []))]
        if not first:
            first = [a for a in providers if any(o not in done for o in by_actor[a.id])]
        if not first:
            break
        a1 = first[int(rng.integers(len(first)))]
        offers = [o for o in by_actor[a1.id] if o not in done]
        offer = offers[int(rng.integers(len(offers)))]
        runs = {b for b, *o in rows if tuple(o) == offer}
        field_of = next(f for f in FIELDS if offer in _OFFERS[f])
        candidates = [a for a in welfare if a.umbrella != a1.umbrella and a.id not in runs]
        fresh = [a for a in candidates if a.id not in involved]
        candidates = fresh or candidates
        near = [a for a in candidates if field_of in a.fields]
        if not candidates:
            candidates = [a for a in providers if a.id not in runs]
            near = [a for a in candidates if field_of in a.fields]
        pick_from = near or candidates
        if not pick_from:
            break
        a2 = pick_from[int(rng.integers(len(pick_from)))]
        rows.append((a2.id, *offer))
        by_actor.setdefault(a2.id, []).append(offer)
        done.add(offer)
        involved.update((a1.id, a2.id))
        planted.append({"item": offer[0], "target_group": offer[1], "providers": [a1.id, a2.id]})
    return rows, planted


# ---------------------------------------------------------------- committees
def make_committees(
    actors: list[SyntheticActor], d: QuarterDesign, rng: np.random.Generator
) -> tuple[list[tuple[str, str, str | None]], list[dict[str, Any]]]:
    """Committee memberships (actor, committee, target group), and planted near-copies."""
    q = d.quarter
    rows: list[tuple[str, str, str | None]] = []
    planted: list[dict[str, Any]] = []
    ids = [a.id for a in actors]
    u = rng.random((4, len(actors)))

    def members(mask: np.ndarray, always: Sequence[str]) -> list[str]:
        chosen = [a.id for a, keep in zip(actors, mask, strict=True) if keep]
        return [i for i in ids if i in set(always) or i in chosen]

    if d.programme == "Soziale Stadt":
        welfare = [a.id for a in actors if a.type == "Wohlfahrtsverband"]
        steering = ["qm", "kom-soz", "kom-jug", "kom-plan", "wbg", "bi", *welfare[:1]]
        rows += [
            (i, f"Steuerungsgruppe Soziale Stadt {q}", None)
            for i in members(np.zeros(len(actors), dtype=bool), steering)
        ]
        p = np.array([0.15 if a.type == "Unternehmen" else 0.5 for a in actors])
        rows += [
            (i, f"Stadtteilkonferenz {q}", None) for i in members(u[0] < p, ["qm", "kom-soz", "bi"])
        ]
        edu = np.array([_B in a.fields and a.type != "Kommune" for a in actors]) & (u[1] < 0.85)
        ak = members(edu, ["qm", "kom-jug"])
        rows += [(i, f"AK Bildung {q}", "Kinder und Jugendliche") for i in ak]
        sen = np.array([_S in a.fields and a.type != "Kommune" for a in actors]) & (u[2] < 0.85)
        rows += [(i, f"Runder Tisch Senioren {q}", "Senioren") for i in members(sen, ["qm"])]
        if d.duplicate_committee:
            others = [i for i in ak if i not in ("qm", "kom-jug")]
            dropped = others[int(rng.integers(len(others)))] if others else None
            outside = [
                a.id for a in actors if _B in a.fields and a.id not in ak and a.type != "Kommune"
            ]
            added = outside[int(rng.integers(len(outside)))] if outside else None
            copy = [i for i in ids if (i in ak and i != dropped) or i == added]
            item = f"AG Kinder und Jugend {q}"
            rows += [(i, item, "Kinder und Jugendliche") for i in copy]
            planted.append({"items": [f"AK Bildung {q}", item], "dropped": dropped, "added": added})
    else:
        p = np.array([0.0 if a.type in ("Kommune", "Unternehmen") else 0.35 for a in actors])
        rows += [(i, f"Quartiersforum {q}", None) for i in members(u[0] < p, ["bi"])]
        core = np.array([a.type in ("Initiative", "Verein") for a in actors]) & (u[1] < 0.3)
        rows += [(i, f"Sprecherkreis Bewohnerinitiative {q}", None) for i in members(core, ["bi"])]
        sen = np.array([_S in a.fields and a.type != "Kommune" for a in actors]) & (u[2] < 0.6)
        rows += [(i, f"Runder Tisch Senioren {q}", "Senioren") for i in members(sen, ["bi"])]
    return rows, planted


# ---------------------------------------------------------------------- ties
def make_true_ties(
    actors: list[SyntheticActor],
    d: QuarterDesign,
    offers: list[tuple[str, str, str]],
    rng: np.random.Generator,
) -> tuple[list[tuple[str, str, str, int]], list]:
    """The true ties (source, target, relation, intensity) and the competing pairs."""
    n = len(actors)
    hub = d.hub
    social = d.programme == "Soziale Stadt"
    core3 = {"kom-soz", "kom-jug", "kom-plan", "wbg", "bi", "mgh"} if social else set()
    iu, ju = np.triu_indices(n, k=1)
    npairs = len(iu)
    u_main, u_rooms, u_flip = rng.random(npairs), rng.random(npairs), rng.random(npairs)
    p_form = np.asarray(d.formality, dtype=float) / sum(d.formality)
    i_coop = rng.choice([1, 2, 3], size=npairs, p=p_form)
    i_fund = rng.choice([1, 2, 3], size=npairs, p=[0.3, 0.5, 0.2])
    i_rooms = rng.choice([1, 2], size=npairs, p=[0.6, 0.4])
    ties: dict[tuple[str, str, str], int] = {}

    def add(a: SyntheticActor, b: SyntheticActor, rel: str, inten: int) -> None:
        ties[(a.id, b.id, rel)] = int(inten)

    for k in range(npairs):
        a, b = actors[iu[k]], actors[ju[k]]
        common = bool(set(a.fields) & set(b.fields))
        u = u_main[k]
        if hub in (a.id, b.id):
            h, o = (a, b) if a.id == hub else (b, a)
            if o.id in core3:
                add(h, o, "cooperation", 3)
            elif o.type == "Kommune" and not social:
                if o.id == "kom-soz":
                    add(h, o, "cooperation", 1)  # one contact person, a weak tie
                elif u < d.municipal_reach:
                    add(o, h, "cooperation", 1)
            elif o.id == "wbg":
                add(h, o, "cooperation", 2)
            elif u < d.hub_reach:
                add(h, o, "cooperation", i_coop[k])
            continue
        if a.type == "Kommune" and b.type == "Kommune":
            if social:
                add(a, b, "cooperation", 2)
            elif u < 0.5:
                add(a, b, "cooperation", 1)
            continue
        if a.type == "Kommune" or b.type == "Kommune":
            k_, o = (a, b) if a.type == "Kommune" else (b, a)
            if common and u < d.municipal_reach:
                if o.type in _MUNICIPAL_FUNDS and k_.id != "jobcenter":
                    add(k_, o, "funding", i_fund[k])
                else:
                    add(k_, o, "cooperation", i_coop[k])
            elif not common and u < d.p_between:
                add(k_, o, "cooperation", i_coop[k])
            continue
        firm = (
            a
            if a.type == "Unternehmen" and a.id != "wbg"
            else b
            if b.type == "Unternehmen" and b.id != "wbg"
            else None
        )
        if firm is not None:
            o = b if firm is a else a
            if o.type in _SPONSORED and u < d.sponsor_rate:
                add(firm, o, "funding", 1)
            elif u_flip[k] < (d.p_within if common else d.p_between):
                add(a, b, "cooperation", i_coop[k])
            continue
        if u < (d.p_within if common else d.p_between):
            add(a, b, "cooperation", i_coop[k])
        owner = (
            a
            if a.type in _ROOM_OWNERS or a.id == "wbg"
            else b
            if b.type in _ROOM_OWNERS or b.id == "wbg"
            else None
        )
        if owner is not None:
            o = b if owner is a else a
            if o.type in _ROOM_USERS and u_rooms[k] < d.rooms_rate:
                add(owner, o, "resources", i_rooms[k])

    # competition: welfare associations of different umbrellas running the same offer
    by_id = {a.id: a for a in actors}
    runs: dict[tuple[str, str], list[str]] = {}
    for actor_id, item, group in offers:
        runs.setdefault((item, group), []).append(actor_id)
    pairs: set[tuple[str, str]] = set()
    for _offer, who in sorted(runs.items()):
        welfare = sorted(w for w in who if by_id[w].type == "Wohlfahrtsverband")
        for x in range(len(welfare)):
            for y in range(x + 1, len(welfare)):
                if by_id[welfare[x]].umbrella != by_id[welfare[y]].umbrella:
                    pairs.add((welfare[x], welfare[y]))
    competing: list[list[str]] = []
    for pair in sorted(pairs):
        if rng.random() < d.competition_rate:
            a, b = by_id[pair[0]], by_id[pair[1]]
            for key in [(a.id, b.id, "cooperation"), (b.id, a.id, "cooperation")]:
                ties.pop(key, None)
            add(a, b, "competition", 1 + int(rng.random() < 0.4))
            competing.append([a.id, b.id])

    # nobody outside: an actor without a cooperative tie is at least known to the hub
    tied = {x for (s, t, rel) in ties if rel != "competition" for x in (s, t)}
    for a in actors:
        if a.id not in tied and a.id != hub:
            add(by_id[hub], a, "cooperation", 1)
    rows = [(s, t, rel, inten) for (s, t, rel), inten in ties.items()]
    return rows, competing


def make_survey(
    ties: list[tuple[str, str, str, int]],
    responded: dict[str, bool],
    recall: tuple[float, float, float],
    noise: float,
    rng: np.random.Generator,
) -> pd.DataFrame:
    """Each responding side reports a true tie with probability ``recall[intensity]``."""
    m = len(ties)
    u_report, u_noise, u_sign = rng.random((m, 2)), rng.random((m, 2)), rng.random((m, 2))
    rows = []
    for k, (s, t, rel, inten) in enumerate(ties):
        for side, (me, other) in enumerate(((s, t), (t, s))):
            if not responded[me] or u_report[k, side] >= recall[inten - 1]:
                continue
            value = inten
            if u_noise[k, side] < noise:
                value = min(3, max(1, inten + (1 if u_sign[k, side] < 0.5 else -1)))
            rows.append((me, other, rel, float(value), me))
    return pd.DataFrame(rows, columns=["source", "target", "relation", "intensity", "reported_by"])


def _check_design(d: QuarterDesign) -> None:
    if not isinstance(d, QuarterDesign):
        raise AnalysisError(f"designs must be QuarterDesign objects, got {type(d).__name__}")
    if d.programme not in PROGRAMMES:
        raise AnalysisError(
            f"quarter {d.key!r}: programme must be one of {PROGRAMMES}, got {d.programme!r}"
        )
    if not 24 <= d.n_actors <= 150:
        raise AnalysisError(f"quarter {d.key!r}: n_actors must be 24 to 150, got {d.n_actors}")
    for name in (
        "hub_reach",
        "p_within",
        "p_between",
        "municipal_reach",
        "sponsor_rate",
        "rooms_rate",
        "competition_rate",
    ):
        check_probability(getattr(d, name), f"quarter {d.key!r}: {name}")
    if len(d.formality) != 3 or min(d.formality) < 0 or sum(d.formality) <= 0:
        raise AnalysisError(
            f"quarter {d.key!r}: formality must be three shares >= 0 (intensities 1, 2, 3), "
            f"got {d.formality!r}"
        )
    if d.duplicate_offers < 0:
        raise AnalysisError(
            f"quarter {d.key!r}: duplicate_offers must be >= 0, got {d.duplicate_offers}"
        )
    if d.type_shares is not None and (
        not d.type_shares or min(d.type_shares.values()) < 0 or sum(d.type_shares.values()) <= 0
    ):
        raise AnalysisError(f"quarter {d.key!r}: type_shares must be shares >= 0")


#: Meetings per year a committee may hold, by the first word of its name.
_MEETINGS = {
    "Steuerungsgruppe": (6.0, 12.0),
    "Stadtteilkonferenz": (2.0, 4.0),
    "AK": (4.0, 6.0, 12.0),
    "AG": (4.0, 6.0),
    "Runder": (2.0, 4.0, 6.0),
    "Quartiersforum": (1.0, 2.0, 4.0),
    "Sprecherkreis": (6.0, 12.0),
}


def _frequencies(items: list[str], rng: np.random.Generator) -> dict[str, float]:
    """Meetings per year of each committee (in the order first named)."""
    out: dict[str, float] = {}
    for item in items:
        if item not in out:
            options = _MEETINGS.get(item.split()[0], (2.0, 4.0))
            out[item] = float(options[int(rng.integers(len(options)))])
    return out


def _quarter(
    d: QuarterDesign,
    rng: np.random.Generator,
    extra: np.random.Generator,
    *,
    survey: bool,
    response_rate: float,
    recall: tuple[float, float, float],
    intensity_noise: float,
    hub_responds: bool,
    seed: Any,
) -> Network:
    actors = make_roster(d, rng)
    offers, planted_offers = make_offers(actors, d, rng)
    committees, planted_committees = make_committees(actors, d, rng)
    true_ties, competing = make_true_ties(actors, d, offers, rng)

    actor_frame = pd.DataFrame(
        {
            "id": [a.id for a in actors],
            "label": [a.label for a in actors],
            "type": [a.type for a in actors],
            "umbrella": [a.umbrella for a in actors],
            "area": [a.area for a in actors],
            "field": ["; ".join(a.fields) for a in actors],
        }
    )
    aff = pd.DataFrame(
        [(a, item, "offer", group, d.quarter) for a, item, group in offers]
        + [(a, item, "committee", group, d.quarter) for a, item, group in committees],
        columns=["actor", "item", "kind", "target_group", "area"],
    )
    # the network check's columns, from their own stream (the rest stays as it was)
    actor_frame["coordinator"] = [a.id == d.hub for a in actors]
    frequency = _frequencies([item for _, item, _ in committees], extra)
    is_committee = aff["kind"] == "committee"
    aff["frequency"] = [
        frequency[i] if c else np.nan for i, c in zip(aff["item"], is_committee, strict=True)
    ]
    aff["steering"] = [
        bool(item.startswith("Steuerungsgruppe")) if c else None
        for item, c in zip(aff["item"], is_committee, strict=True)
    ]
    truth = pd.DataFrame(true_ties, columns=["source", "target", "relation", "intensity"])
    truth["intensity"] = truth["intensity"].astype(float)

    ids = [a.id for a in actors]
    survey_meta: dict[str, Any] | None = None
    if survey:
        others = [i for i in ids if not (hub_responds and i == d.hub)]
        k = round(response_rate * len(others))
        order = rng.permutation(len(others))
        chosen = {others[int(j)] for j in order[:k]}
        responded = {i: i in chosen or (hub_responds and i == d.hub) for i in ids}
        ties = make_survey(true_ties, responded, recall, intensity_noise, rng)
        n_resp = sum(responded.values())
        survey_meta = {
            "roster": len(ids),
            "respondents": n_resp,
            "response_rate": round(n_resp / len(ids), 3),
            "reports": len(ties),
            "true_ties": len(truth),
        }
    else:
        ties = truth

    net = Network(actors=actor_frame, ties=ties, affiliations=aff, name=d.name)
    if survey:
        net.actors["responded"] = np.asarray(
            [responded[i] for i in net.actors.index], dtype=np.bool_
        )
    net.meta.update(
        {
            "source": d.name,
            "format": "generator",
            "synthetic": True,
            "note": SYNTHETIC_NOTE,
            "generator": "quartiernetz.datasets.lower_saxony",
            "seed": seed if seed is None or isinstance(seed, int | np.integer) else "Generator",
            "study": "Lower Saxony study of cooperation in three quarters (Stiftung Mitarbeit "
            "practice guide, 2017): design only",
            "quarter": d.quarter,
            "municipality": d.municipality,
            "programme": d.programme,
            "hub": d.hub,
            "design": dataclasses.asdict(d),
            "planted_duplicate_offers": planted_offers,
            "planted_duplicate_committees": planted_committees,
            "competing_pairs": competing,
        }
    )
    if survey_meta is not None:
        net.meta["survey"] = survey_meta
    return net


def lower_saxony(
    *,
    seed: int | np.random.Generator | None = 0,
    designs: Sequence[QuarterDesign] = DEFAULT_DESIGNS,
    survey: bool = True,
    response_rate: float = 0.7,
    recall: tuple[float, float, float] = (0.7, 0.85, 0.95),
    intensity_noise: float = 0.25,
    hub_responds: bool = True,
) -> dict[str, Network]:
    """Three synthetic quarters modelled on the Lower Saxony study design, as survey data.

    Synthetic data modelled on the study design, not the study's data.

    Parameters
    ----------
    seed : int, numpy.random.Generator or None, default 0
        The seed; the same seed gives the same networks. Each quarter draws from
        its own stream, so changing one quarter's design leaves the others as they are.
    designs : sequence of QuarterDesign, default DEFAULT_DESIGNS
        The quarters: by default two Soziale-Stadt quarters (keys ``"A"``, ``"B"``)
        and one self-organised quarter (``"C"``). Vary them with
        ``dataclasses.replace(DEFAULT_DESIGNS[2], hub_reach=0.8)``.
    survey : bool, default True
        Return survey reports (ties with ``reported_by``; actors with
        ``responded``). False returns the true network behind them: the same
        actors, offers and committees, one row per tie. For a seed, the survey is
        drawn from exactly that true network.
    response_rate : float, default 0.7
        Share of the actors (besides the hub, see ``hub_responds``) who answer:
        ``round(response_rate * (n - 1))`` of them, chosen at random.
    recall : tuple of three floats, default (0.7, 0.85, 0.95)
        Probability that a respondent reports a true tie of intensity 1, 2, 3.
        Each side reports on its own, so reports are asymmetric.
    intensity_noise : float, default 0.25
        Probability that a reported intensity is one step off the true one
        (within 1..3).
    hub_responds : bool, default True
        The hub (quarter management or resident initiative) always answers; in
        practice it usually runs the survey.

    Returns
    -------
    dict of str to Network
        Keyed by the designs' keys. Each network is undirected; actors have
        ``label``, ``type``, ``umbrella``, ``area``, ``field`` (fields of work,
        ``"; "``-joined) and, for survey data, ``responded``. Ties have the
        relations ``cooperation`` (intensity 1 information exchange, 2
        coordination or joint projects, 3 formal agreement or collaboration),
        ``funding``, ``resources`` (rooms) and ``competition``. Affiliations are
        committees and offers (with ``target_group``); committees carry
        ``frequency`` (meetings per year) and ``steering`` (True for the
        steering group). Actors carry ``coordinator`` (True for the hub). ``net.meta`` holds
        ``synthetic`` (True), ``note``, ``programme``, ``hub``, ``design``, the
        ``survey`` figures and the planted structures (``planted_duplicate_offers``,
        ``planted_duplicate_committees``, ``competing_pairs``).

    Raises
    ------
    AnalysisError
        For a parameter out of range or designs with the same key.

    Notes
    -----
    For each quarter, in this order, from its own random stream: the roster (fixed
    actors of the programme, then types allotted by ``type_shares``, names from
    pools of typical German quarter actors), offers (no offer is run twice except
    ``duplicate_offers`` planted ones), committees, and the true ties. For a pair
    of actors :math:`(i, j)` other than the hub, cooperation occurs with
    probability ``p_within`` when they share a field of work and ``p_between``
    otherwise; the hub cooperates with each actor with probability ``hub_reach``;
    municipal offices reach the actors of their field with ``municipal_reach``;
    companies sponsor with ``sponsor_rate``; rooms are lent with ``rooms_rate``.
    Welfare associations of different umbrellas with the same offer compete with
    probability ``competition_rate`` and then do not cooperate. An actor left
    without a cooperative tie is tied to the hub (intensity 1).

    The survey keeps each true tie side by side: a responding side reports it with
    probability ``recall[intensity - 1]``, possibly one intensity step off; a tie
    between two non-respondents is lost. ``Network.to_networkx`` reconciles the
    two sides' reports (``reconcile=``).

    References
    ----------
    Stiftung Mitarbeit (2017): practice guide on cooperation in quarters, with a
    study of three quarters in Lower Saxony (the design followed here).

    Examples
    --------
    >>> nets = lower_saxony(seed=0)
    >>> sorted(nets)
    ['A', 'B', 'C']
    >>> nets["C"].meta["programme"], nets["C"].meta["hub"], nets["C"].meta["synthetic"]
    ('Eigeninitiative', 'bi', True)
    >>> nets["A"].is_survey
    True
    >>> [len(net.actors) for net in nets.values()]
    [52, 44, 36]
    """
    designs = tuple(designs)
    if not designs:
        raise AnalysisError("designs is empty; give at least one QuarterDesign")
    for d in designs:
        _check_design(d)
    keys = [d.key for d in designs]
    if len(set(keys)) != len(keys):
        raise AnalysisError(f"the designs' keys must differ, got {keys}")
    response_rate = check_probability(response_rate, "response_rate")
    intensity_noise = check_probability(intensity_noise, "intensity_noise")
    if len(recall) != 3:
        raise AnalysisError(f"recall must give three probabilities, got {recall!r}")
    recall_t = (
        check_probability(recall[0], "recall[0]"),
        check_probability(recall[1], "recall[1]"),
        check_probability(recall[2], "recall[2]"),
    )
    # the first streams draw what the generator always drew; the second ones the
    # columns added later (coordinator, committee frequency), so old results stay
    streams = make_generators(seed, 2 * len(designs))
    rngs, extras = streams[: len(designs)], streams[len(designs) :]
    return {
        d.key: _quarter(
            d,
            rng,
            extra,
            survey=survey,
            response_rate=response_rate,
            recall=recall_t,
            intensity_noise=intensity_noise,
            hub_responds=hub_responds,
            seed=seed,
        )
        for d, rng, extra in zip(designs, rngs, extras, strict=True)
    }
