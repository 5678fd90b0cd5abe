"""A second survey wave of the three synthetic Lower Saxony quarters, with documented turnover.

:func:`lower_saxony_waves` returns, for each quarter, the first wave exactly as
:func:`~quartiernetz.datasets.lower_saxony` gives it for the same seed, and a second
wave drawn from a separate random stream (so the first wave never changes). **Both
waves are synthetic data modelled on the study design, not the study's data**; the
study itself surveyed each quarter once.

How the second wave differs from the first (all parameters of
:func:`lower_saxony_waves`):

- **actors**: every actor except the programme's fixed actors (hub, municipal
  offices, housing company, and in Soziale-Stadt quarters the resident initiative,
  Mehrgenerationenhaus and library) leaves with probability ``turnover``; as many
  new actors enter, drawn from the same name pools and type shares;
- **ties**: each pair of actors present in both waves keeps its first-wave state
  (tie or no tie, every relation, intensity) with probability ``stability`` and
  otherwise takes the state of a fresh draw from the quarter's design; pairs with
  a new actor take the fresh draw. The expected density stays that of the design;
  the share of stable ties is about ``stability`` plus ``(1 - stability)`` times the
  design's tie probability;
- **committees**: each membership of a staying actor keeps its first-wave state
  with probability ``stability``, else a fresh draw; new actors join by the fresh
  draw;
- **duplicate structures**: each planted duplicate offer is given up by its second
  provider with probability ``resolve_rate``, and the near-copy committee (quarter
  B) is dissolved with probability ``resolve_rate``; new actors' offers may form
  new duplicates;
- **survey**: a new set of respondents (same ``response_rate``; the hub answers),
  with the same recall and intensity noise.

What happened is recorded in the second wave's ``net.meta["second_wave"]``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network
from .lower_saxony import (
    DEFAULT_DESIGNS,
    QuarterDesign,
    SyntheticActor,
    check_probability,
    lower_saxony,
    make_committees,
    make_fixed_actors,
    make_offers,
    make_roster,
    make_survey,
    make_true_ties,
)

__all__ = ["lower_saxony_waves", "DEFAULT_WAVES"]

#: The default names of the two waves.
DEFAULT_WAVES = ("2024", "2026")


def _wave_generators(seed: Any, n: int) -> list[np.random.Generator]:
    """One generator per quarter, independent of the first wave's streams."""
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int | np.integer)):
        raise AnalysisError(
            Text(
                "seed must be an int or None for two waves (the first wave is drawn from it "
                "as by lower_saxony), got {kind}",
                "seed muss für zwei Wellen eine ganze Zahl oder None sein (die erste Welle "
                "wird daraus wie von lower_saxony gezogen), erhalten: {kind}",
            ).format(kind=type(seed).__name__)
        )
    if seed is not None and seed < 0:
        raise AnalysisError(
            Text("seed must be >= 0, got {v}", "seed muss >= 0 sein, erhalten: {v}").format(v=seed)
        )
    # the first wave's quarters use SeedSequence(seed).spawn(n)[i]; the second wave a
    # child of each of those, which leaves the first wave's draws untouched
    children = np.random.SeedSequence(None if seed is None else int(seed)).spawn(n)
    return [np.random.default_rng(c.spawn(1)[0]) for c in children]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _actors_of(net: Network) -> list[SyntheticActor]:
    a = net.actors
    return [
        SyntheticActor(
            str(i),
            str(r["label"]),
            str(r["type"]),
            _text(r.get("umbrella")),
            _text(r.get("area")),
            tuple(str(r["field"]).split("; ")) if _text(r.get("field")) else (),
        )
        for i, r in a.iterrows()
    ]


def _pair_rows(
    rows: Sequence[tuple[str, str, str, int]],
) -> dict[tuple[str, str], list[tuple[str, str, str, int]]]:
    out: dict[tuple[str, str], list[tuple[str, str, str, int]]] = {}
    for s, t, rel, inten in rows:
        key = (s, t) if s < t else (t, s)
        out.setdefault(key, []).append((s, t, rel, int(inten)))
    return out


