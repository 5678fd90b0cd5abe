"""The HTML report: one self-contained file, rendered with Jinja2 (autoescaping on).

Every text that comes from the input (actor names, offers, committees, file
names, the title) reaches the page only through the template's autoescaping;
figures are embedded as base64 SVG images, so nothing in them is parsed as HTML.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import pandas as pd

from .._version import __version__
from ..check import ASSESSMENT_NAMES, FACTORS, LABELS
from ..i18n import render as render_text
from ..io.survey.export import TOOLS, TOOLS_DE
from ..network import Network
from ..plotting.comparison import FIGURE_NAMES
from ..plotting.style import text as style_text
from ..plotting.style import visible_text
from ..structures.offers import UNSPECIFIED
from ..words import TEXTS, number, percent, references, say, why
from .analyses import ReportData
from .figures import FigureFile

__all__ = ["Table", "render_html", "build_context", "SECTION_IDS"]

#: Section anchors, in order.
SECTION_IDS = (
    "overview",
    "check",
    "map",
    "catalysts",
    "dependence",
    "duplicates",
    "competitors",
    "communities",
    "offers",
    "quality",
    "methods",
    "files",
)
_SECTION_KEYS = {
    "overview": "sec_overview",
    "check": "sec_check",
    "map": "sec_map",
    "catalysts": "sec_catalysts",
    "dependence": "sec_dependence",
    "duplicates": "sec_duplicates",
    "competitors": "sec_competitors",
    "communities": "sec_communities",
    "offers": "sec_offers",
    "quality": "sec_quality",
    "methods": "sec_methods",
    "files": "sec_files",
}
#: Rows shown in the HTML before "… and N more" (the CSV files hold all).
MAX_ROWS = 25
# survey figures shown (a whitelist: meta may hold more than should be printed)
_SURVEY_KEYS = (
    "tool",
    "roster_size",
    "respondents",
    "response_rate",
    "unfinished_excluded",
    "unfinished_included",
    "previews_excluded",
    "duplicates_superseded",
    "answers",
    "missing_answers",
    "zero_answers",
    "self_reports_dropped",
    "reports",
    "pairs_reported",
    "pairs_both_responded",
    "pairs_confirmed",
    "confirmed_share",
    "dropped_identifying_columns",
)
_SUMMARY_SHOWN = (
    "actors",
    "ties",
    "density",
    "components",
    "isolates",
    "largest_component_share",
    "fragmentation",
    "mean_partners",
    "mean_intensity",
    "degree_centralization",
    "betweenness_centralization",
    "groups",
    "ei_index",
    "cross_group_tie_share",
    "municipal_actors",
    "municipal_tie_share",
    "response_rate",
    "confirmed_tie_share",
)
_SHARES = {
    "largest_component_share",
    "fragmentation",
    "cross_group_tie_share",
    "municipal_tie_share",
    "response_rate",
    "confirmed_tie_share",
}


@dataclass
class Table:
    """A table for the template: header, rows of text cells, which columns are numeric."""

    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool] = field(default_factory=list)
    more: str | None = None
    row_classes: list[str] = field(default_factory=list)
    wide: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.numeric:
            self.numeric = [False] * len(self.columns)
        if not self.wide:
            self.wide = [False] * len(self.columns)
        if not self.row_classes:
            self.row_classes = [""] * len(self.rows)


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


class _Names:
    """Actor id -> display name (the label, else the id)."""

    def __init__(self, net: Network, lang: str = "en") -> None:
        self.no_type = style_text("no_type", lang)
        self.labels = net.actors["label"].to_dict() if "label" in net.actors.columns else {}
        self.types = net.actors["type"].to_dict() if "type" in net.actors.columns else {}

    def __call__(self, actor: Any) -> str:
        lab = self.labels.get(actor)
        return str(actor) if _missing(lab) else str(lab)

    def many(self, actors: Any, limit: int = 8) -> str:
        items = [self(a) for a in (actors if isinstance(actors, list | tuple) else [])]
        if len(items) > limit:
            return ", ".join(items[:limit]) + f", … (+{len(items) - limit})"
        return ", ".join(items)

    def type_of(self, actor: Any) -> str:
        """The actor's type; "(ohne Angabe)"/"(no type given)" where none is given."""
        t = self.types.get(actor)
        return self.no_type if _missing(t) else str(t)


