"""The report's and the explorer's words, in German and English, and number formatting.

German headings use the field's words (Netzwerk-Katalysatoren, Doppelstrukturen,
Konkurrenzcluster). Every text here is plain text: whoever shows it escapes it.
"""

from __future__ import annotations

import math
import string
from typing import Any

from ..i18n import LANGS

__all__ = ["TEXTS", "REFERENCES", "LANGS", "number", "percent", "references", "say"]


def number(value: Any, lang: str, *, digits: int = 2) -> str:
    """A number as text: integers without decimals, German decimal comma.

    Examples
    --------
    >>> number(0.1333, "de"), number(31.0, "en"), number(float("nan"), "de"), number(-2.5, "en")
    ('0,13', '31', '–', '−2.50')
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return str(value)
    if not math.isfinite(v):
        return "–"
    if abs(v - round(v)) < 1e-9 and abs(v) >= 1 or v == 0:
        s = f"{round(v):,d}"
        s = s.replace(",", "." if lang == "de" else ",") if abs(v) >= 10000 else s.replace(",", "")
    else:
        s = f"{v:.{digits}f}"
        if lang == "de":
            s = s.replace(".", ",")
    return s.replace("-", "−")


def percent(value: Any, lang: str, *, digits: int = 0) -> str:
    """A share (0–1) as percent text.

    Examples
    --------
    >>> percent(0.3846, "de"), percent(0.3846, "en", digits=1), percent(None, "en")
    ('38\xa0%', '38.5\xa0%', '–')
    """
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "–"
    if not math.isfinite(v):
        return "–"
    s = f"{100 * v:.{digits}f}"
    if lang == "de":
        s = s.replace(".", ",")
    return s.replace("-", "−") + "\u00a0%"


class _Counted(string.Formatter):
    """``{n:Akteur|Akteure}``: the number and the singular or plural words after it."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" not in format_spec:
            return super().format_field(value, format_spec)
        one, many = format_spec.split("|", 1)
        shown = value if isinstance(value, str) else number(value, self.lang)
        words = one if shown == "1" else many
        return words.replace("#", shown) if "#" in format_spec else f"{shown} {words}"


def say(template: str, lang: str, **values: Any) -> str:
    """Fill ``template`` like :meth:`str.format`, in the singular where a count is 1.

    A field ``{n:ONE|MANY}`` shows the number followed by the words ``ONE`` when it
    is 1 (as shown: ``"1"``) and ``MANY`` otherwise. Where ``ONE`` or ``MANY`` holds a
    ``#``, the number is shown only there (``{k:the strongest|the # strongest}``). Numbers are written with :func:`number`; a value given as
    text is shown as it is.

    Examples
    --------
    >>> say("{n:Akteur hat|Akteure haben} keine Beziehung.", "de", n=1)
    '1 Akteur hat keine Beziehung.'
    >>> say("{n:Akteur hat|Akteure haben} keine Beziehung.", "de", n=12000)
    '12.000 Akteure haben keine Beziehung.'
    >>> say("Without the {k:strongest catalyst|# strongest catalysts}", "en", k=1)
    'Without the strongest catalyst'
    >>> say("on average {m:partner|partners}", "en", m="1.5")
    'on average 1.5 partners'
    """
    return _Counted(lang).vformat(template, (), values)


