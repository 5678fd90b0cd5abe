"""The programme overview of a batch: table, distribution figures, index.html."""

from __future__ import annotations

import html
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..datasets.programme import PUBLISHED_FIGURES
from ..plotting.style import OKABE_ITO, save_figure, style
from ..report.tables import write_csv

__all__ = ["TEXTS", "programme_overview", "write_overview", "OVERVIEW_FILES"]

#: Files the overview writes into the batch folder (figures only where data exist).
OVERVIEW_FILES = (
    "batch.csv",
    "index.html",
    "programme.csv",
    "figures/distributions.png",
    "figures/distributions.svg",
    "figures/programme.png",
    "figures/programme.svg",
)

#: The overview's words in German and English.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Programme overview",
        "intro": "{n} inputs: {ok} reports written, {failed} failed.",
        "inputs": "Inputs",
        "report": "report",
        "input": "input",
        "status": "status",
        "ok": "written",
        "failed": "failed",
        "error": "reason",
        "actors": "actors",
        "ties": "ties",
        "density": "density",
        "top_catalyst": "top catalyst",
        "municipal_tie_share": "municipal tie share",
        "duplicates": "duplicates",
        "competitors": "competitors",
        "check": "network check (strength / watch / gap)",
        "distributions": "Distributions across the inputs",
        "programme": "Programme figures recomputed from the per-house data",
        "programme_note": "Consistency check of the pipeline: the synthetic houses come from "
        "a generator calibrated to the published figures, so agreement shows that reading, "
        "analysing and aggregating keep them, not that the figures are reproduced.",
        "figure": "figure",
        "recomputed": "recomputed",
        "published": "published",
        "houses": "houses",
        "partners_per_house": "partners per house",
        "share_municipal_partner": "share of houses with a municipal partner",
        "type_share": "share of partner ties: {type}",
        "partner_count": "partners per house",
        "n_houses": "houses",
        "partner_types": "partner types (share of partner ties)",
        "count": "inputs",
        "no_data": "no report was written",
    },
    "de": {
        "title": "Programmübersicht",
        "intro": "{n} Eingaben: {ok} Berichte geschrieben, {failed} fehlgeschlagen.",
        "inputs": "Eingaben",
        "report": "Bericht",
        "input": "Eingabe",
        "status": "Status",
        "ok": "geschrieben",
        "failed": "fehlgeschlagen",
        "error": "Grund",
        "actors": "Akteure",
        "ties": "Beziehungen",
        "density": "Dichte",
        "top_catalyst": "wichtigster Katalysator",
        "municipal_tie_share": "Anteil mit Beziehung zur Kommune",
        "duplicates": "Doppelstrukturen",
        "competitors": "Konkurrenzcluster",
        "check": "Netzwerk-Check (Stärke / beobachten / Lücke)",
        "distributions": "Verteilungen über die Eingaben",
        "programme": "Programmzahlen, aus den Daten der Häuser neu berechnet",
        "programme_note": "Konsistenzprüfung der Auswertung: die synthetischen Häuser stammen "
        "aus einem Generator, der auf die veröffentlichten Zahlen kalibriert ist; "
        "Übereinstimmung zeigt, dass Einlesen, Auswerten und Zusammenfassen sie erhalten, "
        "nicht, dass die Zahlen reproduziert werden.",
        "figure": "Kennzahl",
        "recomputed": "neu berechnet",
        "published": "veröffentlicht",
        "houses": "Häuser",
        "partners_per_house": "Partner je Haus",
        "share_municipal_partner": "Anteil der Häuser mit kommunalem Partner",
        "type_share": "Anteil der Partnerbeziehungen: {type}",
        "partner_count": "Partner je Haus",
        "n_houses": "Häuser",
        "partner_types": "Partnertypen (Anteil der Partnerbeziehungen)",
        "count": "Eingaben",
        "no_data": "kein Bericht geschrieben",
    },
}