def _listed(values: Any, limit: int = 8) -> str:
    items = [str(v) for v in values] if isinstance(values, list | tuple | set) else []
    if len(items) > limit:
        return ", ".join(items[:limit]) + f", … (+{len(items) - limit})"
    return ", ".join(items)


def _cut(rows: list[list[str]], t: dict[str, Any], file: str) -> tuple[list[list[str]], str | None]:
    if len(rows) <= MAX_ROWS:
        return rows, None
    lang = t["html_lang"]
    return rows[:MAX_ROWS], say(t["more_rows"], lang, n=len(rows) - MAX_ROWS, file=file)


# ---------------------------------------------------------------------------- sections
def _overview(net: Network, data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"sentences": [], "table": None}
    s = data.summary
    if s is None:
        return out
    v = s["value"].to_dict() if "value" in s.columns else {}

    def num(key: str, digits: int = 2) -> str:
        return number(v.get(key), lang, digits=digits)

    def pct(key: str) -> str:
        return percent(v.get(key), lang)

    sent = out["sentences"]
    sent.append(
        say(
            t["ov_actors_ties"],
            lang,
            actors=num("actors"),
            ties=num("ties"),
            density_pct=pct("density"),
            density=num("density"),
            mean_partners=num("mean_partners", 1),
        )
    )
    if v.get("components", 0) and float(v.get("components", 0)) <= 1:
        sent.append(t["ov_components_one"])
    elif not _missing(v.get("components")):
        sent.append(
            say(
                t["ov_components"],
                lang,
                components=num("components"),
                lcs=pct("largest_component_share"),
                isolates=num("isolates"),
            )
        )
    if not _missing(v.get("degree_centralization")):
        sent.append(
            t["ov_central"].format(
                dc=num("degree_centralization"), bc=num("betweenness_centralization")
            )
        )
    if not _missing(v.get("ei_index")):
        sent.append(t["ov_groups"].format(cross=pct("cross_group_tie_share"), ei=num("ei_index")))
    if not _missing(v.get("municipal_actors")):
        if float(v["municipal_actors"]) > 0:
            sent.append(
                say(
                    t["ov_municipal"],
                    lang,
                    municipal=num("municipal_actors"),
                    mshare=pct("municipal_tie_share"),
                )
            )
        else:
            sent.append(t["ov_municipal_none"])
    if not _missing(v.get("response_rate")):
        sent.append(
            t["ov_survey"].format(rate=pct("response_rate"), confirmed=pct("confirmed_tie_share"))
        )
    if data.catalysts is not None and len(data.catalysts):
        top = [names(a) for a in data.catalysts.index[:3]]
        sent.append(t["ov_top"].format(names=", ".join(top)))

    rows = []
    for key in _SUMMARY_SHOWN:
        if key not in v or _missing(v[key]):
            continue
        value = percent(v[key], lang, digits=1) if key in _SHARES else number(v[key], lang)
        rows.append([FIGURE_NAMES.get(key, {}).get(lang, key), value])
    out["table"] = Table([t["col_figure"], t["col_value"]], rows, [False, True])
    return out