TEXTS: dict[str, dict[str, Any]] = {
    "de": {
        "html_lang": "de",
        "default_title": "Netzwerkanalyse",
        "subtitle": "Kooperationsnetzwerk im Quartier – Bericht von quartiernetz {version}",
        "contents": "Inhalt",
        "no_data": "Keine Angaben.",
        "not_available": "Nicht verfügbar: {reason}",
        "figure": "Abbildung",
        "files_of_figure": "Dateien: {png} und {svg}",
        "more_rows": "… und {n:weitere Zeile|weitere Zeilen} (vollständig in {file})",
        # sections
        "sec_overview": "Überblick",
        "sec_check": "Netzwerk-Check",
        "sec_map": "Netzwerkkarte",
        "sec_catalysts": "Netzwerk-Katalysatoren",
        "sec_dependence": "Abhängigkeit von den Katalysatoren",
        "sec_duplicates": "Doppelstrukturen",
        "sec_competitors": "Konkurrenzcluster",
        "sec_communities": "Gemeinschaften/Cluster",
        "sec_offers": "Angebotslandkarte",
        "sec_quality": "Datenqualität",
        "sec_methods": "Methoden",
        "computation_term": "Berechnung in diesem Bericht",
        "sec_files": "Dateien dieses Berichts",
        # network check
        "check_intro": "Der Netzwerk-Check liest das Netzwerk gegen die Erfolgsfaktoren lokaler "
        "Netzwerke, die Quellen aus der Praxis nennen: 12 Erfolgsfaktoren lokaler Netzwerke "
        "(Zollondz und Reiser), Bedingungen für Kooperation im Quartier (Gliszczynski 2017), "
        "Empfehlungen der AWO-Quartiersentwickler, Zahlen des Bundesprogramms "
        "Mehrgenerationenhäuser und das Projekt DeWaK. Jede Zeile ist ein Hinweis für das "
        "Gespräch im Quartier, kein Urteil: „Hinweis“ heißt „hier genauer hinsehen“. Die Belege "
        "nennen die Akteure, Beziehungen, Gremien und Angebote hinter jedem Wert.",
        "check_alt": "Profil des Netzwerk-Checks: ein Punkt je Faktor auf seiner Skala, "
        "gefärbt nach Einschätzung, ein Strich am Bezugswert",
        "check_survey": "Was Netzwerkdaten nicht zeigen: Fragen für eine Befragung",
        "check_survey_intro": "Diese Faktoren zeigt ein Netzwerk nicht. Eine Befragung der "
        "Akteure kann sie mit diesen Aussagen erheben:",
        "check_ask": "{reason}. Frage für eine Befragung: {ask}",
        "col_factor": "Faktor",
        "col_question": "Frage",
        "col_reference": "Bezug",
        "col_assessment": "Einschätzung",
        # overview
        "ov_actors_ties": "Im Netzwerk {actors:ist # Akteur|sind # Akteure} über "
        "{ties:Kooperationsbeziehung|Kooperationsbeziehungen} verbunden. Das sind {density_pct} "
        "aller möglichen Paare (Dichte {density}); im Mittel hat ein Akteur "
        "{mean_partners:Partner|Partner}.",
        "ov_components_one": "Alle Akteure hängen über Wege miteinander zusammen.",
        "ov_components": "Das Netzwerk zerfällt in {components:Teil|Teile}, die nicht miteinander "
        "verbunden sind; der größte umfasst {lcs} der Akteure. "
        "{isolates:Akteur hat|Akteure haben} "
        "gar keine Beziehung.",
        "ov_central": "Zentralisierung nach Grad: {dc} (1 hieße: alle Beziehungen laufen über "
        "einen Akteur; 0: alle haben gleich viele Partner). Zentralisierung nach Betweenness: "
        "{bc}.",
        "ov_groups": "{cross} der Beziehungen verbinden Akteure verschiedener Typen "
        "(E-I-Index {ei}; +1 hieße: nur Beziehungen zwischen Typen, −1: nur innerhalb).",
        "ov_municipal": "{municipal:Akteur gehört|Akteure gehören} zur Kommune; {mshare} der übrigen Akteure "
        "haben mindestens eine Beziehung zu ihr.",
        "ov_municipal_none": "Kein Akteur ist als Kommune erfasst (Typ „Kommune“, „Stadt“, "
        "„Verwaltung“ …).",
        "ov_survey": "Rücklauf der Befragung: {rate}; {confirmed} der Paare, in denen beide "
        "Seiten geantwortet haben, wurden von beiden bestätigt.",
        "ov_top": "Die stärksten Netzwerk-Katalysatoren: {names}.",
        "ov_table": "Kennzahlen",
        "col_figure": "Kennzahl",
        "col_value": "Wert",
        # map
        "explorer_link": "Interaktive Netzwerkkarte öffnen (suchen, filtern, „Was wäre, wenn …“)",
        "map_intro": "Jeder Punkt ist ein Akteur, Farbe und Form zeigen den Typ, die Größe den "
        "Katalysator-Wert; dickere Linien sind intensivere Beziehungen, gestrichelte Linien "
        "Konkurrenz. Die zehn stärksten Katalysatoren sind mit ihrem Rang beschriftet.",
        "map_alt": "Netzwerkkarte der Akteure und ihrer Beziehungen",
        "sectors_intro": "Die Sektorenkarte ordnet die Akteure wie eine Netzwerkkarte der "
        "Sozialen Arbeit: Sektoren nach Bereich (Kommune, Wohlfahrt, Bildung, "
        "Zivilgesellschaft, Kirchen, Wirtschaft), Ringe nach Rang als Netzwerk-Katalysator – "
        "je weiter innen, desto wichtiger für den Zusammenhalt.",
        "sectors_alt": "Sektorenkarte: Akteure nach Bereich und Katalysator-Rang",
        # catalysts
        "cat_intro": "Netzwerk-Katalysatoren halten das Netzwerk zusammen: Sie verbinden Akteure, "
        "die sonst keinen Weg zueinander hätten, vermitteln zwischen Kommune, Wohlfahrt, "
        "Vereinen und Initiativen und hinterlassen eine Lücke, wenn sie ausfallen. Der "
        "Katalysator-Wert (0–100) fasst vier Sichtweisen gleich gewichtet zusammen "
        "(siehe Methoden); die Spalte „Warum“ nennt, worin ein Akteur heraussticht.",
        "cat_stability": "Wie sicher ist die Rangfolge? In {n:Wiederholung|Wiederholungen} wurden "
        "jeweils "
        "{drop} der Akteure zufällig weggelassen: Im Mittel fanden sich {overlap} der "
        "zehn Stärksten wieder unter den zehn Stärksten; die Rangkorrelation lag im Mittel "
        "bei {rho}. Die Spalte „Stabil“ zeigt, wie oft ein Akteur unter den zehn Stärksten "
        "blieb.",
        "cat_roles": "Vermittlerrollen nach Gould & Fernandez",
        "cat_roles_intro": "Wie die stärksten Vermittler vermitteln: innerhalb ihrer Gruppe "
        "(Koordinator), für eine fremde Gruppe (Konsulent), in die eigene Gruppe hinein "
        "(Gatekeeper), aus ihr heraus (Repräsentant) oder zwischen zwei fremden Gruppen "
        "(Liaison). Gruppen sind die Akteurstypen.",
        "roles_alt": "Balkendiagramm der Vermittlerrollen der stärksten Vermittler",
        "col_rank": "Rang",
        "col_actor": "Akteur",
        "col_type": "Typ",
        "col_score": "Katalysator-Wert",
        "col_degree": "Partner",
        "col_betweenness": "Betweenness",
        "col_cross": "Vermittlung zwischen Typen",
        "col_why": "Warum",
        "col_stable": "Stabil",
        # dependence
        "dep_intro": "Was geschieht, wenn die stärksten Katalysatoren ausfallen – nacheinander, "
        "als verließen sie das Netzwerk? Die Linien zeigen, wie viele Paare der verbliebenen "
        "Akteure einander noch über Wege erreichen, wie viele im größten zusammenhängenden Teil "
        "bleiben und wie viele Beziehungen zwischen Akteurstypen übrig sind.",
        "dep_summary": "Ohne {k:den stärksten Katalysator|die # stärksten Katalysatoren} erreichen sich noch {pairs} der "
        "Paare; {largest} der Verbliebenen sind im größten Teil; {cross} der Beziehungen "
        "zwischen Typen bleiben.",
        "dep_alt": "Liniendiagramm: Zusammenhalt des Netzwerks beim Ausfall der Katalysatoren",
        "dep_single": "Wenn ein Akteur allein ausfällt",
        "col_pairs_disconnected": "getrennte Paare",
        "col_cut_off": "abgeschnittene Akteure",
        "col_cross_ties": "Beziehungen zu anderen Typen",
        "dep_pairs_left": "Paare, die sich noch erreichen, wenn er allein ausfällt",
        # duplicates
        "dup_intro": "Doppelstrukturen sind Hinweise, keine Urteile: zwei Anbieter mit demselben "
        "Angebot für dieselbe Zielgruppe im selben Gebiet, Gremien mit fast denselben "
        "Mitgliedern („zu viele Sitzungen“) oder Akteure desselben Typs mit fast denselben "
        "Partnern. Ob daraus Synergien werden können, klären die Beteiligten.",
        "dup_none": "Keine Doppelstrukturen gefunden.",
        "dup_committees": "Überschneidung der Gremien",
        "dup_committees_alt": "Heatmap der Mitgliederüberschneidung der Gremien",
        "dup_offers": "Überschneidung der Angebote",
        "dup_offers_alt": "Heatmap der Angebotsüberschneidung der Anbieter",
        "col_a": "A",
        "col_b": "B",
        "col_kind": "Art",
        "col_similarity": "Ähnlichkeit",
        "col_evidence": "Befund",
        "kind_offer": "Angebot",
        "kind_committee": "Gremium",
        "kind_ties": "Partner",
        "ev_offer": "gleiches Angebot: {items}",
        "ev_committee": "{n:gemeinsames Mitglied|gemeinsame Mitglieder}; nur in A: {only_a}; nur in B: {only_b}",
        "ev_ties": "{n:gemeinsamer Partner|gemeinsame Partner}: {items}",
        # competitors
        "comp_intro": "Konkurrenzcluster sind Anbieter, die dieselben Menschen auf dieselbe Weise "
        "erreichen, aber kaum miteinander kooperieren – etwa Wohlfahrtsverbände mit gleichen "
        "Angeboten. Brückenbauer kooperieren mit mehreren von ihnen und können Gespräche "
        "anstoßen; vorgeschlagen werden die fehlenden Kooperationen im Cluster.",
        "comp_none": "Keine Konkurrenzcluster gefunden.",
        "col_members": "Mitglieder",
        "col_basis": "Gemeinsam",
        "col_density": "Dichte",
        "col_competition": "Konkurrenz",
        "col_bridges": "Brückenbauer",
        "col_suggested": "Mögliche Kooperationen",
        "basis_offers": "Angebot: {items}",
        "basis_groups": "Zielgruppe: {items}",
        "basis_competition": "{n:Konkurrenzbeziehung|Konkurrenzbeziehungen} untereinander",
        "sugg_partners": "{n:gemeinsamer Partner|gemeinsame Partner}: {items}",
        "sugg_groups": "beide für: {items}",
        "sugg_title": "Kooperationsvorschläge",
        "sugg_intro": "Die vielversprechendsten neuen Kooperationen: Akteure ohne Beziehung, die "
        "gemeinsame Partner haben (die sie einander vorstellen könnten) und für dieselben "
        "Zielgruppen arbeiten.",
        "sugg_none": "Keine Vorschläge (keine Paare mit gemeinsamen Partnern).",
        "col_common": "Gemeinsame Partner",
        "col_shared_groups": "Gemeinsame Zielgruppen",
        # communities
        "comm_intro": "Gemeinschaften sind Gruppen von Akteuren, die untereinander dichter "
        "kooperieren als mit dem Rest (Louvain-Verfahren, Modularität {q}). Sie zeigen "
        "Arbeitszusammenhänge, die oft quer zu den Akteurstypen liegen.",
        "comm_alt": "Netzwerkkarte mit farbig markierten Gemeinschaften",
        "col_community": "Gemeinschaft",
        "col_size": "Akteure",
        "col_types": "Häufigste Typen",
        # offers
        "off_intro": "Welche Angebote gibt es für welche Zielgruppen? Orange Felder haben zwei "
        "oder mehr Anbieter (mögliche Doppelstruktur), graue Felder niemanden (eine Lücke – "
        "wenn das Angebot für diese Zielgruppe gebraucht wird).",
        "off_none": "Keine Angebote erfasst (Zugehörigkeiten der Art „offer“/„Angebot“).",
        "off_alt": "Angebotslandkarte: Angebote nach Zielgruppen",
        "off_counts": "{offers:Angebot|Angebote}, {groups:Zielgruppe|Zielgruppen}, also "
        "{cells:Feld|Felder}: {dups:Feld|Felder} mit mehreren Anbietern, {singles} mit einem, "
        "{gaps:Lücke|Lücken}.",
        "off_no_area": "Ohne Gebietsangabe: {items}. Die Karte zeigt Angebote und Zielgruppen "
        "über alle Gebiete; offers.csv führt diese Angebote gesondert unter dem Gebiet "
        "„{unspecified}“ – eine Lücke in einem genannten Gebiet kann von ihnen gedeckt sein.",
        # quality
        "dq_intro": "Was beim Einlesen bereinigt, zusammengeführt, ergänzt oder ausgelassen "
        "wurde. Nichts wird stillschweigend verändert.",
        "dq_none": "Beim Einlesen wurde nichts bereinigt, zusammengeführt oder ausgelassen.",
        "dq_read": "Gelesen: {source} (Format {format}): {actors:Akteur|Akteure}, "
        "{ties:Beziehung|Beziehungen}, {affiliations:Zugehörigkeit|Zugehörigkeiten}.",
        "dq_survey": "Befragung",
        "format_names": {
            "survey": "Befragung",
            "folder": "Ordner",
            "ties": "Beziehungsliste",
            "matrix": "Matrix",
        },
        "dq_detected": "Erkannt",
        "col_action": "Vorgang",
        "col_reason": "Grund",
        "col_count": "Anzahl",
        "col_file": "Datei",
        "col_rows": "Zeilen",
        "col_column": "Spalte",
        "action_dropped": "ausgelassen",
        "action_merged": "zusammengeführt",
        "action_cleaned": "bereinigt",
        "action_added": "ergänzt",
        "action_info": "erkannt",
        "survey_tool": "Umfragewerkzeug",
        "survey_roster_size": "Akteure in der Liste",
        "survey_respondents": "Antwortende",
        "survey_response_rate": "Rücklaufquote",
        "survey_unfinished_excluded": "Unvollständige Antworten ausgeschlossen",
        "survey_unfinished_included": "Unvollständige Antworten einbezogen",
        "survey_previews_excluded": "Testantworten ausgeschlossen",
        "survey_duplicates_superseded": "Doppelte Antworten ersetzt",
        "survey_answers": "Antworten",
        "survey_missing_answers": "Fehlende Antworten",
        "survey_zero_answers": "Antworten „keine Kooperation“",
        "survey_self_reports_dropped": "Selbstnennungen ausgelassen",
        "survey_reports": "Gemeldete Beziehungen",
        "survey_pairs_reported": "Gemeldete Paare",
        "survey_pairs_both_responded": "Paare, in denen beide antworteten",
        "survey_pairs_confirmed": "Davon von beiden bestätigt",
        "survey_confirmed_share": "Bestätigungsquote",
        "survey_dropped_identifying_columns": "Ausgelassene identifizierende Spalten",
        # files
        "files_intro": "Alle Tabellen sind UTF-8-CSV-Dateien (mit BOM, für Excel). Zellen, die "
        "eine Tabellenkalkulation als Formel ausführen würde (Text, der mit =, +, −, @, "
        "Tabulator oder Wagenrücklauf beginnt), stehen mit einem vorangestellten ' in der "
        "Datei, wie OWASP empfiehlt; Zahlen bleiben Zahlen. Jede Abbildung liegt als PNG und "
        "SVG im Ordner figures/.",
        "file_desc": {
            "summary.csv": "Kennzahlen des Netzwerks",
            "catalysts.csv": "alle Akteure mit Katalysator-Wert, Rang, Begründung und Maßen",
            "catalyst_stability.csv": "Stabilität der Rangfolge je Akteur",
            "brokerage.csv": "Vermittlerrollen nach Gould & Fernandez je Akteur",
            "dependence.csv": "Zusammenhalt beim Ausfall der stärksten Katalysatoren",
            "duplicates.csv": "mögliche Doppelstrukturen",
            "competitors.csv": "Konkurrenzcluster mit Brückenbauern",
            "suggested_ties.csv": "Kooperationsvorschläge",
            "communities.csv": "Gemeinschaft je Akteur",
            "offers.csv": "Angebotslandkarte (Angebot, Zielgruppe, Anbieter, Status)",
            "data_actors_by_type.csv": "Akteure je Typ",
            "data_ties_by_relation.csv": "Beziehungen je Art",
            "data_affiliations_by_kind.csv": "Zugehörigkeiten je Art",
            "data_quality.csv": "Protokoll des Einlesens",
        },
        # methods
        "methods": [
            (
                "Netzwerk",
                "Akteure sind Knoten, Kooperationsbeziehungen Kanten. Mehrere "
                "Beziehungen eines Paares (Kooperation, Förderung, Information, Vereinbarung) "
                "werden zu einer Kante zusammengefasst, ihre Intensitäten addiert. "
                "Konkurrenzbeziehungen zählen nicht als Kooperation; sie werden nur in der "
                "Netzwerkkarte (gestrichelt) und bei den Konkurrenzclustern verwendet.",
            ),
            (
                "Dichte, Komponenten, Fragmentierung",
                "Dichte = vorhandene / mögliche "
                "Beziehungen. Eine Komponente ist eine Gruppe von Akteuren, die über Wege "
                "verbunden sind. Fragmentierung (Borgatti 2006) = Anteil der Paare, die einander "
                "über keinen Weg erreichen.",
            ),
            (
                "Zentralisierung",
                "Freemans Zentralisierung (1978/79) vergleicht das Netzwerk mit "
                "einem Stern: 1 = alle Beziehungen laufen über einen Akteur, 0 = alle gleich.",
            ),
            (
                "E-I-Index",
                "(E − I) / (E + I) mit E = Beziehungen zwischen, I = innerhalb der "
                "Akteurstypen (Krackhardt & Stern 1988).",
            ),
            (
                "Netzwerk-Katalysator-Wert",
                "Vier Maße, gleich gewichtet: Betweenness (Freeman 1977: wie oft ein Akteur "
                "auf kürzesten Wegen zwischen anderen liegt), Vermittlung zwischen Akteurstypen "
                "(Gould & Fernandez 1989), effektive Größe (Burt 1992: nicht-redundante Partner) "
                "und getrennte Paare bei Ausfall (Borgatti 2006). Jedes Maß wird am stärksten "
                "Akteur des Netzwerks gemessen: (Wert − kleinster Wert) / (größter Wert − "
                "kleinster Wert), also 1 für den stärksten und 0 für den schwächsten Akteur (ein "
                "fehlender Wert zählt 0). Der Katalysator-Wert ist der Mittelwert dieser Anteile "
                "mal 100: 100 hätte, wer in allen Maßen der stärkste ist. Die Abstände zwischen "
                "den Akteuren bleiben so erhalten. Maße, die für alle Akteure gleich sind, "
                "bleiben außen vor. „Warum“ nennt bis zu drei Maße, in denen der Akteur "
                "mindestens 75 % der anderen übertrifft.",
            ),
            (
                "Stabilität",
                "Die Rangfolge wird wiederholt mit zufällig weggelassenen Akteuren "
                "berechnet und mit der vollständigen verglichen (Überschneidung der zehn "
                "Stärksten, Spearmans Rangkorrelation), wie bei Borgatti, Carley & Krackhardt "
                "(2006).",
            ),
            (
                "Vermittlerrollen",
                "Ein Akteur vermittelt, wenn er zwischen zwei Akteuren ohne "
                "direkte Beziehung steht (offener Zweierpfad). Nach den Typen der drei Beteiligten "
                "unterscheiden Gould & Fernandez (1989) Koordinator, Konsulent, Gatekeeper, "
                "Repräsentant und Liaison. In ungerichteten Netzwerken wird jeder Pfad in beide "
                "Richtungen gezählt.",
            ),
            (
                "Doppelstrukturen",
                "Angebote: gleicher Name (Groß-/Kleinschreibung, Umlaute, "
                "Satzzeichen vereinheitlicht; fast gleiche Namen ähnlich gewertet), gleiche "
                "Zielgruppe, gleiches Gebiet. Gremien: Jaccard-Index (Jaccard 1912) der "
                "Mitglieder (gemeinsame / alle) oder Überschneidungskoeffizient. Partner: "
                "strukturelle Äquivalenz (Lorrain & White 1971) als Jaccard-Index der "
                "Partnermengen.",
            ),
            (
                "Konkurrenzcluster",
                "Anbieter desselben Angebots für dieselbe Zielgruppe im selben "
                "Gebiet (oder durch Konkurrenzbeziehungen verbunden), die untereinander wenig "
                "kooperieren; Brückenbauer kooperieren mit mindestens zwei von ihnen.",
            ),
            (
                "Kooperationsvorschläge",
                "Paare ohne Beziehung mit gemeinsamen Partnern, bewertet "
                "nach dem Resource-Allocation-Index (Zhou, Lü & Zhang 2009) mal (1 + gemeinsame "
                "Zielgruppen).",
            ),
            (
                "Gemeinschaften",
                "Louvain-Verfahren (Blondel et al. 2008), das die Modularität "
                "maximiert; mit festem Startwert und sortierter Eingabe reproduzierbar.",
            ),
            (
                "Karten",
                "Netzwerkkarte: Kraftverfahren nach Fruchterman & Reingold (1991), für "
                "kleine Netzwerke verfeinert nach Kamada & Kawai (1989), mit festem Startwert. "
                "Gemeinschaften in eigenen Flächen, nach den Beziehungen zwischen ihnen angeordnet "
                "(Group-in-a-box, Rodrigues et al. 2011). "
                "Sektorenkarte nach dem Vorbild der Netzwerkkarten der Sozialen Arbeit "
                "(Pantuček-Eisenbacher 2019; VennMaker). Farben nach Okabe & Ito (2008), auch bei "
                "Farbsehschwäche unterscheidbar.",
            ),
        ],
        "references_title": "Literatur",
        # misc
        "kind_label": {"offer": "Angebot", "committee": "Gremium", "ties": "Partner"},
        "generated_by": "Erstellt mit quartiernetz {version}. Gleiche Eingabe und gleicher "
        "Startwert ({seed}) ergeben denselben Bericht.",
    },
    "en": {
        "html_lang": "en",
        "default_title": "Network analysis",
        "subtitle": "Cooperation network in the neighbourhood – report by quartiernetz {version}",
        "contents": "Contents",
        "no_data": "Nothing given.",
        "not_available": "Not available: {reason}",
        "figure": "Figure",
        "files_of_figure": "Files: {png} and {svg}",
        "more_rows": "… and {n:more row|more rows} (all in {file})",
        "sec_overview": "Overview",
        "sec_check": "Network check",
        "sec_map": "Network map",
        "sec_catalysts": "Network catalysts",
        "sec_dependence": "Dependence on the catalysts",
        "sec_duplicates": "Duplicate structures",
        "sec_competitors": "Competitor clusters",
        "sec_communities": "Communities",
        "sec_offers": "Offer map",
        "sec_quality": "Data quality",
        "sec_methods": "Methods",
        "computation_term": "Computation in this report",
        "sec_files": "Files of this report",
        # network check
        "check_intro": "The network check reads the network against the success factors of "
        "local networks that practice sources name: 12 success factors of local networks "
        "(Zollondz and Reiser), conditions for cooperation in quarters (Gliszczynski 2017), "
        "recommendations of the AWO quarter developers, figures of the federal "
        "multi-generation house programme and the DeWaK project. Each line is a hint for the "
        "discussion in the quarter, not a verdict: a watch point means “look closer here”. The "
        "evidence names the actors, ties, committees and offers behind each value.",
        "check_alt": "Profile of the network check: one dot per factor on its own scale, "
        "coloured by assessment, a tick at the reference",
        "check_survey": "What network data cannot show: questions for a survey",
        "check_survey_intro": "A network does not show these factors. A survey of the actors "
        "can measure them with these statements:",
        "check_ask": "{reason}. Question for a survey: {ask}",
        "col_factor": "Factor",
        "col_question": "Question",
        "col_reference": "Read against",
        "col_assessment": "Assessment",
        "ov_actors_ties": "The network connects {actors:actor|actors} by "
        "{ties:cooperation tie|cooperation ties}. That is {density_pct} of all possible pairs "
        "(density {density}); on average an actor has {mean_partners:partner|partners}.",
        "ov_components_one": "All actors are connected to each other by some path.",
        "ov_components": "The network falls into {components:part|parts} that are not connected "
        "to each other; the largest holds {lcs} of the actors. "
        "{isolates:actor has|actors have} no tie at "
        "all.",
        "ov_central": "Degree centralisation: {dc} (1 would mean every tie runs through one actor; "
        "0 that all have the same number of partners). Betweenness centralisation: {bc}.",
        "ov_groups": "{cross} of the ties connect actors of different types (E–I index {ei}; +1 "
        "would mean only ties between types, −1 only within).",
        "ov_municipal": "{municipal:actor belongs|actors belong} to the municipality; {mshare} of the other "
        "actors have at least one tie to it.",
        "ov_municipal_none": "No actor is recorded as municipal (type “Kommune”, “Stadt”, "
        "“Municipality” …).",
        "ov_survey": "Survey response rate: {rate}; {confirmed} of the pairs in which both sides "
        "responded were confirmed by both.",
        "ov_top": "The strongest network catalysts: {names}.",
        "ov_table": "Key figures",
        "col_figure": "Figure",
        "col_value": "Value",
        "explorer_link": "Open the interactive network map (search, filter, “what if …”)",
        "map_intro": "Each dot is an actor; colour and shape show its type, size its catalyst "
        "score. Thicker lines are more intense ties, dashed lines competition. The ten "
        "strongest catalysts are labelled with their rank.",
        "map_alt": "Network map of the actors and their ties",
        "sectors_intro": "The sector map arranges the actors like a social-work network map: "
        "sectors by field (municipality, welfare, education, civil society, churches, "
        "business), rings by rank as network catalyst – the further inside, the more the "
        "actor holds the network together.",
        "sectors_alt": "Sector map: actors by field and catalyst rank",
        "cat_intro": "Network catalysts hold the network together: they connect actors who "
        "would otherwise have no path to each other, broker between the municipality, welfare "
        "associations, clubs and initiatives, and leave a gap when they leave. The catalyst "
        "score (0–100) combines four views with equal weight (see Methods); the column “Why” "
        "says in what an actor stands out.",
        "cat_stability": "How sure is the ranking? In {n:replicate|replicates}, {drop} of the actors were "
        "left out at random: on average {overlap} of the ten strongest were again among the "
        "ten strongest; the mean rank correlation was {rho}. The column “Stable” shows how "
        "often an actor stayed among the ten strongest.",
        "cat_roles": "Brokerage roles after Gould & Fernandez",
        "cat_roles_intro": "How the strongest brokers broker: within their group (coordinator), "
        "for another group (itinerant), into their own group (gatekeeper), out of it "
        "(representative) or between two other groups (liaison). Groups are the actor types.",
        "roles_alt": "Bar chart of the brokerage roles of the strongest brokers",
        "col_rank": "Rank",
        "col_actor": "Actor",
        "col_type": "Type",
        "col_score": "Catalyst score",
        "col_degree": "Partners",
        "col_betweenness": "Betweenness",
        "col_cross": "Brokerage between types",
        "col_why": "Why",
        "col_stable": "Stable",
        "dep_intro": "What happens when the strongest catalysts leave, one after the other? The "
        "lines show how many pairs of the remaining actors can still reach each other, how "
        "many remain in the largest connected part and how many ties between actor types are "
        "left.",
        "dep_summary": "Without the {k:strongest catalyst|# strongest catalysts}, {pairs} of the pairs can still reach "
        "each other; {largest} of those left are in the largest part; {cross} of the ties "
        "between types remain.",
        "dep_alt": "Line chart: the network's cohesion as the catalysts leave",
        "dep_single": "If one actor alone leaves",
        "col_pairs_disconnected": "pairs disconnected",
        "col_cut_off": "actors cut off",
        "col_cross_ties": "ties to other types",
        "dep_pairs_left": "pairs still connected if it alone leaves",
        "dup_intro": "Duplicate structures are hints, not verdicts: two providers with the same "
        "offer for the same target group in the same area, committees with nearly the same "
        "members (“too many meetings”), or actors of one type with nearly the same partners. "
        "Whether synergies can come of them is for those involved to tell.",
        "dup_none": "No duplicate structures found.",
        "dup_committees": "Committee overlap",
        "dup_committees_alt": "Heatmap of the committees' member overlap",
        "dup_offers": "Offer overlap",
        "dup_offers_alt": "Heatmap of the providers' offer overlap",
        "col_a": "A",
        "col_b": "B",
        "col_kind": "Kind",
        "col_similarity": "Similarity",
        "col_evidence": "Evidence",
        "kind_offer": "offer",
        "kind_committee": "committee",
        "kind_ties": "partners",
        "ev_offer": "same offer: {items}",
        "ev_committee": "{n:shared member|shared members}; only in A: {only_a}; only in B: {only_b}",
        "ev_ties": "{n:shared partner|shared partners}: {items}",
        "comp_intro": "Competitor clusters are providers who reach the same people in the same "
        "way but hardly cooperate – such as welfare associations with the same offers. "
        "Bridge-builders cooperate with several of them and can start the conversation; the "
        "missing cooperations within the cluster are suggested.",
        "comp_none": "No competitor clusters found.",
        "col_members": "Members",
        "col_basis": "In common",
        "col_density": "Density",
        "col_competition": "Competition",
        "col_bridges": "Bridge-builders",
        "col_suggested": "Possible cooperations",
        "basis_offers": "offer: {items}",
        "basis_groups": "target group: {items}",
        "basis_competition": "{n:competition tie|competition ties} among them",
        "sugg_partners": "{n:common partner|common partners}: {items}",
        "sugg_groups": "both serve: {items}",
        "sugg_title": "Suggested cooperations",
        "sugg_intro": "The most promising new cooperations: actors without a tie who have "
        "common partners (who could introduce them) and work for the same target groups.",
        "sugg_none": "No suggestions (no pairs with common partners).",
        "col_common": "Common partners",
        "col_shared_groups": "Shared target groups",
        "comm_intro": "Communities are groups of actors who cooperate more densely with each "
        "other than with the rest (Louvain method, modularity {q}). They show working "
        "relationships that often cut across actor types.",
        "comm_alt": "Network map with the communities marked in colour",
        "col_community": "Community",
        "col_size": "Actors",
        "col_types": "Most frequent types",
        "off_intro": "Which offers exist for which target groups? Orange cells have two or more "
        "providers (a possible duplicate), grey cells nobody (a gap – if the offer is needed "
        "for that target group).",
        "off_none": "No offers recorded (affiliations of kind “offer”/“Angebot”).",
        "off_alt": "Offer map: offers by target group",
        "off_counts": "{offers:offer|offers}, {groups:target group|target groups}, so "
        "{cells:cell|cells}: {dups:cell|cells} with several providers, {singles} with one, "
        "{gaps:gap|gaps}.",
        "off_no_area": "Without an area: {items}. The map shows offers and target groups "
        "across all areas; offers.csv lists these offers apart under the area "
        "“{unspecified}” – a gap in a named area may be served by one of them.",
        "dq_intro": "What was cleaned, merged, added or left out while reading. Nothing is "
        "changed silently.",
        "dq_none": "Nothing was cleaned, merged or left out while reading.",
        "dq_read": "Read: {source} (format {format}): {actors:actor|actors}, {ties:tie|ties}, "
        "{affiliations:affiliation|affiliations}.",
        "dq_survey": "Survey",
        "format_names": {"survey": "survey", "folder": "folder", "ties": "tie list"},
        "dq_detected": "Detected",
        "col_action": "Action",
        "col_reason": "Reason",
        "col_count": "Count",
        "col_file": "File",
        "col_rows": "Rows",
        "col_column": "Column",
        "action_dropped": "dropped",
        "action_merged": "merged",
        "action_cleaned": "cleaned",
        "action_added": "added",
        "action_info": "detected",
        "survey_tool": "Survey tool",
        "survey_roster_size": "Actors on the roster",
        "survey_respondents": "Respondents",
        "survey_response_rate": "Response rate",
        "survey_unfinished_excluded": "Unfinished responses excluded",
        "survey_unfinished_included": "Unfinished responses included",
        "survey_previews_excluded": "Test responses excluded",
        "survey_duplicates_superseded": "Duplicate responses superseded",
        "survey_answers": "Answers",
        "survey_missing_answers": "Missing answers",
        "survey_zero_answers": "Answers “no cooperation”",
        "survey_self_reports_dropped": "Self-reports dropped",
        "survey_reports": "Ties reported",
        "survey_pairs_reported": "Pairs reported",
        "survey_pairs_both_responded": "Pairs in which both responded",
        "survey_pairs_confirmed": "Of these, confirmed by both",
        "survey_confirmed_share": "Confirmation rate",
        "survey_dropped_identifying_columns": "Identifying columns left out",
        "files_intro": "All tables are UTF-8 CSV files (with BOM, for Excel). Cells a "
        "spreadsheet would run as a formula (text starting with =, +, −, @, tab or carriage "
        "return) are written with a leading ', as OWASP recommends; numbers stay numbers. "
        "Every figure is in the folder figures/ as PNG and SVG.",
        "file_desc": {
            "summary.csv": "key figures of the network",
            "catalysts.csv": "every actor with catalyst score, rank, reason and measures",
            "catalyst_stability.csv": "stability of the ranking per actor",
            "brokerage.csv": "Gould & Fernandez brokerage roles per actor",
            "dependence.csv": "cohesion as the strongest catalysts leave",
            "duplicates.csv": "possible duplicate structures",
            "competitors.csv": "competitor clusters with bridge-builders",
            "suggested_ties.csv": "suggested cooperations",
            "communities.csv": "community of each actor",
            "offers.csv": "offer map (offer, target group, providers, status)",
            "data_actors_by_type.csv": "actors by type",
            "data_ties_by_relation.csv": "ties by relation",
            "data_affiliations_by_kind.csv": "affiliations by kind",
            "data_quality.csv": "what the loader did",
        },
        "methods": [
            (
                "Network",
                "Actors are nodes, cooperation ties edges. Several ties of one pair "
                "(cooperation, funding, information, agreement) combine into one edge, their "
                "intensities summed. Competition is not cooperation; it is used only in the "
                "network map (dashed) and for competitor clusters.",
            ),
            (
                "Density, components, fragmentation",
                "Density = ties present / ties possible. A "
                "component is a group of actors connected by paths. Fragmentation (Borgatti "
                "2006) = share of pairs that cannot reach each other.",
            ),
            (
                "Centralisation",
                "Freeman's centralisation (1978/79) compares the network with a "
                "star: 1 = every tie runs through one actor, 0 = all equal.",
            ),
            (
                "E–I index",
                "(E − I) / (E + I), E = ties between, I = ties within actor types "
                "(Krackhardt & Stern 1988).",
            ),
            (
                "Network catalyst score",
                "Four measures, equally weighted: betweenness (Freeman "
                "1977: how often an actor lies on shortest paths between others), brokerage "
                "between actor types (Gould & Fernandez 1989), effective size (Burt 1992: "
                "non-redundant partners) and pairs disconnected when the actor leaves (Borgatti "
                "2006). Each measure is scaled to the strongest actor of the network: (value − "
                "lowest value) / (highest value − lowest value), so 1 for the strongest and 0 for "
                "the weakest actor (a missing value counts 0). The catalyst score is the mean of "
                "these shares times 100: an actor strongest in every measure would score 100. "
                "This keeps the distances between actors. Measures equal for every actor are "
                "left out. “Why” names up to three measures in which the actor outranks at "
                "least 75 % of the others.",
            ),
            (
                "Stability",
                "The ranking is recomputed many times with actors left out at random "
                "and compared with the full one (overlap of the ten strongest, Spearman's rank "
                "correlation), as in Borgatti, Carley & Krackhardt (2006).",
            ),
            (
                "Brokerage roles",
                "An actor brokers when it stands between two actors without a "
                "direct tie (an open two-path). By the types of the three, Gould & Fernandez "
                "(1989) tell coordinator, itinerant, gatekeeper, representative and liaison "
                "apart. In undirected networks each path counts in both directions.",
            ),
            (
                "Duplicate structures",
                "Offers: the same name (case, umlauts and punctuation "
                "ignored; near-identical names scored a little lower), the same target group, the "
                "same area. Committees: Jaccard index (Jaccard 1912) of the members (shared / "
                "all) or the overlap coefficient. Partners: structural equivalence (Lorrain & "
                "White 1971) as the "
                "Jaccard index of the partner sets.",
            ),
            (
                "Competitor clusters",
                "Providers of one offer for one target group in one area "
                "(or joined by competition ties) who cooperate little with each other; "
                "bridge-builders cooperate with at least two of them.",
            ),
            (
                "Suggested cooperations",
                "Pairs without a tie but with common partners, scored "
                "by the resource allocation index (Zhou, Lü & Zhang 2009) times (1 + shared "
                "target groups).",
            ),
            (
                "Communities",
                "The Louvain method (Blondel et al. 2008), maximising modularity; "
                "reproducible with a fixed seed and sorted input.",
            ),
            (
                "Maps",
                "Network map: force-directed layout after Fruchterman & Reingold (1991), "
                "polished after Kamada & Kawai (1989) for small networks, with a fixed seed. "
                "Communities each in their own area, placed by the ties between them "
                "(group-in-a-box, Rodrigues et al. 2011). "
                "Sector map after the network maps of social work (Pantuček-Eisenbacher 2019; "
                "VennMaker). Colours after Okabe & Ito (2008), distinguishable with colour-vision "
                "deficiencies.",
            ),
        ],
        "references_title": "References",
        "kind_label": {"offer": "offer", "committee": "committee", "ties": "partners"},
        "generated_by": "Made with quartiernetz {version}. The same input and seed ({seed}) "
        "give the same report.",
    },
}

