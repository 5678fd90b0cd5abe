"""A planted example quarter ("Weststadt") and a twin built to hold no duplicate structures.

The planted quarter has, on purpose:

- three senior meeting points ("Seniorentreff", spelled two ways) of AWO, Caritas and
  Diakonie in Weststadt, which do not cooperate with each other (and an explicit
  "Konkurrenz" tie AWO–Caritas);
- two migration counselling services (Caritas, Diakonie; "für"/"fuer", "Migrant:innen"/
  "Migrant*innen") that do not cooperate;
- two committees with nearly the same members (Stadtteilkonferenz and Runder Tisch:
  10 shared of 12, Jaccard 10/12, overlap coefficient 10/11);
- two Kitas with nearly the same cooperation partners (4 shared of 5, Jaccard 0.8);
- a quarter management tied to all of them (the bridge), the Sozialamt and the
  Protestant church tied to two of the three senior providers each.

Decoys that must *not* be reported: the same "Seniorentreff" of AWO in another area
(Oststadt), the same "Offener Treff" for different target groups (families at the
multi-generation house, young people at the youth centre), complementary offers for
seniors (Mittagstisch, Besuchsdienst, Seniorensport).

The null twin keeps everything else but removes the duplicates: one Seniorentreff,
one Migrationsberatung, a Runder Tisch with different members, Kitas with different
partners, no competition tie.
"""

from __future__ import annotations

import pandas as pd

from quartiernetz import Network

ACTORS = [
    # id, label, type, umbrella, area
    ("qm", "Quartiersmanagement Weststadt", "Quartiersmanagement", "Stadt", "Weststadt"),
    ("sozialamt", "Stadt Musterstadt, Sozialamt", "Verwaltung", "Stadt", None),
    ("jugendamt", "Stadt Musterstadt, Jugendamt", "Verwaltung", "Stadt", None),
    ("polizei", "Polizei, Bezirksdienst West", "Verwaltung", "Land", "Weststadt"),
    ("awo", "AWO Begegnungsstätte Weststadt", "Wohlfahrtsverband", "AWO", "Weststadt"),
    ("awo_ost", "AWO Seniorenzentrum Oststadt", "Wohlfahrtsverband", "AWO", "Oststadt"),
    ("caritas", "Caritas-Zentrum Weststadt", "Wohlfahrtsverband", "Caritas", "Weststadt"),
    ("diakonie", "Diakonie Stadtteilbüro West", "Wohlfahrtsverband", "Diakonie", "Weststadt"),
    ("drk", "DRK Ortsverein Weststadt", "Wohlfahrtsverband", "DRK", "Weststadt"),
    (
        "familienzentrum",
        "Familienzentrum Lindenhof",
        "Familienzentrum",
        "Paritätischer",
        "Weststadt",
    ),
    ("mgh", "Mehrgenerationenhaus Weststadt", "Mehrgenerationenhaus", "Paritätischer", "Weststadt"),
    ("ev_kirche", "Ev. Kirchengemeinde Weststadt", "Kirche", "EKD", "Weststadt"),
    ("kath_kirche", "Kath. Pfarrei St. Marien", "Kirche", "Bistum", "Weststadt"),
    ("moschee", "Moscheeverein Weststadt", "Religionsgemeinschaft", None, "Weststadt"),
    ("gs_park", "Grundschule Am Park", "Schule", "Stadt", "Weststadt"),
    ("gs_linden", "Grundschule Lindenweg", "Schule", "Stadt", "Weststadt"),
    ("gesamtschule", "Gesamtschule Weststadt", "Schule", "Stadt", "Weststadt"),
    ("kita_arche", "Ev. Kita Arche", "Kita", "Diakonie", "Weststadt"),
    ("kita_regen", "Städtische Kita Regenbogen", "Kita", "Stadt", "Weststadt"),
    ("jugendzentrum", "Jugendzentrum West", "Jugendhilfe", "Stadt", "Weststadt"),
    ("bibliothek", "Stadtteilbibliothek West", "Bildung", "Stadt", "Weststadt"),
    ("vhs", "Volkshochschule Musterstadt", "Bildung", "Stadt", None),
    ("wbg", "Wohnungsbaugenossenschaft West eG", "Wohnungswirtschaft", None, "Weststadt"),
    ("gewobau", "GEWOBAU (städtisch)", "Wohnungswirtschaft", "Stadt", "Weststadt"),
    ("sportverein", "TSV Weststadt 1898", "Verein", None, "Weststadt"),
    ("tafel", "Tafel Weststadt", "Verein", None, "Weststadt"),
    ("bi", "Bewohnerinitiative Lindenhof", "Initiative", None, "Weststadt"),
    ("gewerbe", "Gewerbeverein Weststadt", "Wirtschaft", None, "Weststadt"),
]