def _check(data: ReportData, lang: str, t: dict) -> dict:
    """The network check: one line per factor the network can show; the survey questions."""
    out: dict[str, Any] = {"table": None, "survey": []}
    if data.check is None:
        return out
    survey_only = {f.id for f in FACTORS if not f.network}
    rows, classes = [], []
    for r in data.check[lang].to_dict("records"):
        label = render_text(LABELS[r["factor"]], lang)
        measured = r["assessment"] != "not measurable"
        if r["factor"] in survey_only and not measured:
            out["survey"].append((label, r["ask"]))
            continue
        value = r["value"]
        if _missing(value):
            shown = "–"
        elif r["unit"] == "share":
            shown = percent(value, lang)
        else:
            shown = number(value, lang)
        evidence = r["evidence"]
        if not measured and isinstance(r["ask"], str):
            evidence = t["check_ask"].format(reason=evidence, ask=r["ask"])
        rows.append(
            [
                label,
                r["question"],
                shown,
                r["reference"],
                render_text(ASSESSMENT_NAMES[r["assessment"]], lang),
                evidence,
            ]
        )
        classes.append("check-" + r["assessment"].replace(" ", "-"))
    out["table"] = Table(
        [
            t["col_factor"],
            t["col_question"],
            t["col_value"],
            t["col_reference"],
            t["col_assessment"],
            t["col_evidence"],
        ],
        rows,
        [False, False, True, False, False, False],
        row_classes=classes,
        wide=[False, False, False, False, False, True],
    )
    return out


def _catalysts(data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"table": None, "stability": None}
    cat = data.catalysts
    if cat is None:
        return out
    stable = None
    st = data.stability
    if st is not None:
        stable = st.actors["top_k_share"] if "top_k_share" in st.actors.columns else None
        o = st.overall["value"]
        out["stability"] = say(
            t["cat_stability"],
            lang,
            n=number(o.get("replicates"), lang),
            drop=percent(o.get("drop"), lang),
            overlap=percent(o.get("top_k_overlap_mean"), lang),
            rho=number(o.get("rank_correlation_mean"), lang),
        )
    cols = [
        t["col_rank"],
        t["col_actor"],
        t["col_type"],
        t["col_score"],
        t["col_degree"],
        t["col_why"],
    ]
    numeric = [True, False, False, True, True, False]
    if stable is not None:
        cols.append(t["col_stable"])
        numeric.append(True)
    rows = []
    for a, r in cat.head(10).iterrows():
        row = [
            number(r.get("rank"), lang),
            names(a),
            names.type_of(a),
            number(r.get("catalyst_score"), lang, digits=1),
            number(r.get("degree"), lang),
            why(r["reasons"], lang) if "reasons" in r.index else str(r.get("why", "")),
        ]
        if stable is not None:
            row.append(percent(stable.get(a), lang))
        rows.append(row)
    wide = [False] * 5 + [True] + ([False] if stable is not None else [])
    out["table"] = Table(cols, rows, numeric, wide=wide)
    return out


def _dependence(data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"summary": None, "table": None}
    curve = data.dependence
    if curve is None or len(curve) < 2:
        return out
    last = curve.iloc[-1]
    out["summary"] = say(
        t["dep_summary"],
        lang,
        k=len(curve) - 1,
        pairs=percent(last["connected_pairs"] / 100, lang),
        largest=percent(last["largest_component"] / 100, lang),
        cross=percent(last["cross_group_ties"] / 100, lang),
    )
    cat = data.catalysts
    f0 = 0.0
    if data.summary is not None and "fragmentation" in data.summary.index:
        f0 = float(np.nan_to_num(data.summary.loc["fragmentation", "value"]))
    rows = []
    if cat is not None:
        for a in [r for r in curve["removed"].tolist() if r != ""]:
            r = cat.loc[a]
            # F(G - v) = F(G) + fragmentation_loss (see catalysts.removal_impact)
            left = 1.0 - f0 - float(r.get("fragmentation_loss", np.nan))
            rows.append(
                [
                    names(a),
                    number(r.get("pairs_disconnected"), lang),
                    number(r.get("actors_cut_off"), lang),
                    number(r.get("cross_group_ties"), lang),
                    percent(left, lang),
                ]
            )
    cols = [
        t["col_actor"],
        t["col_pairs_disconnected"],
        t["col_cut_off"],
        t["col_cross_ties"],
        TEXTS[lang]["dep_pairs_left"],
    ]
    out["table"] = Table(cols, rows, [False, True, True, True, True])
    return out