#: The literature cited in the methods section (both languages).
REFERENCES = (
    "AWO quarter developers in elderly care: recommendations from three discussion rounds "
    "(AWO, undated handout).",
    "Blondel, V. D., Guillaume, J.-L., Lambiotte, R., & Lefebvre, E. (2008). Fast unfolding "
    "of communities in large networks. Journal of Statistical Mechanics, P10008. "
    "https://doi.org/10.1088/1742-5468/2008/10/P10008",
    "Borgatti, S. P. (2006). Identifying sets of key players in a social network. "
    "Computational and Mathematical Organization Theory, 12(1), 21–34. "
    "https://doi.org/10.1007/s10588-006-7084-x",
    "Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of centrality "
    "measures under conditions of imperfect data. Social Networks, 28(2), 124–136. "
    "https://doi.org/10.1016/j.socnet.2005.05.001",
    "BMBF Kommunen innovativ: project DeWaK, Herten and Ennepe-Ruhr-Kreis (2017–2019).",
    "Bundesprogramm Mehrgenerationenhäuser: Vernetzung in der Kommune (programme website; "
    "figures for 2011).",
    "Burt, R. S. (1992). Structural Holes: The Social Structure of Competition. Harvard "
    "University Press.",
    "Freeman, L. C. (1977). A set of measures of centrality based on betweenness. Sociometry, "
    "40(1), 35–41. https://doi.org/10.2307/3033543",
    "Freeman, L. C. (1978/79). Centrality in social networks: conceptual clarification. "
    "Social Networks, 1(3), 215–239. https://doi.org/10.1016/0378-8733(78)90021-7",
    "Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by force-directed "
    "placement. Software: Practice and Experience, 21(11), 1129–1164. "
    "https://doi.org/10.1002/spe.4380211102",
    "Gliszczynski (2017). Kooperationen im Quartier. Stiftung Mitarbeit (practice guide).",
    "Gould, R. V., & Fernandez, R. M. (1989). Structures of mediation: a formal approach to "
    "brokerage in transaction networks. Sociological Methodology, 19, 89–126. "
    "https://doi.org/10.2307/270949",
    "Jaccard, P. (1912). The distribution of the flora in the alpine zone. New Phytologist, "
    "11(2), 37–50. https://doi.org/10.1111/j.1469-8137.1912.tb05611.x",
    "Kamada, T., & Kawai, S. (1989). An algorithm for drawing general undirected graphs. "
    "Information Processing Letters, 31(1), 7–15. "
    "https://doi.org/10.1016/0020-0190(89)90102-6",
    "Krackhardt, D., & Stern, R. N. (1988). Informal networks and organizational crises: an "
    "experimental simulation. Social Psychology Quarterly, 51(2), 123–140. "
    "https://doi.org/10.2307/2786835",
    "Lorrain, F., & White, H. C. (1971). Structural equivalence of individuals in social "
    "networks. Journal of Mathematical Sociology, 1(1), 49–80. "
    "https://doi.org/10.1080/0022250X.1971.9989788",
    "Okabe, M., & Ito, K. (2008). Color Universal Design (CUD): how to make figures and "
    "presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/",
    "OWASP Foundation. CSV Injection. https://owasp.org/www-community/attacks/CSV_Injection",
    "Pantuček-Eisenbacher, P. (2019). Soziale Diagnostik. Verfahren für die Praxis Sozialer "
    "Arbeit (4. Aufl.). Vandenhoeck & Ruprecht.",
    "Rodrigues, E. M., Milic-Frayling, N., Smith, M., Shneiderman, B., & Hansen, D. (2011). "
    "Group-in-a-box layout for multi-faceted analysis of communities. IEEE SocialCom 2011, "
    "354–361. https://doi.org/10.1109/PASSAT/SocialCom.2011.139",
    "Zollondz, S., & Reiser, B. 12 Erfolgsfaktoren für den Aufbau von lokalen Netzwerken "
    "(openTransfer CAMP, Cologne; blog post, no year given).",
    "Zhou, T., Lü, L., & Zhang, Y.-C. (2009). Predicting missing links via local "
    "information. The European Physical Journal B, 71, 623–630. "
    "https://doi.org/10.1140/epjb/e2009-00335-8",
)

