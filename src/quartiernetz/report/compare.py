"""``quartiernetz compare``: several networks (waves or quarters) in one report folder.

:func:`write_comparison` compares two or more networks and writes into one folder:

- ``compare.html``: one self-contained file (figures embedded as SVG, CSS inline,
  no scripts), in German or English: the figures side by side, then for each pair
  of consecutive networks the ties that began and ended, the actors who entered
  and left, catalysts who rose or fell, duplicate structures that disappeared or
  appeared, the maps of both drawn with the same positions, and the significance
  tests in plain language;
- ``network_check.csv``: the network check of every network (one row per factor and
  network, assessments in the report's language), shown side by side in the report
  with its profile figure ``network_check``;
- ``comparison.csv`` and, for pair ``k`` (networks ``k`` and ``k+1``),
  ``change_summary_k.csv``, ``tie_changes_k.csv``, ``actor_changes_k.csv``,
  ``catalyst_changes_k.csv``, ``duplicate_changes_k.csv``, ``name_review_k.csv``
  (only when names wait for a decision), and ``significance.csv``;
- ``figures/``: ``comparison``, ``network_check``, ``waves_k`` and ``tie_changes_k`` as
  PNG and SVG.

The folder rules are those of the report (:mod:`quartiernetz.report.output`): a new
or empty folder, or an earlier report with ``force``; a lock while writing; the
files moved into place only when complete. The same inputs and seed give the same
files.
"""

from __future__ import annotations

import base64
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
import pandas as pd

from .._version import __version__
from ..change import change_tables, compare
from ..change.matching import actor_labels
from ..check import ASSESSMENT_NAMES, LABELS, network_check_compare
from ..exceptions import DataCleaningWarning, QuartiernetzError
from ..i18n import Text, render
from ..inference import cug_test, ei_test, qap_correlation
from ..network import Network, as_graph
from ..plotting import plot_comparison, plot_network_check, save_figure
from ..plotting.change import common_layout, plot_tie_changes, plot_waves
from ..plotting.style import visible_text
from ..words import duplicate_evidence
from .html import Table
from .output import check_output, display_name, write_locked
from .tables import write_csv
from .texts import number, percent, say

__all__ = ["write_comparison", "COMPARE_TEXTS", "SIGNIFICANCE_LEVEL"]

_T = TypeVar("_T")

#: p-values below this count as "more than chance" in the report's sentences.
SIGNIFICANCE_LEVEL = 0.05
#: Rows of a table shown in the HTML (the CSV files hold all).
MAX_ROWS = 25
#: Jaccard index below which the report calls the change large (Snijders et al. 2010).
LOW_JACCARD = 0.3

_FIGURES_DE = {
    "actors": "Akteure",
    "ties": "Beziehungen",
    "density": "Dichte",
    "reciprocity": "Gegenseitigkeit",
    "components": "Komponenten",
    "isolates": "Isolierte Akteure",
    "isolate_share": "Anteil isolierter Akteure",
    "largest_component_share": "Anteil größte Komponente",
    "fragmentation": "Fragmentierung",
    "mean_partners": "Partner im Mittel",
    "mean_intensity": "Mittlere Intensität",
    "degree_centralization": "Zentralisierung (Grad)",
    "betweenness_centralization": "Zentralisierung (Betweenness)",
    "groups": "Akteurstypen",
    "ei_index": "E-I-Index (Typen)",
    "cross_group_tie_share": "Anteil Beziehungen zwischen Typen",
    "municipal_actors": "Kommunale Akteure",
    "municipal_actor_share": "Anteil kommunaler Akteure",
    "municipal_tie_share": "Übrige mit Beziehung zur Kommune",
    "response_rate": "Rücklaufquote",
    "confirmed_tie_share": "Bestätigte Beziehungen",
}
_FIGURES_EN = {
    "actors": "Actors",
    "ties": "Ties",
    "density": "Density",
    "reciprocity": "Reciprocity",
    "components": "Components",
    "isolates": "Isolates",
    "isolate_share": "Share of isolates",
    "largest_component_share": "Share in largest component",
    "fragmentation": "Fragmentation",
    "mean_partners": "Mean partners",
    "mean_intensity": "Mean intensity",
    "degree_centralization": "Degree centralisation",
    "betweenness_centralization": "Betweenness centralisation",
    "groups": "Actor types",
    "ei_index": "E–I index (types)",
    "cross_group_tie_share": "Share of ties between types",
    "municipal_actors": "Municipal actors",
    "municipal_actor_share": "Share of municipal actors",
    "municipal_tie_share": "Others tied to the municipality",
    "response_rate": "Response rate",
    "confirmed_tie_share": "Confirmed ties",
}
#: German descriptions of the rows of ``change_summary_k.csv`` (see CHANGE_FIGURES).
_CHANGE_DE = {
    "actors_before": "Akteure im ersten Netzwerk",
    "actors_after": "Akteure im zweiten Netzwerk",
    "actors_stayed": "Akteure in beiden Netzwerken",
    "actors_entered": "Akteure nur im zweiten Netzwerk",
    "actors_left": "Akteure nur im ersten Netzwerk",
    "ties_before": "Beziehungen (Paare mit Beziehung) im ersten Netzwerk",
    "ties_after": "Beziehungen im zweiten Netzwerk",
    "ties_stable": "Beziehungen in beiden Netzwerken",
    "ties_new": "Beziehungen nur im zweiten Netzwerk",
    "ties_ended": "Beziehungen nur im ersten Netzwerk",
    "stable_share": "Anteil der Beziehungen des ersten Netzwerks, die im zweiten bestehen",
    "jaccard": "Jaccard-Index: bestehend / (bestehend + neu + beendet)",
    "jaccard_stayed": "Jaccard-Index unter den Akteuren beider Netzwerke",
    "hamming": "Hamming-Distanz: Paare, deren Beziehung sich änderte (neu + beendet)",
    "hamming_share": "Hamming-Distanz als Anteil aller Paare der Akteure beider Netzwerke",
    "density_before": "Dichte im ersten Netzwerk",
    "density_after": "Dichte im zweiten Netzwerk",
    "degree_centralization_before": "Zentralisierung (Grad), erstes Netzwerk",
    "degree_centralization_after": "Zentralisierung (Grad), zweites Netzwerk",
    "betweenness_centralization_before": "Zentralisierung (Betweenness), erstes Netzwerk",
    "betweenness_centralization_after": "Zentralisierung (Betweenness), zweites Netzwerk",
    "catalysts_rose": "Akteure unter den stärksten Katalysatoren nur im zweiten Netzwerk",
    "catalysts_fell": "Akteure unter den stärksten Katalysatoren nur im ersten Netzwerk",
    "duplicates_appeared": "Kandidaten für Doppelstrukturen nur im zweiten Netzwerk",
    "duplicates_disappeared": "Kandidaten für Doppelstrukturen nur im ersten Netzwerk",
}
_SHARES = {
    "isolate_share",
    "largest_component_share",
    "fragmentation",
    "cross_group_tie_share",
    "municipal_actor_share",
    "municipal_tie_share",
    "response_rate",
    "confirmed_tie_share",
}

