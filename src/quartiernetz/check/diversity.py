"""Diversity: sectors, clubs and initiatives, cooperation across sectors (12 success
factors no. 8; multi-generation houses: state, business and civil society)."""

from __future__ import annotations

from ..i18n import Text
from ._common import CIVIC_TYPES, SPHERE_NAMES, SPHERES, Context, Finding, blau, fmt, not_measurable

__all__ = ["sector_diversity", "civic_share", "cross_sector_ties", "expected_ei"]

_NO_TYPES = Text("actor types are not given", "Akteurstypen nicht angegeben")


def sector_diversity(ctx: Context) -> Finding:
    """Blau's index of the actor types, and the spheres present.

    ``value = 1 - sum_k p_k^2`` over the types (``p_k`` the share of actors of
    type k, actors without a type left out). Strength when the public, business
    and civic spheres are all present, watch otherwise.
    """
    types = ctx.types
    if types.empty:
        return not_measurable(_NO_TYPES)
    counts = types.value_counts()
    k = len(counts)
    value = blau(counts.to_numpy())
    rule = Text(
        "rule (multi-generation houses: the interface between state, business and civil "
        "society; 12 success factors no. 8): all three spheres present; Blau index of "
        "{k} equal types {b}",
        "Regel (Mehrgenerationenhäuser: Schnittstelle zwischen Staat, Wirtschaft und "
        "Zivilgesellschaft; 12 Erfolgsfaktoren Nr. 8): alle drei Sphären vertreten; "
        "Blau-Index von {k} gleich großen Typen {bd}",
    ).format(k=k, b=fmt(1 - 1 / k), bd=fmt(1 - 1 / k, "de"))
    present = sorted(set(ctx.spheres), key=SPHERES.index)
    missing = [s for s in SPHERES if s not in present]
    evidence = Text("types ({k}): ", "Typen ({k}): ").format(k=k) + ", ".join(
        f"{t} {c}" for t, c in counts.items()
    )
    if missing:
        evidence = evidence + Text("; sphere missing: ", "; fehlende Sphäre: ")
        for i, s in enumerate(missing):
            evidence = evidence + (", " if i else "") + SPHERE_NAMES[s]
    return Finding(
        value,
        "strength" if not missing else "watch",
        rule,
        evidence,
        reference_value=1 - 1 / k,
        details={"missing_spheres": missing},
        unit="index",
    )


def civic_share(ctx: Context) -> Finding:
    """Share of the actors that are clubs or initiatives.

    ``value = |actors of type Verein, Initiative, …| / |actors with a type|``.
    Clubs and initiatives together were one of the two largest partner groups of
    the multi-generation houses: strength when they are among the two largest
    groups here (the other groups being the remaining types), watch when
    smaller, gap when there are none.
    """
    types = ctx.types
    if types.empty:
        return not_measurable(_NO_TYPES)
    rule = Text(
        "multi-generation houses: clubs and initiatives were one of the two largest partner "
        "groups (2011); rule: among the two largest groups",
        "Mehrgenerationenhäuser: Vereine und Initiativen waren eine der zwei größten "
        "Partnergruppen (2011); Regel: unter den zwei größten Gruppen",
    )
    civic = types.str.casefold().isin(CIVIC_TYPES)
    n_civic = int(civic.sum())
    value = n_civic / len(types)
    others = types[~civic].value_counts()
    larger = [t for t, c in others.items() if c > n_civic]
    evidence = Text(
        "clubs or initiatives: {k} of {n}",
        "Vereine oder Initiativen: {k} von {n}",
    ).format(k=n_civic, n=len(types))
    if len(others):
        evidence = (
            evidence
            + Text("; largest other groups: ", "; größte andere Gruppen: ")
            + (", ".join(f"{t} {c}" for t, c in others.head(3).items()))
        )
    if not n_civic:
        assessment = "gap"
    else:
        assessment = "strength" if len(larger) <= 1 else "watch"
    return Finding(value, assessment, rule, evidence, details={"larger_groups": larger})


def expected_ei(sizes: list[int]) -> float:
    """The E-I index expected when ties fall at random among actors of these group sizes.

    ``2 p - 1`` with ``p = 1 - sum_k n_k (n_k - 1) / (n (n - 1))``, the share of
    pairs of actors in different groups.

    Examples
    --------
    >>> round(expected_ei([2, 2]), 4)
    0.3333
    """
    n = sum(sizes)
    if n < 2:
        return float("nan")
    within = sum(s * (s - 1) for s in sizes) / (n * (n - 1))
    return 2 * (1 - within) - 1


def cross_sector_ties(ctx: Context) -> Finding:
    """Krackhardt-Stern E-I index of the cooperation ties by actor type.

    ``E-I = (E - I) / (E + I)``: E ties between actors of different types, I
    within (ties with an actor without a type left out), read against the
    index expected at random (:func:`expected_ei`). Strength at or above the
    expected index, watch below.
    """
    types = ctx.types
    if types.empty:
        return not_measurable(_NO_TYPES, scale=(-1.0, 1.0))
    G = ctx.graph
    e = i = 0
    for u, v in G.edges():
        if u in types.index and v in types.index and u != v:
            if types[u] == types[v]:
                i += 1
            else:
                e += 1
    if e + i == 0:
        return not_measurable(
            Text(
                "no ties between actors with a type", "keine Beziehungen zwischen Akteuren mit Typ"
            ),
            scale=(-1.0, 1.0),
        )
    value = (e - i) / (e + i)
    exp = expected_ei(types.value_counts().tolist())
    rule = Text(
        "the E-I index expected if ties fell at random among these sectors: {x} "
        "(Krackhardt & Stern 1988)",
        "der E-I-Index bei zufälliger Verteilung der Beziehungen über diese Bereiche: {xd} "
        "(Krackhardt & Stern 1988)",
    ).format(x=fmt(exp), xd=fmt(exp, "de"))
    evidence = Text(
        "ties across sectors: {e}, within: {i}",
        "Beziehungen über Bereiche hinweg: {e}, innerhalb: {i}",
    ).format(e=e, i=i)
    return Finding(
        value,
        "strength" if value >= exp else "watch",
        rule,
        evidence,
        reference_value=exp,
        scale=(-1.0, 1.0),
        details={"external": e, "internal": i, "expected": exp},
        unit="index",
    )