def _second_wave(
    d: QuarterDesign,
    truth: Network,
    first: Network,
    rng: np.random.Generator,
    *,
    wave: str,
    turnover: float,
    stability: float,
    resolve_rate: float,
    survey: bool,
    response_rate: float,
    recall: tuple[float, float, float],
    intensity_noise: float,
    hub_responds: bool,
) -> Network:
    actors1 = _actors_of(truth)
    ids1 = {a.id for a in actors1}
    labels1 = {a.label for a in actors1}
    fixed = {a.id for a in make_fixed_actors(d, np.random.default_rng(0))}
    u_leave = rng.random(len(actors1))
    left = [a for a, u in zip(actors1, u_leave, strict=True) if a.id not in fixed and u < turnover]
    left_ids = {a.id for a in left}
    fresh_roster = make_roster(d, rng)
    pool = [a for a in fresh_roster if a.id not in ids1 and a.label not in labels1]
    order = rng.permutation(len(pool))
    entrants = [pool[int(j)] for j in order[: len(left)]]
    stay = [a for a in actors1 if a.id not in left_ids]
    stay_ids = {a.id for a in stay}
    actors2 = stay + entrants
    ids2 = [a.id for a in actors2]

    # offers: the staying actors keep theirs, the new actors get fresh ones
    aff1 = truth.affiliations
    offers1 = aff1[aff1["kind"] == "offer"]
    offers2 = [
        (a, item, group)
        for a, item, group in zip(
            offers1["actor"], offers1["item"], offers1["target_group"], strict=True
        )
        if a in stay_ids
    ]
    fresh_offers, _ = make_offers(actors2, d, rng)
    entrant_ids = {a.id for a in entrants}
    offers2 += [(a, item, group) for a, item, group in fresh_offers if a in entrant_ids]
    resolved_offers = []
    for planted in truth.meta.get("planted_duplicate_offers", []):
        if rng.random() < resolve_rate:
            second = planted["providers"][1]
            key = (second, planted["item"], planted["target_group"])
            if key in offers2:
                offers2.remove(key)
                resolved_offers.append({**planted, "given_up_by": second})

    # committees: each membership of a staying actor kept with probability `stability`
    com1 = aff1[aff1["kind"] == "committee"]
    member1 = {(a, item) for a, item in zip(com1["actor"], com1["item"], strict=True)}
    groups = dict(zip(com1["item"], com1["target_group"], strict=True))
    fresh_com, _ = make_committees(actors2, d, rng)
    member_f = {(a, item) for a, item, _g in fresh_com}
    for _a, item, g in fresh_com:
        groups.setdefault(item, g)
    committees2 = []
    for item in sorted(groups):
        for a in ids2:
            if a in stay_ids and rng.random() < stability:
                present = (a, item) in member1
            else:
                present = (a, item) in member_f
            if present:
                committees2.append((a, item, groups[item]))
    resolved_committees = []
    for planted in truth.meta.get("planted_duplicate_committees", []):
        copy = planted["items"][1]
        if rng.random() < resolve_rate and any(item == copy for _, item, _g in committees2):
            committees2 = [row for row in committees2 if row[1] != copy]
            resolved_committees.append({**planted, "dissolved": copy})

    # ties: each pair of staying actors keeps its first-wave state with probability `stability`
    t1 = truth.ties
    rows1 = _pair_rows(
        list(
            zip(
                t1["source"].astype(str),
                t1["target"].astype(str),
                t1["relation"].astype(str),
                t1["intensity"].astype(int),
                strict=True,
            )
        )
    )
    fresh_ties, _ = make_true_ties(actors2, d, offers2, rng)
    rows_f = _pair_rows(fresh_ties)
    iu, ju = np.triu_indices(len(actors2), k=1)
    u_keep = rng.random(len(iu))
    true2: list[tuple[str, str, str, int]] = []
    kept = 0
    for k in range(len(iu)):
        x, y = ids2[iu[k]], ids2[ju[k]]
        key = (x, y) if x < y else (y, x)
        if x in stay_ids and y in stay_ids and u_keep[k] < stability:
            true2 += rows1.get(key, [])
            kept += 1
        else:
            true2 += rows_f.get(key, [])
    hub = d.hub
    tied = {x for s, t, rel, _ in true2 if rel != "competition" for x in (s, t)}
    for a in ids2:
        if a not in tied and a != hub:
            true2.append((hub, a, "cooperation", 1))

    # the actors table: the staying actors' rows as in the first wave, then the new ones
    base = truth.actors.drop(columns=["responded"], errors="ignore")
    staying = base.loc[[a.id for a in stay]].reset_index()
    new = pd.DataFrame(
        {
            "id": [a.id for a in entrants],
            "label": [a.label for a in entrants],
            "type": [a.type for a in entrants],
            "umbrella": [a.umbrella for a in entrants],
            "area": [a.area for a in entrants],
            "field": ["; ".join(a.fields) for a in entrants],
        }
    )
    actor_frame = pd.concat([staying, new], ignore_index=True) if len(new) else staying
    aff = pd.DataFrame(
        [(a, item, "offer", group, d.quarter) for a, item, group in offers2]
        + [(a, item, "committee", group, d.quarter) for a, item, group in committees2],
        columns=["actor", "item", "kind", "target_group", "area"],
    )
    truth_frame = pd.DataFrame(true2, columns=["source", "target", "relation", "intensity"])
    truth_frame["intensity"] = truth_frame["intensity"].astype(float)
    survey_meta = None
    if survey:
        others = [i for i in ids2 if not (hub_responds and i == hub)]
        n_resp = round(response_rate * len(others))
        pick = rng.permutation(len(others))
        chosen = {others[int(j)] for j in pick[:n_resp]}
        responded = {i: i in chosen or (hub_responds and i == hub) for i in ids2}
        ties = make_survey(true2, responded, recall, intensity_noise, rng)
        total = sum(responded.values())
        survey_meta = {
            "roster": len(ids2),
            "respondents": total,
            "response_rate": round(total / len(ids2), 3),
            "reports": len(ties),
            "true_ties": len(truth_frame),
        }
    else:
        ties = truth_frame
    name = f"{first.name} – {wave}" if first.name else wave
    net = Network(actors=actor_frame, ties=ties, affiliations=aff, name=name)
    if survey:
        net.actors["responded"] = np.asarray(
            [responded[i] for i in net.actors.index], dtype=np.bool_
        )
    meta = {k: v for k, v in first.meta.items() if k not in ("survey", "source")}
    planted_left = [
        p
        for p in truth.meta.get("planted_duplicate_offers", [])
        if not any(p is r or p == {k: r[k] for k in p} for r in resolved_offers)
    ]
    meta.update(
        {
            "source": name,
            "wave": wave,
            "planted_duplicate_offers": planted_left,
            "second_wave": {
                "turnover": turnover,
                "stability": stability,
                "resolve_rate": resolve_rate,
                "left": sorted(left_ids),
                "entered": [a.id for a in entrants],
                "pairs_kept": kept,
                "resolved_duplicate_offers": resolved_offers,
                "dissolved_committees": resolved_committees,
            },
        }
    )
    if resolved_committees:
        meta["planted_duplicate_committees"] = []
    net.meta.update(meta)
    if survey_meta is not None:
        net.meta["survey"] = survey_meta
    return net