#: The report's words in German and English (plain text: the template escapes it).
COMPARE_TEXTS: dict[str, dict[str, Any]] = {
    "de": {
        "html_lang": "de",
        "default_title": "Vergleich",
        "subtitle": "Kooperationsnetzwerke im Vergleich – Bericht von quartiernetz {version}",
        "contents": "Inhalt",
        "none": "Keine.",
        "files_of_figure": "Dateien: {png} und {svg}",
        "more_rows": "… und {n:weitere Zeile|weitere Zeilen} (vollständig in {file})",
        "not_available": "Nicht verfügbar: {reason}",
        "sec_overview": "Kennzahlen im Vergleich",
        "sec_pair": "Veränderung von {a} zu {b}",
        "sec_significance": "Signifikanztests",
        "sec_methods": "Methoden",
        "sec_files": "Dateien",
        "sec_check": "Netzwerk-Check im Vergleich",
        "check_intro": "Der Netzwerk-Check liest jedes Netzwerk an den Erfolgsfaktoren lokaler "
        "Netzwerke, die fünf Praxisquellen nennen (Stärke, Hinweis, Lücke, nicht messbar). "
        "Die Einschätzungen sind Hinweise für das Gespräch im Netzwerk, keine Urteile; "
        "was die Daten nicht zeigen, lässt sich mit der vorgeschlagenen Frage erheben "
        "(network_check.csv, Spalte ask).",
        "check_counts": "{label}: {strength:Stärke|Stärken}, {watch:Hinweis|Hinweise}, "
        "{gap:Lücke|Lücken}, {nm} nicht messbar.",
        "check_alt": "Profil des Netzwerk-Checks der Netzwerke nebeneinander, ein Punkt je Faktor",
        "col_factor": "Faktor",
        "overview": "Verglichen werden {k} Netzwerke: {items}.",
        "overview_item": "{label} ({actors:Akteur|Akteure}, {ties:Beziehung|Beziehungen})",
        "size_note": "Die Netzwerke sind verschieden groß. Kennzahlen, die mit der Zahl der "
        "Akteure wachsen (Beziehungen, Partner im Mittel, Komponenten, isolierte und "
        "kommunale Akteure), stehen mit ihrem größenunabhängigen Gegenstück in der letzten "
        "Spalte; verglichen werden sollten diese.",
        "col_figure": "Kennzahl",
        "col_difference": "Differenz",
        "col_size_free": "Größenunabhängig vergleichen mit",
        "comparison_alt": "Balkendiagramm der Kennzahlen der Netzwerke nebeneinander",
        "pair_key": "Von {b_ties:Beziehung|Beziehungen} in {a} bestehen {stable} auch in {b} "
        "({stable_share}); {new:Beziehung ist|Beziehungen sind} neu, {ended:Beziehung "
        "endete|Beziehungen endeten}.",
        "pair_jaccard": "Jaccard-Index der Beziehungen: {jaccard} (unter den Akteuren, die in "
        "beiden Netzwerken vorkommen: {jaccard_stayed}); Hamming-Distanz: {hamming} "
        "(veränderte Paare).",
        "pair_low": "Der Jaccard-Index liegt unter {low}: Die Netzwerke unterscheiden sich "
        "stark. Für Längsschnittmodelle (RSiena) ist ein solcher Schritt zu groß; deuten Sie "
        "ihn als Umbruch, nicht als allmähliche Veränderung.",
        "pair_actors": "{stayed:Akteur ist|Akteure sind} in beiden Netzwerken, {entered:Akteur "
        "kam|Akteure kamen} hinzu, {left:Akteur ist|Akteure sind} nicht mehr dabei.",
        "pair_density": "Dichte: {d1} → {d2}; Zentralisierung (Grad): {c1} → {c2}; "
        "Zentralisierung (Betweenness): {b1} → {b2}.",
        "names_matched": "{n:Akteur wurde|Akteure wurden} über den Namen zugeordnet, weil "
        "die IDs verschieden sind: {items}.",
        "names_review": "{n:Name ähnelt einem Akteur des früheren Netzwerks, wurde|Namen "
        "ähneln Akteuren des früheren Netzwerks, wurden} aber nicht zugeordnet (Datei {file}). Tragen Sie die Entscheidung in "
        "suggested_actor ein und geben Sie die Datei mit --wave-aliases an.",
        "maps_title": "Netzwerkkarten",
        "maps_intro": "Beide Netzwerke mit denselben Positionen für dieselben Akteure; "
        "darunter eine Karte der Veränderung: grau die bestehenden, grün die neuen, rot "
        "gestrichelt die beendeten Beziehungen.",
        "waves_alt": "Netzwerkkarten nebeneinander mit gleichen Positionen",
        "change_alt": "Karte der neuen und beendeten Beziehungen",
        "new_ties": "Neue Beziehungen",
        "ended_ties": "Beendete Beziehungen",
        "actors_title": "Akteure, die hinzukamen oder nicht mehr dabei sind",
        "catalysts_title": "Netzwerk-Katalysatoren, die auf- oder abstiegen",
        "catalysts_intro": "Akteure unter den {k} stärksten Katalysatoren in einem der "
        "beiden Netzwerke (Rang 1 = stärkster).",
        "duplicates_title": "Doppelstrukturen, die verschwanden oder neu sind",
        "duplicates_intro": "Kandidaten für Doppelstrukturen (gleiches Angebot, Gremien mit "
        "fast gleichen Mitgliedern, Akteure mit gleichen Partnern), die nur in einem der "
        "beiden Netzwerke vorkommen.",
        "col_a": "Akteur A",
        "col_b": "Akteur B",
        "col_relation": "Beziehungsart",
        "col_intensity": "Intensität",
        "col_actor": "Akteur",
        "col_status": "Status",
        "col_partners": "Partner",
        "col_rank": "Rang",
        "col_movement": "Bewegung",
        "col_kind": "Art",
        "col_evidence": "Hinweis",
        "col_name": "Name",
        "col_suggested": "Vorschlag",
        "col_score": "Ähnlichkeit",
        "col_test": "Test",
        "col_network": "Netzwerk",
        "col_observed": "Beobachtet",
        "col_expected": "Zufall (Mittel)",
        "col_p": "p-Wert",
        "col_permuted": "Was zufällig vertauscht wurde",
        "status": {
            "stable": "bestehend",
            "new": "neu",
            "ended": "beendet",
            "stayed": "geblieben",
            "entered": "hinzugekommen",
            "left": "nicht mehr dabei",
            "rose": "aufgestiegen",
            "fell": "abgestiegen",
            "held": "gehalten",
            "appeared": "neu",
            "disappeared": "verschwunden",
            "persisting": "bestehend",
        },
        "kind": {"offer": "Angebot", "committee": "Gremium", "ties": "gleiche Partner"},
        "relation": {
            "cooperation": "Kooperation",
            "competition": "Konkurrenz",
            "funding": "Förderung",
            "resources": "Ressourcen",
            "information": "Information",
        },
        "sig_intro": "Ein Signifikanztest fragt, ob ein Befund auch durch Zufall entstehen "
        "könnte. Dazu wird etwas zufällig vertauscht (die Akteure, die Typen) oder es "
        "werden Zufallsnetzwerke gezogen, und gezählt, wie oft der Zufall einen mindestens "
        "so deutlichen Wert ergibt: Das ist der p-Wert. Unter {level} heißt hier: mehr als "
        "durch Zufall zu erwarten. Jeder Test mit {n} Wiederholungen, Startwert {seed}.",
        "sig_qap_yes": "{a} → {b}: Die Beziehungen ähneln sich mehr als durch Zufall zu "
        "erwarten (Graphkorrelation {r}, p = {p}; die Akteure eines Netzwerks wurden "
        "{n}-mal zufällig vertauscht, {m} gemeinsame Akteure).",
        "sig_qap_no": "{a} → {b}: Die Beziehungen ähneln sich nicht mehr als durch Zufall "
        "zu erwarten (Graphkorrelation {r}, p = {p}; die Akteure eines Netzwerks wurden "
        "{n}-mal zufällig vertauscht, {m} gemeinsame Akteure).",
        "sig_cug_high": "{label}: Die Zentralisierung (Grad) ist höher als durch Zufall zu "
        "erwarten ({obs} gegenüber im Mittel {null}, p = {p}; {n} Zufallsnetzwerke mit "
        "denselben Akteuren und gleich vielen Beziehungen).",
        "sig_cug_low": "{label}: Die Zentralisierung (Grad) ist niedriger als durch Zufall "
        "zu erwarten ({obs} gegenüber im Mittel {null}, p = {p}; {n} Zufallsnetzwerke mit "
        "denselben Akteuren und gleich vielen Beziehungen).",
        "sig_cug_no": "{label}: Die Zentralisierung (Grad) weicht nicht mehr vom Zufall ab, "
        "als zu erwarten ist ({obs} gegenüber im Mittel {null}, p = {p}; {n} "
        "Zufallsnetzwerke mit denselben Akteuren und gleich vielen Beziehungen).",
        "sig_ei_more": "{label}: Beziehungen zwischen Akteurstypen sind häufiger als durch "
        "Zufall zu erwarten (E-I-Index {obs}, bei zufälliger Verteilung {null}, p = {p}; "
        "die Typen wurden {n}-mal zufällig auf die Akteure verteilt).",
        "sig_ei_less": "{label}: Beziehungen innerhalb der Akteurstypen sind häufiger als "
        "durch Zufall zu erwarten (E-I-Index {obs}, bei zufälliger Verteilung {null}, "
        "p = {p}; die Typen wurden {n}-mal zufällig auf die Akteure verteilt).",
        "sig_ei_no": "{label}: Die Mischung der Akteurstypen weicht nicht mehr vom Zufall "
        "ab, als zu erwarten ist (E-I-Index {obs}, bei zufälliger Verteilung {null}, "
        "p = {p}; die Typen wurden {n}-mal zufällig auf die Akteure verteilt).",
        "test_qap": "QAP-Korrelation",
        "test_cug": "CUG-Test (Zentralisierung)",
        "test_ei": "E-I-Test (Typen)",
        "permuted_qap": "Akteure eines Netzwerks",
        "permuted_cug": "Zufallsnetzwerke mit gleich vielen Beziehungen",
        "permuted_ei": "Typen der Akteure",
        "methods": [
            (
                "Beziehungen",
                "Eine Beziehung ist ein Paar von Akteuren mit Intensität über 0 "
                "(Beziehungsarten zusammengefasst, Konkurrenz ausgenommen); Befragungsangaben "
                "beider Seiten werden wie im Einzelbericht zusammengeführt.",
            ),
            (
                "Akteure zuordnen",
                "Akteure werden über ihre ID zugeordnet, übrige über den Namen: gleiche "
                "Namen nach Vereinheitlichung (Groß-/Kleinschreibung, Umlaute, Rechtsformen, "
                "Abkürzungen) werden zusammengeführt, ähnliche nur vorgeschlagen.",
            ),
            (
                "Jaccard-Index und Hamming-Distanz",
                "Jaccard: Anteil der bestehenden Beziehungen an allen Beziehungen beider "
                "Netzwerke (Snijders, van de Bunt & Steglich 2010); unter 0,3 gilt die "
                "Veränderung als zu groß für Längsschnittmodelle. Hamming: Zahl der Paare, "
                "deren Beziehung begann oder endete.",
            ),
            (
                "Größenunabhängige Kennzahlen",
                "Dichte und normierte Zentralisierung (Freeman 1978) statt Zahl der "
                "Beziehungen; auch die Dichte sinkt mit der Größe (Anderson, Butts & Carley "
                "1999).",
            ),
            (
                "Katalysatoren",
                "Katalysator-Index und Rang wie im Einzelbericht, je Netzwerk berechnet; "
                "betrachtet werden die stärksten {k}.",
            ),
            (
                "Signifikanztests",
                "QAP-Korrelation (Krackhardt 1987) über die gemeinsamen Akteure; CUG-Test "
                "der Zentralisierung mit festgehaltener Zahl der Beziehungen (Anderson, Butts "
                "& Carley 1999); E-I-Test mit zufällig verteilten Typen (Krackhardt & Stern "
                "1988). p-Werte sind Anteile der Wiederholungen.",
            ),
        ],
        "references_title": "Literatur",
        "files_intro": "Alle Tabellen als CSV (UTF-8), alle Abbildungen als PNG und SVG:",
        "file_desc": {
            "comparison.csv": "die Kennzahlen nebeneinander",
            "network_check.csv": "der Netzwerk-Check jedes Netzwerks, Faktor für Faktor",
            "significance.csv": "die Signifikanztests",
            "change_summary": "Kennzahlen der Veränderung",
            "tie_changes": "jede Beziehung: bestehend, neu oder beendet",
            "actor_changes": "jeder Akteur: geblieben, hinzugekommen oder nicht mehr dabei",
            "catalyst_changes": "Katalysatoren, die auf- oder abstiegen",
            "duplicate_changes": "Doppelstrukturen, die verschwanden oder neu sind",
            "name_review": "Namen, die auf eine Entscheidung warten",
        },
        "generated_by": "Erstellt mit quartiernetz {version}. Gleiche Eingaben und gleicher "
        "Startwert ({seed}) ergeben denselben Bericht.",
    },
    "en": {
        "html_lang": "en",
        "default_title": "Comparison",
        "subtitle": "Cooperation networks compared – report by quartiernetz {version}",
        "contents": "Contents",
        "none": "None.",
        "files_of_figure": "Files: {png} and {svg}",
        "more_rows": "… and {n:more row|more rows} (all in {file})",
        "not_available": "Not available: {reason}",
        "sec_overview": "Figures side by side",
        "sec_pair": "Change from {a} to {b}",
        "sec_significance": "Significance tests",
        "sec_methods": "Methods",
        "sec_files": "Files",
        "sec_check": "Network check side by side",
        "check_intro": "The network check reads each network against the success factors of "
        "local networks that five practice sources name (strength, watch point, gap, not "
        "measurable). The assessments are pointers for a conversation in the network, not "
        "verdicts; what the data cannot show can be asked with the proposed question "
        "(network_check.csv, column ask).",
        "check_counts": "{label}: {strength:strength|strengths}, {watch:watch point|watch "
        "points}, {gap:gap|gaps}, {nm} not measurable.",
        "check_alt": "Profile of the network check of the networks side by side, one dot per "
        "factor",
        "col_factor": "Factor",
        "overview": "{k} networks are compared: {items}.",
        "overview_item": "{label} ({actors:actor|actors}, {ties:tie|ties})",
        "size_note": "The networks differ in size. Figures that grow with the number of "
        "actors (ties, mean partners, components, isolates and municipal actors) name their "
        "size-free counterpart in the last column; compare that one.",
        "col_figure": "Figure",
        "col_difference": "Difference",
        "col_size_free": "Compare size-free with",
        "comparison_alt": "Bar chart of the networks' figures side by side",
        "pair_key": "Of {b_ties:tie|ties} in {a}, {stable} also exist in {b} "
        "({stable_share}); {new:tie is|ties are} new, {ended:tie|ties} ended.",
        "pair_jaccard": "Jaccard index of the ties: {jaccard} (among the actors present in "
        "both: {jaccard_stayed}); Hamming distance: {hamming} (pairs that changed).",
        "pair_low": "The Jaccard index is below {low}: the networks differ a lot. For "
        "longitudinal models (RSiena) such a step is too large; read it as an upheaval, "
        "not as gradual change.",
        "pair_actors": "{stayed:actor is|actors are} in both networks, {entered:actor "
        "entered|actors entered}, {left:actor|actors} left.",
        "pair_density": "Density: {d1} → {d2}; degree centralisation: {c1} → {c2}; "
        "betweenness centralisation: {b1} → {b2}.",
        "names_matched": "{n:actor was|actors were} matched by name because the ids differ: "
        "{items}.",
        "names_review": "{n:name resembles|names resemble} an actor of the earlier network "
        "but {n:was|were} not matched (file {file}). Enter the decision in "
        "suggested_actor and pass the file with --wave-aliases.",
        "maps_title": "Network maps",
        "maps_intro": "Both networks with the same positions for the same actors; below, a "
        "map of the change: grey the ties that stayed, green the new ones, red dashed "
        "those that ended.",
        "waves_alt": "Network maps side by side with the same positions",
        "change_alt": "Map of the new and ended ties",
        "new_ties": "New ties",
        "ended_ties": "Ended ties",
        "actors_title": "Actors who entered or left",
        "catalysts_title": "Network catalysts who rose or fell",
        "catalysts_intro": "Actors among the {k} strongest catalysts in either network "
        "(rank 1 = strongest).",
        "duplicates_title": "Duplicate structures that disappeared or appeared",
        "duplicates_intro": "Candidate duplicate structures (the same offer, committees with "
        "nearly the same members, actors with the same partners) found in only one of the "
        "two networks.",
        "col_a": "Actor A",
        "col_b": "Actor B",
        "col_relation": "Relation",
        "col_intensity": "Intensity",
        "col_actor": "Actor",
        "col_status": "Status",
        "col_partners": "Partners",
        "col_rank": "Rank",
        "col_movement": "Movement",
        "col_kind": "Kind",
        "col_evidence": "Evidence",
        "col_name": "Name",
        "col_suggested": "Suggestion",
        "col_score": "Similarity",
        "col_test": "Test",
        "col_network": "Network",
        "col_observed": "Observed",
        "col_expected": "Chance (mean)",
        "col_p": "p-value",
        "col_permuted": "What was permuted",
        "status": {
            "stable": "stable",
            "new": "new",
            "ended": "ended",
            "stayed": "stayed",
            "entered": "entered",
            "left": "left",
            "rose": "rose",
            "fell": "fell",
            "held": "held",
            "appeared": "appeared",
            "disappeared": "disappeared",
            "persisting": "persisting",
        },
        "kind": {"offer": "offer", "committee": "committee", "ties": "same partners"},
        "relation": {},
        "sig_intro": "A significance test asks whether a finding could also arise by "
        "chance. Something is shuffled at random (the actors, the types) or random networks "
        "are drawn, and it is counted how often chance gives a value at least as clear: "
        "that is the p-value. Below {level} means here: more than to be expected by chance. "
        "Each test with {n} repetitions, seed {seed}.",
        "sig_qap_yes": "{a} → {b}: the ties are more alike than to be expected by chance "
        "(graph correlation {r}, p = {p}; the actors of one network were shuffled {n} "
        "times, {m} actors in common).",
        "sig_qap_no": "{a} → {b}: the ties are not more alike than to be expected by chance "
        "(graph correlation {r}, p = {p}; the actors of one network were shuffled {n} "
        "times, {m} actors in common).",
        "sig_cug_high": "{label}: degree centralisation is higher than to be expected by "
        "chance ({obs} against {null} on average, p = {p}; {n} random networks with the "
        "same actors and as many ties).",
        "sig_cug_low": "{label}: degree centralisation is lower than to be expected by "
        "chance ({obs} against {null} on average, p = {p}; {n} random networks with the "
        "same actors and as many ties).",
        "sig_cug_no": "{label}: degree centralisation does not differ from chance more than "
        "to be expected ({obs} against {null} on average, p = {p}; {n} random networks "
        "with the same actors and as many ties).",
        "sig_ei_more": "{label}: ties between actor types are more frequent than to be "
        "expected by chance (E–I index {obs}, with random types {null}, p = {p}; the types "
        "were shuffled over the actors {n} times).",
        "sig_ei_less": "{label}: ties within actor types are more frequent than to be "
        "expected by chance (E–I index {obs}, with random types {null}, p = {p}; the types "
        "were shuffled over the actors {n} times).",
        "sig_ei_no": "{label}: the mixing of actor types does not differ from chance more "
        "than to be expected (E–I index {obs}, with random types {null}, p = {p}; the "
        "types were shuffled over the actors {n} times).",
        "test_qap": "QAP correlation",
        "test_cug": "CUG test (centralisation)",
        "test_ei": "E–I test (types)",
        "permuted_qap": "actors of one network",
        "permuted_cug": "random networks with as many ties",
        "permuted_ei": "the actors' types",
        "methods": [
            (
                "Ties",
                "A tie is a pair of actors with intensity above 0 (relations combined, "
                "competition left out); survey reports of both sides are reconciled as in "
                "the single report.",
            ),
            (
                "Matching actors",
                "Actors are matched by id, the rest by name: names equal after "
                "normalisation (case, umlauts, legal forms, abbreviations) are merged, "
                "similar ones only suggested.",
            ),
            (
                "Jaccard index and Hamming distance",
                "Jaccard: the share of the ties present in both networks among the ties of "
                "either (Snijders, van de Bunt & Steglich 2010); below 0.3 the change counts "
                "as too large for longitudinal models. Hamming: the number of pairs whose "
                "tie began or ended.",
            ),
            (
                "Size-free figures",
                "Density and normalised centralisation (Freeman 1978) instead of the number "
                "of ties; density too falls with size (Anderson, Butts & Carley 1999).",
            ),
            (
                "Catalysts",
                "Catalyst index and rank as in the single report, computed per network; "
                "the strongest {k} are looked at.",
            ),
            (
                "Significance tests",
                "QAP correlation (Krackhardt 1987) over the actors in common; CUG test of "
                "centralisation with the number of ties held fixed (Anderson, Butts & "
                "Carley 1999); E–I test with types shuffled (Krackhardt & Stern 1988). "
                "p-values are shares of the repetitions.",
            ),
        ],
        "references_title": "References",
        "files_intro": "Every table as CSV (UTF-8), every figure as PNG and SVG:",
        "file_desc": {
            "comparison.csv": "the figures side by side",
            "network_check.csv": "the network check of each network, factor by factor",
            "significance.csv": "the significance tests",
            "change_summary": "figures of change",
            "tie_changes": "every tie: stable, new or ended",
            "actor_changes": "every actor: stayed, entered or left",
            "catalyst_changes": "catalysts who rose or fell",
            "duplicate_changes": "duplicate structures that disappeared or appeared",
            "name_review": "names waiting for a decision",
        },
        "generated_by": "Made with quartiernetz {version}. The same inputs and seed ({seed}) "
        "give the same report.",
    },
}

