"""Run every analysis the report shows, once, and keep what failed and why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..check import network_check_languages
from ..descriptives import summary
from ..exceptions import QuartiernetzError
from ..network import Network
from ..roles import (
    AUTO_EXACT_SECONDS,
    brokerage,
    catalyst_stability,
    catalysts,
    dependence_curve,
    estimate_seconds,
)
from ..structures import (
    communities,
    competitor_clusters,
    duplicates,
    offer_map,
    suggest_ties,
)
from .progress import Progress
from .tables import offer_table

__all__ = ["ReportData", "run_analyses", "run_stability", "stability_replicates", "STEPS"]

#: The analysis steps, in order (for the progress display).
STEPS = (
    "summary",
    "catalysts",
    "stability",
    "brokerage",
    "dependence",
    "duplicates",
    "competitors",
    "suggestions",
    "communities",
    "offers",
    "check",
)


def stability_replicates(n_actors: int) -> int:
    """Replicates of the catalyst-stability check: fewer for large networks (time).

    Examples
    --------
    >>> stability_replicates(31), stability_replicates(500), stability_replicates(5000)
    (50, 20, 10)
    """
    if n_actors <= 100:
        return 50
    if n_actors <= 1000:
        return 20
    return 10


@dataclass
class ReportData:
    """The analysis results of one report; ``None`` where a step failed (see ``errors``)."""

    summary: pd.DataFrame | None = None
    catalysts: pd.DataFrame | None = None
    stability: Any = None
    brokerage: pd.DataFrame | None = None
    dependence: pd.DataFrame | None = None
    duplicates: pd.DataFrame | None = None
    competitors: pd.DataFrame | None = None
    suggestions: pd.DataFrame | None = None
    communities: pd.Series | None = None
    offers: pd.DataFrame | None = None
    offers_wide: pd.DataFrame | None = None
    #: the network check by language (:func:`quartiernetz.check.network_check_languages`)
    check: dict[str, pd.DataFrame] | None = None
    has_offers: bool = False
    has_committees: bool = False
    replicates: int = 0
    #: the stability check is left to :func:`~quartiernetz.report.figures.make_figures`
    stability_deferred: bool = False
    errors: dict[str, Any] = field(default_factory=dict)  # str or i18n.Text


def _attempt(data: ReportData, step: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn``; a QuartiernetzError (e.g. too few actors) is kept as the step's reason."""
    try:
        return fn()
    except QuartiernetzError as err:
        # a Text where the error has one: the report shows it in its language
        data.errors[step] = err.text if err.text is not None else str(err)
        return None


def has_kind(net: Network, kinds: tuple[str, ...]) -> bool:
    aff = net.affiliations
    if aff.empty:
        return False
    return bool(aff["kind"].astype(str).str.strip().str.casefold().isin(kinds).any())


def run_analyses(
    net: Network,
    *,
    seed: int = 0,
    progress: Progress | None = None,
    approximate: bool = False,
    defer_stability: bool = False,
) -> ReportData:
    """Every analysis of the report, seeded.

    Parameters
    ----------
    net : Network
    seed : int
        Seed for the stability replicates, Louvain and the competitor split.
    progress : Progress, optional
    approximate : bool or None, default False
        Betweenness and closeness from sampled sources in the summary, the catalysts and
        the stability check (see :func:`quartiernetz.roles.catalysts`). False and None
        both mean automatic: exact when :func:`quartiernetz.roles.estimate_seconds` is
        within :data:`quartiernetz.roles.AUTO_EXACT_SECONDS`, sampled above it; each
        table's ``attrs["approximate"]`` and ``attrs["notes"]`` say which was used.
    defer_stability : bool, default False
        Leave the catalyst-stability check out and set ``stability_deferred``: the
        report runs it beside the figures (see :func:`run_stability`).

    Returns
    -------
    ReportData
    """
    prog = progress or Progress(0, enabled=False)
    data = ReportData()
    data.has_offers = has_kind(net, ("offer", "angebot"))
    data.has_committees = has_kind(net, ("committee", "gremium"))

    # True forces sampling; False (the command line's default) and None choose by cost
    approximate = True if approximate else None
    prog.step("summary")
    data.summary = _attempt(
        data, "summary", lambda: summary(net, approximate=approximate, seed=seed, weight="weight")
    )
    n_actors = len(net.actors)
    try:
        seconds: float | None = estimate_seconds(net)
    except QuartiernetzError:  # the catalysts step reports the reason
        seconds = None
    sampled = approximate or (seconds is not None and seconds > AUTO_EXACT_SECONDS)
    how = "sampled" if sampled else "exact"
    about = f", exact would take about {seconds:,.0f} s" if seconds and seconds >= 1 else ""
    prog.step(f"catalysts ({n_actors:,} actors, {how} betweenness{about})")
    data.catalysts = _attempt(
        data, "catalysts", lambda: catalysts(net, approximate=approximate, seed=seed)
    )
    data.replicates = stability_replicates(n_actors)
    if data.catalysts is not None and len(net.actors) >= 3:
        if defer_stability:
            data.stability_deferred = True
        else:
            prog.step(f"stability ({data.replicates} replicates)")
            data.stability = _attempt(
                data,
                "stability",
                lambda: run_stability(net, data, seed=seed, approximate=approximate),
            )
    prog.step("brokerage")
    data.brokerage = _attempt(data, "brokerage", lambda: brokerage(net))
    prog.step("dependence")
    if data.catalysts is not None and len(net.actors) >= 3 and len(net.ties):
        top = min(5, len(net.actors) - 2)
        data.dependence = _attempt(
            data, "dependence", lambda: dependence_curve(net, catalysts=data.catalysts, top=top)
        )
    prog.step("duplicates")
    data.duplicates = _attempt(data, "duplicates", lambda: duplicates(net))
    prog.step("competitors")
    data.competitors = _attempt(data, "competitors", lambda: competitor_clusters(net, seed=seed))
    prog.step("suggestions")
    data.suggestions = _attempt(data, "suggestions", lambda: suggest_ties(net, n=10))
    prog.step("communities")
    data.communities = _attempt(
        data, "communities", lambda: communities(net, seed=seed, weight="weight")
    )
    prog.step("offers")
    if data.has_offers:
        data.offers = _attempt(data, "offers", lambda: offer_table(net))
        data.offers_wide = _attempt(
            data, "offers", lambda: offer_map(net, by_area=False, layout="wide")
        )
    prog.step("check")
    data.check = _attempt(
        data,
        "check",
        lambda: network_check_languages(net, catalysts=data.catalysts, seed=seed),
    )
    return data


def run_stability(net: Network, data: ReportData, *, seed: int, approximate: bool | None) -> Any:
    """The report's catalyst-stability check (``data.replicates`` replicates, seeded).

    ``approximate``: True samples; False or None choose by cost (see :func:`run_analyses`).
    """
    return catalyst_stability(
        net, n=data.replicates, seed=seed, approximate=True if approximate else None
    )
