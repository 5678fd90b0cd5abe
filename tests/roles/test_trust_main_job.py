"""Issue 13 (trust in the main job): equal weighted paths, undirected conversion, named
group attributes, the documented directed-graph differences, cost estimate and
automatic sampling, and Ctrl-C inside the compiled kernel."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import textwrap
import time
from fractions import Fraction
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import quartiernetz as qn
from quartiernetz.descriptives import mixing_matrix, summary
from quartiernetz.exceptions import AnalysisError
from quartiernetz.i18n import Text
from quartiernetz.network import undirected
from quartiernetz.roles import (
    AUTO_EXACT_SECONDS,
    brokerage,
    catalyst_stability,
    catalysts,
    centrality,
    dependence,
    estimate_seconds,
    removal_impact,
)
from quartiernetz.roles import _kernels as K
from quartiernetz.roles._graph import prepare

REPO = Path(__file__).resolve().parents[2]


# --------------------------------------------------------- 1. equally short weighted paths
def _exact_betweenness(G: nx.Graph, weight: str = "weight") -> dict:
    """Betweenness over ordered pairs with exact rational path lengths (1 / weight)."""
    nodes = list(G.nodes)
    inf = None
    dist = {(u, v): (Fraction(0) if u == v else inf) for u in nodes for v in nodes}
    for u, v, d in G.edges(data=True):
        length = 1 / Fraction(d.get(weight, 1))
        for a, b in ((u, v), (v, u)) if not G.is_directed() else ((u, v),):
            if dist[a, b] is None or length < dist[a, b]:
                dist[a, b] = length
    for k in nodes:  # Floyd-Warshall on fractions
        for i in nodes:
            if dist[i, k] is None:
                continue
            for j in nodes:
                if dist[k, j] is None:
                    continue
                via = dist[i, k] + dist[k, j]
                if dist[i, j] is None or via < dist[i, j]:
                    dist[i, j] = via
    # sigma[s, t]: number of shortest paths, counted in order of distance from s
    sigma = {}
    for s in nodes:
        reach = sorted((t for t in nodes if dist[s, t] is not None), key=lambda t: dist[s, t])
        for t in reach:
            if t == s:
                sigma[s, t] = 1
                continue
            total = 0
            for p in G.predecessors(t) if G.is_directed() else G.neighbors(t):
                if p == t or dist[s, p] is None:
                    continue
                length = 1 / Fraction(G[p][t].get(weight, 1))
                if dist[s, p] + length == dist[s, t]:
                    total += sigma[s, p]
            sigma[s, t] = total
    bc = dict.fromkeys(nodes, Fraction(0))
    for s, t in itertools.permutations(nodes, 2):
        if dist[s, t] is None:
            continue
        for v in nodes:
            if v in (s, t) or dist[s, v] is None or dist[v, t] is None:
                continue
            if dist[s, v] + dist[v, t] == dist[s, t]:
                bc[v] += Fraction(sigma[s, v] * sigma[v, t], sigma[s, t])
    return bc


def _exact_closeness(G: nx.Graph, weight: str = "weight") -> dict:
    """Wasserman-Faust closeness (towards each node) from exact rational lengths."""
    lengths = {}
    H = G.reverse() if G.is_directed() else G
    n = G.number_of_nodes()
    for u in G.nodes:
        d = nx.single_source_dijkstra_path_length(
            H, u, weight=lambda a, b, e: 1 / Fraction(e.get(weight, 1))
        )
        r = len(d) - 1
        total = sum(d.values(), Fraction(0))
        lengths[u] = float(Fraction(r, n - 1) * r / total) if total else 0.0
    return lengths


def _issue_graph() -> nx.Graph:
    G = nx.Graph()
    for u, v, w in [
        ("s", "a", 1),
        ("a", "b", 3),
        ("b", "t", 1),
        ("s", "c", 1),
        ("c", "d", 1),
        ("d", "t", 3),
    ]:
        G.add_edge(u, v, weight=w)
    return G


def test_equal_weighted_paths_with_float_sums_differing_in_last_digit():
    G = _issue_graph()
    # the two s-t paths are equally long: 1 + 1/3 + 1 = 1 + 1 + 1/3, but not in floats
    assert 1.0 + 1 / 3 + 1.0 != 1.0 + 1.0 + 1 / 3
    c = centrality(G, weight="weight")["betweenness"]
    assert c["s"] == pytest.approx(0.15, abs=1e-12)
    assert c["b"] == pytest.approx(0.25, abs=1e-12)
    exact = _exact_betweenness(G)
    prep = prepare(G, weight="weight")
    raw = K.betweenness_brandes(prep.W, weighted=True)
    np.testing.assert_allclose(raw, [float(exact[v]) for v in prep.nodes], atol=1e-9)


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("directed", [False, True])
def test_weighted_betweenness_and_closeness_equal_exact_fractions(seed, directed):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(11, 0.35, seed=seed, directed=directed)
    for u, v in G.edges:
        G[u][v]["weight"] = int(rng.choice([1, 2, 3, 5, 6, 7, 10]))
    prep = prepare(G, weight="weight")
    exact = _exact_betweenness(prep.G)
    raw = K.betweenness_brandes(prep.W, weighted=True)
    np.testing.assert_allclose(raw, [float(exact[v]) for v in prep.nodes], atol=1e-9)
    cl = K.closeness(prep.W, weighted=True)
    ref = _exact_closeness(prep.G)
    np.testing.assert_allclose(cl, [ref[v] for v in prep.nodes], rtol=1e-12, atol=1e-12)


def test_tolerance_is_documented():
    assert "1e-10" in K.betweenness_brandes.__doc__
    assert "1e-10" in K.closeness_dijkstra.__doc__
    assert K.PATH_RTOL == 1e-10
    assert "1e-10" in (REPO / "docs" / "catalysts.md").read_text(encoding="utf-8")


# --------------------------------------------------- 2. directed graphs made undirected
def _reciprocated(order: list) -> nx.DiGraph:
    G = nx.DiGraph()
    G.add_nodes_from(order)
    G.add_edge("a", "b", weight=1.0)
    G.add_edge("b", "a", weight=5.0)
    return G


@pytest.mark.parametrize("order", [["a", "b"], ["b", "a"]])
def test_reciprocated_arcs_combine_by_the_combine_rule(order):
    G = _reciprocated(order)
    c = centrality(G, weight="weight", directed=False)
    assert c["strength"].tolist() == [6.0, 6.0]
    assert undirected(G)["a"]["b"]["weight"] == 6.0
    assert undirected(G, combine="max")["a"]["b"]["weight"] == 5.0
    assert undirected(G, combine="mean")["a"]["b"]["weight"] == 3.0
    assert undirected(G, combine="min")["a"]["b"]["weight"] == 1.0
    c_max = centrality(G, weight="weight", directed=False, combine="max")
    assert c_max["strength"].tolist() == [5.0, 5.0]


def test_undirected_matches_the_network_path():
    import pandas as pd

    net = qn.Network(
        ties=pd.DataFrame({"source": ["a", "b"], "target": ["b", "a"], "intensity": [1, 5]}),
        directed=True,
    )
    from_net = net.to_networkx(directed=False)["a"]["b"]["weight"]
    from_graph = undirected(net.to_networkx(directed=True))["a"]["b"]["weight"]
    assert from_net == from_graph == 6.0
    with pytest.raises(AnalysisError, match="combine"):
        undirected(_reciprocated(["a", "b"]), combine="median")


# ----------------------------------------------------- 3. named group attributes must exist
def _karate() -> nx.Graph:
    return nx.karate_club_graph()


def test_misspelled_group_raises_with_close_matches():
    G = _karate()
    assert catalysts(G, group="club").index[:3].tolist() == [0, 33, 2]
    with pytest.raises(AnalysisError) as err:
        catalysts(G, group="clubb")
    assert isinstance(err.value.text, Text)
    en, de = err.value.render("en"), err.value.render("de")
    assert "'clubb'" in en and "'club'" in en and "'clubb'" in de
    assert "Did you mean 'club'?" in en and "Meinten Sie 'club'?" in de
    assert en.split("Attributes present: ")[1].startswith("'club'")


@pytest.mark.parametrize(
    "call",
    [
        lambda G: brokerage(G, group="sector"),
        lambda G: summary(G, group="sector"),
        lambda G: mixing_matrix(G, group="sector"),
        lambda G: removal_impact(G, group="sector"),
        lambda G: dependence(G, 2, group="sector"),
        lambda G: catalyst_stability(G, group="sector", n=2, seed=0),
    ],
)
def test_every_group_parameter_checks_the_attribute(call):
    G = nx.path_graph(5)
    nx.set_node_attributes(G, dict.fromkeys(G, "Verein"), "type")
    with pytest.raises(AnalysisError, match="sector"):
        call(G)


def test_default_group_falls_back_with_a_note():
    G = nx.path_graph(5)  # no attribute "type"
    out = catalysts(G)
    assert set(out["group"]) == {"(all)"}
    notes = out.attrs["notes"]
    assert any(isinstance(t, Text) and "type" in t.en and "type" in t.de for t in notes)
    b = brokerage(G)
    assert b.attrs["notes"]
    s = summary(G)
    assert s.attrs["notes"]


# ------------------------------------------- 4. documented differences on directed graphs
def test_degree_centrality_counts_partners_as_documented():
    D = nx.DiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    c = centrality(D)
    # networkx counts arcs (in + out); quartiernetz counts partners (either direction)
    nx_dc = nx.degree_centrality(D)
    assert nx_dc["b"] == 3 / 2
    assert c.loc["b", "degree_centrality"] == 1.0
    np.testing.assert_allclose(
        c["degree_centrality"], [nx.degree_centrality(D.to_undirected())[v] for v in c.index]
    )
    # betweenness and closeness equal networkx's directed versions
    np.testing.assert_allclose(
        c["betweenness"], [nx.betweenness_centrality(D)[v] for v in c.index], atol=1e-12
    )
    np.testing.assert_allclose(
        c["closeness"], [nx.closeness_centrality(D)[v] for v in c.index], atol=1e-12
    )
    assert c["in_degree"].tolist() == [D.in_degree(v) for v in c.index]
    assert c["out_degree"].tolist() == [D.out_degree(v) for v in c.index]
    # eigenvector: leading eigenvector of A + A^T (a reciprocated pair counts twice)
    A = nx.to_numpy_array(D, nodelist=list(c.index))
    vals, vecs = np.linalg.eigh(A + A.T)
    np.testing.assert_allclose(c["eigenvector"], np.abs(vecs[:, -1]), atol=1e-9)
    text = (REPO / "docs" / "catalysts.md").read_text(encoding="utf-8")
    assert "counts partners" in text
    assert "equal to networkx on\ndirected" not in text


# --------------------------------------------------- 5. cost estimate, automatic sampling
def test_estimate_seconds_grows_with_n_times_m():
    small = estimate_seconds(nx.path_graph(100))
    G = nx.connected_watts_strogatz_graph(2000, 8, 0.1, seed=1)
    assert G.number_of_edges() == 8000
    big = estimate_seconds(G)
    assert 0 <= small < big
    assert big == pytest.approx(estimate_seconds(n=2000, m=8000), rel=1e-9)
    huge = estimate_seconds(n=5000, m=200_000)
    assert huge > AUTO_EXACT_SECONDS


def test_auto_switch_samples_large_networks_and_says_so():
    G = nx.gnm_random_graph(300, 900, seed=2)
    exact = catalysts(G, group=None)
    assert exact.attrs["approximate"] is False
    forced = catalysts(G, group=None, approximate=True, samples=50, seed=0)
    assert forced.attrs["approximate"] is True
    # a tiny threshold makes the automatic mode sample, with a bilingual note
    auto = catalysts(G, group=None, exact_seconds=0.0, samples=50, seed=0)
    assert auto.attrs["approximate"] is True
    assert any(isinstance(t, Text) and t.de for t in auto.attrs["notes"])
    with pytest.raises(AnalysisError):
        catalysts(G, group=None, approximate=False, samples=10)


def test_summary_honours_approximate():
    G = nx.gnm_random_graph(400, 1600, seed=5)
    exact = summary(G, group=None)
    assert exact.attrs["approximate"] is False
    approx = summary(G, group=None, approximate=True, seed=0, samples=40)
    assert approx.attrs["approximate"] is True
    assert approx.loc["betweenness_centralization", "value"] != pytest.approx(
        exact.loc["betweenness_centralization", "value"], rel=1e-12
    )
    assert approx.loc["betweenness_centralization", "value"] == pytest.approx(
        exact.loc["betweenness_centralization", "value"], rel=0.5
    )
    auto = summary(G, group=None, exact_seconds=0.0, samples=40, seed=0)
    assert auto.attrs["approximate"] is True


_BIG_BETWEENNESS = textwrap.dedent(
    """
    import sys
    import numpy as np, scipy.sparse as sp
    from quartiernetz.roles import _kernels as K
    n, m = 20000, 100000  # exact betweenness takes minutes
    rng = np.random.default_rng(1)
    r, c = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = r != c
    W = sp.csr_array((np.ones(2 * keep.sum()), (np.r_[r[keep], c[keep]],
                      np.r_[c[keep], r[keep]])), shape=(n, n))
    print("ready", flush=True)
    K.betweenness(W, weighted=False)
    """
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_engine_worker_ends_when_its_parent_is_killed():
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", _BIG_BETWEENNESS], stdout=subprocess.PIPE, env=env
    )
    try:
        assert proc.stdout.readline().decode().strip() == "ready"
        workers: list[str] = []
        deadline = time.monotonic() + 10
        while not workers and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = subprocess.run(
                ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, timeout=10
            ).stdout.split()
        assert workers, "the engine did not start a worker process"
    finally:
        proc.kill()
        proc.communicate(timeout=10)

    def alive(pid: str) -> bool:
        try:
            with open(f"/proc/{pid}/stat") as f:
                return f.read().split()[2] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 5
    while any(alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(w) for w in workers)


def test_ctrl_c_ends_the_compiled_kernel_within_seconds():
    code = textwrap.dedent(
        """
        import sys
        import numpy as np, scipy.sparse as sp
        from quartiernetz.roles import _kernels as K
        n, m = 20000, 100000  # exact betweenness takes minutes
        rng = np.random.default_rng(1)
        r, c = rng.integers(0, n, m), rng.integers(0, n, m)
        keep = r != c
        W = sp.csr_array((np.ones(2 * keep.sum()), (np.r_[r[keep], c[keep]],
                          np.r_[c[keep], r[keep]])), shape=(n, n))
        W.data[:] = 1.0
        print("ready", flush=True)
        try:
            K.betweenness(W, weighted=False)
        except KeyboardInterrupt:
            print("interrupted", flush=True)
            sys.exit(3)
        print("finished", flush=True)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    try:
        line = proc.stdout.readline().decode()
        assert line.strip() == "ready"
        time.sleep(0.5)  # inside the kernel now (it takes minutes)
        start = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=20)
        elapsed = time.monotonic() - start
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate(timeout=10)
    assert b"interrupted" in out
    assert proc.returncode == 3
    assert elapsed < 5.0


