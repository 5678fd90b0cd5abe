"""The key figures of several networks as one table, networks as rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..descriptives import summary
from ..exceptions import AnalysisError
from ..i18n import Text
from ..network import Network

__all__ = ["comparison_table", "FIGURE_ALIASES", "COMPARISON_FIGURES"]

#: Other names of figures of :func:`quartiernetz.summary` (older versions, other
#: tools), each with the figure it stands for.
FIGURE_ALIASES: dict[str, str] = {
    "mean_degree": "mean_partners",
    "centralization": "degree_centralization",
    "centralisation": "degree_centralization",
    "confirmed_share": "confirmed_tie_share",
}

#: The figures :func:`comparison_table` keeps by default, in this order (aliases
#: after the figure they stand for; only the first present is kept).
COMPARISON_FIGURES = (
    "actors",
    "ties",
    "density",
    "mean_partners",
    "mean_degree",
    "components",
    "isolates",
    "largest_component_share",
    "degree_centralization",
    "centralization",
    "centralisation",
    "betweenness_centralization",
    "ei_index",
    "municipal_tie_share",
    "municipal_share",
    "response_rate",
    "confirmed_tie_share",
    "confirmed_share",
)


def _as_row(value: Any) -> pd.Series:
    """One network's figures as a Series indexed by figure name."""
    if isinstance(value, Network) or type(value).__name__.endswith("Graph"):
        value = summary(value, weight="weight")
    if isinstance(value, pd.DataFrame):
        if {"figure", "value"} <= set(value.columns):
            return pd.Series(value["value"].to_numpy(), index=value["figure"].astype(str))
        if "value" in value.columns:
            return value["value"]
        if len(value) == 1:
            return value.iloc[0]
        raise AnalysisError(
            Text(
                "a summary table must have one row, or columns 'figure' and 'value'",
                "eine Übersichtstabelle muss eine Zeile haben oder die Spalten 'figure' und "
                "'value'",
            )
        )
    if isinstance(value, pd.Series):
        return value
    if isinstance(value, Mapping):
        return pd.Series(dict(value), dtype=object)
    kind = type(value).__name__
    raise AnalysisError(
        Text(
            f"cannot compare a {kind}; give Networks, graphs or summary() tables",
            f"ein {kind} lässt sich nicht vergleichen; erwartet: Networks, Graphen oder "
            "summary()-Tabellen",
        )
    )


def _default_figures(numeric: pd.DataFrame) -> list[str]:
    """The default figures present in some network, one name per figure."""
    cols = [c for c in COMPARISON_FIGURES if c in numeric.columns and numeric[c].notna().any()]
    seen: set[str] = set()
    keep = []
    for c in cols:  # drop aliases of a figure already shown
        figure = FIGURE_ALIASES.get(c, c)
        if figure not in seen:
            seen.add(figure)
            keep.append(c)
    return keep or [c for c in numeric.columns if numeric[c].notna().any()][:12]


def comparison_table(
    nets: Mapping[str, Any] | Sequence[Any] | pd.DataFrame,
    *,
    measures: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The key figures of several networks as one table (networks as rows).

    Parameters
    ----------
    nets : mapping, sequence or DataFrame
        Name -> Network, networkx graph, :func:`quartiernetz.descriptives.summary`
        result (Series, one-row DataFrame or a ``figure``/``value`` table) or dict
        of figures; a sequence is named "1", "2", ...; a DataFrame is taken as
        the table itself (networks as rows).
    measures : sequence of str, optional
        Figures to keep, in this order. Default: those of
        :data:`COMPARISON_FIGURES` that are numeric and present in at least one
        network, one name per figure (see :data:`FIGURE_ALIASES`).

    Returns
    -------
    pandas.DataFrame
        Indexed by network name; one float column per figure.

    See Also
    --------
    compare : figures side by side with their size-free counterparts.

    Examples
    --------
    >>> from quartiernetz.change import comparison_table
    >>> comparison_table({"2024": {"actors": 20, "density": 0.2},
    ...                   "2025": {"actors": 25, "density": 0.15}})
          actors  density
    2024    20.0     0.20
    2025    25.0     0.15
    """
    if isinstance(nets, pd.DataFrame):
        table = nets.copy()
    else:
        items = (
            list(nets.items())
            if isinstance(nets, Mapping)
            else [(str(i + 1), v) for i, v in enumerate(nets)]
        )
        if not items:
            raise AnalysisError(Text("no networks to compare", "keine Netzwerke zum Vergleichen"))
        table = pd.DataFrame({str(k): _as_row(v) for k, v in items}).T
    table.index = table.index.astype(str)
    numeric = table.apply(pd.to_numeric, errors="coerce")
    if measures is None:
        cols = _default_figures(numeric)
    else:
        missing = [m for m in measures if m not in numeric.columns]
        if missing:
            present = sorted(map(str, numeric.columns))
            raise AnalysisError(
                Text(
                    f"figures {missing} are not in the summaries; present: {present}",
                    f"die Kennzahlen {missing} fehlen in den Übersichten; vorhanden: {present}",
                )
            )
        cols = list(measures)
    return numeric[cols].astype(float)
