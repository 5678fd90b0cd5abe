"""The explorer's own words, in German and English.

Terms the report also uses (Netzwerk-Katalysatoren, Doppelstrukturen,
Konkurrenzcluster, Gemeinschaft, getrennte Paare, ...) are taken from
:data:`quartiernetz.words.TEXTS` by :func:`words`, so that the explorer and
the report say the same thing; only what the report does not say lives here.
Every text is plain text (the page inserts it with ``textContent``).
"""

from __future__ import annotations

from ..words import TEXTS

__all__ = ["EXPLORER_TEXTS", "REPORT_KEYS", "words"]

#: Keys of the report's texts the explorer shows (same words as the report).
REPORT_KEYS = (
    "sec_map",
    "sec_catalysts",
    "sec_duplicates",
    "sec_competitors",
    "sec_communities",
    "col_type",
    "col_score",
    "col_rank",
    "col_why",
    "col_degree",
    "col_pairs_disconnected",
    "col_cut_off",
    "col_community",
    "col_members",
    "col_bridges",
    "col_competition",
    "kind_offer",
    "kind_committee",
    "kind_ties",
    "ev_offer",
    "sugg_title",
    "basis_offers",
    "basis_groups",
    "sugg_partners",
    "dup_none",
    "comp_none",
    "sugg_none",
)

#: The explorer's own texts. ``{n}`` and ``{name}`` are filled in by the page.
EXPLORER_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "page_title": "Netzwerk-Explorer",
        "skip": "Zur Akteurssuche springen",
        "search": "Akteur suchen",
        "search_hint": "Name oder Teil davon; Pfeiltasten wählen, Eingabe öffnet",
        "no_hits": "Kein Akteur gefunden.",
        "hits": "{n} Treffer",
        "language": "Sprache",
        "filters": "Filter",
        "sector": "Sektor",
        "types": "Akteurstypen",
        "relation": "Beziehungsart",
        "min_intensity": "Mindestintensität",
        "show": "Anzeigen",
        "toggle_competition": "Konkurrenzbeziehungen",
        "toggle_duplicates": "Doppelstrukturen hervorheben",
        "toggle_suggestions": "Kooperationsvorschläge (gestrichelt)",
        "toggle_communities": "Gemeinschaften einfärben",
        "toggle_whatif": "Was wäre, wenn dieser Akteur ausfällt?",
        "whatif_none": "Wählen Sie einen Akteur, um seinen Ausfall zu zeigen.",
        "whatif_result": "Ohne {name} verlieren {n} Paare ihre Verbindung; "
        "{k} Akteure wären abgeschnitten (grau).",
        "dependence": "Abhängigkeit",
        "dependence_text": "Ohne diesen Akteur verlieren {n} Paare ihre Verbindung.",
        "partners": "Kooperationspartner",
        "competitors": "Konkurrenz mit",
        "committees": "Gremien",
        "offers": "Angebote",
        "none": "keine",
        "no_actor": "Kein Akteur gewählt. Suchen Sie einen Namen oder klicken Sie "
        "auf einen Punkt der Karte.",
        "close": "Schließen",
        "overview": "Übersicht",
        "overview_text": "Großes Netzwerk ({n} Akteure): Die Karte zeigt zuerst die "
        "Gemeinschaften; wählen Sie eine, um ihre Akteure zu laden.",
        "group_by": "Zusammenfassen nach",
        "back": "Zurück zur Übersicht",
        "open_part": "Akteure laden",
        "part_actors": "{n} Akteure",
        "part_ties": "{n} Beziehungen nach außen",
        "shown": "{n} von {total} Akteuren sichtbar",
        "legend": "Legende",
        "legend_competition": "Konkurrenz (schwarz gestrichelt)",
        "legend_suggestion": "Vorschlag (blau gestrichelt)",
        "legend_duplicate": "Doppelstruktur (dicker schwarzer Rand)",
        "legend_cut": "abgeschnitten (grau)",
        "keyboard": "Tastatur: Tab wechselt zwischen Bedienelementen, in der Karte "
        "verschieben Pfeiltasten, +/- zoomen.",
        "map_label": "Netzwerkkarte; Akteure über die Suche oder die Partnerlisten auswählen",
        "no_type": "(ohne Typ)",
        "pair": "{a} und {b}",
        "all": "alle",
        "strength": "Intensität",
    },
    "en": {
        "page_title": "Network explorer",
        "skip": "Skip to the actor search",
        "search": "Find an actor",
        "search_hint": "Name or part of it; arrow keys choose, Enter opens",
        "no_hits": "No actor found.",
        "hits": "{n} found",
        "language": "Language",
        "filters": "Filters",
        "sector": "Sector",
        "types": "Actor types",
        "relation": "Relation",
        "min_intensity": "Minimum intensity",
        "show": "Show",
        "toggle_competition": "Competition ties",
        "toggle_duplicates": "Highlight duplicate structures",
        "toggle_suggestions": "Suggested cooperations (dashed)",
        "toggle_communities": "Colour the communities",
        "toggle_whatif": "What if this actor leaves?",
        "whatif_none": "Choose an actor to show what its leaving would do.",
        "whatif_result": "Without {name}, {n} pairs lose their connection; "
        "{k} actors would be cut off (grey).",
        "dependence": "Dependence",
        "dependence_text": "Without this actor, {n} pairs lose their connection.",
        "partners": "Cooperation partners",
        "competitors": "Competes with",
        "committees": "Committees",
        "offers": "Offers",
        "none": "none",
        "no_actor": "No actor chosen. Search for a name or click a point on the map.",
        "close": "Close",
        "overview": "Overview",
        "overview_text": "Large network ({n} actors): the map first shows the "
        "communities; choose one to load its actors.",
        "group_by": "Group by",
        "back": "Back to the overview",
        "open_part": "Load actors",
        "part_actors": "{n} actors",
        "part_ties": "{n} ties to other parts",
        "shown": "{n} of {total} actors visible",
        "legend": "Legend",
        "legend_competition": "Competition (black, dashed)",
        "legend_suggestion": "Suggestion (blue, dashed)",
        "legend_duplicate": "Duplicate structure (thick black border)",
        "legend_cut": "cut off (grey)",
        "keyboard": "Keyboard: Tab moves between the controls; on the map, arrow keys "
        "pan and +/- zoom.",
        "map_label": "Network map; choose actors with the search or the partner lists",
        "no_type": "(no type)",
        "pair": "{a} and {b}",
        "all": "all",
        "strength": "Intensity",
    },
}


def words(lang: str) -> dict[str, str]:
    """Every text the explorer shows in ``lang``: the report's terms and its own.

    Examples
    --------
    >>> w = words("de")
    >>> w["sec_duplicates"], w["toggle_competition"]
    ('Doppelstrukturen', 'Konkurrenzbeziehungen')
    >>> words("en")["sec_catalysts"]
    'Network catalysts'
    """
    out = {key: str(TEXTS[lang][key]) for key in REPORT_KEYS}
    out.update(EXPLORER_TEXTS[lang])
    return out