def _duplicates(net: Network, data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"table": None}
    d = data.duplicates
    if d is None:
        return out
    rows = []
    for _, r in d.iterrows():
        kind = str(r["kind"])
        shared = r.get("shared") if isinstance(r.get("shared"), list) else []
        if kind == "committee":
            a, b = str(r["a"]), str(r["b"])
            ev = say(
                t["ev_committee"],
                lang,
                n=len(shared),
                only_a=names.many(r.get("only_a")) or "–",
                only_b=names.many(r.get("only_b")) or "–",
            )
        elif kind == "offer":
            a, b = names(r["a"]), names(r["b"])
            ev = t["ev_offer"].format(items=_listed(shared))
        else:
            a, b = names(r["a"]), names(r["b"])
            ev = say(t["ev_ties"], lang, n=len(shared), items=names.many(shared))
        rows.append([a, b, t["kind_label"].get(kind, kind), number(r["score"], lang), ev])
    rows, more = _cut(rows, t, "duplicates.csv")
    out["table"] = Table(
        [t["col_a"], t["col_b"], t["col_kind"], t["col_similarity"], t["col_evidence"]],
        rows,
        [False, False, False, True, False],
        more,
        wide=[False, False, False, False, True],
    )
    return out


def _competitors(data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"table": None, "suggestions": None}
    c = data.competitors
    if c is not None:
        rows = []
        for _, r in c.iterrows():
            basis = []
            if isinstance(r.get("shared_offers"), list) and r["shared_offers"]:
                basis.append(t["basis_offers"].format(items=_listed(r["shared_offers"])))
            if isinstance(r.get("shared_target_groups"), list) and r["shared_target_groups"]:
                basis.append(t["basis_groups"].format(items=_listed(r["shared_target_groups"])))
            sugg = r.get("suggested_ties") if isinstance(r.get("suggested_ties"), list) else []
            pairs = "; ".join(f"{names(x)} – {names(y)}" for x, y in sugg[:4])
            if len(sugg) > 4:
                pairs += f"; … (+{len(sugg) - 4})"
            rows.append(
                [
                    names.many(r.get("members")),
                    "; ".join(basis),
                    number(r.get("internal_density"), lang),
                    number(r.get("competition_ties"), lang),
                    names.many(r.get("bridges")) or "–",
                    pairs or "–",
                ]
            )
        rows, more = _cut(rows, t, "competitors.csv")
        out["table"] = Table(
            [
                t["col_members"],
                t["col_basis"],
                t["col_density"],
                t["col_competition"],
                t["col_bridges"],
                t["col_suggested"],
            ],
            rows,
            [False, False, True, True, False, False],
            more,
            wide=[True, False, False, False, False, True],
        )
    s = data.suggestions
    if s is not None:
        rows = [
            [
                names(r["a"]),
                names(r["b"]),
                names.many(r.get("common_partners")),
                _listed(r.get("shared_target_groups")) or "–",
            ]
            for _, r in s.iterrows()
        ]
        out["suggestions"] = Table(
            [t["col_a"], t["col_b"], t["col_common"], t["col_shared_groups"]], rows
        )
    return out


