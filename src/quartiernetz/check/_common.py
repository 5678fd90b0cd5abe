"""What every module of the check shares: the finding of one factor, the prepared
network (the context), and the words the data model uses for kinds and relations."""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from .. import roles
from ..descriptives import MUNICIPAL_TYPES
from ..i18n import Text
from ..network import Network

#: ``kind`` values (case ignored) of committees, offers and shared resources.
COMMITTEE_KINDS = ("committee", "gremium")
OFFER_KINDS = ("offer", "angebot")
RESOURCE_KINDS = ("resource", "ressource", "room", "raum")
#: ``relation`` values (case ignored) of funding and resource ties (competition: as
#: :data:`quartiernetz.structures.COMPETITION_RELATIONS`).
FUNDING_RELATIONS = ("funding", "förderung", "foerderung")
RESOURCE_RELATIONS = ("resources", "resource", "ressourcen", "ressource")

#: Actor types (case ignored) that coordinate: quarter management, volunteer agency,
#: multi-generation house.
COORDINATOR_TYPES = (
    "quartiersmanagement",
    "quarter management",
    "freiwilligenagentur",
    "volunteer agency",
    "mehrgenerationenhaus",
    "multi-generation house",
)
#: Actor types (case ignored) that are clubs or initiatives.
CIVIC_TYPES = (
    "verein",
    "initiative",
    "bewohnerinitiative",
    "bürgerinitiative",
    "club",
    "resident initiative",
)
#: The three spheres of the multi-generation house programme (state, business,
#: civil society), as the funders' and actors' sectors; keyed by actor type.
SPHERES = ("public", "business", "civic")
_SPHERE_OF_TYPE = {
    **{t.casefold(): "public" for t in MUNICIPAL_TYPES},
    "landkreis": "public",
    "jobcenter": "public",
    "schule": "public",
    "school": "public",
    "bibliothek": "public",
    "library": "public",
    "quartiersmanagement": "public",
    "quarter management": "public",
    "unternehmen": "business",
    "company": "business",
    "business": "business",
    "firma": "business",
    "wohnungsunternehmen": "business",
    "wohnungsbaugesellschaft": "business",
    "bank": "business",
    "verein": "civic",
    "initiative": "civic",
    "bewohnerinitiative": "civic",
    "bürgerinitiative": "civic",
    "club": "civic",
    "resident initiative": "civic",
    "kirche": "civic",
    "church": "civic",
    "religionsgemeinschaft": "civic",
    "wohlfahrtsverband": "civic",
    "welfare association": "civic",
    "stiftung": "civic",
    "foundation": "civic",
    "freiwilligenagentur": "civic",
    "volunteer agency": "civic",
}
_SPHERE_WORDS = {
    "public": "public",
    "öffentlich": "public",
    "oeffentlich": "public",
    "staat": "public",
    "state": "public",
    "kommune": "public",
    "business": "business",
    "wirtschaft": "business",
    "unternehmen": "business",
    "civic": "civic",
    "zivilgesellschaft": "civic",
    "zivilgesellschaftlich": "civic",
    "civil society": "civic",
}
SPHERE_NAMES = {
    "public": Text("public", "öffentlich"),
    "business": Text("business", "Wirtschaft"),
    "civic": Text("civic", "zivilgesellschaftlich"),
}

_TRUE = {"true", "1", "1.0", "yes", "y", "ja", "j", "x", "wahr"}

#: Meetings per year for the words a ``frequency`` column may hold.
FREQUENCY_WORDS = {
    "weekly": 52.0,
    "wöchentlich": 52.0,
    "biweekly": 26.0,
    "fortnightly": 26.0,
    "14-tägig": 26.0,
    "zweiwöchentlich": 26.0,
    "monthly": 12.0,
    "monatlich": 12.0,
    "bimonthly": 6.0,
    "zweimonatlich": 6.0,
    "quarterly": 4.0,
    "vierteljährlich": 4.0,
    "quartalsweise": 4.0,
    "twice a year": 2.0,
    "half-yearly": 2.0,
    "halbjährlich": 2.0,
    "zweimal jährlich": 2.0,
    "yearly": 1.0,
    "annually": 1.0,
    "jährlich": 1.0,
}

_STEERING_NAME = re.compile(r"steuer|lenkung|steering", re.IGNORECASE)


