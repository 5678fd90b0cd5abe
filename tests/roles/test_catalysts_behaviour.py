"""Catalyst measures against brute force and hand-computed cases."""

from __future__ import annotations

import itertools
import math
import random

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz import Network
from quartiernetz.descriptives import confirmed_ties, mixing_matrix, summary
from quartiernetz.exceptions import AnalysisError
from quartiernetz.roles import (
    ROLES,
    brokerage,
    brokerage_moments,
    catalyst_index,
    catalyst_stability,
    catalysts,
    dependence,
    key_players,
    removal_impact,
)


def _random_graphs(count: int, *, directed: bool | None = None):
    for seed in range(count):
        rnd = random.Random(seed)
        is_directed = (seed % 2 == 0) if directed is None else directed
        G = nx.gnp_random_graph(
            rnd.randint(2, 22), rnd.random() * 0.4, seed=seed, directed=is_directed
        )
        for v in G:
            G.nodes[v]["type"] = rnd.choice("abc")
        yield seed, G


def _brute_brokerage(G: nx.Graph) -> dict:
    """Gould-Fernandez counts straight from the definition (undirected = mutual arcs)."""
    D = G if G.is_directed() else G.to_directed()
    group = nx.get_node_attributes(G, "type")
    out = {v: dict.fromkeys(ROLES, 0) for v in G}
    for j in D:
        for i in D.predecessors(j):
            for k in D.successors(j):
                if i == k or D.has_edge(i, k):
                    continue
                gi, gj, gk = group[i], group[j], group[k]
                if gj == gi:
                    role = "coordinator" if gj == gk else "representative"
                elif gj == gk:
                    role = "gatekeeper"
                elif gi == gk:
                    role = "itinerant"
                else:
                    role = "liaison"
                out[j][role] += 1
    return out


def test_brokerage_equals_definition_on_random_graphs():
    for seed, G in _random_graphs(40):
        b = brokerage(G, expected=False)
        brute = _brute_brokerage(G)
        for v, counts in brute.items():
            assert b.loc[v, list(ROLES)].tolist() == [counts[r] for r in ROLES], (seed, v)


def test_undirected_brokerage_counts_mutual_arcs():
    G = nx.path_graph(3)
    nx.set_node_attributes(G, {0: "Verein", 1: "Kommune", 2: "Verein"}, "type")
    b = brokerage(G, expected=False)
    # 0 - 1 - 2 as arcs 0->1->2 and 2->1->0: two itinerant two-paths
    assert b.loc[1, "itinerant"] == 2 and b.loc[1, "total"] == 2
    for _, G in _random_graphs(10, directed=False):
        b = brokerage(G, expected=False)
        assert (b["gatekeeper"] == b["representative"]).all()
        assert (b["coordinator"] % 2 == 0).all()


def test_brokerage_without_groups_is_all_coordination():
    G = nx.star_graph(3)
    b = brokerage(G)
    assert b.loc[0, "coordinator"] == 6 and b.loc[0, "total"] == 6
    assert (b[["itinerant", "gatekeeper", "representative", "liaison"]] == 0).all().all()
    assert brokerage(G, group=None).equals(b)
    # a mapping works as group
    mapped = brokerage(G, group={0: "x", 1: "y", 2: "y", 3: "z"}, expected=False)
    assert mapped.loc[0, "itinerant"] == 2 and mapped.loc[0, "liaison"] == 4


def test_partial_groups_warn_and_form_own_group():
    G = nx.path_graph(3)
    G.nodes[0]["type"] = "Verein"
    with pytest.warns(UserWarning, match="2 of 3 actors have no value"):
        b = brokerage(G, expected=False)
    assert b.loc[1, "group"] == "(none)"
    assert b.loc[1, "representative"] == 1 and b.loc[1, "gatekeeper"] == 1


def _all_digraph_moments(groups: list[int], d: float) -> tuple[np.ndarray, np.ndarray]:
    """Exact mean and variance of each actor's role counts over all digraphs (Bernoulli d)."""
    n = len(groups)
    arcs = [(i, j) for i in range(n) for j in range(n) if i != j]
    s1 = np.zeros((n, 6))
    s2 = np.zeros((n, 6))
    for bits in itertools.product((0, 1), repeat=len(arcs)):
        A = np.zeros((n, n), dtype=bool)
        for (i, j), bit in zip(arcs, bits, strict=True):
            A[i, j] = bit
        p = d ** sum(bits) * (1 - d) ** (len(arcs) - sum(bits))
        counts = np.zeros((n, 6))
        for i, j, k in itertools.permutations(range(n), 3):
            if not (A[i, j] and A[j, k]) or A[i, k]:
                continue
            gi, gj, gk = groups[i], groups[j], groups[k]
            if gj == gi:
                col = 0 if gj == gk else 3
            elif gj == gk:
                col = 2
            elif gi == gk:
                col = 1
            else:
                col = 4
            counts[j, col] += 1
            counts[j, 5] += 1
        s1 += p * counts
        s2 += p * counts**2
    return s1, s2 - s1**2


