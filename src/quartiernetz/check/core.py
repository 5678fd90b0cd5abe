"""The network check: one row per factor, for one network or several side by side."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd

from ..exceptions import AnalysisError
from ..i18n import LANGS, check_lang, render
from ..network import Network
from . import (
    communication,
    competition,
    coordination,
    diversity,
    funding,
    municipality,
    reach,
    resources,
    survey,
)
from ._common import Context, Finding, fmt, network_from_graph
from .definitions import FACTORS, cite

__all__ = [
    "network_check",
    "network_check_compare",
    "network_check_languages",
    "CHECK_COLUMNS",
]

#: Columns of :func:`network_check`, in order.
CHECK_COLUMNS = (
    "factor",
    "group",
    "source",
    "question",
    "indicator",
    "value",
    "reference",
    "assessment",
    "evidence",
    "ask",
    "unit",
    "reference_value",
    "scale_min",
    "scale_max",
)

_MEASURES: dict[str, Callable[[Context], Finding]] = {
    "central_coordination": coordination.central_coordination,
    "committee_membership": communication.committee_membership,
    "committee_sectors": communication.committee_sectors,
    "competitors_in_view": competition.competitors_in_view,
    "needs_mapping": resources.needs_mapping,
    "pooled_resources": resources.pooled_resources,
    "funding_mix": funding.funding_mix,
    "municipal_ties": municipality.municipal_ties,
    "municipal_contact": municipality.municipal_contact,
    "municipal_steering": municipality.municipal_steering,
    "reach_beyond_quarter": reach.reach_beyond_quarter,
    "online_offline": reach.online_offline,
    "sector_diversity": diversity.sector_diversity,
    "civic_share": diversity.civic_share,
    "cross_sector_ties": diversity.cross_sector_ties,
}


def _as_network(net: Any) -> Network:
    if isinstance(net, Network):
        return net
    if isinstance(net, nx.Graph):
        return network_from_graph(net)
    raise AnalysisError(
        f"expected a quartiernetz Network or a networkx graph, got {type(net).__name__}"
    )


def _check_top(top: Any) -> int:
    if isinstance(top, bool) or not isinstance(top, int | np.integer) or top < 1:
        raise AnalysisError(f"top must be an int >= 1, got {top!r}")
    return int(top)


def _findings(ctx: Context) -> dict[str, Finding]:
    out: dict[str, Finding] = {}
    for f in FACTORS:
        measure = _MEASURES.get(f.id)
        out[f.id] = measure(ctx) if measure else survey.self_assessment(ctx, f.id)
        # a factor the network shows may also have been asked in the survey
        if measure and out[f.id].assessment == "not measurable":
            asked = survey.self_assessment(ctx, f.id)
            if asked.assessment != "not measurable" or not math.isnan(asked.value):
                out[f.id] = asked
    return out


def _frame(findings: dict[str, Finding], lang: str) -> pd.DataFrame:
    rows = []
    for f in FACTORS:
        r = findings[f.id]
        rows.append(
            {
                "factor": f.id,
                "group": f.group,
                "source": cite(f, lang),
                "question": render(f.question, lang),
                "indicator": render(f.indicator, lang),
                "value": float(r.value),
                "reference": render(r.reference, lang),
                "assessment": r.assessment,
                "evidence": render(r.evidence, lang),
                "ask": render(f.ask, lang) if r.assessment == "not measurable" else None,
                "unit": r.unit,
                "reference_value": float(r.reference_value),
                "scale_min": float(r.scale[0]),
                "scale_max": float(r.scale[1]),
            }
        )
    frame = pd.DataFrame(rows, columns=list(CHECK_COLUMNS))
    return frame.astype(
        {
            c: object
            for c in (
                "source",
                "question",
                "indicator",
                "reference",
                "assessment",
                "evidence",
                "ask",
                "unit",
                "factor",
                "group",
            )
        }
    )


def network_check(
    net: Network | nx.Graph | Mapping[str, Network | nx.Graph],
    *,
    lang: str = "en",
    quarter: str | Mapping[str, str] | None = None,
    top: int = 5,
    catalysts: pd.DataFrame | Mapping[str, pd.DataFrame] | None = None,
    seed: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    r"""The network check: what practice says makes local networks work, factor by factor.

    Parameters
    ----------
    net : Network, networkx.Graph, or dict of label -> network
        The network. A dict checks several networks and returns their profiles
        side by side (:func:`network_check_compare`, wide layout); each
        network's reference then also names the other networks' values.
    lang : {"en", "de"}, default "en"
        Language of the texts (``source``, ``question``, ``indicator``,
        ``reference``, ``evidence``, ``ask``); ``assessment`` is always one of
        the English ids :data:`~quartiernetz.check.ASSESSMENTS`.
    quarter : str, optional
        The quarter's area, for ``reach_beyond_quarter`` (default
        ``net.meta["quarter"]``, else the most frequent actor ``area``).
    top : int, default 5
        How many of the strongest catalysts count as "top catalysts" for
        ``central_coordination`` (the report's dependence curve shows five).
    catalysts : DataFrame, optional
        A precomputed :func:`~quartiernetz.catalysts` table (computed when needed).
    seed : int, Generator or None, default None
        Seed of the Louvain split in :func:`~quartiernetz.competitor_clusters` (None: a
        fresh one each call; pass the report's seed to reproduce its figures).

    Returns
    -------
    pandas.DataFrame
        One row per factor (:data:`~quartiernetz.check.FACTORS`, in that order)
        with the columns :data:`CHECK_COLUMNS`:

        ``factor``
            stable id; ``group`` the group of factors;
        ``source``
            the sources naming it (merged where they say the same thing);
        ``question``, ``indicator``
            the practitioner's question and what is measured;
        ``value``
            the indicator (float; NaN when not measurable or, for
            ``competitors_in_view``, when there are no competitor pairs);
        ``reference``
            what the value is read against and where that comes from;
        ``assessment``
            ``strength``, ``watch``, ``gap`` or ``not measurable``;
        ``evidence``
            the actors, ties, committees or offers behind the value, or why the
            factor is not measurable;
        ``ask``
            for rows not measurable: the survey item that would measure it
            (None otherwise);
        ``unit``
            ``share`` (a share 0-1), ``index`` (Blau, E-I) or ``mean`` (of
            survey answers);
        ``reference_value``, ``scale_min``, ``scale_max``
            the reference as a point on the value's scale (NaN for a rule
            without a point) and the scale, for the profile figure.

    Notes
    -----
    Missing optional columns (``coordinator``, ``area``, ``sector``, ``funder``,
    affiliation kind ``resource``, relations ``funding``/``competition``/
    ``resources``, committee ``frequency`` and ``steering``, tie ``channel``)
    make a row ``not measurable`` with the reason in ``evidence``, never an
    error. Every indicator and rule is given with its formula and source in
    ``docs/network-check.md``; the assessments are hints for the discussion in
    the quarter, not verdicts.

    Examples
    --------
    >>> import quartiernetz as qn
    >>> from quartiernetz.check import network_check
    >>> check = network_check(qn.load_example("nordstadt"))
    >>> row = check.set_index("factor").loc["competitors_in_view"]
    >>> float(row["value"]), row["assessment"]
    (0.375, 'watch')
    >>> print(row["evidence"][:84])
    pairs: 8; in view: awo-treff–caritas-sen (Runder Tisch Senioren, Stadtteilkonferenz
    >>> check["assessment"].value_counts().to_dict()
    {'not measurable': 11, 'watch': 8, 'strength': 6}
    """
    check_lang(lang)
    top = _check_top(top)
    if isinstance(net, Mapping):
        return network_check_compare(
            net, lang=lang, quarter=quarter, top=top, catalysts=catalysts, seed=seed
        )
    network = _as_network(net)
    if isinstance(quarter, Mapping) or isinstance(catalysts, Mapping):
        raise AnalysisError("quarter and catalysts are dicts only when net is a dict of networks")
    ctx = Context(network, quarter=quarter, top=top, catalysts=catalysts, seed=seed)
    return _frame(_findings(ctx), lang)


def network_check_languages(
    net: Network | nx.Graph,
    *,
    langs: tuple[str, ...] = LANGS,
    quarter: str | None = None,
    top: int = 5,
    catalysts: pd.DataFrame | None = None,
    seed: int | np.random.Generator | None = None,
) -> dict[str, pd.DataFrame]:
    """The :func:`network_check` of one network in several languages, computed once.

    Returns
    -------
    dict of str to DataFrame
        ``{lang: network_check(net, lang, ...)}`` for each of ``langs``.

    Examples
    --------
    >>> import quartiernetz as qn
    >>> both = network_check_languages(qn.load_example("nordstadt"))
    >>> both["de"].loc[0, "question"][:27], both["en"].loc[0, "assessment"]
    ('Gibt es eine zentrale Koord', 'watch')
    """
    for lang in langs:
        check_lang(lang)
    top = _check_top(top)
    ctx = Context(_as_network(net), quarter=quarter, top=top, catalysts=catalysts, seed=seed)
    findings = _findings(ctx)
    return {lang: _frame(findings, lang) for lang in langs}


def network_check_compare(
    nets: Mapping[str, Network | nx.Graph],
    *,
    lang: str = "en",
    layout: Literal["wide", "long"] = "wide",
    quarter: str | Mapping[str, str] | None = None,
    top: int = 5,
    catalysts: Mapping[str, pd.DataFrame] | None = None,
    seed: int | np.random.Generator | None = None,
) -> pd.DataFrame:
    """The network check of several networks, side by side.

    Parameters
    ----------
    nets : dict of label -> Network or networkx.Graph
        The networks compared (at least one).
    lang, top, seed
        As for :func:`network_check`.
    layout : {"wide", "long"}, default "wide"
        ``long``: the :func:`network_check` tables stacked, with a first column
        ``network`` (the label), ordered by factor, then network. ``wide``: one
        row per factor, indexed by ``factor``; columns a MultiIndex: ``("",
        "question")``, ``("", "source")``, then for each network ``(label,
        "value")``, ``(label, "assessment")``, ``(label, "reference")``,
        ``(label, "evidence")``.
    quarter : str or dict of label -> str, optional
        The quarters' areas (one for all, or one per label).
    catalysts : dict of label -> DataFrame, optional
        Precomputed catalyst tables.

    Returns
    -------
    pandas.DataFrame
        Each network's ``reference`` ends with the other networks' values of
        the same factor ("other networks: …"): the other quarters of the same
        comparison as a second reference.

    Examples
    --------
    >>> import quartiernetz as qn
    >>> nets = qn.datasets.lower_saxony(seed=0)
    >>> wide = network_check_compare({k: nets[k] for k in ("A", "C")})
    >>> wide.loc["central_coordination", [("A", "assessment"), ("C", "assessment")]].tolist()
    ['strength', 'watch']
    """
    check_lang(lang)
    top = _check_top(top)
    if layout not in ("wide", "long"):
        raise AnalysisError(f"layout must be 'wide' or 'long', got {layout!r}")
    if not isinstance(nets, Mapping) or not nets:
        raise AnalysisError("nets must be a non-empty dict of label -> network")
    labels = [str(k) for k in nets]
    if len(set(labels)) != len(labels):
        raise AnalysisError(f"the labels must differ as text, got {labels}")
    frames: dict[str, pd.DataFrame] = {}
    for key, net in nets.items():
        q = quarter.get(key) if isinstance(quarter, Mapping) else quarter
        cat = catalysts.get(key) if isinstance(catalysts, Mapping) else None
        ctx = Context(_as_network(net), quarter=q, top=top, catalysts=cat, seed=seed)
        frames[str(key)] = _frame(_findings(ctx), lang)
    if len(frames) > 1:
        head = "other networks" if lang == "en" else "andere Netzwerke"
        for label, frame in frames.items():
            refs = []
            for i in range(len(frame)):
                others = [
                    f"{other} {fmt(f.at[i, 'value'], lang)}"
                    for other, f in frames.items()
                    if other != label and not math.isnan(f.at[i, "value"])
                ]
                ref = frame.at[i, "reference"]
                refs.append(f"{ref}; {head}: {', '.join(others)}" if others else ref)
            frame["reference"] = pd.Series(refs, index=frame.index, dtype=object)
    if layout == "long":
        long = pd.concat(
            [f.assign(network=label) for label, f in frames.items()], ignore_index=True
        )
        order = {f.id: i for i, f in enumerate(FACTORS)}
        long["_o"] = long["factor"].map(order)
        long["_n"] = long["network"].map({lab: i for i, lab in enumerate(frames)})
        long = long.sort_values(["_o", "_n"], kind="stable").drop(columns=["_o", "_n"])
        return long[["network", *CHECK_COLUMNS]].reset_index(drop=True)
    first = next(iter(frames.values()))
    parts = {
        ("", "question"): first["question"].to_numpy(),
        ("", "source"): first["source"].to_numpy(),
    }
    for label, f in frames.items():
        for col in ("value", "assessment", "reference", "evidence"):
            parts[(label, col)] = f[col].to_numpy()
    wide = pd.DataFrame(parts, index=pd.Index(first["factor"].to_numpy(), name="factor"))
    wide.columns = pd.MultiIndex.from_tuples(list(parts), names=["network", "column"])
    return wide
