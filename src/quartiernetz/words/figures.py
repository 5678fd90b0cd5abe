"""The words drawn into the figures, in German and English.

:mod:`quartiernetz.plotting` draws data; every word it writes into a figure (axis
labels, legend entries and titles, notes) comes from here, so that a figure, the
report's tables and the explorer name the same thing the same way. Each table maps
a key to ``{"de": ..., "en": ...}``:

- :data:`FIGURE_NAMES`: the key figures of :func:`quartiernetz.descriptives.summary`
  (the rows of the comparison chart and the report's figure tables);
- :data:`ROLE_NAMES`: the five brokerage roles of Gould and Fernandez;
- :data:`SECTOR_NAMES`: the sectors of the sector map and the type legends;
- :data:`CHANGE_NAMES`: the states of ties and actors between two waves;
- :data:`CURVE_NAMES`: the lines of the dependence figure;
- :data:`FIGURE_TEXTS`: the other short texts, some with ``{fields}``, filled by
  :func:`figure_text`.

Like all of :mod:`quartiernetz.words`, this module depends only on
:mod:`quartiernetz.i18n` and the standard library.

Examples
--------
>>> from quartiernetz.words.figures import ROLE_NAMES, figure_text
>>> ROLE_NAMES["liaison"]["de"]
'Liaison (verbindet zwei fremde Gruppen)'
>>> figure_text("shown_of", "en", shown=40, total=120)
'showing 40 of 120 actors (largest component)'
"""

from __future__ import annotations

from typing import Any

from ..i18n import check_lang

__all__ = [
    "FIGURE_NAMES",
    "ROLE_NAMES",
    "SECTOR_NAMES",
    "CHANGE_NAMES",
    "CURVE_NAMES",
    "FIGURE_TEXTS",
    "figure_text",
]

#: Display names of the key figures of :func:`quartiernetz.descriptives.summary`
#: (and of their older spellings), by figure name.
FIGURE_NAMES: dict[str, dict[str, str]] = {
    "actors": {"de": "Akteure", "en": "Actors"},
    "ties": {"de": "Beziehungen", "en": "Ties"},
    "density": {"de": "Dichte", "en": "Density"},
    "reciprocity": {"de": "Gegenseitigkeit", "en": "Reciprocity"},
    "components": {"de": "Komponenten", "en": "Components"},
    "isolates": {"de": "Isolierte Akteure", "en": "Isolates"},
    "largest_component_share": {
        "de": "Anteil größte Komponente",
        "en": "Share in largest component",
    },
    "mean_partners": {"de": "Partner im Mittel", "en": "Mean partners"},
    "mean_degree": {"de": "Partner im Mittel", "en": "Mean partners"},
    "degree_centralization": {"de": "Zentralisierung (Grad)", "en": "Degree centralisation"},
    "centralization": {"de": "Zentralisierung (Grad)", "en": "Degree centralisation"},
    "centralisation": {"de": "Zentralisierung (Grad)", "en": "Degree centralisation"},
    "betweenness_centralization": {
        "de": "Zentralisierung (Betweenness)",
        "en": "Betweenness centralisation",
    },
    "ei_index": {"de": "E-I-Index (Typen)", "en": "E–I index (types)"},
    "municipal_share": {"de": "Anteil Kommune", "en": "Municipal share"},
    "municipal_tie_share": {
        "de": "Übrige mit Beziehung zur Kommune",
        "en": "Others tied to the municipality",
    },
    "response_rate": {"de": "Rücklaufquote", "en": "Response rate"},
    "confirmed_share": {"de": "Bestätigte Beziehungen", "en": "Confirmed ties"},
    "fragmentation": {"de": "Fragmentierung", "en": "Fragmentation"},
    "mean_intensity": {"de": "Mittlere Intensität", "en": "Mean intensity"},
    "groups": {"de": "Akteurstypen", "en": "Actor types"},
    "cross_group_tie_share": {
        "de": "Anteil Beziehungen zwischen Typen",
        "en": "Share of ties between types",
    },
    "municipal_actors": {"de": "Kommunale Akteure", "en": "Municipal actors"},
    "confirmed_tie_share": {"de": "Bestätigte Beziehungen", "en": "Confirmed ties"},
    "clustering": {"de": "Clusterkoeffizient", "en": "Clustering"},
    "transitivity": {"de": "Transitivität", "en": "Transitivity"},
}