@pytest.mark.parametrize("groups", [[0, 0, 1, 1], [0, 1, 2, 2]])
def test_sna_moments_are_exact_expectations_over_all_digraphs(groups):
    d = 0.37
    mean, var = _all_digraph_moments(groups, d)
    exp, v = brokerage_moments(np.bincount(groups), d)
    assert np.allclose(exp[groups], mean)
    assert np.allclose(v[groups], var)


def test_removal_impact_equals_removing_each_actor():
    for seed, G in _random_graphs(30):
        r = removal_impact(G, group=None)
        U = G.to_undirected() if G.is_directed() else G
        n = len(U)

        def frag(H):
            m = len(H)
            if m < 2:
                return 0.0
            s = [len(c) for c in nx.connected_components(H)]
            return 1 - sum(x * (x - 1) for x in s) / (m * (m - 1))

        before = frag(U)
        for v in U:
            H = U.copy()
            H.remove_node(v)
            comp = nx.node_connected_component(U, v)
            pieces = [len(c) for c in nx.connected_components(U.subgraph(comp - {v}))]
            s = len(comp)
            assert r.loc[v, "fragmentation_loss"] == pytest.approx(frag(H) - before), (seed, v)
            assert r.loc[v, "pairs_disconnected"] == (s - 1) * (s - 2) // 2 - sum(
                t * (t - 1) // 2 for t in pieces
            )
            assert r.loc[v, "components_added"] == nx.number_connected_components(
                H
            ) - nx.number_connected_components(U)
            assert r.loc[v, "actors_cut_off"] == s - 1 - max(pieces, default=0)
        assert len(r) == n


def test_fragmentation_loss_closed_form():
    # fragmentation_loss = 2 (pairs_disconnected + s - 1 - R / n) / ((n - 1)(n - 2))
    G = nx.disjoint_union(nx.path_graph(5), nx.star_graph(3))
    r = removal_impact(G, group=None)
    n, R = 9, 5 * 4 + 4 * 3
    for v in G:
        s = len(nx.node_connected_component(G, v))
        expected = 2 * (r.loc[v, "pairs_disconnected"] + s - 1 - R / n) / ((n - 1) * (n - 2))
        assert r.loc[v, "fragmentation_loss"] == pytest.approx(expected)


def test_dependence_kite_heather():
    kite = nx.krackhardt_kite_graph()
    d = dependence(kite, 7, group=None)
    assert d.loc["fragmentation", "after"] == pytest.approx(0.3889, abs=5e-5)
    assert d.loc["distance_fragmentation", "after"] == pytest.approx(0.4861, abs=5e-5)
    assert d.loc["reachable_pairs", "change"] == -(9 + 14)  # Heather's own 9 pairs + 14 cut
    assert d.loc["components", "change"] == 1
    both = dependence(kite, [5, 6], group=None)
    assert both.loc["fragmentation", "after"] == pytest.approx(0.5357, abs=5e-5)
    assert both.loc["actors", "after"] == 8


def test_dependence_cross_group_figures():
    G = nx.path_graph(4)
    nx.set_node_attributes(G, {0: "Kommune", 1: "Verein", 2: "Kommune", 3: "Verein"}, "type")
    d = dependence(G, 1)
    assert d.loc["cross_group_ties", ["before", "after"]].tolist() == [3.0, 1.0]
    # before: pairs of different groups, all connected: 2 * 2 = 4; after: only 2-3
    assert d.loc["cross_group_reachable_pairs", ["before", "after"]].tolist() == [4.0, 1.0]


def test_unknown_actor_names_close_matches():
    G = nx.Graph([("AWO Herten", "Caritas")])
    with pytest.raises(AnalysisError, match="Close matches: 'AWO Herten'"):
        dependence(G, "AWO Hertn")


def test_catalyst_index_formula_and_options():
    table = pd.DataFrame(
        {
            "degree": [3, 2, 1, 1],
            "betweenness": [0.6, 0.2, 0.0, 0.0],
            "constraint": [0.3, 0.5, 1.0, 1.0],
        },
        index=["a", "b", "c", "d"],
    )
    out = catalyst_index(table, {"betweenness": 1, "constraint": 3})
    # scaled to the strongest: betweenness a 1, b 1/3, c,d 0;
    # constraint reversed, (1 - x) / (1 - 0.3): a 1, b 5/7, c,d 0; weights 1 and 3
    assert out["catalyst_score"].tolist() == pytest.approx(
        [100, 100 * (1 / 3 + 3 * 5 / 7) / 4, 0, 0]
    )
    assert out["rank"].tolist() == [1, 2, 3, 3]
    assert out.loc["a", "p_constraint"] == 1.0
    assert "not boxed in by a closed circle" in out.loc["a", "why"]
    weighted = catalyst_index(table, {"betweenness": 1, "degree": 0})
    assert weighted["catalyst_score"].tolist() == pytest.approx([100, 100 / 3, 0, 0])
    with pytest.raises(AnalysisError, match="unknown index components"):
        catalyst_index(table, {"eigenvectr": 1})
    with pytest.raises(AnalysisError, match=">= 0"):
        catalyst_index(table, {"degree": -1})