def test_dependence_leaves_out_distance_fragmentation_when_too_costly():
    G = nx.krackhardt_kite_graph()
    full = dependence(G, 7, group=None)
    assert full.loc["distance_fragmentation", "before"] == pytest.approx(0.3537, abs=1e-4)
    assert full.attrs["notes"] == []
    cheap = dependence(G, 7, group=None, exact_seconds=0.0)
    assert np.isnan(cheap.loc["distance_fragmentation", "before"])
    assert any("distance" in t.en and "Fragmentierung" in t.de for t in cheap.attrs["notes"])
    forced = dependence(G, 7, group=None, distance=True, exact_seconds=0.0)
    assert (
        forced.loc["distance_fragmentation", "after"] == full.loc["distance_fragmentation", "after"]
    )
    # the other figures do not change
    pd_cols = ["components", "fragmentation", "reachable_pairs"]
    assert cheap.loc[pd_cols, "after"].tolist() == full.loc[pd_cols, "after"].tolist()


def test_stability_records_the_automatic_choice():
    G = nx.gnm_random_graph(120, 300, seed=3)
    st = catalyst_stability(G, group=None, n=3, seed=0)
    assert st.overall.attrs["approximate"] is False
    st = catalyst_stability(G, group=None, n=3, seed=0, exact_seconds=0.0, samples=20)
    assert st.overall.attrs["approximate"] is True
    assert st.overall.attrs["notes"]


def test_engine_worker_receives_large_inputs_and_agrees_with_the_engine(monkeypatch):
    # 1,500 small components: more edge data than a pipe holds (64 KB) before the worker
    # starts reading, little to compute
    from concurrent.futures import ThreadPoolExecutor

    G = nx.disjoint_union_all([nx.path_graph(4)] * 1_500)
    prep = prepare(G)
    assert prep.W.nnz // 2 * 16 > 65_536
    pool = ThreadPoolExecutor(1)  # a hang fails the test instead of blocking it
    try:
        raw = pool.submit(K.interruptible_engine, "betweenness", prep.W).result(timeout=60)
        close = pool.submit(K.interruptible_engine, "closeness", prep.W).result(timeout=60)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    assert raw is not None and close is not None
    monkeypatch.setattr(K, "INTERRUPTIBLE_SECONDS", float("inf"))  # the engine in-process
    np.testing.assert_allclose(2.0 * raw, K.betweenness(prep.W, weighted=False))
    np.testing.assert_allclose(close, K.closeness(prep.W, weighted=False))