#: German for our own words in :data:`REFERENCES` (what kind of source it is); the
#: authors and titles stay as published.
_REFERENCES_DE = {
    "AWO quarter developers in elderly care: recommendations from three discussion rounds "
    "(AWO, undated handout).": "AWO-Quartiersentwickler*innen in der Altenhilfe: Empfehlungen "
    "aus drei Gesprächsrunden (AWO, Handreichung ohne Datum).",
    "BMBF Kommunen innovativ: project DeWaK, Herten and Ennepe-Ruhr-Kreis (2017–2019).": (
        "BMBF Kommunen innovativ: Projekt DeWaK, Herten und Ennepe-Ruhr-Kreis (2017–2019)."
    ),
    "Bundesprogramm Mehrgenerationenhäuser: Vernetzung in der Kommune (programme website; "
    "figures for 2011).": "Bundesprogramm Mehrgenerationenhäuser: Vernetzung in der Kommune "
    "(Website des Programms; Zahlen für 2011).",
    "Gliszczynski (2017). Kooperationen im Quartier. Stiftung Mitarbeit (practice guide).": (
        "Gliszczynski (2017). Kooperationen im Quartier. Stiftung Mitarbeit (Praxisleitfaden)."
    ),
}


def references(lang: str) -> tuple[str, ...]:
    """:data:`REFERENCES` in ``lang``: in German, our descriptions of the sources are German.

    Examples
    --------
    >>> [r for r in references("de") if "Gliszczynski" in r]
    ['Gliszczynski (2017). Kooperationen im Quartier. Stiftung Mitarbeit (Praxisleitfaden).']
    >>> references("en") == REFERENCES
    True
    """
    if lang == "de":
        return tuple(_REFERENCES_DE.get(r, r) for r in REFERENCES)
    return REFERENCES
