"""A synthetic network of the federal multi-generation house programme, and its figures.

The Aktionsprogramm Mehrgenerationenhäuser (federal action programme for
multi-generation houses) published these figures for 2011: about 500 houses had
25,700 cooperation partners, 51 per house on average (about 40 per house when the
programme started in 2006); 99 % of the houses worked with at least one municipal
office; municipalities supported about half of the houses in conceptual and
strategic work; companies and business associations, and clubs and initiatives,
were the largest groups of partners.

:func:`mgh_programme` generates a network that reproduces these figures, and
:func:`programme_figures` recomputes them from any network of that shape. **The
network is synthetic data modelled on the published figures, not the programme's
data.**

Reading of "25,700 cooperation partners": the number of partner *relationships*
(house–partner ties), since 500 × 51 ≈ 25,700. Partners that work with several
neighbouring houses count once per house there, so the number of distinct
partner organisations is smaller (``programme_figures(...)["distinct_partners"]``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..network import Network
from .lower_saxony import check_probability, make_generators

__all__ = [
    "mgh_programme",
    "programme_figures",
    "PARTNER_TYPE_SHARES",
    "PUBLISHED_FIGURES",
    "PROGRAMME_NOTE",
]

#: The label every generated programme network carries in ``net.meta["note"]``.
PROGRAMME_NOTE = (
    "synthetic data modelled on the programme's published figures, not the programme's data"
)

#: The published figures the generator reproduces (see the module documentation).
PUBLISHED_FIGURES: dict[str, float] = {
    "houses": 500,
    "partner_ties_2011": 25_700,
    "partners_per_house_2011": 51,
    "partners_per_house_2006": 40,
    "share_municipal_partner_2011": 0.99,
    "share_strategic_support_2011": 0.5,
}

#: Shares of the non-municipal partner ties by partner type (an assumption: the
#: programme published only that companies and business associations, and clubs
#: and initiatives, were the largest groups).
PARTNER_TYPE_SHARES: dict[str, float] = {
    "Unternehmen": 0.24,
    "Wirtschaftsverband": 0.04,
    "Verein": 0.18,
    "Initiative": 0.07,
    "Wohlfahrtsverband": 0.08,
    "Schule": 0.08,
    "Kita": 0.06,
    "Bildungsträger": 0.06,
    "Kirche": 0.05,
    "Pflegeeinrichtung": 0.04,
    "Jugendeinrichtung": 0.03,
    "Bibliothek": 0.01,
    "Medien": 0.02,
    "Sonstige": 0.04,
}

_HOUSE = "Mehrgenerationenhaus"
_MUNICIPAL = "Kommune"


def mgh_programme(
    *,
    seed: int | np.random.Generator | None = 0,
    wave: int | str = 2011,
    n_houses: int = 500,
    partner_ties: int = 25_700,
    partner_ties_2006: int = 20_000,
    municipal_share: float = 0.99,
    strategic_support_share: float = 0.5,
    support_since_2006: float = 0.6,
    n_regions: int = 200,
    shared_partner_rate: float = 0.2,
    persistence: float = 0.9,
    partner_type_shares: Mapping[str, float] | None = None,
    dispersion: float = 4.0,
) -> Network:
    """A synthetic network of the multi-generation house programme (2006 and 2011).

    Synthetic data modelled on the published figures, not the programme's data.

    Parameters
    ----------
    seed : int, numpy.random.Generator or None, default 0
        The seed; the same seed gives identical tables.
    wave : {2011, 2006, "both"}, default 2011
        The survey wave. ``"both"`` returns both waves; ties then carry a column
        ``wave`` (2006 or 2011) and the actors are those of either wave. For a
        seed, each single wave is exactly the ``"both"`` network restricted to it.
    n_houses : int, default 500
        Houses (actors of type ``"Mehrgenerationenhaus"``).
    partner_ties : int, default 25_700
        House–partner cooperation ties in 2011 (exactly; 51.4 per house).
    partner_ties_2006 : int, default 20_000
        House–partner cooperation ties in 2006 (exactly; 40 per house).
    municipal_share : float, default 0.99
        Share of houses with at least one municipal partner (exactly
        ``round(municipal_share * n_houses)`` houses, in both waves).
    strategic_support_share : float, default 0.5
        Share of houses whose municipality supports their conceptual and strategic
        work in 2011 (relation ``strategic_support`` from the municipal office to
        the house; exactly ``round(share * n_houses)`` houses, all with a
        municipal partner).
    support_since_2006 : float, default 0.6
        Share of the houses supported in 2011 that were supported already in 2006
        (an assumption; no 2006 figure was published): by default 150 houses, a
        share of 0.3.
    n_regions : int, default 200
        Regions; a house's neighbours are the houses of its region (column ``area``).
    shared_partner_rate : float, default 0.2
        Probability that a partner tie of a house goes to a partner that already
        works with another house of the region (a shared partner) rather than to a
        new organisation; the district administration (Landkreis) is shared too.
    persistence : float, default 0.9
        Share of the 2006 partner ties that still exist in 2011; the rest ended
        before 2011 (partners found only in 2006).
    partner_type_shares : dict, optional
        Shares of the non-municipal partner ties by type; default
        :data:`PARTNER_TYPE_SHARES`.
    dispersion : float, default 4.0
        Gamma shape of the houses' partner counts: smaller values make the
        numbers of partners more unequal.

    Returns
    -------
    Network
        Undirected. Actors: ``label``, ``type`` (``"Mehrgenerationenhaus"``,
        ``"Kommune"`` or a partner type), ``area`` (the region). Ties: relation ``cooperation`` (house–partner; intensity 1
        joint day-to-day work, 2 regular joint projects, 3 partner involved in
        the house's steering) and ``strategic_support`` (municipal office → house),
        plus ``wave`` with ``wave="both"``. No affiliations. ``net.meta`` holds
        ``synthetic`` (True), ``note``, ``wave``, the parameters and
        ``published`` (:data:`PUBLISHED_FIGURES`).

    Raises
    ------
    AnalysisError
        For a parameter out of range.

    Notes
    -----
    Each house :math:`h` gets :math:`c_h = m + x_h` partner ties in 2011, with
    :math:`m = 5` and :math:`(x_h)` multinomial over the remaining ties with
    probabilities proportional to Gamma(``dispersion``) weights, so that
    :math:`\\sum_h c_h` equals ``partner_ties`` exactly. Houses with a municipal
    partner tie to their own municipal office (one actor per house), with
    probability 0.3 to a second office and with probability 0.4 to the district
    administration shared by the region. The other ties go, house by house within
    a region, to a partner of an earlier house of the region with probability
    ``shared_partner_rate`` and to a new organisation otherwise, whose type is
    drawn from ``partner_type_shares``. In 2006, each house has
    :math:`3 + y_h` ties (multinomial, proportional to :math:`c_h`, summing to
    ``partner_ties_2006``); ``persistence`` of them are 2011 ties (municipal ties
    first, their intensity one step lower with probability 0.3) and the rest go
    to organisations that were no longer partners in 2011.

    References
    ----------
    Bundesministerium für Familie, Senioren, Frauen und Jugend: reports on the
    Aktionsprogramm Mehrgenerationenhäuser (2006–2011); figures as quoted in
    ``docs/datasets.md``.

    Examples
    --------
    >>> net = mgh_programme(seed=0)
    >>> fig = programme_figures(net)
    >>> fig["houses"], fig["partner_ties"], round(fig["partners_per_house"])
    (500, 25700, 51)
    >>> round(fig["share_municipal_partner"], 2), fig["share_strategic_support"]
    (0.99, 0.5)
    """
    opts = _check_options(
        wave=wave,
        n_houses=n_houses,
        n_regions=n_regions,
        dispersion=dispersion,
        municipal_share=municipal_share,
        strategic_support_share=strategic_support_share,
        support_since_2006=support_since_2006,
        shared_partner_rate=shared_partner_rate,
        persistence=persistence,
        partner_type_shares=partner_type_shares,
    )
    n = opts.n_houses
    (rng,) = make_generators(seed, 1)
    region = rng.integers(n_regions, size=n)
    c11 = _allocate(
        int(partner_ties), n, 5, rng.gamma(dispersion, 1.0, size=n), rng, "partner_ties"
    )
    mun = _municipal_partners(rng, opts)
    t11 = _partner_ties_2011(rng, region, c11, mun, opts.shared_partner_rate)
    c06 = _allocate(int(partner_ties_2006), n, 3, c11.astype(float), rng, "partner_ties_2006")
    t06 = _partner_ties_2006(rng, c06, t11, opts.persistence)
    n_ended = len(t06.ended_house)
    org_type = rng.choice(opts.type_names, size=t11.n_orgs + n_ended, p=opts.type_p)
    org_region = np.concatenate([t11.org_region, region[t06.ended_house]]).astype(int)

    ids = _Ids.make(n, t11.n_orgs + n_ended, int(n_regions))
    ties = _tie_table(wave, ids, region, mun, t11, t06)
    actors = _actor_table(ids, region, mun, org_type, org_region, ties)
    params = {
        "n_houses": n,
        "partner_ties": int(partner_ties),
        "partner_ties_2006": int(partner_ties_2006),
        "municipal_share": municipal_share,
        "strategic_support_share": strategic_support_share,
        "support_since_2006": support_since_2006,
        "n_regions": int(n_regions),
        "shared_partner_rate": opts.shared_partner_rate,
        "persistence": opts.persistence,
        "partner_type_shares": opts.shares,
        "dispersion": dispersion,
    }
    name, meta = _programme_meta(seed, wave, params)
    net = Network(actors=actors, ties=ties, name=name)
    net.meta.update(meta)
    return net


def programme_figures(
    net: Network,
    *,
    house_type: str = _HOUSE,
    municipal_types: Sequence[str] = (_MUNICIPAL,),
    partner_relation: str = "cooperation",
    support_relation: str = "strategic_support",
    wave: Any = None,
) -> pd.Series:
    """The programme's published figures, recomputed from a network.

    Parameters
    ----------
    net : Network
        A network with houses (actors of ``house_type``) and their partners, e.g.
        from :func:`mgh_programme`.
    house_type : str, default "Mehrgenerationenhaus"
        The actor type of the houses.
    municipal_types : sequence of str, default ("Kommune",)
        The actor types that count as municipal.
    partner_relation : str, default "cooperation"
        The relation of partner ties (ties between a house and a non-house).
    support_relation : str, default "strategic_support"
        The relation of municipal support in conceptual and strategic work.
    wave : optional
        The wave to count (column ``wave``); required when the ties hold several.

    Returns
    -------
    pandas.Series
        In this order: ``houses``; ``partner_ties`` (house–non-house ties of
        ``partner_relation``); ``partners_per_house`` (their mean over houses);
        ``distinct_partners``; ``share_municipal_partner`` (share of houses with at
        least one partner of a municipal type); ``share_strategic_support`` (share
        of houses with a ``support_relation`` tie from a municipal actor; NaN when
        the relation is absent); then ``type_share:<type>`` for each partner type,
        the share of partner ties going to partners of that type, largest first.
        Values are plain Python numbers.

    Raises
    ------
    AnalysisError
        When there are no houses, or the ties hold several waves and ``wave`` is not given.

    Notes
    -----
    With :math:`H` the houses and :math:`P_h` the partners of house :math:`h`:
    partners per house :math:`= \\sum_h |P_h| / |H|`; the municipal share
    :math:`= |\\{h : P_h \\cap M \\neq \\emptyset\\}| / |H|` for the municipal actors
    :math:`M`. A partner tied to two houses counts in both houses' :math:`P_h`
    (partner ties) but once in ``distinct_partners``.

    Examples
    --------
    >>> import pandas as pd
    >>> net = Network(
    ...     actors=pd.DataFrame({"id": ["h1", "h2", "k", "firm", "club"],
    ...                          "type": ["Mehrgenerationenhaus", "Mehrgenerationenhaus",
    ...                                   "Kommune", "Unternehmen", "Verein"]}),
    ...     ties=pd.DataFrame({"source": ["h1", "h1", "h1", "h2", "k"],
    ...                        "target": ["k", "firm", "club", "firm", "h1"],
    ...                        "relation": ["cooperation"] * 4 + ["strategic_support"]}))
    >>> fig = programme_figures(net)
    >>> fig["partner_ties"], fig["partners_per_house"], fig["distinct_partners"]
    (4, 2.0, 3)
    >>> fig["share_municipal_partner"], fig["type_share:Unternehmen"]
    (0.5, 0.5)
    """
    if not isinstance(net, Network):
        raise AnalysisError(f"expected a quartiernetz Network, got {type(net).__name__}")
    ties = net.ties
    if "wave" in ties.columns:
        waves = sorted(ties["wave"].dropna().unique().tolist())
        if wave is None and len(waves) > 1:
            raise AnalysisError(f"the ties hold the waves {waves}; pass wave= to choose one")
        if wave is not None:
            if wave not in waves:
                raise AnalysisError(f"wave {wave!r} is not in the ties; waves: {waves}")
            ties = ties[ties["wave"] == wave]
    elif wave is not None:
        raise AnalysisError("wave given, but the ties have no column 'wave'")
    types = net.actors["type"].astype(object)
    houses = types.index[types.to_numpy() == house_type]
    if len(houses) == 0:
        raise AnalysisError(f"the network has no actors of type {house_type!r}")
    is_house = types == house_type
    municipal = set(municipal_types)

    def house_other(frame: pd.DataFrame) -> pd.DataFrame:
        s, t = frame["source"].astype(object), frame["target"].astype(object)
        hs, ht = s.map(is_house).fillna(False).astype(bool), t.map(is_house).fillna(False)
        ht = ht.astype(bool)
        one = hs.to_numpy() != ht.to_numpy()
        house = np.where(hs.to_numpy(), s.to_numpy(), t.to_numpy())[one]
        other = np.where(hs.to_numpy(), t.to_numpy(), s.to_numpy())[one]
        return pd.DataFrame(
            {"house": house, "other": other, "other_type": types.reindex(other).to_numpy()}
        )

    partner = house_other(ties[ties["relation"] == partner_relation])
    partner = partner.drop_duplicates(["house", "other"])
    n_houses = len(houses)
    with_mun = partner.loc[partner["other_type"].isin(municipal), "house"].nunique()
    if (ties["relation"] == support_relation).any():
        sup = house_other(ties[ties["relation"] == support_relation])
        supported = sup.loc[sup["other_type"].isin(municipal), "house"].nunique()
        share_support = float(supported / n_houses)
    else:
        share_support = float("nan")
    out: dict[str, Any] = {
        "houses": int(n_houses),
        "partner_ties": int(len(partner)),
        "partners_per_house": float(len(partner) / n_houses),
        "distinct_partners": int(partner["other"].nunique()),
        "share_municipal_partner": float(with_mun / n_houses),
        "share_strategic_support": share_support,
    }
    if len(partner):
        counts = partner["other_type"].astype(object).fillna("(none)").value_counts()
        counts = counts.sort_index().sort_values(ascending=False, kind="stable")
        for t, c in counts.items():
            out[f"type_share:{t}"] = float(c / len(partner))
    return pd.Series(out, dtype=object, name=net.name)


# ------------------------------------------------------------- the generator's steps


def _exact_count(share: float, n: int, name: str) -> int:
    """``round(share * n)``, after checking that ``share`` is a probability."""
    check_probability(share, name)
    return int(round(share * n))


def _allocate(
    total: int, n: int, minimum: int, weights: np.ndarray, rng: np.random.Generator, what: str
) -> np.ndarray:
    """``n`` counts >= ``minimum`` summing to ``total``, proportional to ``weights``."""
    extra = total - n * minimum
    if extra < 0:
        raise AnalysisError(
            f"{what} = {total} is too small for {n} houses with at least {minimum} each"
        )
    return minimum + rng.multinomial(extra, weights / weights.sum())


@dataclass(frozen=True)
class _Options:
    """The checked options of :func:`mgh_programme` and the exact counts they give."""

    n_houses: int
    n_municipal: int  # houses with a municipal partner
    n_support: int  # houses with strategic support in 2011
    n_support_2006: int  # of those, houses supported already in 2006
    shared_partner_rate: float
    persistence: float
    shares: dict[str, float]  # partner type -> share, as given
    type_names: np.ndarray  # the partner types, sorted
    type_p: np.ndarray  # their probabilities (summing to 1)


def _check_options(
    *,
    wave: int | str,
    n_houses: int,
    n_regions: int,
    dispersion: float,
    municipal_share: float,
    strategic_support_share: float,
    support_since_2006: float,
    shared_partner_rate: float,
    persistence: float,
    partner_type_shares: Mapping[str, float] | None,
) -> _Options:
    """Check the options of :func:`mgh_programme` (``AnalysisError`` naming the first bad one)."""
    if wave not in (2011, 2006, "both"):
        raise AnalysisError(f'wave must be 2011, 2006 or "both", got {wave!r}')
    if not isinstance(n_houses, int | np.integer) or n_houses < 1:
        raise AnalysisError(f"n_houses must be a positive integer, got {n_houses!r}")
    if not isinstance(n_regions, int | np.integer) or n_regions < 1:
        raise AnalysisError(f"n_regions must be a positive integer, got {n_regions!r}")
    if dispersion <= 0:
        raise AnalysisError(f"dispersion must be > 0, got {dispersion!r}")
    n = int(n_houses)
    n_mun = _exact_count(municipal_share, n, "municipal_share")
    n_sup = _exact_count(strategic_support_share, n, "strategic_support_share")
    if n_sup > n_mun:
        raise AnalysisError(
            f"strategic_support_share ({strategic_support_share}) exceeds municipal_share "
            f"({municipal_share}): support comes from a municipal partner"
        )
    n_sup06 = _exact_count(support_since_2006, n_sup, "support_since_2006")
    shared_partner_rate = check_probability(shared_partner_rate, "shared_partner_rate")
    persistence = check_probability(persistence, "persistence")
    shares = dict(partner_type_shares or PARTNER_TYPE_SHARES)
    if not shares or min(shares.values()) < 0 or sum(shares.values()) <= 0:
        raise AnalysisError("partner_type_shares must be shares >= 0 with a positive sum")
    if _HOUSE in shares or _MUNICIPAL in shares:
        raise AnalysisError(
            f"partner_type_shares must not include {_HOUSE!r} or {_MUNICIPAL!r} "
            "(municipal partners are set by municipal_share)"
        )
    type_names = np.array(sorted(shares), dtype=object)
    type_p = np.array([shares[t] for t in type_names], dtype=float)
    type_p /= type_p.sum()
    return _Options(
        n, n_mun, n_sup, n_sup06, shared_partner_rate, persistence, shares, type_names, type_p
    )


@dataclass(frozen=True)
class _Municipal:
    """Per house (boolean arrays): its municipal partners and the municipal support."""

    has_municipal: np.ndarray  # a tie to its own municipal office
    second: np.ndarray  # a tie to a second office
    district: np.ndarray  # a tie to the district administration of its region
    support: np.ndarray  # strategic support in 2011
    support_2006: np.ndarray  # strategic support in 2006


def _municipal_partners(rng: np.random.Generator, opts: _Options) -> _Municipal:
    """Draw which houses have municipal partners and support (exact counts from ``opts``)."""
    n = opts.n_houses
    has_mun = np.zeros(n, dtype=bool)
    has_mun[rng.choice(n, size=opts.n_municipal, replace=False)] = True
    support = np.zeros(n, dtype=bool)
    support[rng.choice(np.flatnonzero(has_mun), size=opts.n_support, replace=False)] = True
    support06 = np.zeros(n, dtype=bool)
    chosen06 = rng.choice(np.flatnonzero(support), size=opts.n_support_2006, replace=False)
    support06[chosen06] = True
    second = has_mun & (rng.random(n) < 0.3)
    district = has_mun & (rng.random(n) < 0.4)
    return _Municipal(has_mun, second, district, support, support06)


@dataclass(frozen=True)
class _Ties2011:
    """The partner ties of 2011, one entry per tie (arrays of equal length)."""

    house: np.ndarray  # the house's index
    partner: np.ndarray  # the organisation's code, -1 for municipal partners
    kind: np.ndarray  # 0 organisation, 1 own municipal office, 2 second office, 3 district
    intensity: np.ndarray  # 1, 2 or 3
    n_orgs: int  # organisations that are partners in 2011 (codes 0 … n_orgs - 1)
    org_region: np.ndarray  # the region of each of these organisations


def _partner_ties_2011(
    rng: np.random.Generator,
    region: np.ndarray,
    c11: np.ndarray,
    mun: _Municipal,
    shared_partner_rate: float,
) -> _Ties2011:
    """Draw the 2011 ties: ``c11[h]`` per house ``h``, partners shared within a region.

    Region by region and house by house, each tie to an organisation goes to a
    partner of an earlier house of the region with probability
    ``shared_partner_rate`` and to a new organisation otherwise; the house's
    municipal ties follow. The tie to the own office has intensity 3 when the
    office supports the house and 2 otherwise.
    """
    houses: list[int] = []
    partners: list[int] = []
    kinds: list[int] = []
    n_orgs = 0
    org_region: list[int] = []
    flags = ((mun.has_municipal, 1), (mun.second, 2), (mun.district, 3))
    for r in np.unique(region):
        pool: list[int] = []
        for h in np.flatnonzero(region == r):
            n_other = int(c11[h] - mun.has_municipal[h] - mun.second[h] - mun.district[h])
            n_shared = min(int(rng.binomial(n_other, shared_partner_rate)), len(pool))
            shared = rng.choice(pool, size=n_shared, replace=False).tolist() if n_shared else []
            new = list(range(n_orgs, n_orgs + n_other - n_shared))
            n_orgs += len(new)
            org_region.extend([int(r)] * len(new))
            pool.extend(new)
            houses.extend([int(h)] * n_other)
            partners.extend(shared + new)
            kinds.extend([0] * n_other)
            for flag, kind in flags:
                if flag[h]:
                    houses.append(int(h))
                    partners.append(-1)
                    kinds.append(kind)
    house = np.asarray(houses)
    kind = np.asarray(kinds)
    intensity = rng.choice([1, 2, 3], size=len(house), p=[0.5, 0.35, 0.15])
    own = kind == 1
    intensity[own] = np.where(mun.support[house[own]], 3, 2)
    return _Ties2011(
        house, np.asarray(partners), kind, intensity, n_orgs, np.asarray(org_region, dtype=int)
    )


@dataclass(frozen=True)
class _Ties2006:
    """The partner ties of 2006: 2011 ties that existed already, and ties that ended."""

    keep: np.ndarray  # boolean over the 2011 ties: the tie existed in 2006
    ended_house: np.ndarray  # the house of each tie that ended before 2011
    kept_intensity: np.ndarray  # the 2006 intensity of the kept ties, in their order
    ended_intensity: np.ndarray  # the intensity of the ended ties


def _partner_ties_2006(
    rng: np.random.Generator, c06: np.ndarray, t11: _Ties2011, persistence: float
) -> _Ties2006:
    """Draw the 2006 ties: ``c06[h]`` per house, ``persistence`` of them kept until 2011.

    Each house keeps ``round(persistence * c06[h])`` of its 2011 ties (at most all
    of them), municipal ties first and the others in random order; a kept tie's
    intensity is one step lower in 2006 with probability 0.3 (at least 1). The
    house's other 2006 ties went to organisations that were no partners in 2011.
    """
    n = len(c06)
    m11 = len(t11.house)
    order = np.argsort(t11.house, kind="stable")
    starts = np.searchsorted(t11.house[order], np.arange(n))
    ends = np.searchsorted(t11.house[order], np.arange(n), side="right")
    keep = np.zeros(m11, dtype=bool)
    ended_house: list[int] = []
    u_prio = rng.random(m11)
    for house in range(n):
        idx = order[starts[house] : ends[house]]
        n_keep = min(int(round(persistence * c06[house])), len(idx))
        prio = np.where(t11.kind[idx] > 0, -1.0, u_prio[idx])  # municipal ties persist first
        keep[idx[np.argsort(prio, kind="stable")[:n_keep]]] = True
        ended_house.extend([house] * int(c06[house] - n_keep))
    ended = np.asarray(ended_house, dtype=int)
    kept_intensity = np.maximum(1, t11.intensity[keep] - (rng.random(int(keep.sum())) < 0.3))
    ended_intensity = rng.choice([1, 2, 3], size=len(ended), p=[0.6, 0.3, 0.1])
    return _Ties2006(keep, ended, kept_intensity, ended_intensity)


@dataclass(frozen=True)
class _Ids:
    """The ids and names of houses, offices, organisations and regions."""

    width: int  # digits of a house number
    house: np.ndarray  # house index -> id
    org: np.ndarray  # organisation code -> id
    region: np.ndarray  # region index -> name

    @classmethod
    def make(cls, n_houses: int, n_orgs: int, n_regions: int) -> _Ids:
        """Ids for ``n_houses`` houses, ``n_orgs`` organisations and ``n_regions`` regions."""
        width = max(3, len(str(n_houses)))
        org_width = max(5, len(str(n_orgs)))
        return cls(
            width,
            np.array([f"mgh-{i + 1:0{width}d}" for i in range(n_houses)], dtype=object),
            np.array([f"p-{i + 1:0{org_width}d}" for i in range(n_orgs)], dtype=object),
            np.array([f"Region {r + 1:03d}" for r in range(n_regions)], dtype=object),
        )

    def office(self, houses: Iterable[int], suffix: str = "") -> list[str]:
        """The ids of the houses' own municipal offices (``suffix="-b"``: the second ones)."""
        return [f"kom-{i + 1:0{self.width}d}{suffix}" for i in houses]

    def partners(self, region: np.ndarray, t11: _Ties2011) -> np.ndarray:
        """The partner id of each 2011 tie."""
        h, k = t11.house, t11.kind
        out = np.empty(len(h), dtype=object)
        out[k == 0] = self.org[t11.partner[k == 0]]
        out[k == 1] = self.office(h[k == 1])
        out[k == 2] = self.office(h[k == 2], "-b")
        out[k == 3] = [f"kreis-{region[i] + 1:03d}" for i in h[k == 3]]
        return out


def _wave_ties(
    year: int,
    ids: _Ids,
    source: np.ndarray,
    target: np.ndarray,
    intensity: np.ndarray,
    supported: np.ndarray,
) -> list[pd.DataFrame]:
    """A wave's ties: cooperation (house–partner) and strategic support (office → house)."""
    sup = np.flatnonzero(supported)
    return [
        pd.DataFrame(
            {
                "source": source,
                "target": target,
                "relation": "cooperation",
                "intensity": intensity.astype(float),
                "wave": year,
            }
        ),
        pd.DataFrame(
            {
                "source": ids.office(sup),
                "target": ids.house[sup],
                "relation": "strategic_support",
                "intensity": 2.0,
                "wave": year,
            }
        ),
    ]


def _tie_table(
    wave: int | str,
    ids: _Ids,
    region: np.ndarray,
    mun: _Municipal,
    t11: _Ties2011,
    t06: _Ties2006,
) -> pd.DataFrame:
    """The ties of ``wave`` (2011 first; column ``wave`` only for ``"both"``)."""
    target11 = ids.partners(region, t11)
    parts = []
    if wave in (2011, "both"):
        parts += _wave_ties(2011, ids, ids.house[t11.house], target11, t11.intensity, mun.support)
    if wave in (2006, "both"):
        n_orgs = t11.n_orgs
        ended_codes = np.arange(n_orgs, n_orgs + len(t06.ended_house))
        parts += _wave_ties(
            2006,
            ids,
            np.concatenate([ids.house[t11.house[t06.keep]], ids.house[t06.ended_house]]),
            np.concatenate([target11[t06.keep], ids.org[ended_codes]]),
            np.concatenate([t06.kept_intensity, t06.ended_intensity]),
            mun.support_2006,
        )
    ties = pd.concat(parts, ignore_index=True)
    ties["wave"] = ties["wave"].astype("int64")
    if wave != "both":
        ties = ties.drop(columns="wave")
    return ties


def _actor_table(
    ids: _Ids,
    region: np.ndarray,
    mun: _Municipal,
    org_type: np.ndarray,
    org_region: np.ndarray,
    ties: pd.DataFrame,
) -> pd.DataFrame:
    """The actors: all houses, and the offices, districts and organisations in ``ties``."""
    n = len(ids.house)
    width = ids.width
    own = np.flatnonzero(mun.has_municipal)
    sec = np.flatnonzero(mun.second)
    dis = np.unique(region[mun.district])
    parts = [
        pd.DataFrame(
            {
                "id": ids.house,
                "label": [f"Mehrgenerationenhaus {i + 1:0{width}d}" for i in range(n)],
                "type": _HOUSE,
                "area": ids.region[region],
            }
        ),
        pd.DataFrame(
            {
                "id": ids.office(own),
                "label": [f"Kommune von MGH {i + 1:0{width}d} – Sozialverwaltung" for i in own],
                "type": _MUNICIPAL,
                "area": ids.region[region[own]],
            }
        ),
        pd.DataFrame(
            {
                "id": ids.office(sec, "-b"),
                "label": [f"Kommune von MGH {i + 1:0{width}d} – Jugendamt" for i in sec],
                "type": _MUNICIPAL,
                "area": ids.region[region[sec]],
            }
        ),
        pd.DataFrame(
            {
                "id": [f"kreis-{r + 1:03d}" for r in dis],
                "label": [f"Landkreis der Region {r + 1:03d}" for r in dis],
                "type": _MUNICIPAL,
                "area": ids.region[dis],
            }
        ),
        pd.DataFrame(
            {
                "id": ids.org,
                "label": [f"{t} {i[2:]}" for t, i in zip(org_type, ids.org, strict=True)],
                "type": org_type,
                "area": ids.region[org_region],
            }
        ),
    ]
    actors = pd.concat(parts, ignore_index=True)
    used = pd.unique(pd.concat([ties["source"], ties["target"]], ignore_index=True))
    actors = actors[(actors["type"] == _HOUSE) | actors["id"].isin(used)]
    return actors[["id", "label", "type", "area"]]


def _programme_meta(
    seed: int | np.random.Generator | None, wave: int | str, params: dict[str, Any]
) -> tuple[str, dict[str, Any]]:
    """The network's name and ``meta`` (provenance, the parameters, the published figures)."""
    title = {2011: "2011", 2006: "2006", "both": "2006 and 2011"}[wave]
    name = f"Mehrgenerationenhäuser, Aktionsprogramm ({title}, synthetic)"
    meta = {
        "source": name,
        "format": "generator",
        "synthetic": True,
        "note": PROGRAMME_NOTE,
        "generator": "quartiernetz.datasets.mgh_programme",
        "seed": seed if seed is None or isinstance(seed, int | np.integer) else "Generator",
        "wave": wave,
        "parameters": params,
        "published": dict(PUBLISHED_FIGURES),
    }
    return name, meta