COOPERATION = [
    # the quarter management works with nearly everybody
    *[
        ("qm", x)
        for x in (
            "sozialamt",
            "jugendamt",
            "polizei",
            "awo",
            "caritas",
            "diakonie",
            "drk",
            "mgh",
            "ev_kirche",
            "kath_kirche",
            "moschee",
            "gs_park",
            "jugendzentrum",
            "bibliothek",
            "wbg",
            "gewobau",
            "sportverein",
            "tafel",
            "bi",
            "gewerbe",
        )
    ],
    ("sozialamt", "awo"),
    ("sozialamt", "caritas"),
    ("sozialamt", "awo_ost"),
    ("awo", "awo_ost"),
    ("awo", "ev_kirche"),
    ("awo", "mgh"),
    ("awo", "sportverein"),
    ("caritas", "kath_kirche"),
    ("caritas", "vhs"),
    ("caritas", "tafel"),
    ("diakonie", "ev_kirche"),
    ("diakonie", "moschee"),
    ("diakonie", "wbg"),
    ("drk", "sportverein"),
    ("drk", "gesamtschule"),
    ("ev_kirche", "kath_kirche"),
    ("ev_kirche", "tafel"),
    ("ev_kirche", "kita_arche"),
    ("kath_kirche", "moschee"),
    ("jugendamt", "jugendzentrum"),
    ("jugendamt", "familienzentrum"),
    ("jugendamt", "gs_park"),
    ("polizei", "jugendzentrum"),
    ("polizei", "gewerbe"),
    ("gs_park", "bibliothek"),
    ("gs_park", "sportverein"),
    ("gs_linden", "jugendamt"),
    ("gs_linden", "bibliothek"),
    ("gs_linden", "gesamtschule"),
    ("gesamtschule", "jugendzentrum"),
    ("gesamtschule", "vhs"),
    ("bibliothek", "vhs"),
    ("vhs", "mgh"),
    ("wbg", "bi"),
    ("gewobau", "bi"),
    ("gewobau", "mgh"),
    ("gewobau", "gewerbe"),
    ("familienzentrum", "mgh"),
]
# the planted twins: both Kitas work with the same four partners, the Arche also with its church
KITA_PLANTED = [
    (k, x)
    for k in ("kita_arche", "kita_regen")
    for x in ("jugendamt", "familienzentrum", "gs_park", "bibliothek")
]
KITA_NULL = [
    ("kita_arche", x) for x in ("jugendamt", "familienzentrum", "gs_park", "bibliothek")
] + [("kita_regen", "gs_linden"), ("kita_regen", "sportverein")]

KONFERENZ = [
    "qm",
    "sozialamt",
    "awo",
    "caritas",
    "diakonie",
    "ev_kirche",
    "gs_park",
    "mgh",
    "jugendzentrum",
    "wbg",
    "bi",
]
RUNDER_TISCH_PLANTED = [
    "qm",
    "sozialamt",
    "awo",
    "caritas",
    "diakonie",
    "ev_kirche",
    "gs_park",
    "mgh",
    "jugendzentrum",
    "bi",
    "polizei",
]
RUNDER_TISCH_NULL = ["qm", "polizei", "gewerbe", "gewobau", "sportverein", "tafel"]
OTHER_COMMITTEES = {
    "AG Kinder und Jugend": [
        "jugendamt",
        "gs_park",
        "gs_linden",
        "kita_arche",
        "kita_regen",
        "jugendzentrum",
        "sportverein",
        "bibliothek",
        "familienzentrum",
    ],
    "Lenkungsgruppe Soziale Stadt": ["qm", "sozialamt", "jugendamt", "gewobau", "wbg"],
}