@dataclass
class Finding:
    """What a module found for one factor (before the words are chosen).

    ``value`` is NaN when the factor is not measurable; ``reference_value`` is the
    point of the reference on the value's scale (NaN when the reference is a rule
    without a point); ``scale`` the range of the value; ``unit`` what it is.
    """

    value: float
    assessment: str
    reference: Text
    evidence: Text
    reference_value: float = float("nan")
    scale: tuple[float, float] = (0.0, 1.0)
    details: dict[str, Any] = field(default_factory=dict)
    #: what the value is: ``share`` (0-1, shown as percent), ``index`` or ``mean``
    unit: str = "share"


def not_measurable(reason: Text, scale: tuple[float, float] = (0.0, 1.0)) -> Finding:
    """A finding for a factor the data cannot show; ``reason`` says why."""
    return Finding(
        float("nan"),
        "not measurable",
        Text("not measurable from these data", "aus diesen Daten nicht messbar"),
        reason,
        scale=scale,
    )


def truthy(value: Any) -> bool:
    """True for True, 1 and yes/ja/true/wahr/x (case ignored); False otherwise."""
    if value is None or value is pd.NA:
        return False
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, int | float | np.number):
        return not (isinstance(value, float) and math.isnan(value)) and float(value) == 1.0
    return str(value).strip().casefold() in _TRUE


def given(value: Any) -> bool:
    """True unless ``value`` is missing or blank text."""
    if value is None or value is pd.NA:
        return False
    if isinstance(value, float) and math.isnan(value):
        return False
    return not (isinstance(value, str) and not value.strip())


def per_year(value: Any) -> float:
    """Meetings per year from a ``frequency`` value (a number or a word), else NaN."""
    if not given(value):
        return float("nan")
    if isinstance(value, int | float | np.number) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip().casefold()
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return FREQUENCY_WORDS.get(text, float("nan"))


def has_part(relation: Any, words: Iterable[str]) -> bool:
    """Whether a (``"; "``-joined) relation names one of ``words`` (case ignored)."""
    wanted = set(words)
    return any(p.strip().casefold() in wanted for p in str(relation).split(";"))


def blau(counts: Iterable[float]) -> float:
    """Blau's index of diversity ``1 - sum_k p_k^2`` (0 for no or one category)."""
    c = np.asarray([x for x in counts if x > 0], dtype=float)
    if c.sum() == 0:
        return 0.0
    p = c / c.sum()
    return float(1.0 - (p * p).sum())


def short_list(items: Iterable[Any], limit: int = 8) -> str:
    """Up to ``limit`` items joined by commas, then ``… (+k)``."""
    items = [str(i) for i in items]
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + f" … (+{len(items) - limit})"


