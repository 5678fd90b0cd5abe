"""The compiled betweenness of the CUG test (numba, the ``fast`` extra): exact as
networkx and rustworkx, the same CUG results with or without it and in worker
processes, rustworkx where numba is missing, and workers that do not import
quartiernetz."""

from __future__ import annotations

import pickle
import subprocess
import sys
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from quartiernetz.inference import _cug_kernels as kernels
from quartiernetz.inference import cug, cug_test
from quartiernetz.inference._data import Dyads

pytest.importorskip("numba", reason="numba is in the fast extra: pip install -e '.[test]'")


def _graphs():
    yield nx.gnm_random_graph(500, 2087, seed=1)  # the benchmark's size: 16 passes of 32
    yield nx.gnm_random_graph(300, 1200, seed=2, directed=True)
    yield nx.gnm_random_graph(70, 60, seed=3)  # many components and isolates
    yield nx.gnm_random_graph(45, 90, seed=4, directed=True)  # not a multiple of 32
    yield nx.path_graph(150)  # long paths: 149 distance levels
    yield nx.cycle_graph(97, create_using=nx.DiGraph)
    yield nx.star_graph(40)
    yield nx.complete_graph(12)
    yield nx.grid_2d_graph(12, 12)  # many shortest paths per pair
    yield nx.empty_graph(5)
    G = nx.disjoint_union(nx.complete_graph(6), nx.gnp_random_graph(20, 0.4, seed=4))
    G.add_nodes_from(range(26, 30))
    yield G


def _arrays(G: nx.Graph) -> tuple[int, bool, np.ndarray, np.ndarray, np.ndarray]:
    G = nx.convert_node_labels_to_integers(G)
    n = G.number_of_nodes()
    ties = list(G.edges)
    src = np.array([u for u, _ in ties], dtype=np.intp)
    dst = np.array([v for _, v in ties], dtype=np.intp)
    expected = nx.betweenness_centrality(G, normalized=False)
    return n, G.is_directed(), src, dst, np.array([expected[v] for v in range(n)])


@pytest.mark.parametrize("G", list(_graphs()), ids=lambda G: f"{G}")
def test_compiled_betweenness_equals_networkx(G):
    n, directed, src, dst, expected = _arrays(G)
    got = kernels.betweenness_compiled(n, directed, src, dst)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-9)


def test_compiled_betweenness_equals_rustworkx_on_random_draws(monkeypatch):
    rng = np.random.default_rng(5)
    for directed, n, m in [(False, 200, 700), (True, 150, 900), (False, 120, 2000)]:
        dy = Dyads(n, directed=directed)
        for _ in range(3):
            pick = np.sort(rng.choice(dy.size, m, replace=False))
            src, dst = dy.rows[pick], dy.cols[pick]
            got = kernels.betweenness_compiled(n, directed, src, dst)
            with monkeypatch.context() as mp:
                mp.setattr(kernels, "_COMPILED", False)
                assert kernels.route(n, directed, m) in ("rustworkx", "dense")
                reference = kernels.betweenness(n, directed, src, dst)
            np.testing.assert_allclose(got, reference, rtol=1e-12, atol=1e-9)


def test_routes():
    assert kernels.route(500, False, 2087) == "compiled"
    assert kernels.route(500, True, 2790) == "compiled"
    assert kernels.route(500, False, 62000) == "dense"  # half the possible ties
    assert kernels.route(200, False, 100) == "rustworkx"  # 20,000 actors x ties: not worth numba
    assert kernels.route(40, False, 400) == "dense"


def test_without_numba_rustworkx_and_the_dense_kernel(monkeypatch):
    monkeypatch.setattr(kernels, "_COMPILED", None)
    monkeypatch.setitem(sys.modules, "numba", None)  # import numba raises ImportError
    assert kernels.compiled() is None
    assert kernels.route(500, False, 2087) == "rustworkx"
    assert kernels.route(500, False, 62000) == "dense"
    with pytest.raises(ImportError, match="numba"):
        kernels.betweenness_compiled(10, False, np.array([0]), np.array([1]))


def test_without_a_writable_cache_the_kernels_compile_anyway(monkeypatch):
    calls = []

    def njit(cache=False, **options):
        calls.append(cache)
        if cache:
            raise RuntimeError("cannot cache function: no locator available")
        return lambda func: func  # run the plain Python functions

    for name in ("_csr_jit", "_distances_jit"):
        monkeypatch.setattr(kernels, name, getattr(kernels, name))
    jit = kernels._jit(SimpleNamespace(njit=njit))
    assert calls == [True, False] * 5
    G = nx.gnm_random_graph(20, 35, seed=6)
    n, directed, src, dst, expected = _arrays(G)
    np.testing.assert_allclose(jit.betweenness(n, src, dst, directed) / 2, expected, rtol=1e-12)


@pytest.mark.parametrize("directed", [False, True])
def test_compiled_steps_of_the_dense_kernel_give_the_same_numbers(directed, monkeypatch):
    for G in (
        nx.gnp_random_graph(120, 0.5, seed=7, directed=directed),
        nx.gnp_random_graph(120, 0.06, seed=8, directed=directed),  # more levels
    ):
        n = G.number_of_nodes()
        src, dst = (np.array(x, dtype=np.intp) for x in zip(*G.edges, strict=True))
        A = kernels.adjacency(n, directed, src, dst)
        compiled = kernels.betweenness_dense(A.copy(), directed)
        monkeypatch.setattr(kernels, "_COMPILED", False)
        plain = kernels.betweenness_dense(A.copy(), directed)
        monkeypatch.undo()
        np.testing.assert_array_equal(compiled, plain)