def _communities(data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    out: dict[str, Any] = {"table": None, "intro": None}
    c = data.communities
    if c is None:
        return out
    q = c.attrs.get("modularity", np.nan)
    out["intro"] = t["comm_intro"].format(q=number(q, lang))
    rows = []
    for k in sorted(c.unique().tolist()):
        members = sorted(c.index[c == k].tolist(), key=str)
        types = Counter(names.type_of(a) for a in members)
        top_types = ", ".join(
            f"{ty} ({n})" for ty, n in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        )
        rows.append(
            [
                number(int(k) + 1, lang),
                number(len(members), lang),
                top_types or "–",
                names.many(members, limit=12),
            ]
        )
    rows, more = _cut(rows, t, "communities.csv")
    out["table"] = Table(
        [t["col_community"], t["col_size"], t["col_types"], t["col_members"]],
        rows,
        [True, True, False, False],
        more,
        wide=[False, False, False, True],
    )
    return out


def _offers(data: ReportData, lang: str, t: dict, names: _Names) -> dict:
    """The offer map's counts, over the grid the figure draws (offers × target groups)."""
    out: dict[str, Any] = {"counts": None, "no_area": None}
    wide = data.offers_wide
    if wide is None or wide.empty:
        return out
    counts = wide.map(lambda v: len(v) if isinstance(v, list | tuple | set) else 0)
    named = counts[[c for c in counts.columns if c != UNSPECIFIED]]
    dups = int((counts >= 2).to_numpy().sum())
    singles = int((counts == 1).to_numpy().sum())
    # an empty cell without a target group is no gap (see offer_map)
    gaps = int((named == 0).to_numpy().sum())
    out["counts"] = say(
        t["off_counts"],
        lang,
        offers=len(wide.index),
        groups=len(named.columns),
        cells=dups + singles + gaps,
        dups=dups,
        singles=singles,
        gaps=gaps,
    )
    o = data.offers
    if o is not None and "area" in o.columns:
        apart = o[(o["area"] == UNSPECIFIED) & (o["n_providers"] > 0)]
        if len(apart):
            items = [f"{r['offer']} ({names.many(r['providers'])})" for _, r in apart.iterrows()]
            out["no_area"] = say(
                t["off_no_area"],
                lang,
                items="; ".join(items),
                unspecified=style_text("not_given", lang),
            )
    return out


def _quality(net: Network, lang: str, t: dict) -> dict:
    out: dict[str, Any] = {"read": None, "changes": None, "detected": [], "survey": None}
    out["read"] = say(
        t["dq_read"],
        lang,
        source=str(net.meta.get("source", net.name or "")),
        format=t["format_names"].get(str(net.meta.get("format", "")), net.meta.get("format", "")),
        actors=number(len(net.actors), lang),
        ties=number(len(net.ties), lang),
        affiliations=number(len(net.affiliations), lang),
    )
    changes = [e for e in net.record if e.action != "info"]
    out["detected"] = [e.render(lang) for e in net.record if e.action == "info"]
    if changes:
        rows = []
        for e in changes:
            shown = " ".join(str(r) for r in e.rows[:10]) + (" …" if len(e.rows) > 10 else "")
            rows.append(
                [
                    t.get(f"action_{e.action}", e.action),
                    render_text(e.reason, lang),
                    number(e.count, lang),
                    e.file or "",
                    shown,
                    e.column or "",
                ]
            )
        rows, more = _cut(rows, t, "data_quality.csv")
        out["changes"] = Table(
            [
                t["col_action"],
                t["col_reason"],
                t["col_count"],
                t["col_file"],
                t["col_rows"],
                t["col_column"],
            ],
            rows,
            [False, False, True, False, False, False],
            more,
            wide=[False, True, False, False, False, False],
        )
    survey = net.meta.get("survey")
    if isinstance(survey, dict):
        rows = []
        for key in _SURVEY_KEYS:
            if key not in survey or _missing_value(survey[key]):
                continue
            v = survey[key]
            if key in ("response_rate", "confirmed_share"):
                text = percent(v, lang, digits=1)
            elif isinstance(v, list | tuple):
                text = ", ".join(map(str, v)) if v else "–"
            elif isinstance(v, bool | int | float | np.integer | np.floating):
                text = number(v, lang)
            elif key == "tool" and isinstance(v, str):
                text = (TOOLS_DE if lang == "de" else TOOLS).get(v, v)
            elif isinstance(v, str):
                text = v
            else:
                continue
            rows.append([t.get(f"survey_{key}", key), text])
        if rows:
            out["survey"] = Table([t["col_figure"], t["col_value"]], rows, [False, False])
    return out


def _missing_value(v: Any) -> bool:
    if isinstance(v, list | tuple | dict):
        return False
    return _missing(v)


def build_context(
    net: Network,
    data: ReportData,
    figures: dict[str, FigureFile],
    *,
    lang: str,
    seed: int,
    title: str | None,
    files: list[str],
) -> dict[str, Any]:
    """Everything the template shows, as plain text, numbers formatted for ``lang``."""
    t = TEXTS[lang]
    names = _Names(net, lang)
    source = net.name or str(net.meta.get("source", "")) or ""
    if title is None:
        title = f"{t['default_title']}: {source}" if source else t["default_title"]
    sections = [
        (sid, t[_SECTION_KEYS[sid]]) for sid in SECTION_IDS if sid != "offers" or data.has_offers
    ]
    errors = {
        k: t["not_available"].format(reason=render_text(v, lang)) for k, v in data.errors.items()
    }
    return {
        "t": t,
        "lang": lang,
        "title": title,
        "subtitle": t["subtitle"].format(version=__version__),
        "generated_by": t["generated_by"].format(version=__version__, seed=seed),
        "sections": sections,
        "fig": figures,
        "errors": errors,
        "overview": _overview(net, data, lang, t, names),
        "check": _check(data, lang, t),
        "catalysts": _catalysts(data, lang, t, names),
        "dependence": _dependence(data, lang, t, names),
        "duplicates": _duplicates(net, data, lang, t, names),
        "competitors": _competitors(data, lang, t, names),
        "communities": _communities(data, lang, t, names),
        "offers": _offers(data, lang, t, names),
        "has_offers": data.has_offers,
        "has_committees": data.has_committees,
        "quality": _quality(net, lang, t),
        "methods": [*t["methods"], *_computation(data, lang, t)],
        "references": references(lang),
        "files": [(f, t["file_desc"].get(f, "")) for f in files],
    }


def _computation(data: ReportData, lang: str, t: dict[str, Any]) -> list[tuple[str, str]]:
    """How the analyses were computed where it matters to the reader: sampled (estimated)
    betweenness for a large network, a fallback group, the missing ``fast`` extra. The
    analyses say so in ``attrs["notes"]`` (bilingual texts); each note is shown once."""
    tables = [data.summary, data.catalysts]
    overall = getattr(data.stability, "overall", None)
    if isinstance(overall, pd.DataFrame):
        tables.append(overall)
    seen: list[str] = []
    for table in tables:
        if not isinstance(table, pd.DataFrame):
            continue
        for note in table.attrs.get("notes", []) or []:
            text = render_text(note, lang, interface="cli")
            if text and text not in seen:
                seen.append(text)
    return [(t["computation_term"], "; ".join(seen) + ".")] if seen else []


@lru_cache(maxsize=1)
def _environment() -> Any:
    """The template environment, made once per process: each new one compiles the
    template again (about 0.04 s of CPU time per report in a batch; jinja2 still
    reloads a template whose file changed)."""
    import jinja2

    folder = resources.files(__package__).joinpath("templates")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_visible,
    )


def _visible(value: Any) -> Any:
    """Every text put into the page loses control characters (HTML forbids them);
    markup the report builds itself (figures, escaped tables) passes unchanged."""
    import markupsafe

    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return visible_text(value)
    return value


def render_html(context: dict[str, Any]) -> str:
    """Render ``report.html.j2`` with ``context`` (see :func:`build_context`)."""
    env = _environment()
    css = resources.files(__package__).joinpath("templates", "report.css").read_text("utf-8")
    return env.get_template("report.html.j2").render(css=css, **context)
