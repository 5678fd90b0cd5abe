"""The factors of the network check: what practice says makes local networks work.

One row per factor: a stable id, the group (the module that measures it), the
sources that name it, the practitioner's question, what is measured and, for
every factor, the survey item that would measure it directly. Texts exist in
English and German (:class:`~quartiernetz.i18n.Text`); :func:`factor_table`
picks a language.

Where two sources say the same thing their factors are merged into one row; the
``sources`` of the row list every source and item (see ``docs/network-check.md``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..i18n import Text, check_lang, render

__all__ = [
    "SOURCES",
    "Source",
    "Factor",
    "FACTORS",
    "FACTOR_IDS",
    "LABELS",
    "ASSESSMENT_NAMES",
    "GROUPS",
    "ASSESSMENTS",
    "factor_table",
    "cite",
]

#: The assessments, as stable English ids, strongest first.
ASSESSMENTS = ("strength", "watch", "gap", "not measurable")


@dataclass(frozen=True)
class Source:
    """A source of the check: its short name (in the ``source`` column) and citation."""

    key: str
    short: Text
    citation: str


#: The five sources, by key.
SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            "success_factors",
            Text("12 success factors", "12 Erfolgsfaktoren"),
            'Zollondz, S. & Reiser, B.: "12 Erfolgsfaktoren für den Aufbau von lokalen '
            'Netzwerken", session at an openTransfer CAMP, Cologne, following the blog parade '
            '"Netzwerke im demografischen Wandel" (blog post, no year given)',
        ),
        Source(
            "gliszczynski",
            Text("Gliszczynski 2017", "Gliszczynski 2017"),
            "Gliszczynski (2017): Kooperationen im Quartier. Stiftung Mitarbeit "
            "(practice guide), pp. 9 f.; study of three quarters in Lower Saxony",
        ),
        Source(
            "awo",
            Text("AWO quarter developers", "AWO-Quartiersentwickler"),
            "AWO quarter developers in elderly care: recommendations from three discussion "
            "rounds (AWO, undated handout)",
        ),
        Source(
            "mgh",
            Text("multi-generation houses", "Mehrgenerationenhäuser"),
            'Bundesprogramm Mehrgenerationenhäuser: "Vernetzung in der Kommune" (programme '
            "website, after action programme II started in 2012); figures for 2011",
        ),
        Source(
            "dewak",
            Text("DeWaK", "DeWaK"),
            'BMBF "Kommunen innovativ", project DeWaK (Herten and Ennepe-Ruhr-Kreis, 2017-2019)',
        ),
    )
}

#: The groups of factors, in the order of the check (one module each).
GROUPS = (
    "coordination",
    "communication",
    "competition",
    "resources",
    "funding",
    "municipality",
    "reach",
    "diversity",
    "survey",
)


@dataclass(frozen=True)
class Factor:
    """One factor of the check.

    Parameters
    ----------
    id : str
        Stable id (the ``factor`` column).
    group : str
        One of :data:`GROUPS`.
    sources : tuple of (source key, item)
        Which sources name it; the item is the number or name in the source.
    question : Text
        The practitioner's question, in plain language.
    indicator : Text
        What is measured (the formula is in ``docs/network-check.md``).
    ask : Text
        The survey item that measures the factor directly (shown in the ``ask``
        column when network data cannot show it).
    network : bool
        Whether network data can show it at all.
    """

    id: str
    group: str
    sources: tuple[tuple[str, str], ...]
    question: Text
    indicator: Text
    ask: Text
    network: bool = True


def _f(
    id: str,
    group: str,
    sources: tuple[tuple[str, str], ...],
    question: tuple[str, str],
    indicator: tuple[str, str],
    ask: tuple[str, str],
    *,
    network: bool = True,
) -> Factor:
    return Factor(id, group, sources, Text(*question), Text(*indicator), Text(*ask), network)


_SF, _GL, _AWO, _MGH, _DW = "success_factors", "gliszczynski", "awo", "mgh", "dewak"

#: The factors, in the order of the check.
FACTORS: tuple[Factor, ...] = (
    # --------------------------------------------------------- coordination
    _f(
        "central_coordination",
        "coordination",
        ((_SF, "2"), (_GL, "6"), (_GL, "network catalyst"), (_DW, "quarter manager")),
        (
            "Is there a central coordination point, and does the network hold without it?",
            "Gibt es eine zentrale Koordinationsstelle, und hält das Netzwerk auch ohne sie?",
        ),
        (
            "coordinating actors (quarter management, volunteer agency, multi-generation house "
            "or marked coordinator) among the top catalysts; share of the other actors' "
            "connected pairs that fall apart without them",
            "koordinierende Akteure (Quartiersmanagement, Freiwilligenagentur, "
            "Mehrgenerationenhaus oder als Koordination markiert) unter den stärksten "
            "Katalysatoren; Anteil der verbundenen Paare der übrigen Akteure, die ohne sie "
            "zerfallen",
        ),
        (
            "Which organisation coordinates the network in the quarter? (name)",
            "Welche Organisation koordiniert das Netzwerk im Quartier? (Name)",
        ),
    ),
    _f(
        "paid_networkers",
        "coordination",
        ((_SF, "4"),),
        (
            "Are the hub's many tasks carried by paid, full-time networkers?",
            "Tragen hauptamtliche Netzwerker die vielen Aufgaben an den Knotenpunkten?",
        ),
        (
            "paid hours for networking (survey only)",
            "bezahlte Stunden für Vernetzung (nur Umfrage)",
        ),
        (
            "How many paid hours a week does your organisation spend on networking in the quarter?",
            "Wie viele bezahlte Stunden pro Woche verwendet Ihre Organisation auf die "
            "Vernetzung im Quartier?",
        ),
        network=False,
    ),
    # -------------------------------------------------------- communication
    _f(
        "committee_membership",
        "communication",
        ((_GL, "3"), (_GL, "4"), (_AWO, "jour fixe"), (_MGH, "steering committees")),
        (
            "Are there fixed meetings where the actors exchange regularly?",
            "Gibt es feste Treffen, in denen sich die Akteure regelmäßig austauschen?",
        ),
        (
            "share of actors in at least one committee; meetings per year where given",
            "Anteil der Akteure in mindestens einem Gremium; Treffen pro Jahr, wo angegeben",
        ),
        (
            "How often do you meet the other actors of the quarter in a committee or round "
            "table? (never … monthly or more)",
            "Wie oft treffen Sie die anderen Akteure des Quartiers in einem Gremium oder "
            "Runden Tisch? (nie … monatlich oder öfter)",
        ),
    ),
    _f(
        "committee_sectors",
        "communication",
        ((_GL, "3"),),
        (
            "Do the committees reach every sector of the quarter?",
            "Erreichen die Gremien alle Bereiche des Quartiers?",
        ),
        (
            "share of the actor types (sectors) with at least one actor in a committee",
            "Anteil der Akteurstypen (Bereiche) mit mindestens einem Akteur in einem Gremium",
        ),
        (
            "In which committees of the quarter is your organisation represented?",
            "In welchen Gremien des Quartiers ist Ihre Organisation vertreten?",
        ),
    ),
    # ---------------------------------------------------------- competition
    _f(
        "competitors_in_view",
        "competition",
        ((_SF, "10"), (_AWO, "competitors")),
        (
            "Do providers of the same offer, and declared competitors, know and talk to "
            "each other?",
            "Kennen und sprechen sich Anbieter desselben Angebots und erklärte Konkurrenten?",
        ),
        (
            "of the pairs offering the same to the same target group, or tied by "
            "competition, the share that cooperate directly or sit in a common committee",
            "von den Paaren mit demselben Angebot für dieselbe Zielgruppe oder mit "
            "Konkurrenzbeziehung der Anteil, der direkt kooperiert oder in einem gemeinsamen "
            "Gremium sitzt",
        ),
        (
            "With which organisations in the quarter do you compete for clients, volunteers "
            "or funding?",
            "Mit welchen Organisationen im Quartier konkurrieren Sie um Klientel, "
            "Ehrenamtliche oder Fördermittel?",
        ),
    ),
    # ------------------------------------------------------------ resources
    _f(
        "needs_mapping",
        "resources",
        ((_SF, "6"), (_AWO, "duplicate structures"), (_DW, "stakeholder analysis")),
        (
            "Does the offer map show duplicate offers or target groups nobody serves?",
            "Zeigt die Angebotslandkarte doppelte Angebote oder Zielgruppen ohne Angebot?",
        ),
        (
            "share of the offered cells (offer × target group) with two or more providers; "
            "target groups without any offer",
            "Anteil der besetzten Zellen (Angebot × Zielgruppe) mit zwei oder mehr Anbietern; "
            "Zielgruppen ohne Angebot",
        ),
        (
            "Has the network mapped the quarter's needs and offers in the last two years?",
            "Hat das Netzwerk in den letzten zwei Jahren Bedarfe und Angebote im Quartier erhoben?",
        ),
    ),
    _f(
        "pooled_resources",
        "resources",
        ((_SF, "6"), (_GL, "1"), (_DW, "pooling of rooms"), (_AWO, "shared rooms")),
        (
            "Do the actors share rooms and resources?",
            "Teilen die Akteure Räume und Ressourcen?",
        ),
        (
            "share of actors who share a room or resource with another actor (affiliation "
            "kind resource, or relation resources)",
            "Anteil der Akteure, die einen Raum oder eine Ressource mit einem anderen Akteur "
            "teilen (Zugehörigkeit der Art resource oder Beziehung resources)",
        ),
        (
            "Which rooms or equipment do you share with other organisations in the quarter?",
            "Welche Räume oder Ausstattung teilen Sie mit anderen Organisationen im Quartier?",
        ),
    ),
    # -------------------------------------------------------------- funding
    _f(
        "funding_mix",
        "funding",
        ((_SF, "9"), (_MGH, "municipal funding")),
        (
            "Is the network financed by a mix of public money, business and civic engagement?",
            "Finanziert sich das Netzwerk aus einem Mix von öffentlichen Mitteln, Wirtschaft "
            "und bürgerschaftlichem Engagement?",
        ),
        (
            "Blau's diversity index of the funders' spheres (public, business, civic) over "
            "the funding ties",
            "Blau-Index der Sphären der Geldgeber (öffentlich, Wirtschaft, zivilgesellschaftlich) "
            "über die Förderbeziehungen",
        ),
        (
            "From which sources is your work in the quarter funded? (public, business, "
            "foundations or donations, own funds)",
            "Aus welchen Quellen wird Ihre Arbeit im Quartier finanziert? (öffentlich, "
            "Wirtschaft, Stiftungen oder Spenden, Eigenmittel)",
        ),
    ),
    # --------------------------------------------------------- municipality
    _f(
        "municipal_ties",
        "municipality",
        ((_MGH, "99 %"), (_DW, "municipal support")),
        (
            "Is the municipality tied into the network?",
            "Ist die Kommune in das Netzwerk eingebunden?",
        ),
        (
            "share of the non-municipal actors with at least one tie to a municipal actor",
            "Anteil der nicht-kommunalen Akteure mit mindestens einer Beziehung zu einem "
            "kommunalen Akteur",
        ),
        (
            "With which municipal offices does your organisation work?",
            "Mit welchen Ämtern der Kommune arbeitet Ihre Organisation zusammen?",
        ),
    ),
    _f(
        "municipal_contact",
        "municipality",
        ((_AWO, "single contact person"),),
        (
            "Does the quarter have one municipal contact point, or many?",
            "Hat das Quartier eine Ansprechstelle in der Kommune oder viele?",
        ),
        (
            "share of the municipally tied actors that are tied to the municipal unit with "
            "the most partners; the number of municipal units",
            "Anteil der kommunal verbundenen Akteure, die mit der kommunalen Stelle mit den "
            "meisten Partnern verbunden sind; Zahl der kommunalen Stellen",
        ),
        (
            "Is there a named contact person in the municipality for the quarter? (yes/no, who)",
            "Gibt es eine benannte Ansprechperson in der Kommune für das Quartier? (ja/nein, wer)",
        ),
    ),
    _f(
        "municipal_steering",
        "municipality",
        ((_AWO, "steering group"), (_MGH, "steering")),
        (
            "Is the municipality a member of the steering group?",
            "Ist die Kommune festes Mitglied der Steuerungsgruppe?",
        ),
        (
            "municipal actors among the members of the steering committees",
            "kommunale Akteure unter den Mitgliedern der Steuerungsgremien",
        ),
        (
            "Do the municipality's representatives take part in the steering group's "
            "meetings? (always … never)",
            "Nehmen die Vertreter der Kommune an den Sitzungen der Steuerungsgruppe teil? "
            "(immer … nie)",
        ),
    ),
    # ---------------------------------------------------------------- reach
    _f(
        "reach_beyond_quarter",
        "reach",
        ((_SF, "3"), (_SF, "knowledge transfer")),
        (
            "Does the network reach beyond the quarter?",
            "Reicht das Netzwerk über das Quartier hinaus?",
        ),
        (
            "share of the ties with one actor outside the quarter (actor attribute area)",
            "Anteil der Beziehungen mit einem Akteur außerhalb des Quartiers (Merkmal area)",
        ),
        (
            "With which organisations outside the quarter do you exchange about your work "
            "in the quarter?",
            "Mit welchen Organisationen außerhalb des Quartiers tauschen Sie sich über Ihre "
            "Arbeit im Quartier aus?",
        ),
    ),
    _f(
        "online_offline",
        "reach",
        ((_SF, "3"), (_SF, "online and offline")),
        (
            "Does the network combine meeting in person with online exchange?",
            "Verbindet das Netzwerk persönliche Treffen mit Austausch online?",
        ),
        (
            "share of the ties that use an online channel (tie attribute channel)",
            "Anteil der Beziehungen mit einem Online-Kanal (Merkmal channel der Beziehung)",
        ),
        (
            "How do you mostly exchange with this partner: in person, online, or both?",
            "Wie tauschen Sie sich mit diesem Partner überwiegend aus: persönlich, online oder "
            "beides?",
        ),
    ),
    # ------------------------------------------------------------ diversity
    _f(
        "sector_diversity",
        "diversity",
        ((_SF, "8"), (_MGH, "state, business, civil society")),
        (
            "Do state, business and civil society all take part?",
            "Sind Staat, Wirtschaft und Zivilgesellschaft beteiligt?",
        ),
        (
            "Blau's diversity index of the actor types; which of the three spheres are present",
            "Blau-Index der Akteurstypen; welche der drei Sphären vertreten sind",
        ),
        (
            "Which kinds of organisation are missing from the network? (open)",
            "Welche Arten von Organisationen fehlen im Netzwerk? (offen)",
        ),
    ),
    _f(
        "civic_share",
        "diversity",
        ((_MGH, "partner groups"), (_GL, "resident initiative")),
        (
            "Do clubs and resident initiatives take part?",
            "Sind Vereine und Bewohnerinitiativen beteiligt?",
        ),
        (
            "share of the actors that are clubs or initiatives",
            "Anteil der Akteure, die Vereine oder Initiativen sind",
        ),
        (
            "Which clubs and resident initiatives of the quarter do you work with?",
            "Mit welchen Vereinen und Bewohnerinitiativen des Quartiers arbeiten Sie?",
        ),
    ),
    _f(
        "cross_sector_ties",
        "diversity",
        ((_SF, "8"), (_GL, "network catalyst")),
        (
            "Do the actors cooperate across sectors, or mostly within their own?",
            "Kooperieren die Akteure über Bereiche hinweg oder vor allem im eigenen?",
        ),
        (
            "Krackhardt-Stern E-I index of the cooperation ties by actor type",
            "E-I-Index nach Krackhardt und Stern der Kooperationsbeziehungen nach Akteurstyp",
        ),
        (
            "With partners of which sectors have you started a joint project in the last year?",
            "Mit Partnern welcher Bereiche haben Sie im letzten Jahr ein gemeinsames Projekt "
            "begonnen?",
        ),
    ),
    # ---------------------------------------------------- survey only
    _f(
        "clear_goal",
        "survey",
        ((_SF, "5"), (_GL, "5")),
        (
            "Does the network pursue a clear, shared goal?",
            "Verfolgt das Netzwerk ein klares, gemeinsames Ziel?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "The network pursues a clearly defined goal, ideally a concrete project. "
            "(agree … disagree)",
            "Das Netzwerk verfolgt ein klar definiertes Ziel, am besten ein konkretes "
            "Projekt. (stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "clear_roles",
        "survey",
        ((_SF, "7"), (_GL, "6")),
        (
            "Is it clear who contributes what and who takes what out?",
            "Ist klar, wer was einbringt und wer was herausnimmt?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "It is clear who contributes what to the network and who takes what out. "
            "(agree … disagree)",
            "Es ist klar, wer was in das Netzwerk einbringt und wer was herausnimmt. "
            "(stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "recognition_culture",
        "survey",
        ((_SF, "8"), (_SF, "participation culture")),
        (
            "Do the partners feel recognised, and is diversity welcome?",
            "Fühlen sich die Partner anerkannt, und ist Vielfalt willkommen?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "My organisation's contribution to the network is recognised. (agree … disagree)",
            "Der Beitrag meiner Organisation zum Netzwerk wird anerkannt. (stimme zu … "
            "stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "documentation",
        "survey",
        ((_SF, "11"),),
        (
            "Does the network document successes and failures and learn from them?",
            "Dokumentiert das Netzwerk Erfolge und Misserfolge und lernt daraus?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "The network documents its successes and failures and learns from them. "
            "(agree … disagree)",
            "Das Netzwerk dokumentiert Erfolge und Misserfolge und lernt daraus. (stimme zu "
            "… stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "storytelling",
        "survey",
        ((_SF, "12"),),
        (
            "Does the network tell its stories to encourage others?",
            "Erzählt das Netzwerk seine Geschichten, um andere zu ermutigen?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "The network tells others about its work (press, events, social media). "
            "(agree … disagree)",
            "Das Netzwerk erzählt anderen von seiner Arbeit (Presse, Feste, soziale "
            "Medien). (stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "sufficient_resources",
        "survey",
        ((_GL, "1"),),
        (
            "Do the actors have enough time, money, material and rooms for cooperation?",
            "Haben die Akteure genug Zeit, Geld, Material und Räume für Kooperation?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "My organisation has enough time, money, material and rooms for cooperation in "
            "the quarter. (agree … disagree)",
            "Meine Organisation hat genug Zeit, Geld, Material und Räume für Kooperation im "
            "Quartier. (stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "personal_relationships",
        "survey",
        ((_GL, "2"),),
        (
            "Are the personal relationships between the actors resilient?",
            "Sind die persönlichen Beziehungen zwischen den Akteuren belastbar?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "I can rely on my contacts at the other organisations in the quarter. (agree … "
            "disagree)",
            "Auf meine Kontakte in den anderen Organisationen im Quartier kann ich mich "
            "verlassen. (stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "fixed_place",
        "survey",
        ((_SF, "1"), (_DW, "neighbourhood meeting point")),
        (
            "Does the network have a fixed place in the quarter?",
            "Hat das Netzwerk einen festen Ort im Quartier?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "The network has a fixed place in the quarter where people meet. (agree … disagree)",
            "Das Netzwerk hat einen festen Ort im Quartier, an dem man sich trifft. (stimme "
            "zu … stimme nicht zu)",
        ),
        network=False,
    ),
    _f(
        "political_support",
        "survey",
        ((_DW, "municipal political support"), (_AWO, "letters of intent")),
        (
            "Does the network have lasting political support in the municipality?",
            "Hat das Netzwerk dauerhafte politische Unterstützung in der Kommune?",
        ),
        ("self-assessment (survey only)", "Selbsteinschätzung (nur Umfrage)"),
        (
            "The municipality's decision makers support the network lastingly. (agree … disagree)",
            "Die Entscheidungsträger der Kommune unterstützen das Netzwerk dauerhaft. "
            "(stimme zu … stimme nicht zu)",
        ),
        network=False,
    ),
)

#: The factor ids, in the order of the check.
FACTOR_IDS = tuple(f.id for f in FACTORS)

#: Short names of the factors, for figures and tables.
LABELS: dict[str, Text] = {
    "central_coordination": Text("central coordination", "zentrale Koordination"),
    "paid_networkers": Text("paid networkers", "hauptamtliche Netzwerker"),
    "committee_membership": Text("actors in committees", "Akteure in Gremien"),
    "committee_sectors": Text("sectors in committees", "Bereiche in Gremien"),
    "competitors_in_view": Text("competitors in view", "Konkurrenz im Blick"),
    "needs_mapping": Text("duplicate offers", "doppelte Angebote"),
    "pooled_resources": Text("shared resources", "geteilte Ressourcen"),
    "funding_mix": Text("funding mix", "Finanzierungsmix"),
    "municipal_ties": Text("ties to the municipality", "Beziehungen zur Kommune"),
    "municipal_contact": Text("one municipal contact", "eine kommunale Ansprechstelle"),
    "municipal_steering": Text("municipality in steering", "Kommune in der Steuerung"),
    "reach_beyond_quarter": Text("reach beyond the quarter", "Reichweite über das Quartier"),
    "online_offline": Text("online and offline", "online und offline"),
    "sector_diversity": Text("sector diversity", "Vielfalt der Bereiche"),
    "civic_share": Text("clubs and initiatives", "Vereine und Initiativen"),
    "cross_sector_ties": Text("cooperation across sectors", "Kooperation über Bereiche"),
    "clear_goal": Text("clear goal", "klares Ziel"),
    "clear_roles": Text("clear roles", "klare Rollen"),
    "recognition_culture": Text("recognition culture", "Anerkennungskultur"),
    "documentation": Text("documentation", "Dokumentation"),
    "storytelling": Text("storytelling", "Storytelling"),
    "sufficient_resources": Text("sufficient resources", "ausreichende Ressourcen"),
    "personal_relationships": Text("personal relationships", "persönliche Beziehungen"),
    "fixed_place": Text("fixed place", "fester Ort"),
    "political_support": Text("political support", "politische Unterstützung"),
}

#: The assessments in words (the ``assessment`` column holds the English ids).
ASSESSMENT_NAMES: dict[str, Text] = {
    "strength": Text("strength", "Stärke"),
    "watch": Text("watch point", "Hinweis"),
    "gap": Text("gap", "Lücke"),
    "not measurable": Text("not measurable", "nicht messbar"),
}

_BY_ID = {f.id: f for f in FACTORS}


#: German names of the items of the sources that are not numbers.
_ITEMS_DE = {
    "network catalyst": "Netzwerk-Katalysator",
    "quarter manager": "Quartiersmanager",
    "jour fixe": "Jour fixe",
    "steering committees": "Steuerungsgremien",
    "competitors": "Konkurrenz",
    "duplicate structures": "Doppelstrukturen",
    "stakeholder analysis": "Stakeholderanalyse",
    "pooling of rooms": "Bündelung von Räumen",
    "shared rooms": "gemeinsame Räume",
    "municipal funding": "kommunale Förderung",
    "99 %": "99 %",
    "municipal support": "kommunale Unterstützung",
    "single contact person": "eine Ansprechperson",
    "steering group": "Steuerungsgruppe",
    "steering": "Steuerung",
    "knowledge transfer": "Wissenstransfer",
    "online and offline": "online und offline",
    "state, business, civil society": "Staat, Wirtschaft, Zivilgesellschaft",
    "partner groups": "Partnergruppen",
    "resident initiative": "Bewohnerinitiative",
    "participation culture": "Beteiligungskultur",
    "neighbourhood meeting point": "Nachbarschaftstreff",
    "municipal political support": "kommunalpolitische Unterstützung",
    "letters of intent": "Absichtserklärungen",
}


def _item(key: str, item: str, lang: str) -> str:
    name = render(SOURCES[key].short, lang)
    if key == "success_factors" and item.isdigit():
        return f"{name} {'Nr.' if lang == 'de' else 'no.'} {item}"
    if key == "gliszczynski" and item.isdigit():
        return f"{name}, {'Bedingung' if lang == 'de' else 'condition'} {item}"
    return f"{name} ({_ITEMS_DE.get(item, item) if lang == 'de' else item})"


def cite(factor: str | Factor, lang: str = "en") -> str:
    """The ``source`` text of a factor: every source and item that names it.

    Examples
    --------
    >>> cite("central_coordination")
    '12 success factors no. 2; Gliszczynski 2017, condition 6; Gliszczynski 2017 (network catalyst); DeWaK (quarter manager)'
    """
    check_lang(lang)
    f = _BY_ID[factor] if isinstance(factor, str) else factor
    return "; ".join(_item(k, i, lang) for k, i in f.sources)


def factor_table(lang: str = "en") -> pd.DataFrame:
    """The factors of the check as a table, in ``lang``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``factor``; columns ``label`` (a short name), ``group``, ``source``, ``question``,
        ``indicator``, ``ask`` and ``network`` (whether network data can show it).

    Examples
    --------
    >>> t = factor_table("de")
    >>> t.loc["funding_mix", "source"]
    '12 Erfolgsfaktoren Nr. 9; Mehrgenerationenhäuser (kommunale Förderung)'
    >>> int(t["network"].sum()), len(t)
    (15, 25)
    """
    check_lang(lang)
    rows = [
        {
            "factor": f.id,
            "label": render(LABELS[f.id], lang),
            "group": f.group,
            "source": cite(f, lang),
            "question": render(f.question, lang),
            "indicator": render(f.indicator, lang),
            "ask": render(f.ask, lang),
            "network": f.network,
        }
        for f in FACTORS
    ]
    return pd.DataFrame(rows).set_index("factor")