#: Names of the brokerage roles (the columns of :func:`quartiernetz.roles.brokerage`),
#: in the order the brokerage figure stacks them.
ROLE_NAMES: dict[str, dict[str, str]] = {
    "coordinator": {
        "de": "Koordinator (innerhalb der Gruppe)",
        "en": "Coordinator (within the group)",
    },
    "itinerant": {
        "de": "Konsulent (von außen, für eine andere Gruppe)",
        "en": "Itinerant (outsider within another group)",
    },
    "gatekeeper": {
        "de": "Gatekeeper (lässt andere in die eigene Gruppe)",
        "en": "Gatekeeper (lets others into its group)",
    },
    "representative": {
        "de": "Repräsentant (vertritt die eigene Gruppe nach außen)",
        "en": "Representative (speaks for its group)",
    },
    "liaison": {
        "de": "Liaison (verbindet zwei fremde Gruppen)",
        "en": "Liaison (links two other groups)",
    },
}

#: Names of the sectors, in the order the figures draw them.
SECTOR_NAMES: dict[str, dict[str, str]] = {
    "municipality": {"de": "Kommune & Verwaltung", "en": "Municipality & public offices"},
    "welfare": {"de": "Wohlfahrt & Soziales", "en": "Welfare & social services"},
    "education": {"de": "Bildung & Betreuung", "en": "Education & childcare"},
    "civil_society": {"de": "Zivilgesellschaft", "en": "Civil society"},
    "religion": {"de": "Kirchen & Religion", "en": "Churches & faith groups"},
    "business": {"de": "Wirtschaft & Wohnen", "en": "Business & housing"},
    "other": {"de": "Sonstige", "en": "Other"},
}

#: Names of the states of ties (``stable``, ``new``, ``ended``) and actors
#: (``stayed``, ``entered``, ``left``) between two waves.
CHANGE_NAMES: dict[str, dict[str, str]] = {
    "stable": {"de": "Beziehung in beiden Wellen", "en": "tie in both waves"},
    "new": {"de": "neue Beziehung", "en": "new tie"},
    "ended": {"de": "beendete Beziehung", "en": "ended tie"},
    "stayed": {"de": "Akteur in beiden Wellen", "en": "actor in both waves"},
    "entered": {"de": "Akteur neu dabei", "en": "actor entered"},
    "left": {"de": "Akteur nicht mehr dabei", "en": "actor left"},
}

#: Names of the columns of :func:`quartiernetz.roles.dependence_curve` drawn as lines.
CURVE_NAMES: dict[str, dict[str, str]] = {
    "connected_pairs": {
        "de": "Paare der Verbliebenen, die einander noch erreichen",
        "en": "Pairs of those left who can still reach each other",
    },
    "largest_component": {
        "de": "Verbliebene im größten zusammenhängenden Teil",
        "en": "Those left who are in the largest connected part",
    },
    "cross_group_ties": {
        "de": "Beziehungen zwischen Akteurstypen (% der ursprünglichen)",
        "en": "Ties between actor types (% of those before)",
    },
}