OFFERS_COMMON = [
    # actor, offer, target group, area (None: the actor's area)
    ("awo", "Seniorentreff", "Senioren", "Weststadt"),
    ("awo_ost", "Seniorentreff", "Senioren", None),
    ("caritas", "Migrationsberatung für Erwachsene", "Migrant:innen", None),
    ("mgh", "Mittagstisch", "Senioren", None),
    ("mgh", "Offener Treff", "Familien", None),
    ("jugendzentrum", "Offener Treff", "Jugendliche", None),
    ("familienzentrum", "Elterncafé", "Familien", None),
    ("vhs", "Deutschkurs", "Migrant:innen", "Weststadt"),
    ("moschee", "Hausaufgabenhilfe", "Kinder", None),
    ("gs_linden", "Lernförderung", "Kinder", None),
    ("bibliothek", "Vorlesestunde", "Kinder", None),
    ("tafel", "Lebensmittelausgabe", "Bedürftige", None),
    ("drk", "Erste-Hilfe-Kurs", "Erwachsene", None),
    ("sportverein", "Seniorensport", "Senioren", None),
    ("ev_kirche", "Besuchsdienst", "Senioren", None),
]
OFFERS_PLANTED = [
    ("caritas", "Senioren-Treff", "Senioren", None),
    ("diakonie", "Seniorentreff", "Senioren", None),
    ("diakonie", "Migrationsberatung fuer Erwachsene", "Migrant*innen", None),
]
OFFERS_NULL = [
    ("caritas", "Pflegeberatung", "Senioren", None),
    ("diakonie", "Schuldnerberatung", "Erwachsene", None),
]
PROJECTS = [
    ("sozialamt", "Netzwerk Alleinerziehende", "project", "Alleinerziehende", "Weststadt"),
    ("qm", "Quartiersfest", "project", "Nachbarschaft", "Weststadt"),
]


def build_quarter(*, planted: bool = True, actor_order: list[int] | None = None) -> Network:
    """The Weststadt quarter, with (``planted``) or without its duplicate structures.

    ``actor_order`` permutes the rows of the actor table (and the ties are reversed),
    to check that results do not depend on the order in which actors were read.
    """
    actors = pd.DataFrame(ACTORS, columns=["id", "label", "type", "umbrella", "area"])
    coop = COOPERATION + (KITA_PLANTED if planted else KITA_NULL)
    ties = pd.DataFrame(coop, columns=["source", "target"])
    ties["relation"] = "cooperation"
    ties["intensity"] = 2.0
    if planted:
        ties = pd.concat(
            [
                ties,
                pd.DataFrame(
                    {
                        "source": ["awo"],
                        "target": ["caritas"],
                        "relation": ["Konkurrenz"],
                        "intensity": [1.0],
                    }
                ),
            ],
            ignore_index=True,
        )
    committees = {
        "Stadtteilkonferenz Weststadt": KONFERENZ,
        "Runder Tisch Weststadt": RUNDER_TISCH_PLANTED if planted else RUNDER_TISCH_NULL,
        **OTHER_COMMITTEES,
    }
    aff = [
        (a, name, "committee", None, None) for name, members in committees.items() for a in members
    ]
    offers = OFFERS_COMMON + (OFFERS_PLANTED if planted else OFFERS_NULL)
    aff += [(a, o, "offer", tg, area) for a, o, tg, area in offers]
    aff += PROJECTS
    affiliations = pd.DataFrame(aff, columns=["actor", "item", "kind", "target_group", "area"])
    if actor_order is not None:
        actors = actors.iloc[actor_order].reset_index(drop=True)
        ties = ties.iloc[::-1].reset_index(drop=True)
        affiliations = affiliations.iloc[::-1].reset_index(drop=True)
    return Network(actors=actors, ties=ties, affiliations=affiliations, name="Weststadt")