def test_catalysts_components_and_constant_components():
    kite = nx.krackhardt_kite_graph()
    t = catalysts(kite, components={"degree": 1})
    assert t.index[0] == 3  # Diane
    assert t.loc[3, "catalyst_score"] == 100
    # without groups, cross-group brokerage is 0 everywhere and leaves the index
    default = catalysts(kite)
    assert (default["cross_group_brokerage"] == 0).all()
    # Heather: top betweenness (1), effective size scaled between the kite's weakest and
    # strongest (networkx's values), most pairs disconnected (1); three components count
    es = nx.effective_size(kite)
    scaled = (es[7] - min(es.values())) / (max(es.values()) - min(es.values()))
    assert default.loc[7, "catalyst_score"] == pytest.approx(100 * (1 + scaled + 1) / 3)
    assert "betweenness top 10%" in default.loc[7, "why"]
    with pytest.raises(AnalysisError):
        catalysts(kite, components={"popularity": 1})


def test_catalysts_on_a_network_with_options():
    net = Network(
        actors=pd.DataFrame(
            {
                "id": ["qm", "awo", "kita", "stadt"],
                "type": ["Quartiersmanagement", "Wohlfahrtsverband", "Schule", "Kommune"],
                "label": ["Quartiersbüro", "AWO", "Kita Sonne", "Stadt"],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["qm", "qm", "qm", "awo"],
                "target": ["awo", "kita", "stadt", "kita"],
                "relation": ["projekt", "info", "projekt", "info"],
                "intensity": [3, 1, 2, 2],
            }
        ),
    )
    t = catalysts(net, weight="weight")
    assert t.index[0] == "qm" and t.loc["qm", "label"] == "Quartiersbüro"
    assert t.loc["qm", "group"] == "Quartiersmanagement"
    only = catalysts(net, relations="projekt")
    assert only.loc["kita", "degree"] == 0


def test_weights_must_be_positive():
    G = nx.Graph()
    G.add_edge(1, 2, weight=-1)
    with pytest.raises(AnalysisError, match="tie strengths must be finite numbers > 0"):
        catalysts(G, weight="weight")


def test_key_player_errors():
    kite = nx.krackhardt_kite_graph()
    with pytest.raises(AnalysisError, match="k must be"):
        key_players(kite, k=10)
    with pytest.raises(AnalysisError, match="measure must be"):
        key_players(kite, measure="power")


def test_key_players_greedy_on_larger_graph_beats_single_best():
    G = nx.connected_caveman_graph(6, 5)
    kp = key_players(G, k=3, method="greedy", seed=0)
    single = removal_impact(G, group=None)["fragmentation_loss"].max()
    assert kp.score > single
    assert kp.score == pytest.approx(key_players(G, k=3, method="exact").score)


# ---------------------------------------------------------------- summary
def test_summary_star_and_complete():
    star = summary(nx.star_graph(5))
    assert star.loc["degree_centralization", "value"] == pytest.approx(1.0)
    assert star.loc["betweenness_centralization", "value"] == pytest.approx(1.0)
    complete = summary(nx.complete_graph(5))
    assert complete.loc["degree_centralization", "value"] == 0
    assert complete.loc["betweenness_centralization", "value"] == 0
    assert complete.loc["density", "value"] == 1
    assert math.isnan(complete.loc["reciprocity", "value"])
    path = summary(nx.path_graph(3))
    # degrees 1, 2, 1: (1 + 1) / (2 * 1) = 1; betweenness 0, 1, 0 (normalised): 2 / 2 = 1
    assert path.loc["degree_centralization", "value"] == 1


def test_summary_municipal_share():
    G = nx.Graph([("stadt", "awo"), ("awo", "verein"), ("verein", "ini"), ("stadt", "kita")])
    nx.set_node_attributes(
        G,
        {
            "stadt": "Stadtverwaltung",
            "awo": "Wohlfahrtsverband",
            "verein": "Verein",
            "ini": "Initiative",
            "kita": "kommune",
        },
        "type",
    )
    s = summary(G)
    # municipal: stadt and kita ("kommune", case-insensitive); others: awo (tied), verein, ini
    assert s.loc["municipal_actors", "value"] == 2
    assert s.loc["municipal_tie_share", "value"] == pytest.approx(1 / 3)
    only_kommune = summary(G, municipal=["Kommune"])
    assert only_kommune.loc["municipal_actors", "value"] == 1
    assert only_kommune.loc["municipal_tie_share", "value"] == pytest.approx(1 / 4)
    assert math.isnan(summary(nx.path_graph(3)).loc["municipal_tie_share", "value"])


