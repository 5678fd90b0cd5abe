"""The classic networks that ship with networkx, as quartiernetz networks.

Each loader builds a :class:`~quartiernetz.network.Network` from the networkx
graph, adding what the literature calls the actors and groups where that is
meaningful. These are real (not synthetic) data sets; they come with networkx
(BSD-3-Clause). Reference values for them are in the test suite and in
``docs/datasets.md``.

============================ ======= ====== ============== =====================================
loader                       actors  ties   affiliations   relation / kind
============================ ======= ====== ============== =====================================
:func:`florentine_families`  15      20     0              ``marriage``
:func:`karate_club`          34      78     0              ``interaction`` (intensity 1–7)
:func:`davis_southern_women` 18      0      89             kind ``event`` (14 events)
:func:`krackhardt_kite`      10      18     0              ``friendship``
:func:`les_miserables`       77      254    0              ``co-appearance`` (intensity 1–31)
============================ ======= ====== ============== =====================================
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pandas as pd

from ..network import Network

__all__ = [
    "florentine_families",
    "karate_club",
    "davis_southern_women",
    "krackhardt_kite",
    "les_miserables",
    "KITE_NAMES",
]

#: Krackhardt's names for the kite's nodes 0..9.
KITE_NAMES = (
    "Andre",
    "Beverly",
    "Carol",
    "Diane",
    "Ed",
    "Fernando",
    "Garth",
    "Heather",
    "Ike",
    "Jane",
)

_LICENCE = "BSD-3-Clause (networkx); the data are from the publication cited"


def _network(
    G: nx.Graph,
    *,
    relation: str,
    ids: dict[Any, str] | None = None,
    actors: pd.DataFrame | None = None,
    weight: str | None = None,
    name: str,
    source: str,
) -> Network:
    """A network from an undirected graph: one tie per edge."""
    ids = ids or {v: str(v) for v in G}
    if actors is None:
        actors = pd.DataFrame({"id": [ids[v] for v in G]})
    edges = list(G.edges(data=True))
    ties = pd.DataFrame(
        {
            "source": [ids[u] for u, _, _ in edges],
            "target": [ids[v] for _, v, _ in edges],
            "relation": relation,
            "intensity": [float(d.get(weight, 1)) if weight else 1.0 for _, _, d in edges],
        }
    )
    net = Network(actors=actors, ties=ties, name=name)
    net.meta.update(
        {"source": source, "format": "networkx", "synthetic": False, "licence": _LICENCE}
    )
    return net


def florentine_families() -> Network:
    """Padgett's Florentine families: 15 families, 20 marriage ties.

    The networkx version, without the isolated Pucci family; the graph has no
    attributes, so the actors have no type.

    Returns
    -------
    Network
        Actors are the families (id = label = name); ties of relation
        ``marriage``, intensity 1.

    References
    ----------
    Padgett, J. F., & Ansell, C. K. (1993). Robust action and the rise of the
    Medici, 1400–1434. American Journal of Sociology, 98(6), 1259–1319.
    https://doi.org/10.1086/230190

    Examples
    --------
    >>> net = florentine_families()
    >>> len(net.actors), len(net.ties), net.relations
    (15, 20, ['marriage'])
    >>> sorted(net.to_networkx()["Medici"])[:3]
    ['Acciaiuoli', 'Albizzi', 'Barbadori']
    """
    return _network(
        nx.florentine_families_graph(),
        relation="marriage",
        name="Florentine families (marriage)",
        source="networkx.florentine_families_graph (Padgett & Ansell 1993)",
    )


def karate_club() -> Network:
    """Zachary's karate club: 34 members, 78 ties, the two factions of the split.

    Returns
    -------
    Network
        Actor ids ``"1"`` … ``"34"`` in Zachary's numbering (networkx node
        :math:`k` is id :math:`k + 1`; column ``nx_node`` keeps :math:`k`);
        ``type`` is the faction after the split (``"Mr. Hi"`` or ``"Officer"``,
        networkx's ``club``); ``role`` names the instructor (1) and the club's
        president (34). Ties have relation ``interaction`` and, as intensity,
        Zachary's strength of interaction (the number of contexts the two
        members met in, 1–7), networkx's edge ``weight``.

    References
    ----------
    Zachary, W. W. (1977). An information flow model for conflict and fission in
    small groups. Journal of Anthropological Research, 33(4), 452–473.
    https://doi.org/10.1086/jar.33.4.3629752

    Examples
    --------
    >>> net = karate_club()
    >>> len(net.actors), len(net.ties)
    (34, 78)
    >>> net.actors["type"].value_counts().sort_index().to_dict()
    {'Mr. Hi': 17, 'Officer': 17}
    >>> net.actors.loc[["1", "34"], "role"].tolist()
    ['instructor', 'president']
    >>> float(net.ties["intensity"].sum())
    231.0
    """
    G = nx.karate_club_graph()
    ids = {v: str(v + 1) for v in G}
    nodes = sorted(G)
    actors = pd.DataFrame(
        {
            "id": [ids[v] for v in nodes],
            "type": [G.nodes[v].get("club") for v in nodes],
            "role": [{0: "instructor", 33: "president"}.get(v) for v in nodes],
            "nx_node": nodes,
        }
    )
    return _network(
        G,
        relation="interaction",
        ids=ids,
        actors=actors,
        weight="weight",
        name="Zachary's karate club",
        source="networkx.karate_club_graph (Zachary 1977)",
    )


def davis_southern_women() -> Network:
    """Davis, Gardner & Gardner's Southern women: 18 women at 14 events (two-mode).

    Returns
    -------
    Network
        Actors are the 18 women (id = name; ``number`` is the women's order
        1–18 in the original table); no ties; 89 affiliations of kind
        ``event`` (items ``"E1"`` … ``"E14"``). Project onto the women with the
        co-attendance counts to get a one-mode network.

    References
    ----------
    Davis, A., Gardner, B. B., & Gardner, M. R. (1941). Deep South: A social
    anthropological study of caste and class. University of Chicago Press.

    Examples
    --------
    >>> net = davis_southern_women()
    >>> len(net.actors), len(net.ties), len(net.affiliations)
    (18, 0, 89)
    >>> net.affiliations["item"].nunique(), net.affiliations["kind"].unique().tolist()
    (14, ['event'])
    """
    G = nx.davis_southern_women_graph()
    women, events = G.graph["top"], G.graph["bottom"]
    is_event = set(events)
    rows = []
    for w in women:
        for e in sorted(G[w], key=lambda x: int(x[1:])):
            if e in is_event:
                rows.append((w, e))
    actors = pd.DataFrame({"id": women, "number": range(1, len(women) + 1)})
    affiliations = pd.DataFrame(rows, columns=["actor", "item"]).assign(kind="event")
    net = Network(actors=actors, affiliations=affiliations, name="Davis Southern women")
    net.meta.update(
        {
            "source": "networkx.davis_southern_women_graph (Davis, Gardner & Gardner 1941)",
            "format": "networkx",
            "synthetic": False,
            "licence": _LICENCE,
        }
    )
    return net


def krackhardt_kite() -> Network:
    """Krackhardt's kite: 10 actors, 18 ties, named Andre … Jane.

    Returns
    -------
    Network
        Actor ids are the names of the literature (networkx nodes 0..9 = Andre,
        Beverly, Carol, Diane, Ed, Fernando, Garth, Heather, Ike, Jane; column
        ``nx_node``); ties of relation ``friendship``, intensity 1.

    References
    ----------
    Krackhardt, D. (1990). Assessing the political landscape: Structure,
    cognition, and power in organizations. Administrative Science Quarterly,
    35(2), 342–369. https://doi.org/10.2307/2393394

    Examples
    --------
    >>> net = krackhardt_kite()
    >>> G = net.to_networkx()
    >>> max(G.degree, key=lambda x: x[1])
    ('Diane', 6)
    >>> sorted(G["Heather"])
    ['Fernando', 'Garth', 'Ike']
    """
    G = nx.krackhardt_kite_graph()
    ids = {v: KITE_NAMES[v] for v in G}
    nodes = sorted(G)
    actors = pd.DataFrame({"id": [ids[v] for v in nodes], "nx_node": nodes})
    return _network(
        G,
        relation="friendship",
        ids=ids,
        actors=actors,
        name="Krackhardt kite",
        source="networkx.krackhardt_kite_graph (Krackhardt 1990)",
    )


def les_miserables() -> Network:
    """Knuth's Les Misérables: 77 characters, 254 co-appearance ties.

    Returns
    -------
    Network
        Actors are the characters (id = name as in networkx); ties of relation
        ``co-appearance`` with intensity = the number of chapters in which the
        two appear together (networkx's ``weight``).

    References
    ----------
    Knuth, D. E. (1993). The Stanford GraphBase: A platform for combinatorial
    computing (pp. 74–87). ACM Press.

    Examples
    --------
    >>> net = les_miserables()
    >>> len(net.actors), len(net.ties), float(net.ties["intensity"].sum())
    (77, 254, 820.0)
    """
    G = nx.les_miserables_graph()
    return _network(
        G,
        relation="co-appearance",
        weight="weight",
        name="Les Misérables",
        source="networkx.les_miserables_graph (Knuth 1993)",
    )