_REFERENCES = (
    "Anderson, B. S., Butts, C. T. & Carley, K. M. (1999). The interaction of size and "
    "density with graph-level indices. Social Networks 21(3), 239–267.",
    "Freeman, L. C. (1978). Centrality in social networks: conceptual clarification. "
    "Social Networks 1(3), 215–239.",
    "Krackhardt, D. (1987). QAP partialling as a test of spuriousness. Social Networks "
    "9(2), 171–186.",
    "Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises: "
    "an experimental simulation. Social Psychology Quarterly 51(2), 123–140.",
    "Snijders, T. A. B., van de Bunt, G. G. & Steglich, C. E. G. (2010). Introduction to "
    "stochastic actor-based models for network dynamics. Social Networks 32(1), 44–60.",
)


@dataclass(frozen=True)
class _Figure:
    png: str
    svg: str
    data_uri: str


def _check(
    networks: Mapping[str, Network | nx.Graph],
    lang: str,
    permutations: int,
    top: int,
) -> list[str]:
    if lang not in ("de", "en"):
        raise QuartiernetzError(
            Text(
                "lang must be 'de' or 'en', got {v!r}", "lang muss 'de' oder 'en' sein, nicht {v!r}"
            ).format(v=lang)
        )
    if not isinstance(networks, Mapping) or len(networks) < 2:
        raise QuartiernetzError(
            Text(
                "a comparison needs at least two networks, got {n}",
                "ein Vergleich braucht mindestens zwei Netzwerke, erhalten: {n}",
            ).format(n=len(networks) if isinstance(networks, Mapping) else 0)
        )
    labels = [str(k) for k in networks]
    if len(set(labels)) != len(labels):
        raise QuartiernetzError(
            Text(
                "the labels must differ, got {labels}",
                "die Bezeichnungen müssen verschieden sein, erhalten: {labels}",
            ).format(labels=", ".join(labels))
        )
    for name, value in (("permutations", permutations), ("top", top)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise QuartiernetzError(
                Text(
                    "[[opt:{name}]] must be a whole number >= 1, got {v!r}",
                    "[[opt:{name}]] muss eine ganze Zahl >= 1 sein, nicht {v!r}",
                ).format(name=name, v=value)
            )
    return labels


def _save(fig: Any, folder: Path, stem: str) -> _Figure:
    """Save ``fig`` as PNG and SVG into ``folder`` and close every open figure."""
    import matplotlib.pyplot as plt

    folder.mkdir(parents=True, exist_ok=True)
    png, svg = save_figure(fig, folder / stem)
    plt.close("all")
    uri = "data:image/svg+xml;base64," + base64.b64encode(svg.read_bytes()).decode("ascii")
    return _Figure(f"figures/{png.name}", f"figures/{svg.name}", uri)


def _long_table(
    columns: list[str], rows: list[list[str]], numeric: list[bool], t: dict[str, Any], file: str
) -> Table:
    """At most :data:`MAX_ROWS` rows; a note names ``file`` for the rest."""
    if len(rows) <= MAX_ROWS:
        return Table(columns, rows, numeric, None)
    more = say(t["more_rows"], t["html_lang"], n=len(rows) - MAX_ROWS, file=file)
    return Table(columns, rows[:MAX_ROWS], numeric, more)


def _reason(err: Exception, lang: str, t: dict[str, Any]) -> str:
    text = err.render(lang) if isinstance(err, QuartiernetzError) else str(err)
    return t["not_available"].format(reason=text)


@dataclass(frozen=True)
class _Job:
    """What every section of the report needs: the folder being written, the language
    and its texts, the seed, and the files written so far (for the list of files)."""

    work: Path
    lang: str
    t: dict[str, Any]
    seed: int
    files: list[str] = field(default_factory=list)

    def csv(self, frame: pd.DataFrame, name: str, *, index: bool = False) -> None:
        """Write ``frame`` as the file ``name`` of the report and list it."""
        write_csv(frame, self.work / name, index=index)
        self.files.append(name)

    def figure(self, fig: Any, stem: str) -> _Figure:
        """Save ``fig`` as ``figures/stem`` (PNG and SVG)."""
        return _save(fig, self.work / "figures", stem)

    def attempt(self, out: dict[str, Any], run: Callable[[], _T], *, prefix: str = "") -> _T | None:
        """``run()``; or None when it raises a QuartiernetzError, whose reason (after
        ``prefix``) joins ``out["errors"]`` so that the section shows it."""
        try:
            return run()
        except QuartiernetzError as err:
            out["errors"].append(prefix + _reason(err, self.lang, self.t))
            return None


def _value(v: Any, key: str, lang: str) -> str:
    return percent(v, lang, digits=1) if key in _SHARES else number(v, lang)


def _localized_csv(frame: pd.DataFrame, t: dict[str, Any], lang: str) -> pd.DataFrame:
    """People-facing values (status, movement, kind) in the report's language."""
    if lang == "en":
        return frame
    out = frame.copy()
    for col, words in (("status", t["status"]), ("movement", t["status"]), ("kind", t["kind"])):
        if col in out.columns:
            out[col] = out[col].map(lambda v, w=words: w.get(v, v) if isinstance(v, str) else v)
    return out


def write_comparison(
    networks: Mapping[str, Network | nx.Graph],
    out: str | os.PathLike[str],
    *,
    lang: str = "de",
    seed: int = 0,
    title: str | None = None,
    force: bool = False,
    permutations: int = 1000,
    top: int = 10,
    aliases: Any = None,
    inputs: Sequence[str | os.PathLike[str]] = (),
) -> Path:
    """Write the comparison report of ``networks`` into the folder ``out``.

    Parameters
    ----------
    networks : mapping of str to Network or networkx.Graph
        Label -> network, at least two, in order (waves: earliest first). Change
        is reported between consecutive networks.
    out : path-like
        The output folder: new, empty, or an earlier report (with ``force``).
    lang : {"de", "en"}
    seed : int
        Seed of the layouts and the significance tests.
    title : str, optional
        Default "Vergleich: A – B" / "Comparison: A – B".
    force : bool
        Replace an earlier report in ``out`` (never other files).
    permutations : int, default 1000
        Permutations (QAP, E–I) and random graphs (CUG) of each test.
    top : int, default 10
        The top group of catalysts.
    aliases : path, DataFrame or mapping, optional
        Name decisions for actors the networks name differently (see
        :func:`quartiernetz.change.match_actors`).
    inputs : sequence of path-like
        Files that were read: the output folder must not hold one.

    Returns
    -------
    pathlib.Path
        The output folder (resolved).

    Raises
    ------
    QuartiernetzError
        Fewer than two networks, equal labels, bad ``lang``, ``permutations`` or
        ``top``; an output folder that may not be used (see
        :mod:`quartiernetz.report.output`). Checked before any analysis runs.

    Examples
    --------
    >>> import tempfile, pathlib, networkx as nx
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "compare"
    >>> path = write_comparison({"2024": nx.path_graph(5), "2026": nx.cycle_graph(5)},
    ...                         folder, lang="en", permutations=50)
    >>> sorted(p.name for p in path.glob("*.csv"))[:3]
    ['actor_changes_1.csv', 'catalyst_changes_1.csv', 'change_summary_1.csv']
    """
    labels = _check(networks, lang, permutations, top)
    folder, _ = check_output(out, force=force, inputs=inputs)
    if title is None:
        t = COMPARE_TEXTS[lang]
        title = f"{t['default_title']}: " + " – ".join(display_name(x) for x in labels)

    def fill(work: Path) -> list[str]:
        _write_into(
            dict(zip(labels, networks.values(), strict=True)),
            work,
            lang=lang,
            seed=seed,
            title=title,
            permutations=permutations,
            top=top,
            aliases=aliases,
        )
        return sorted(p.relative_to(work).as_posix() for p in work.rglob("*") if p.is_file())

    write_locked(out, folder, fill, force=force, inputs=inputs)
    return folder


def _write_into(
    nets: dict[str, Network | nx.Graph],
    work: Path,
    *,
    lang: str,
    seed: int,
    title: str,
    permutations: int,
    top: int,
    aliases: Any,
) -> None:
    import warnings

    import matplotlib

    if matplotlib.get_backend().lower() not in ("agg", "svg", "pdf", "ps", "cairo"):
        matplotlib.use("Agg")
    t = COMPARE_TEXTS[lang]
    labels = list(nets)
    job = _Job(work, lang, t, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataCleaningWarning)
        overview = _overview(nets, job)
        pairs = [
            _pair(k + 1, labels[k], labels[k + 1], nets, job, top=top, aliases=aliases)
            for k in range(len(labels) - 1)
        ]
        significance = _significance(nets, pairs, job, permutations=permutations)
        check = _check_profiles(nets, job)
    sections = [("overview", t["sec_overview"])]
    sections += [(p["id"], p["heading"]) for p in pairs]
    sections += [
        ("check", t["sec_check"]),
        ("significance", t["sec_significance"]),
        ("methods", t["sec_methods"]),
        ("files", t["sec_files"]),
    ]
    methods = [(term, text.format(k=top)) for term, text in t["methods"]]
    file_list = []
    for f in job.files:
        stem = f.rsplit("_", 1)[0] if f[-5:-4].isdigit() else f
        file_list.append((f, t["file_desc"].get(f, t["file_desc"].get(stem, ""))))
    context = {
        "t": t,
        "title": title,
        "subtitle": t["subtitle"].format(version=__version__),
        "generated_by": t["generated_by"].format(version=__version__, seed=seed),
        "sections": sections,
        "overview": overview,
        "pairs": pairs,
        "significance": significance,
        "check": check,
        "methods": methods,
        "references": _REFERENCES,
        "files": file_list,
    }
    html = _render(context)
    with open(work / "compare.html", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(html)


def _overview(nets: dict[str, Network | nx.Graph], job: _Job) -> dict[str, Any]:
    """The figures of every network side by side: sentences, table, CSV and figure."""
    lang, t = job.lang, job.t
    out: dict[str, Any] = {"sentences": [], "table": None, "figure": None, "errors": []}
    table = job.attempt(out, partial(compare, nets, seed=job.seed))
    if table is None:
        return out
    labels = list(nets)
    items = [
        say(
            t["overview_item"],
            lang,
            label=label,
            actors=table.loc["actors", label],
            ties=table.loc["ties", label],
        )
        for label in labels
    ]
    out["sentences"].append(say(t["overview"], lang, k=len(labels), items="; ".join(items)))
    csv = table.copy()
    if lang == "de":
        csv["description"] = [_FIGURES_DE.get(str(f), str(f)) for f in csv.index]
    job.csv(csv, "comparison.csv", index=True)
    names = _FIGURES_DE if lang == "de" else _FIGURES_EN
    two = "difference" in table.columns
    cols = [t["col_figure"], *labels] + ([t["col_difference"]] if two else [])
    cols.append(t["col_size_free"])
    rows = []
    for fig, r in table.iterrows():
        if all(pd.isna(r[label]) for label in labels):
            continue
        row = [names.get(str(fig), str(fig))] + [
            _value(r[label], str(fig), lang) for label in labels
        ]
        if two:
            row.append(_value(r["difference"], str(fig), lang))
        free = str(r["size_free"])
        row.append(names.get(free, free) if free else "")
        rows.append(row)
    numeric = [False] + [True] * (len(cols) - 2) + [False]
    out["table"] = Table(cols, rows, numeric)

    def draw() -> _Figure:
        measures = [
            m
            for m in (
                "density",
                "largest_component_share",
                "isolate_share",
                "degree_centralization",
                "betweenness_centralization",
                "ei_index",
                "municipal_tie_share",
            )
            if table.loc[m, labels].notna().any()
        ]
        ax = plot_comparison(table.loc[measures, labels].T, measures=measures, lang=lang)
        return job.figure(ax.figure, "comparison")

    out["figure"] = job.attempt(out, draw)
    return out


def _check_profiles(nets: dict[str, Network | nx.Graph], job: _Job) -> dict[str, Any]:
    """The network check of every network side by side: sentences, table, CSV and figure."""
    lang, t = job.lang, job.t
    out: dict[str, Any] = {"sentences": [], "table": None, "figure": None, "errors": []}
    long = job.attempt(
        out, partial(network_check_compare, nets, lang=lang, layout="long", seed=job.seed)
    )
    if long is None:
        return out
    labels = list(nets)
    word = {k: render(v, lang) for k, v in ASSESSMENT_NAMES.items()}
    for label in labels:
        counts = long.loc[long["network"] == label, "assessment"].value_counts()
        out["sentences"].append(
            say(
                t["check_counts"],
                lang,
                label=label,
                strength=int(counts.get("strength", 0)),
                watch=int(counts.get("watch", 0)),
                gap=int(counts.get("gap", 0)),
                nm=int(counts.get("not measurable", 0)),
            )
        )
    csv = long.copy()
    csv.insert(2, "label", [render(LABELS[f], lang) if f in LABELS else f for f in csv["factor"]])
    csv["assessment"] = [word.get(a, a) for a in csv["assessment"]]
    job.csv(csv, "network_check.csv")
    by = long.set_index(["factor", "network"])["assessment"]
    rows = []
    for factor in dict.fromkeys(long["factor"]):
        name = render(LABELS[factor], lang) if factor in LABELS else str(factor)
        rows.append([name, *[word.get(by.get((factor, x), ""), "") for x in labels]])
    out["table"] = Table([t["col_factor"], *labels], rows)

    def draw() -> _Figure:
        return job.figure(plot_network_check(long, lang=lang).figure, "network_check")

    out["figure"] = job.attempt(out, draw)
    return out


def _names(net: Network | nx.Graph) -> dict[Any, str]:
    return actor_labels(net)


def _pair(
    k: int,
    a: str,
    b: str,
    nets: dict[str, Network | nx.Graph],
    job: _Job,
    *,
    top: int,
    aliases: Any,
) -> dict[str, Any]:
    """The change from network ``a`` to network ``b`` (pair ``k``)."""
    lang, t, seed = job.lang, job.t, job.seed
    before, after = nets[a], nets[b]
    out: dict[str, Any] = {
        "id": f"change-{k}",
        "heading": t["sec_pair"].format(a=a, b=b),
        "a": a,
        "b": b,
        "errors": [],
        "sentences": [],
        "names": None,
        "review": None,
        "waves_figure": None,
        "change_figure": None,
        "new_ties": None,
        "ended_ties": None,
        "actors": None,
        "actors_sentence": None,
        "catalysts": None,
        "catalysts_intro": t["catalysts_intro"].format(k=top),
        "duplicates": None,
        "graphs": None,
    }
    tables = job.attempt(
        out, partial(change_tables, before, after, aliases=aliases, top=top, seed=seed)
    )
    if tables is None:
        return out
    for name in ("summary", "ties", "actors", "catalysts", "duplicates"):
        file = {
            "summary": "change_summary",
            "ties": "tie_changes",
            "actors": "actor_changes",
            "catalysts": "catalyst_changes",
            "duplicates": "duplicate_changes",
        }[name]
        frame = _localized_csv(tables[name], t, lang)
        if name == "duplicates":  # the evidence in the report's language, without its source
            if lang != "en":
                frame["evidence"] = [duplicate_evidence(d, lang=lang) for d in frame["details"]]
            frame = frame.drop(columns="details")
        if name == "summary" and lang == "de":
            frame["description"] = [_CHANGE_DE.get(str(f), str(f)) for f in frame.index]
        job.csv(frame, f"{file}_{k}.csv", index=name in ("summary", "actors", "catalysts"))
    review = tables["review"]
    if len(review):
        job.csv(review, f"name_review_{k}.csv")
    s = tables["summary"]["value"]
    out["sentences"].append(
        say(
            t["pair_key"],
            lang,
            a=a,
            b=b,
            b_ties=s["ties_before"],
            stable=number(s["ties_stable"], lang),
            stable_share=percent(s["stable_share"], lang),
            new=s["ties_new"],
            ended=s["ties_ended"],
        )
    )
    out["sentences"].append(
        say(
            t["pair_jaccard"],
            lang,
            jaccard=number(s["jaccard"], lang),
            jaccard_stayed=number(s["jaccard_stayed"], lang),
            hamming=number(s["hamming"], lang),
        )
    )
    if not math.isnan(s["jaccard"]) and s["jaccard"] < LOW_JACCARD:
        out["sentences"].append(t["pair_low"].format(low=number(LOW_JACCARD, lang, digits=1)))
    out["sentences"].append(
        say(
            t["pair_density"],
            lang,
            d1=number(s["density_before"], lang),
            d2=number(s["density_after"], lang),
            c1=number(s["degree_centralization_before"], lang),
            c2=number(s["degree_centralization_after"], lang),
            b1=number(s["betweenness_centralization_before"], lang),
            b2=number(s["betweenness_centralization_after"], lang),
        )
    )
    actors = tables["actors"]
    label_of = actors["label"].to_dict()

    def name(v: Any) -> str:
        return str(label_of.get(v, v))

    renamed = tables["ties"].attrs.get("renamed") or {}
    if renamed:
        after_labels = _names(after)
        items = "; ".join(
            f"{after_labels.get(new, new)} = {name(old)}" for new, old in list(renamed.items())[:10]
        )
        out["names"] = say(t["names_matched"], lang, n=len(renamed), items=items)
    if len(review):
        text = say(t["names_review"], lang, n=len(review), file=f"name_review_{k}.csv")
        out["names"] = f"{out['names']} {text}" if out["names"] else text
        rows = [
            [str(r["name"]), name(r["suggested_actor"]), number(r["score"], lang, digits=0)]
            for _, r in review.iterrows()
        ]
        out["review"] = _long_table(
            [t["col_name"], t["col_suggested"], t["col_score"]],
            rows,
            [False, False, True],
            t,
            f"name_review_{k}.csv",
        )
    ties = tables["ties"]
    rel_words = t["relation"]
    for key, status, column in (
        ("new_ties", "new", "intensity_after"),
        ("ended_ties", "ended", "intensity_before"),
    ):
        sub = ties[ties["status"] == status]
        rows = [
            [
                name(r["a"]),
                name(r["b"]),
                rel_words.get(r["relation"], str(r["relation"])),
                number(r[column], lang),
            ]
            for _, r in sub.iterrows()
        ]
        out[key] = _long_table(
            [t["col_a"], t["col_b"], t["col_relation"], t["col_intensity"]],
            rows,
            [False, False, False, True],
            t,
            f"tie_changes_{k}.csv",
        )
    stayed = int((actors["status"] == "stayed").sum())
    entered = int((actors["status"] == "entered").sum())
    left = int((actors["status"] == "left").sum())
    out["actors_sentence"] = say(t["pair_actors"], lang, stayed=stayed, entered=entered, left=left)

    def before_after(
        frame: pd.DataFrame, word: str, measure: str, col: str
    ) -> tuple[list[str], list[list[str]], list[bool]]:
        """Per actor: its name, the word for its ``word`` column and ``measure`` in both
        networks (header ``t[col]``): columns, rows and which are numeric."""
        rows = [
            [
                name(v),
                t["status"][r[word]],
                number(r[f"{measure}_before"], lang),
                number(r[f"{measure}_after"], lang),
            ]
            for v, r in frame.iterrows()
        ]
        columns = [t["col_actor"], t[f"col_{word}"], f"{t[col]} ({a})", f"{t[col]} ({b})"]
        return columns, rows, [False, False, True, True]

    moved = actors[actors["status"] != "stayed"]
    out["actors"] = _long_table(
        *before_after(moved, "status", "degree", "col_partners"), t, f"actor_changes_{k}.csv"
    )
    out["catalysts"] = Table(*before_after(tables["catalysts"], "movement", "rank", "col_rank"))
    dup = tables["duplicates"]
    dup = dup[dup["status"] != "persisting"]
    rows = [
        [
            t["kind"].get(r["kind"], r["kind"]),
            str(r["a"]) if r["kind"] == "committee" else name(r["a"]),
            str(r["b"]) if r["kind"] == "committee" else name(r["b"]),
            t["status"][r["status"]],
        ]
        for _, r in dup.iterrows()
    ]
    out["duplicates"] = _long_table(
        [t["col_kind"], t["col_a"], t["col_b"], t["col_status"]],
        rows,
        [False, False, False, False],
        t,
        f"duplicate_changes_{k}.csv",
    )
    # the two networks as graphs with the earlier ids (for the maps and the tests)
    Gb = as_graph(before)
    Ga = as_graph(after)
    if renamed:
        Ga = nx.relabel_nodes(Ga, renamed, copy=True)
    out["graphs"] = (Gb, Ga)

    def draw() -> None:
        pos = common_layout([Gb, Ga], seed=seed)
        axes = plot_waves({a: Gb, b: Ga}, pos=pos, seed=seed, lang=lang, weight="weight")
        out["waves_figure"] = job.figure(axes[0].figure, f"waves_{k}")
        ax = plot_tie_changes(Gb, Ga, ties=ties, actors=actors, pos=pos, lang=lang)
        out["change_figure"] = job.figure(ax.figure, f"tie_changes_{k}")

    job.attempt(out, draw)
    return out


def _significance(
    nets: dict[str, Network | nx.Graph],
    pairs: list[dict[str, Any]],
    job: _Job,
    *,
    permutations: int,
) -> dict[str, Any]:
    """QAP between consecutive networks, CUG and E–I per network, in plain language."""
    lang, t, seed = job.lang, job.t, job.seed
    level = SIGNIFICANCE_LEVEL
    out: dict[str, Any] = {
        "intro": say(
            t["sig_intro"],
            lang,
            level=number(level, lang),
            n=number(permutations, lang),
            seed=seed,
        ),
        "sentences": [],
        "errors": [],
        "table": None,
    }
    records: list[dict[str, Any]] = []

    def p_text(p: float) -> str:
        # a p of 0 means: below one in the number of repetitions
        if p == 0:
            return "< " + number(1 / permutations, lang, digits=4)
        return number(p, lang, digits=3)

    def found(key: str, p: float, record: dict[str, Any], **words: Any) -> None:
        """One test's sentence (``t[key]`` with ``words``) and its row of significance.csv."""
        out["sentences"].append(
            say(t[key], lang, p=p_text(p), n=number(permutations, lang), **words)
        )
        records.append({**record, "p_value": p, "repetitions": permutations})

    def found_in(label: str, key: str, p: float, obs: float, null: float, **record: Any) -> None:
        """A test of one network: its observed value against the null model's."""
        found(
            key,
            p,
            {"network": label, "observed": obs, "null_mean": null, **record},
            label=label,
            obs=number(obs, lang),
            null=number(null, lang),
        )

    for pair in pairs:
        if pair.get("graphs") is None:
            continue
        Gb, Ga = pair["graphs"]
        qap = partial(
            qap_correlation, Gb, Ga, permutations=permutations, seed=seed, align="intersection"
        )
        result = job.attempt(out, qap, prefix=f"{pair['a']} → {pair['b']}: ")
        if result is None:
            continue
        r = result.loc["gcor"]
        p = float(r["p_greater"])
        found(
            "sig_qap_yes" if p < level else "sig_qap_no",
            p,
            {
                "test": "qap_correlation",
                "network": f"{pair['a']} -> {pair['b']}",
                "statistic": "gcor",
                "observed": float(r["observed"]),
                "null_mean": float(r["null_mean"]),
                "tail": "greater",
                "permuted": "actors",
            },
            a=pair["a"],
            b=pair["b"],
            r=number(r["observed"], lang),
            m=number(len(set(Gb.nodes) & set(Ga.nodes)), lang),
        )
    for label, net in nets.items():
        cug = partial(
            cug_test,
            net,
            "degree_centralization",
            conditioning="edges",
            draws=permutations,
            seed=seed,
        )
        result = job.attempt(out, cug, prefix=f"{label}: ")
        if result is not None:
            r = result.loc["degree_centralization"]
            obs, null = float(r["observed"]), float(r["null_mean"])
            tail = "greater" if obs >= null else "less"
            p = float(r["p_greater"] if tail == "greater" else r["p_less"])
            key = (
                "sig_cug_no"
                if p >= level
                else "sig_cug_high"
                if tail == "greater"
                else "sig_cug_low"
            )
            found_in(
                label,
                key,
                p,
                obs,
                null,
                test="cug_test",
                statistic="degree_centralization",
                tail=tail,
                permuted="random graphs with the same number of ties",
            )
        G = as_graph(net)
        types = {v: d.get("type") for v, d in G.nodes(data=True) if isinstance(d.get("type"), str)}
        if len(set(types.values())) < 2:
            continue
        ei = partial(ei_test, G, types, permutations=permutations, seed=seed)
        result = job.attempt(out, ei, prefix=f"{label}: ")
        if result is None:
            continue
        r = result.loc["ei_index"]
        obs, expected = float(r["observed"]), float(r["expected"])
        p = float(r["p_two_sided"])
        key = "sig_ei_no" if p >= level else "sig_ei_more" if obs > expected else "sig_ei_less"
        found_in(
            label,
            key,
            p,
            obs,
            expected,
            test="ei_test",
            statistic="ei_index",
            tail="two-sided",
            permuted="actor types",
        )
    frame = pd.DataFrame(
        records,
        columns=[
            "test",
            "network",
            "statistic",
            "observed",
            "null_mean",
            "p_value",
            "tail",
            "repetitions",
            "permuted",
        ],
    )
    names = {"qap_correlation": "qap", "cug_test": "cug", "ei_test": "ei"}
    if lang == "de":
        frame["permuted"] = [t[f"permuted_{names[x]}"] for x in frame["test"]]
    job.csv(frame, "significance.csv")
    rows = [
        [
            t[f"test_{names[r['test']]}"],
            str(r["network"]).replace(" -> ", " → "),
            number(r["observed"], lang),
            number(r["null_mean"], lang),
            p_text(float(r["p_value"])),
            t[f"permuted_{names[r['test']]}"],
        ]
        for r in records
    ]
    out["table"] = Table(
        [
            t["col_test"],
            t["col_network"],
            t["col_observed"],
            t["col_expected"],
            t["col_p"],
            t["col_permuted"],
        ],
        rows,
        [False, False, True, True, True, False],
    )
    return out


def _render(context: dict[str, Any]) -> str:
    import jinja2
    import markupsafe

    def finalize(value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
            return visible_text(value)
        return value

    folder = resources.files(__package__).joinpath("templates")
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=finalize,
    )
    css = folder.joinpath("report.css").read_text("utf-8")
    return env.get_template("compare.html.j2").render(css=css, **context)
