"""Why an actor is a network catalyst, in words: one renderer per language.

:func:`quartiernetz.roles.catalysts` returns, per actor, a tuple of
:class:`Reason` records in its column ``reasons`` (data); :func:`why` turns them
into the sentence of the column ``why`` (English) and of the report and the
explorer (German or English).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from ..i18n import check_lang
from .texts import say

__all__ = ["Reason", "REASON_KINDS", "WHY_TEXTS", "MEASURE_FORMATS", "why"]

#: The kinds of :class:`Reason`, with what each says.
REASON_KINDS: dict[str, str] = {
    "strong": "the actor outranks at least 75% of the others in this measure",
    "best": "no measure in the top quarter: this is the actor's best one",
    "no_ties": "the actor has no ties",
    "no_broker": "the actor is lowest in every measure of the index",
    "all_equal": "every actor is equal in the measures of the index",
}


class Reason(NamedTuple):
    """One reason of a catalyst (a record of the column ``reasons``).

    Parameters
    ----------
    kind : str
        One of :data:`REASON_KINDS`.
    measure : str, optional
        The measure (a column of :func:`quartiernetz.roles.catalysts`) for the kinds
        ``"strong"`` and ``"best"``; None otherwise.
    value : float, optional
        The actor's raw value of ``measure``.
    top : int, optional
        The actor's place in percent, 1-100: ``top`` percent of the actors have a
        value at least as strong ("top 5%").
    lower : bool, default False
        True where a lower value is stronger (``constraint``, ``hierarchy``): the
        place then counts from the lowest value ("lowest 5%").

    Examples
    --------
    >>> Reason("strong", "degree", 18.0, 4)
    Reason(kind='strong', measure='degree', value=18.0, top=4, lower=False)
    """

    kind: str
    measure: str | None = None
    value: float | None = None
    top: int | None = None
    lower: bool = False


#: How a measure's value is written in a "strong" reason (``.3g`` for others and in
#: "best").
MEASURE_FORMATS: dict[str, str] = {
    "degree": ".0f",
    "effective_size": ".1f",
    "efficiency": ".2f",
    "constraint": ".2f",
    "hierarchy": ".2f",
    "brokerage_total": ".0f",
    "cross_group_brokerage": ".0f",
    "cross_group_ties": ".0f",
    "pairs_disconnected": ".0f",
    "actors_cut_off": ".0f",
}

#: The words of :func:`why` per language: ``strong`` (a template per measure, filled
#: with :func:`~quartiernetz.words.say`: ``{value}``, ``{top}``), ``other`` (a
#: "strong" measure without a template of its own: ``{name}``, ``{value}``, ``{top}``),
#: ``names`` (a measure's name in ``best``), ``kinds`` (the other kinds; ``best`` with
#: ``{name}``, ``{value}``, ``{word}``, ``{top}``), ``top``/``lowest`` (``{word}``) and
#: ``join`` (between reasons).
WHY_TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "strong": {
            "degree": "many partners ({value}; top {top}%)",
            "betweenness": "on many shortest paths between others (betweenness top {top}%)",
            "closeness": "close to everyone (closeness top {top}%)",
            "eigenvector": "tied to well-connected actors (eigenvector top {top}%)",
            "effective_size": "many non-redundant partners (effective size {value}; top {top}%)",
            "efficiency": "partners who do not know each other (efficiency {value}; top {top}%)",
            "constraint": "not boxed in by a closed circle (constraint {value}; lowest {top}%)",
            "hierarchy": "constraint spread over many partners (hierarchy {value}; lowest {top}%)",
            "brokerage_total": "brokers {value} open two-paths (top {top}%)",
            "cross_group_brokerage": "brokers between groups ({value} open two-paths; top {top}%)",
            "cross_group_ties": "ties to {value} actors of other groups (top {top}%)",
            "fragmentation_loss": "leaving would fragment the network (top {top}%)",
            "pairs_disconnected": "leaving would disconnect {value} pairs of actors (top {top}%)",
            "actors_cut_off": "leaving would cut off {value} actors (top {top}%)",
        },
        "other": "{name} {value} (top {top}%)",
        "names": {
            "degree": "partners",
            "betweenness": "betweenness",
            "closeness": "closeness",
            "eigenvector": "eigenvector",
            "effective_size": "effective size",
            "efficiency": "efficiency",
            "constraint": "constraint",
            "hierarchy": "hierarchy",
            "brokerage_total": "two-paths brokered",
            "cross_group_brokerage": "cross-group two-paths",
            "cross_group_ties": "ties to other groups",
            "fragmentation_loss": "fragmentation loss",
            "pairs_disconnected": "pairs disconnected without it",
            "actors_cut_off": "actors cut off without it",
        },
        "kinds": {
            "best": "no component in the top quarter; best: {name} {value} ({word} {top}%)",
            "no_ties": "no ties",
            "no_broker": "no broker position (lowest in every component)",
            "all_equal": "every actor is equal in the index components",
        },
        "top": "top",
        "lowest": "lowest",
        "join": "; ",
    },
    "de": {
        "strong": {
            "degree": "viele Partner ({value}; Top {top}\u00a0%)",
            "betweenness": "liegt auf vielen kürzesten Wegen zwischen anderen "
            "(Betweenness: Top {top}\u00a0%)",
            "closeness": "allen nahe (Closeness: Top {top}\u00a0%)",
            "eigenvector": "mit gut vernetzten Akteuren verbunden (Eigenvektor: Top {top}\u00a0%)",
            "effective_size": "viele Partner, die nicht untereinander verbunden sind "
            "(effektive Größe {value}; Top {top}\u00a0%)",
            "efficiency": "Partner, die einander nicht kennen (Effizienz {value}; Top {top}\u00a0%)",
            "constraint": "nicht in einem geschlossenen Kreis gebunden "
            "(Constraint {value}; niedrigste {top}\u00a0%)",
            "hierarchy": "Bindung auf viele Partner verteilt "
            "(Hierarchie {value}; niedrigste {top}\u00a0%)",
            "brokerage_total": "vermittelt {value:offenen Zweierpfad|offene Zweierpfade} "
            "(Top {top}\u00a0%)",
            "cross_group_brokerage": "vermittelt zwischen Akteurstypen "
            "({value:offener Zweierpfad|offene Zweierpfade}; Top {top}\u00a0%)",
            "cross_group_ties": "{value:Beziehung zu # Akteur anderen Typs|"
            "Beziehungen zu # Akteuren anderer Typen} (Top {top}\u00a0%)",
            "fragmentation_loss": "sein Ausfall würde das Netzwerk zerteilen (Top {top}\u00a0%)",
            "pairs_disconnected": "sein Ausfall würde {value:Paar|Paare} von Akteuren trennen "
            "(Top {top}\u00a0%)",
            "actors_cut_off": "sein Ausfall würde {value:Akteur|Akteure} abschneiden "
            "(Top {top}\u00a0%)",
        },
        "other": "{name} {value} (Top {top}\u00a0%)",
        "names": {
            "degree": "Partner",
            "betweenness": "Betweenness",
            "closeness": "Closeness",
            "eigenvector": "Eigenvektor",
            "effective_size": "effektive Größe",
            "efficiency": "Effizienz",
            "constraint": "Constraint",
            "hierarchy": "Hierarchie",
            "brokerage_total": "vermittelte Zweierpfade",
            "cross_group_brokerage": "Zweierpfade zwischen Typen",
            "cross_group_ties": "Beziehungen zu anderen Typen",
            "fragmentation_loss": "Fragmentierungsverlust",
            "pairs_disconnected": "ohne ihn getrennte Paare",
            "actors_cut_off": "ohne ihn abgeschnittene Akteure",
        },
        "kinds": {
            "best": "in keinem Maß im oberen Viertel; am stärksten: {name} {value} "
            "({word} {top}\u00a0%)",
            "no_ties": "keine Beziehungen",
            "no_broker": "keine Vermittlerposition (in jedem Maß am niedrigsten)",
            "all_equal": "alle Akteure sind in den Maßen des Werts gleich",
        },
        "top": "Top",
        "lowest": "niedrigste",
        "join": "; ",
    },
}


def _value(value: Any, spec: str, decimal: str) -> str:
    """``value`` formatted with ``spec`` (``"–"`` when missing), ``decimal`` as the point."""
    try:
        text = format(float(value), spec)
    except (TypeError, ValueError):
        return "–"
    return text.replace(".", decimal) if decimal != "." else text


def _fill(template: str, lang: str, **values: Any) -> str:
    """:func:`say` where the template counts (``{n:ONE|MANY}``), else the faster ``format``."""
    return say(template, lang, **values) if "|" in template else template.format(**values)


def _render(reasons: Iterable[Reason], lang: str, decimal: str) -> str:
    words = WHY_TEXTS[lang]
    parts = []
    for r in reasons:
        if not isinstance(r, Reason):
            r = Reason(*r)
        if r.kind == "strong":
            template = words["strong"].get(str(r.measure), words["other"])
            spec = MEASURE_FORMATS.get(str(r.measure), ".3g")
            parts.append(
                _fill(
                    template,
                    lang,
                    name=str(r.measure),
                    value=_value(r.value, spec, decimal),
                    top=r.top,
                )
            )
        elif r.kind == "best":
            parts.append(
                _fill(
                    words["kinds"]["best"],
                    lang,
                    name=words["names"].get(str(r.measure), str(r.measure)),
                    value=_value(r.value, ".3g", decimal),
                    word=words["lowest" if r.lower else "top"],
                    top=r.top,
                )
            )
        elif r.kind in words["kinds"]:
            parts.append(words["kinds"][r.kind])
        else:
            raise ValueError(f"unknown reason kind {r.kind!r}; one of {list(REASON_KINDS)}")
    return words["join"].join(parts)


def _why_en(reasons: Iterable[Reason]) -> str:
    """English: the measures' own names, decimal point."""
    return _render(reasons, "en", ".")


