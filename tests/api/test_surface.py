"""The public surface of ``quartiernetz``: names, return types, signatures (issue 14).

A contract over every analysis in ``qn.__all__`` (as scikit-network's test_API
does): each returns a DataFrame or a documented result object with
``.to_frame()``. Exceptions are listed explicitly below, with the reason.
"""

from __future__ import annotations

import inspect
import typing
import warnings
from collections.abc import Callable
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import quartiernetz as qn
from quartiernetz.conventions import as_generator, as_int_seed
from quartiernetz.exceptions import AnalysisError

#: Public names that are not analyses (reading, writing, data, figures, faces).
NOT_ANALYSES = {
    "__version__",
    "QuartiernetzError",
    "Network",
    "as_graph",
    "read_network",
    "write_network",
    "read_survey",
    "pseudonymize",
    "load_example",
    "list_examples",
    "split_waves",  # splits one Network into several: data, not an analysis
    "write_report",
    "explore",
    "batch",  # runs write_report over many inputs (tests/batch): a face, not an analysis
    *(n for n in qn.__all__ if n.startswith("plot_")),
}

#: Analyses that return something else, on purpose or still to be changed.
RETURN_EXCEPTIONS = {
    # several tables of one comparison, by name (each a DataFrame)
    "change_tables": dict,
}

#: Public functions with more than two positional inputs: none; the ones with two.
TWO_POSITIONAL = {
    "write_network": ("net", "path"),
    "catalyst_index": ("table", "components"),
    "dependence": ("net", "actors"),
    "tie_changes": ("before", "after"),
    "actor_changes": ("before", "after"),
    "change_summary": ("before", "after"),
    "change_tables": ("before", "after"),
    "duplicate_changes": ("before", "after"),
    "match_actors": ("before", "after"),
    "split_waves": ("net", "waves"),
    "qap_correlation": ("x", "y"),
    "qap_regression": ("y", "predictors"),
    "cug_test": ("net", "statistic"),
    "ei_test": ("net", "attribute"),
    "same": ("net", "attribute"),
    "difference": ("net", "attribute"),
    "plot_tie_changes": ("before", "after"),
    "write_report": ("net", "out"),
    "explore": ("net", "path"),
    "batch": ("inputs", "out"),
}


@pytest.fixture(scope="module")
def net() -> qn.Network:
    return qn.load_example("nordstadt")


@pytest.fixture(scope="module")
def survey() -> qn.Network:
    return qn.Network(
        actors=pd.DataFrame({"id": ["a", "b", "c"], "responded": [True, True, False]}).set_index(
            "id"
        ),
        ties=pd.DataFrame(
            {"source": ["a", "b", "a"], "target": ["b", "a", "c"], "reported_by": ["a", "b", "a"]}
        ),
    )


def calls(net: qn.Network, survey: qn.Network) -> dict[str, Callable[[], Any]]:
    """One cheap call of every analysis in ``qn.__all__`` on a toy network."""
    first = net.actors.index[0]
    return {
        "survey_summary": lambda: qn.survey_summary(survey),
        "confirmed_ties": lambda: qn.confirmed_ties(survey),
        "catalysts": lambda: qn.catalysts(net),
        "network_check": lambda: qn.network_check(net),
        "network_check_compare": lambda: qn.network_check_compare({"a": net, "b": net}),
        "catalyst_index": lambda: qn.catalyst_index(qn.catalysts(net)),
        "centrality": lambda: qn.centrality(net),
        "brokerage": lambda: qn.brokerage(net),
        "structural_holes": lambda: qn.structural_holes(net),
        "key_players": lambda: qn.key_players(net, k=1),
        "removal_impact": lambda: qn.removal_impact(net),
        "dependence": lambda: qn.dependence(net, first),
        "catalyst_stability": lambda: qn.catalyst_stability(net, n=2, seed=0),
        "summary": lambda: qn.summary(net),
        "mixing_matrix": lambda: qn.mixing_matrix(net),
        "duplicates": lambda: qn.duplicates(net),
        "communities": lambda: qn.communities(net, seed=0),
        "community_stability": lambda: qn.community_stability(net, n=2, seed=0),
        "competitor_clusters": lambda: qn.competitor_clusters(net, seed=0),
        "suggest_ties": lambda: qn.suggest_ties(net, n=3),
        "offer_map": lambda: qn.offer_map(net),
        "tie_changes": lambda: qn.tie_changes(net, net),
        "actor_changes": lambda: qn.actor_changes(net, net),
        "change_summary": lambda: qn.change_summary(net, net),
        "change_tables": lambda: qn.change_tables(net, net, seed=0),
        "catalyst_changes": lambda: qn.catalyst_changes(qn.actor_changes(net, net)),
        "duplicate_changes": lambda: qn.duplicate_changes(net, net),
        "match_actors": lambda: qn.match_actors(net, net),
        "compare": lambda: qn.compare({"a": net, "b": net}, seed=0),
        "qap_correlation": lambda: qn.qap_correlation(
            qn.comembership(net), net, permutations=20, seed=0
        ),
        "qap_regression": lambda: qn.qap_regression(
            net, [qn.same(net, "type")], permutations=20, seed=0
        ),
        "cug_test": lambda: qn.cug_test(net, "density", draws=20, seed=0),
        "ei_test": lambda: qn.ei_test(net, "type", permutations=20, seed=0),
        "comembership": lambda: qn.comembership(net),
        "same": lambda: qn.same(net, "type"),
        "difference": lambda: qn.difference(net, "founded"),
    }