def _type_counts(table: pd.DataFrame) -> pd.Series:
    counts: dict[str, int] = {}
    for text in table.get("partner_types", pd.Series(dtype=object)).dropna():
        for part in str(text).split("; "):
            if "=" in part:
                t, _, n = part.rpartition("=")
                counts[t] = counts.get(t, 0) + int(n)
    s = pd.Series(counts, dtype="int64")
    return s.sort_index().sort_values(ascending=False, kind="stable")


def programme_overview(table: pd.DataFrame) -> pd.DataFrame | None:
    """The programme figures recomputed from the per-house rows of a batch table.

    Parameters
    ----------
    table : pandas.DataFrame
        The table :func:`quartiernetz.batch.batch` returns.

    Returns
    -------
    pandas.DataFrame or None
        Columns ``figure``, ``recomputed``, ``published`` (NaN where nothing was
        published): ``houses``, ``partners_per_house``, ``share_municipal_partner``,
        then ``type_share:<type>``, largest first. None when no row holds a house.

    Examples
    --------
    >>> t = pd.DataFrame({"status": ["ok", "ok"], "houses": [1, 1], "partners": [4, 2],
    ...                   "municipal_partner_share": [1.0, 0.0],
    ...                   "partner_types": ["Verein=3; Kommune=1", "Verein=2"]})
    >>> programme_overview(t)[["figure", "recomputed"]].to_dict("records")[:3]
    [{'figure': 'houses', 'recomputed': 2.0}, {'figure': 'partners_per_house', 'recomputed': 3.0}, {'figure': 'share_municipal_partner', 'recomputed': 0.5}]
    """
    if "houses" not in table.columns:
        return None
    rows = table[(table["status"] == "ok") & table["houses"].notna()]
    if rows.empty:
        return None
    houses = float(rows["houses"].sum())
    out = [
        ("houses", houses, PUBLISHED_FIGURES["houses"]),
        (
            "partners_per_house",
            float(rows["partners"].sum()) / houses,
            PUBLISHED_FIGURES["partners_per_house_2011"],
        ),
        (
            "share_municipal_partner",
            float((rows["municipal_partner_share"] * rows["houses"]).sum()) / houses,
            PUBLISHED_FIGURES["share_municipal_partner_2011"],
        ),
    ]
    counts = _type_counts(rows)
    total = counts.sum()
    out += [(f"type_share:{t}", float(c / total), math.nan) for t, c in counts.items()]
    return pd.DataFrame(out, columns=["figure", "recomputed", "published"])


def _figures(table: pd.DataFrame, folder: Path, lang: str) -> list[str]:
    t = TEXTS[lang]
    ok = table[table["status"] == "ok"]
    written: list[str] = []
    folder.mkdir(parents=True, exist_ok=True)
    keys = ["actors", "ties", "density", "municipal_tie_share"]
    with style():
        fig = Figure(figsize=(8, 6))
        FigureCanvasAgg(fig)
        axes = fig.subplots(2, 2)
        for ax, key, color in zip(axes.flat, keys, OKABE_ITO, strict=False):
            values = pd.to_numeric(ok.get(key, pd.Series(dtype=float)), errors="coerce").dropna()
            if len(values):
                ax.hist(values.to_numpy(), bins=min(20, max(3, len(values))), color=color)
            ax.set_xlabel(t[key])
            ax.set_ylabel(t["count"])
        fig.tight_layout()
        written += [p.name for p in save_figure(fig, folder / "distributions")]
        if "houses" in ok.columns and ok["houses"].notna().any():
            rows = ok[ok["houses"].notna()]
            counts = _type_counts(rows)
            fig = Figure(figsize=(10, 4.5))
            FigureCanvasAgg(fig)
            a1, a2 = fig.subplots(1, 2)
            per_house = (rows["partners"] / rows["houses"]).to_numpy(dtype=float)
            a1.hist(per_house, bins=min(30, max(3, len(per_house))), color=OKABE_ITO[0])
            a1.set_xlabel(t["partner_count"])
            a1.set_ylabel(t["n_houses"])
            shares = (counts / counts.sum()).iloc[::-1]
            a2.barh(np.arange(len(shares)), shares.to_numpy(), color=OKABE_ITO[1])
            a2.set_yticks(np.arange(len(shares)), [str(s) for s in shares.index])
            a2.set_xlabel(t["partner_types"])
            fig.tight_layout()
            written += [p.name for p in save_figure(fig, folder / "programme")]
        return written