def _survey() -> Network:
    return Network(
        actors=pd.DataFrame(
            {
                "id": ["a", "b", "c", "d"],
                "type": ["Kommune", "Verein", "Verein", "Initiative"],
                "responded": [True, True, True, False],
            }
        ),
        ties=pd.DataFrame(
            {
                "source": ["a", "b", "a", "c", "a", "b", "b"],
                "target": ["b", "a", "c", "b", "d", "c", "a"],
                "relation": ["info", "info", "info", "info", "info", "info", "projekt"],
                "reported_by": ["a", "b", "a", "c", "a", "b", "b"],
            }
        ),
    )


def test_confirmed_ties_and_response_rate():
    net = _survey()
    conf = confirmed_ties(net)
    # info pairs: a-b (both), a-c (a only), b-c (both), a-d (d did not respond)
    assert conf.loc["info"].tolist() == [4.0, 3.0, 2.0, 2 / 3]
    assert conf.loc["projekt"].tolist() == [1.0, 1.0, 0.0, 0.0]
    assert conf.loc["all"].tolist() == [5.0, 4.0, 2.0, 0.5]
    s = summary(net)
    assert s.loc["response_rate", "value"] == 0.75
    assert s.loc["confirmed_tie_share", "value"] == 0.5
    assert summary(net, relations="info").loc["confirmed_tie_share", "value"] == pytest.approx(
        2 / 3
    )
    assert math.isnan(summary(nx.path_graph(3)).loc["confirmed_tie_share", "value"])
    with pytest.raises(AnalysisError, match="survey Network"):
        confirmed_ties(nx.path_graph(3))


def test_mixing_matrix_hand_example():
    G = nx.Graph([(0, 1), (1, 2), (2, 3), (0, 3), (1, 3)])
    nx.set_node_attributes(G, {0: "Kommune", 1: "Verein", 2: "Verein", 3: "Kita"}, "type")
    m = mixing_matrix(G)
    assert list(m.index) == ["Kita", "Kommune", "Verein"]
    assert m.loc["Verein", "Verein"] == 1
    assert m.loc["Kommune", "Verein"] == m.loc["Verein", "Kommune"] == 1
    assert m.loc["Kita", "Verein"] == 2
    assert m.loc["Kita", "Kommune"] == 1
    assert mixing_matrix(G, normalized=True).loc["Kita", "Verein"] == pytest.approx(0.4)
    D = nx.DiGraph([(0, 1), (1, 0), (2, 1)])
    nx.set_node_attributes(D, {0: "x", 1: "y", 2: "y"}, "type")
    md = mixing_matrix(D)
    assert md.loc["x", "y"] == 1 and md.loc["y", "x"] == 1 and md.loc["y", "y"] == 1


# -------------------------------------------------------------- stability
def test_stability_is_reproducible_and_sensible():
    G = nx.florentine_families_graph()
    a = catalyst_stability(G, n=15, top=3, seed=7)
    b = catalyst_stability(G, n=15, top=3, seed=7)
    pd.testing.assert_frame_equal(a.actors, b.actors)
    pd.testing.assert_frame_equal(a.replicates, b.replicates)
    assert a.actors.index[0] == "Medici"
    assert a.actors["present"].sum() == 15 * (15 - 2)  # 10% of 15 actors: 2 dropped
    assert "CatalystStability" in repr(a)
    none = catalyst_stability(G, drop=0.0, n=3, top=3, seed=1, mode="ties")
    assert (none.replicates["top_k_overlap"] == 1).all()
    assert none.replicates["rank_correlation"].tolist() == pytest.approx([1, 1, 1])
    ties = catalyst_stability(G, drop=0.2, n=5, top=3, seed=1, mode="ties")
    assert (ties.replicates["ties"] == 16).all()  # 20 ties, 4 dropped


def test_stability_reports_mode():
    net = _survey()
    st = catalyst_stability(net, drop=0.34, n=6, top=2, seed=3, mode="reports")
    assert len(st.replicates) == 6
    # one of the three reporters silent: only ties reported by nobody else vanish
    assert (st.replicates["ties"] <= 4).all()
    with pytest.raises(AnalysisError, match="reported_by"):
        catalyst_stability(nx.path_graph(4), mode="reports", n=2)
    with pytest.raises(AnalysisError, match="mode must be"):
        catalyst_stability(nx.path_graph(4), mode="nodes", n=2)