def analyses() -> list[str]:
    return [n for n in qn.__all__ if n not in NOT_ANALYSES]


def test_every_name_in_all_resolves() -> None:
    for name in qn.__all__:
        assert getattr(qn, name) is not None, name
    assert len(set(qn.__all__)) == len(qn.__all__)


def test_dir_has_no_private_or_typing_names() -> None:
    names = dir(qn)
    typing_names = set(typing.__all__)
    for name in names:
        if name.startswith("__") and name.endswith("__"):
            continue
        assert not name.startswith("_"), name
        assert name not in typing_names, name
    assert "write_report" in names and "Any" not in names


def test_every_analysis_has_a_contract_call(net, survey) -> None:
    assert set(analyses()) == set(calls(net, survey)), "add the new analysis to calls()"


@pytest.mark.parametrize("name", analyses())
def test_every_analysis_returns_a_frame_or_a_result_object(name, net, survey) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        out = calls(net, survey)[name]()
    if name in RETURN_EXCEPTIONS:
        assert isinstance(out, RETURN_EXCEPTIONS[name])
        if isinstance(out, dict):
            assert all(isinstance(v, pd.DataFrame) for v in out.values())
        return
    if isinstance(out, pd.DataFrame):
        return
    assert callable(getattr(out, "to_frame", None)), f"{name} returns {type(out).__name__}"
    frame = out.to_frame()
    assert isinstance(frame, pd.DataFrame)
    doc = inspect.getdoc(type(out)) or ""
    assert doc.strip(), f"{type(out).__name__} needs a docstring"


def test_options_are_keyword_only() -> None:
    for name in qn.__all__:
        fn = getattr(qn, name)
        if not inspect.isfunction(fn):
            continue
        params = inspect.signature(fn).parameters.values()
        positional = tuple(
            p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        )
        assert len(positional) <= 2, (name, positional)
        if len(positional) == 2:
            assert TWO_POSITIONAL.get(name) == positional, (name, positional)


@pytest.mark.parametrize(
    "name",
    [
        "catalysts",
        "centrality",
        "structural_holes",
        "catalyst_stability",
        "summary",
        "communities",
        "community_stability",
        "ei_test",
        "qap_correlation",
        "qap_regression",
    ],
)
def test_weight_means_one_thing_with_one_default(name) -> None:
    weight = inspect.signature(getattr(qn, name)).parameters["weight"]
    assert weight.kind is weight.KEYWORD_ONLY
    assert weight.default is None, name


def test_seed_accepts_int_generator_and_none() -> None:
    G = nx.karate_club_graph()
    a = qn.communities(G, seed=3)
    b = qn.communities(G, seed=np.random.default_rng(3))
    c = qn.communities(G, seed=None)
    assert len(a) == len(b) == len(c) == 34
    s1 = qn.catalyst_stability(G, n=2, seed=np.random.default_rng(1))
    s2 = qn.catalyst_stability(G, n=2, seed=np.random.default_rng(1))
    pd.testing.assert_frame_equal(s1.to_frame(), s2.to_frame())
    assert as_int_seed(5) == 5 and as_generator(None) is not None
    for bad in ("3", 1.5, True):
        with pytest.raises(AnalysisError, match="seed"):
            as_generator(bad)  # type: ignore[arg-type]
        with pytest.raises(AnalysisError, match="seed"):
            qn.communities(G, seed=bad)  # type: ignore[arg-type]


def test_old_count_keywords_still_work_with_a_warning() -> None:
    G = nx.karate_club_graph()
    with pytest.warns(DeprecationWarning, match="n=") as caught:
        old = qn.suggest_ties(G, k=3)
    assert "k=" in str(caught[0].message)
    pd.testing.assert_frame_equal(old, qn.suggest_ties(G, n=3))
    with pytest.warns(DeprecationWarning, match="top="):
        old_st = qn.catalyst_stability(G, n=2, k=3, seed=0)
    new_st = qn.catalyst_stability(G, n=2, top=3, seed=0)
    pd.testing.assert_frame_equal(old_st.overall, new_st.overall)
    with pytest.raises(TypeError, match="both"):
        qn.suggest_ties(G, k=3, n=3)