def _why_de(reasons: Iterable[Reason]) -> str:
    """German: the field's words, decimal comma, singular where a count is 1."""
    return _render(reasons, "de", ",")


#: The renderer of each language.
_RENDERERS: dict[str, Callable[[Iterable[Reason]], str]] = {"en": _why_en, "de": _why_de}


def why(reasons: Iterable[Reason | tuple] | None, lang: str) -> str:
    """The sentence that says why an actor is a catalyst, in ``lang``.

    Parameters
    ----------
    reasons : iterable of Reason
        The actor's cell of the column ``reasons`` of
        :func:`quartiernetz.roles.catalysts` (plain tuples in the field order of
        :class:`Reason` work too). None or empty gives ``""``.
    lang : {"de", "en"}

    Returns
    -------
    str
        The reasons joined by ``"; "``; the English one is the column ``why``.

    Examples
    --------
    >>> reasons = (Reason("strong", "degree", 18.0, 4), Reason("strong", "brokerage_total", 1.0, 20))
    >>> why(reasons, "en")
    'many partners (18; top 4%); brokers 1 open two-paths (top 20%)'
    >>> why(reasons, "de")
    'viele Partner (18; Top 4\\xa0%); vermittelt 1 offenen Zweierpfad (Top 20\\xa0%)'
    >>> why([Reason("best", "constraint", 0.5, 40, lower=True)], "de")
    'in keinem Maß im oberen Viertel; am stärksten: Constraint 0,5 (niedrigste 40\\xa0%)'
    """
    check_lang(lang)
    if reasons is None:
        return ""
    return _RENDERERS[lang](reasons)