@pytest.mark.parametrize("directed", [False, True])
def test_dyad_vectors_give_the_same_matrices(directed):
    n = 37
    dy = Dyads(n, directed=directed)
    rows, cols = kernels.dyad_cells(n, directed)
    np.testing.assert_array_equal(rows, dy.rows)
    np.testing.assert_array_equal(cols, dy.cols)
    present = np.random.default_rng(9).random(dy.size) < 0.3
    expected = kernels.adjacency(n, directed, dy.rows[present], dy.cols[present])
    got = kernels.dyad_adjacency(n, directed, present)
    np.testing.assert_array_equal(got, expected)


def _networks():
    yield nx.gnm_random_graph(120, 300, seed=10), "edges"  # compiled kernel
    yield nx.gnm_random_graph(90, 400, seed=11, directed=True), "dyad_census"
    yield nx.gnm_random_graph(80, 200, seed=12), "size"  # dense draws, compiled steps


@pytest.mark.parametrize(("G", "conditioning"), list(_networks()), ids=lambda x: f"{x}")
def test_cug_with_and_without_numba_agree(G, conditioning, monkeypatch):
    compiled = cug_test(
        G, "betweenness_centralization", conditioning=conditioning, draws=40, seed=3
    )
    monkeypatch.setattr(kernels, "_COMPILED", False)
    plain = cug_test(G, "betweenness_centralization", conditioning=conditioning, draws=40, seed=3)
    pd.testing.assert_frame_equal(compiled, plain, check_exact=False, rtol=1e-12)


@pytest.mark.parametrize(("G", "conditioning"), list(_networks()), ids=lambda x: f"{x}")
def test_threads_and_workers_do_not_change_the_result(G, conditioning, monkeypatch):
    # sparse draws go to threads (the compiled kernel releases the GIL), dense ones to
    # worker processes; with the kernel choice for the split made to say "rustworkx",
    # sparse ones go to workers too, which run the compiled kernel
    monkeypatch.setattr(cug, "POOL_FROM", 0.0)
    monkeypatch.setattr(cug, "THREADS_FROM", 0.0)
    args = {"conditioning": conditioning, "draws": 30, "seed": 4}
    serial = cug_test(G, "betweenness_centralization", n_jobs=1, **args)
    parallel = cug_test(G, "betweenness_centralization", n_jobs=2, **args)
    pd.testing.assert_frame_equal(serial, parallel, check_exact=True)
    monkeypatch.setattr(cug, "route", lambda n, directed, m: "rustworkx")
    pooled = cug_test(G, "betweenness_centralization", n_jobs=2, **args)
    pd.testing.assert_frame_equal(serial, pooled, check_exact=True)
    n, directed, _, _, b = _arrays(G)
    top = (n - 1) ** 2 * (n - 2) / (1 if directed else 2)
    assert serial.iloc[0]["observed"] == pytest.approx((b.max() - b).sum() / top, rel=1e-12)


def test_sparse_draws_run_in_threads_dense_ones_in_workers(monkeypatch):
    started = []
    monkeypatch.setattr(cug, "_start_worker", lambda: started.append(1))  # None: not started
    monkeypatch.setattr(cug, "POOL_FROM", 0.0)
    monkeypatch.setattr(cug, "THREADS_FROM", 0.0)
    G = nx.gnm_random_graph(120, 300, seed=10)
    cug_test(G, "betweenness_centralization", draws=10, seed=1, n_jobs=2)
    assert started == []
    cug_test(G, "betweenness_centralization", conditioning="size", draws=10, seed=1, n_jobs=2)
    assert started == [1, 1]


def test_a_worker_loads_the_kernels_without_importing_quartiernetz():
    command = cug._worker_command()
    assert command[1:3] == ["-P", str(cug.Path(cug.__file__).with_name("_cug_worker.py"))]
    dy = Dyads(200, directed=False)  # 200 actors x 150 ties: the compiled kernel
    present = np.zeros(dy.size, dtype=bool)
    present[np.random.default_rng(13).choice(dy.size, 150, replace=False)] = True
    task = ("betweenness_centralization", 200, False, [np.packbits(present)])
    proc = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        input=pickle.dumps(task),
        capture_output=True,
        timeout=120,
        check=True,
    )
    kind, values = pickle.loads(proc.stdout)
    assert kind == "values"
    assert values.tolist() == kernels.block(*task).tolist()
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.decode().splitlines()}
    assert "numpy" in imported
    assert not {name for name in imported if name.split(".")[0] == "quartiernetz"}


def test_a_slow_worker_takes_fewer_batches_and_changes_nothing(tmp_path, monkeypatch):
    # the first worker to start waits 1.5 s before it serves: the other one takes
    # the batches meanwhile
    worker = cug.Path(cug.__file__).with_name("_cug_worker.py")
    code = (
        "import os, runpy, sys, time\n"
        f"try:\n    os.close(os.open({str(tmp_path / 'first')!r}, os.O_CREAT | os.O_EXCL))\n"
        "except FileExistsError:\n    pass\nelse:\n    time.sleep(1.5)\n"
        f"sys.argv = [{str(worker)!r}]\n"
        f"runpy.run_path({str(worker)!r}, run_name='__main__')\n"
    )
    monkeypatch.setattr(cug, "POOL_FROM", 0.0)
    monkeypatch.setattr(cug, "route", lambda n, directed, m: "rustworkx")  # to workers
    G = nx.gnm_random_graph(120, 300, seed=14)
    serial = cug_test(G, "betweenness_centralization", draws=64, seed=5, n_jobs=1)
    monkeypatch.setattr(cug, "_worker_command", lambda: [sys.executable, "-P", "-c", code])
    pooled = cug_test(G, "betweenness_centralization", draws=64, seed=5, n_jobs=2)
    pd.testing.assert_frame_equal(serial, pooled, check_exact=True)
    assert (tmp_path / "first").exists()