def lower_saxony_waves(
    *,
    seed: int | None = 0,
    designs: Sequence[QuarterDesign] = DEFAULT_DESIGNS,
    waves: tuple[str, str] = DEFAULT_WAVES,
    turnover: float = 0.15,
    stability: float = 0.7,
    resolve_rate: float = 0.5,
    survey: bool = True,
    response_rate: float = 0.7,
    recall: tuple[float, float, float] = (0.7, 0.85, 0.95),
    intensity_noise: float = 0.25,
    hub_responds: bool = True,
) -> dict[str, dict[str, Network]]:
    """Two survey waves of each synthetic Lower Saxony quarter.

    Synthetic data modelled on the study design, not the study's data.

    Parameters
    ----------
    seed : int or None, default 0
        The first wave is ``lower_saxony(seed=seed, ...)`` exactly; the second wave
        of each quarter is drawn from a child of that quarter's random stream, so it
        leaves the first wave unchanged.
    designs : sequence of QuarterDesign, default DEFAULT_DESIGNS
        As for :func:`~quartiernetz.datasets.lower_saxony`.
    waves : pair of str, default ("2024", "2026")
        The names of the two waves (the keys of each quarter's dict).
    turnover : float, default 0.15
        Probability that an actor other than the fixed actors leaves; as many new
        actors enter.
    stability : float, default 0.7
        Probability that a pair of staying actors (and a committee membership)
        keeps its first-wave state; otherwise it takes a fresh draw from the design.
    resolve_rate : float, default 0.5
        Probability that a planted duplicate offer is given up by its second
        provider, and that the near-copy committee is dissolved.
    survey, response_rate, recall, intensity_noise, hub_responds
        As for :func:`~quartiernetz.datasets.lower_saxony`; each wave has its own
        respondents.

    Returns
    -------
    dict of str to dict of str to Network
        Quarter key -> {first wave name: Network, second wave name: Network}. The
        second wave's ``meta["second_wave"]`` records the parameters, who
        ``left`` and ``entered``, ``pairs_kept``, ``resolved_duplicate_offers``
        and ``dissolved_committees``; ``meta["wave"]`` its name.

    Raises
    ------
    AnalysisError
        A parameter out of range (see also :func:`~quartiernetz.datasets.lower_saxony`).

    Examples
    --------
    >>> w = lower_saxony_waves(seed=0)
    >>> sorted(w), list(w["C"])
    (['A', 'B', 'C'], ['2024', '2026'])
    >>> w["A"]["2024"].equals(lower_saxony(seed=0)["A"])
    True
    >>> w["A"]["2026"].meta["synthetic"], len(w["A"]["2026"].actors)
    (True, 52)
    """
    turnover = check_probability(turnover, "turnover")
    stability = check_probability(stability, "stability")
    resolve_rate = check_probability(resolve_rate, "resolve_rate")
    if len(waves) != 2 or len({str(w) for w in waves}) != 2:
        raise AnalysisError(
            Text(
                "waves must name two different waves, got {v!r}",
                "waves muss zwei verschiedene Wellen nennen, erhalten: {v!r}",
            ).format(v=waves)
        )
    options = {
        "response_rate": response_rate,
        "recall": recall,
        "intensity_noise": intensity_noise,
        "hub_responds": hub_responds,
    }
    designs = tuple(designs)
    first = lower_saxony(seed=seed, designs=designs, survey=survey, **options)
    truth = (
        first if not survey else lower_saxony(seed=seed, designs=designs, survey=False, **options)
    )
    rngs = _wave_generators(seed, len(designs))
    w1, w2 = (str(w) for w in waves)
    out: dict[str, dict[str, Network]] = {}
    for d, rng in zip(designs, rngs, strict=True):
        second = _second_wave(
            d,
            truth[d.key],
            first[d.key],
            rng,
            wave=w2,
            turnover=turnover,
            stability=stability,
            resolve_rate=resolve_rate,
            survey=survey,
            response_rate=float(response_rate),
            recall=tuple(float(r) for r in recall),  # type: ignore[arg-type]
            intensity_noise=float(intensity_noise),
            hub_responds=hub_responds,
        )
        second.meta["design"] = dataclasses.asdict(d)
        out[d.key] = {w1: first[d.key], w2: second}
    return out