def fmt(value: float, lang: str = "en", digits: int = 2) -> str:
    """A number with ``digits`` decimals, German decimal comma for ``de``."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text


def pct(value: float) -> Text:
    """A share as a percentage in both languages (``62 %``)."""
    return Text(f"{100 * value:.0f} %", f"{100 * value:.0f} %")


class Context:
    """The network prepared once for every module of the check."""

    def __init__(
        self,
        net: Network,
        *,
        quarter: str | None = None,
        top: int = 5,
        catalysts: pd.DataFrame | None = None,
        seed: int | np.random.Generator | None = None,
    ) -> None:
        self.net = net
        self.quarter_option = quarter
        self.top = top
        self._catalysts = catalysts
        self.seed = seed

    # ---------------------------------------------------------------- tables
    @property
    def actors(self) -> pd.DataFrame:
        return self.net.actors

    @property
    def ties(self) -> pd.DataFrame:
        return self.net.ties

    @property
    def affiliations(self) -> pd.DataFrame:
        return self.net.affiliations

    @cached_property
    def graph(self) -> nx.Graph:
        """The undirected cooperation graph (every relation but competition)."""
        return self.net.to_networkx(directed=False)

    def column(self, name: str) -> pd.Series | None:
        """An actor column with at least one value, else None."""
        if name not in self.actors.columns:
            return None
        col = self.actors[name]
        return col if col.map(given).any() else None

    @cached_property
    def types(self) -> pd.Series:
        """Actor types (text, stripped), missing ones left out."""
        col = self.column("type")
        if col is None:
            return pd.Series(dtype=object)
        col = col[col.map(given)]
        return col.astype(str).str.strip()

    @cached_property
    def spheres(self) -> pd.Series:
        """Each actor's sphere (public, business, civic) where known.

        An actor column ``sector`` with one of the sphere words wins; else the
        sphere of the actor's type (see :data:`SPHERES`).
        """
        out: dict[Hashable, str] = {}
        for actor, typ in self.types.items():
            sphere = _SPHERE_OF_TYPE.get(typ.casefold())
            if sphere:
                out[actor] = sphere
        sector = self.column("sector")
        if sector is not None:
            for actor, value in sector.items():
                if given(value):
                    sphere = _SPHERE_WORDS.get(str(value).strip().casefold())
                    if sphere:
                        out[actor] = sphere
        return pd.Series(out, dtype=object)

    @cached_property
    def municipal(self) -> set[Hashable]:
        """Actors whose type is municipal (:data:`~quartiernetz.descriptives.MUNICIPAL_TYPES`)."""
        wanted = {t.casefold() for t in MUNICIPAL_TYPES}
        return {a for a, t in self.types.items() if t.casefold() in wanted}

    def affiliations_of(self, kinds: Iterable[str]) -> pd.DataFrame:
        """Affiliation rows whose ``kind`` is one of ``kinds`` (case ignored)."""
        aff = self.affiliations
        if aff.empty:
            return aff
        mask = aff["kind"].astype(str).str.strip().str.casefold().isin(tuple(kinds))
        return aff[mask]

    @cached_property
    def committees(self) -> dict[str, list[Hashable]]:
        """Committee name -> sorted member ids."""
        rows = self.affiliations_of(COMMITTEE_KINDS)
        out: dict[str, set[Hashable]] = {}
        for actor, item in zip(rows["actor"], rows["item"].astype(str).str.strip(), strict=True):
            out.setdefault(item, set()).add(actor)
        return {k: sorted(v, key=str) for k, v in sorted(out.items())}

    def committee_value(self, column: str) -> dict[str, Any]:
        """Committee name -> its first given value of an affiliation column."""
        rows = self.affiliations_of(COMMITTEE_KINDS)
        if column not in rows.columns:
            return {}
        out: dict[str, Any] = {}
        for item, value in zip(rows["item"].astype(str).str.strip(), rows[column], strict=True):
            if given(value) and item not in out:
                out[item] = value
        return out

    def steering(self) -> tuple[list[str], str | None]:
        """The steering committees and how they were found (``"column"``, ``"name"``).

        With an affiliation column ``steering``: committees with a true value
        there (``None`` as the way when the column exists but marks none). Without
        it: committees whose name holds Steuer-, Lenkung- or steering.
        """
        rows = self.affiliations_of(COMMITTEE_KINDS)
        if "steering" in rows.columns and rows["steering"].map(given).any():
            marked = sorted(
                {
                    str(i).strip()
                    for i, v in zip(rows["item"], rows["steering"], strict=True)
                    if truthy(v)
                }
            )
            return marked, "column"
        named = sorted(c for c in self.committees if _STEERING_NAME.search(c))
        return named, ("name" if named else None)

    @cached_property
    def quarter(self) -> str | None:
        """The quarter's area: the option, else ``meta['quarter']``, else the most
        frequent actor area (None without areas)."""
        if self.quarter_option:
            return str(self.quarter_option)
        meta = self.net.meta.get("quarter")
        if isinstance(meta, str) and meta.strip():
            return meta.strip()
        area = self.column("area")
        if area is None:
            return None
        counts = area[area.map(given)].astype(str).str.strip().value_counts()
        top = counts[counts == counts.max()]
        return sorted(top.index)[0]

    def catalysts(self) -> pd.DataFrame:
        """The catalyst table (:func:`quartiernetz.roles.catalysts`), computed once."""
        if self._catalysts is None:
            self._catalysts = roles.catalysts(self.net)
        return self._catalysts


def network_from_graph(G: nx.Graph) -> Network:
    """A :class:`Network` from a networkx graph: node attributes as actor columns,
    edges as ties (``relation`` from the edge attribute, else cooperation;
    ``intensity`` from ``weight``, else 1)."""
    nodes = [
        {"id": str(n), **{k: v for k, v in d.items() if k != "id"}} for n, d in G.nodes(data=True)
    ]
    ties = [
        {
            "source": str(u),
            "target": str(v),
            "relation": str(d.get("relation", "cooperation")),
            "intensity": float(d.get("weight", 1.0)),
        }
        for u, v, d in G.edges(data=True)
        if u != v
    ]
    actors = pd.DataFrame(nodes) if nodes else None
    tie_frame = pd.DataFrame(ties, columns=["source", "target", "relation", "intensity"])
    return Network(
        actors=actors, ties=tie_frame if len(tie_frame) else None, directed=G.is_directed()
    )