def test_key_players_result_object_and_old_dict_access() -> None:
    kp = qn.key_players(nx.krackhardt_kite_graph(), k=2)
    frame = kp.to_frame()
    assert frame.index.name == "actor" and len(frame) == 2
    assert set(frame.index) == set(kp.set) and (frame["score"] == kp.score).all()
    assert set(kp) >= {"set", "score", "measure", "method", "k"}
    with pytest.warns(DeprecationWarning, match=r"\.set"):
        assert kp["set"] == kp.set
    with pytest.raises(KeyError):
        kp["nope"]


def test_communities_series_has_a_frame() -> None:
    c = qn.communities(nx.karate_club_graph(), seed=0)
    assert isinstance(c, pd.Series)  # the type of 0.1, kept
    frame = c.to_frame()
    assert list(frame.columns) == ["community"]
    assert frame.attrs["modularity"] == c.attrs["modularity"]


def test_offer_map_is_typed_for_networks_only() -> None:
    hints = typing.get_type_hints(qn.offer_map)
    assert hints["net"] is qn.Network
    with pytest.raises(AnalysisError):
        qn.offer_map(nx.path_graph(3))  # type: ignore[arg-type]


def test_renamed_modules_do_not_shadow_functions() -> None:
    import importlib

    for module, function in (
        ("quartiernetz.roles.removal", "dependence"),
        ("quartiernetz.structures.duplication", "duplicates"),
        ("quartiernetz.structures.community", "communities"),
    ):
        mod = importlib.import_module(module)
        assert inspect.isfunction(getattr(mod, function))
        package = importlib.import_module(module.rsplit(".", 1)[0])
        assert inspect.isfunction(getattr(package, function))


def test_approximate_mode_without_the_fast_extra_names_it(monkeypatch) -> None:
    import quartiernetz.roles.cost as cost

    G = nx.karate_club_graph()
    if cost.fast_installed():
        notes = qn.catalysts(G, approximate=True, samples=5, seed=0).attrs["notes"]
        assert not any("quartiernetz[fast]" in str(n) for n in notes)
    monkeypatch.setattr(cost, "fast_installed", lambda: False)
    notes = qn.catalysts(G, approximate=True, samples=5, seed=0).attrs["notes"]
    assert any("pip install 'quartiernetz[fast]'" in str(n) for n in notes)
    assert any("quartiernetz[fast]" in n.de for n in notes if hasattr(n, "de"))
    exact = qn.catalysts(G, approximate=False).attrs["notes"]
    assert not any("quartiernetz[fast]" in str(n) for n in exact)


def test_fast_is_an_extra_and_the_test_extra_pulls_it() -> None:
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())["project"]
    assert not any(d.startswith("networkit") for d in project["dependencies"])
    assert any(d.startswith("networkit") for d in project["optional-dependencies"]["fast"])
    pulled = {
        extra.strip()
        for dep in project["optional-dependencies"]["test"]
        if dep.startswith("quartiernetz[")
        for extra in dep[len("quartiernetz[") : -1].split(",")
    }
    assert {"fast", "docs", "batch"} <= pulled
    assert not any(d.startswith("mkdocs") for d in project["optional-dependencies"]["test"])


@pytest.mark.parametrize(
    "module",
    [
        "quartiernetz.roles",
        "quartiernetz.structures",
        "quartiernetz.descriptives",
        "quartiernetz.inference",
        "quartiernetz.change",
        "quartiernetz.conventions",
    ],
)
def test_subpackage_functions_take_at_most_two_positional_inputs(module) -> None:
    import importlib

    mod = importlib.import_module(module)
    for name in mod.__all__:
        fn = getattr(mod, name)
        if not inspect.isfunction(fn):
            continue
        params = inspect.signature(fn).parameters.values()
        positional = [
            p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        assert len(positional) <= 2, (module, name, positional)


#: The faces choose their own language (German for the report and the explorer).
LANG_FACES = {"write_report": "de", "explore": "de"}


def test_lang_defaults_to_english_in_the_python_api() -> None:
    for name in qn.__all__:
        fn = getattr(qn, name)
        if not inspect.isfunction(fn) or "lang" not in inspect.signature(fn).parameters:
            continue
        lang = inspect.signature(fn).parameters["lang"]
        assert lang.kind is lang.KEYWORD_ONLY, name
        assert lang.default == LANG_FACES.get(name, "en"), name


def test_every_analysis_seed_accepts_a_generator() -> None:
    for name in analyses():
        fn = getattr(qn, name)
        seed = inspect.signature(fn).parameters.get("seed")
        if seed is None:
            continue
        assert seed.kind is seed.KEYWORD_ONLY and seed.default is None, name
        assert "Generator" in str(seed.annotation), name