def _fmt(value: Any, lang: str, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float | np.floating):
        text = f"{value:.{digits}f}" if not float(value).is_integer() else f"{int(value)}"
        return text.replace(".", ",") if lang == "de" else text
    return str(value)


def _html(
    table: pd.DataFrame, programme: pd.DataFrame | None, lang: str, figures: list[str]
) -> str:
    t = TEXTS[lang]
    e = html.escape
    n_ok = int((table["status"] == "ok").sum())
    cols = [
        "actors",
        "ties",
        "density",
        "top_catalyst",
        "municipal_tie_share",
        "duplicates",
        "competitors",
    ]
    cols = [c for c in cols if c in table.columns]
    has_check = "check_strength" in table.columns
    head = "".join(f"<th>{e(t[c])}</th>" for c in ["input", "report", "status", *cols])
    head += f"<th>{e(t['check'])}</th>" if has_check else ""
    head += f"<th>{e(t['error'])}</th>"
    body = []
    for _, r in table.iterrows():
        ok = r["status"] == "ok"
        link = f'<a href="{e(r["name"])}/report.html">{e(r["name"])}</a>' if ok else e(t["no_data"])
        cells = [e(str(r["input"])), link, e(t[r["status"]])]
        cells += [e(_fmt(r.get(c), lang)) for c in cols]
        if has_check:
            cells.append(
                " / ".join(_fmt(r.get(f"check_{a}"), lang) for a in ("strength", "watch", "gap"))
                if ok
                else ""
            )
        cells.append(e(str(r.get("error") or "")))
        cls = "" if ok else ' class="failed"'
        body.append(f"<tr{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{e(t['title'])}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:80em}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;"
        "text-align:left}tr.failed td{background:#fdecea}img{max-width:100%}</style>",
        "</head><body>",
        f"<h1>{e(t['title'])}</h1>",
        "<p>"
        + e(t["intro"].format(n=len(table), ok=n_ok, failed=len(table) - n_ok))
        + ' <a href="batch.csv">batch.csv</a></p>',
        f"<h2>{e(t['inputs'])}</h2>",
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>",
    ]
    if "distributions.svg" in figures:
        parts += [
            f"<h2>{e(t['distributions'])}</h2>",
            f'<p><img src="figures/distributions.svg" alt="{e(t["distributions"])}"></p>',
        ]
    if programme is not None:
        rows = []
        for _, r in programme.iterrows():
            fig = str(r["figure"])
            label = (
                t["type_share"].format(type=fig.split(":", 1)[1])
                if fig.startswith("type_share:")
                else t.get(fig, fig)
            )
            rows.append(
                f"<tr><td>{e(label)}</td><td>{e(_fmt(r['recomputed'], lang))}</td>"
                f"<td>{e(_fmt(r['published'], lang))}</td></tr>"
            )
        parts += [
            f"<h2>{e(t['programme'])}</h2>",
            f"<p>{e(t['programme_note'])}</p>",
            f"<table><thead><tr><th>{e(t['figure'])}</th><th>{e(t['recomputed'])}</th>"
            f"<th>{e(t['published'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>",
        ]
        if "programme.svg" in figures:
            parts.append(f'<p><img src="figures/programme.svg" alt="{e(t["programme"])}"></p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def write_overview(table: pd.DataFrame, folder: str | os.PathLike[str], *, lang: str) -> list[str]:
    """Write ``batch.csv``, ``programme.csv``, the figures and ``index.html`` into ``folder``.

    Returns the files written (relative paths with ``/``).
    """
    folder = Path(folder)
    written = ["batch.csv", "index.html"]
    write_csv(table, folder / "batch.csv")
    programme = programme_overview(table)
    if programme is not None:
        write_csv(programme, folder / "programme.csv")
        written.append("programme.csv")
    figures = _figures(table, folder / "figures", lang) if (table["status"] == "ok").any() else []
    written += [f"figures/{f}" for f in figures]
    with open(folder / "index.html", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(_html(table, programme, lang, figures))
    return written