#: The other short texts of the figures; ``{name}`` marks a field that
#: :func:`figure_text` fills.
FIGURE_TEXTS: dict[str, dict[str, str]] = {
    # legends and labels of several figures
    "actor_type": {"de": "Akteurstyp", "en": "Actor type"},
    "no_type": {"de": "(ohne Angabe)", "en": "(no type given)"},
    "not_given": {"de": "(ohne Angabe)", "en": "(not given)"},
    "competition": {"de": "Konkurrenz", "en": "Competition"},
    "community": {"de": "Gemeinschaft", "en": "Community"},
    "rank": {"de": "Rang", "en": "Rank"},
    "catalyst_score": {"de": "Katalysator-Wert", "en": "Catalyst score"},
    "empty": {"de": "keine Daten", "en": "no data"},
    # the network map
    "shown_of": {
        "de": "gezeigt: {shown} von {total} Akteuren (größte Komponente)",
        "en": "showing {shown} of {total} actors (largest component)",
    },
    "shown_of_top": {
        "de": "gezeigt: {shown} von {total} Akteuren (die wichtigsten der größten Komponente)",
        "en": "showing {shown} of {total} actors (the most central of the largest component)",
    },
    "symbol_size": {"de": "Symbolgröße: {what}", "en": "Symbol size: {what}"},
    "other_categories": {"de": "weitere", "en": "others"},
    # the sector map
    "rings_rank": {
        "de": "Ringe: Rang als Netzwerk-Katalysator (innen = höchster)",
        "en": "Rings: rank as network catalyst (inside = highest)",
    },
    "rings_value": {
        "de": "Ringe: {what} (innen = höchster Wert)",
        "en": "Rings: {what} (inside = highest)",
    },
    # the brokerage figure
    "brokered_paths": {
        "de": "Vermittelte Wege (offene Zweierpfade über den Akteur)",
        "en": "Brokered paths (open two-paths through the actor)",
    },
    "brokerage_share": {"de": "Anteil an der Vermittlung", "en": "Share of brokerage"},
    "brokerage_roles": {
        "de": "Rolle nach Gould & Fernandez",
        "en": "Role after Gould & Fernandez",
    },
    # the dependence figure
    "percent": {"de": "Prozent", "en": "Percent"},
    "all_present": {"de": "ohne Ausfall", "en": "all present"},
    "catalysts_leave": {
        "de": "Die wichtigsten Netzwerk-Katalysatoren fallen nacheinander aus",
        "en": "The top network catalysts leave one after the other",
    },
    "actor_leaves_alone": {
        "de": "Wenn dieser Akteur allein ausfällt",
        "en": "If this actor alone leaves",
    },
    # the overlap matrices ({items} is overlap_members or overlap_offers)
    "overlap_members": {"de": "Mitglieder", "en": "members"},
    "overlap_offers": {"de": "Angebote", "en": "offers"},
    "overlap_scale": {
        "de": "Jaccard-Index: gemeinsame / alle {items}",
        "en": "Jaccard index: shared / all {items}",
    },
    "overlap_cell": {
        "de": "Zahl im Feld: gemeinsame {items}",
        "en": "Number in a cell: shared {items}",
    },
    "overlap_diagonal": {"de": "Diagonale: alle {items}", "en": "diagonal: all {items}"},
    "overlap_frame": {
        "de": "schwarzer Rahmen: mögliche Doppelstruktur",
        "en": "black frame: possible duplicate structure",
    },
    # the offer map
    "target_group": {"de": "Zielgruppe", "en": "Target group"},
    "offer_for_target_group": {"de": "Angebot für Zielgruppe", "en": "Offer for target group"},
    "offer_gap": {"de": "Lücke (niemand)", "en": "gap (nobody)"},
    "offer_single": {"de": "ein Anbieter", "en": "one provider"},
    "offer_duplicate": {
        "de": "zwei oder mehr: mögliche Doppelstruktur",
        "en": "two or more: possible duplicate",
    },
    # the comparison chart
    "bars_relative": {
        "de": "Balken: Wert im Verhältnis zum größten Wert der Zeile",
        "en": "Bars: value relative to the row's largest value",
    },
    # the network check's profile
    "scale_low": {"de": "niedrig", "en": "low"},
    "scale_high": {"de": "hoch", "en": "high"},
    "reference": {"de": "Bezugswert", "en": "reference"},
}


def figure_text(key: str, lang: str, **values: Any) -> str:
    """A text of :data:`FIGURE_TEXTS` in ``lang``, its ``{fields}`` filled from ``values``.

    Parameters
    ----------
    key : str
        A key of :data:`FIGURE_TEXTS`.
    lang : {"de", "en"}
    **values
        The fields of the text (none for a text without fields).

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For an unknown ``key``.
    ValueError
        For a ``lang`` other than ``"de"`` and ``"en"``.

    Examples
    --------
    >>> figure_text("competition", "de")
    'Konkurrenz'
    >>> figure_text("rings_value", "en", what="betweenness")
    'Rings: betweenness (inside = highest)'
    """
    check_lang(lang)
    s = FIGURE_TEXTS[key][lang]
    return s.format(**values) if values else s
