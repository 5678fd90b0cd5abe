"""The example catalogue: listing without loading, loading every entry, stored sizes."""

from __future__ import annotations

import pytest

import quartiernetz.datasets as datasets
from quartiernetz.datasets import (
    CATALOGUE,
    example_path,
    list_examples,
    load_example,
    lower_saxony,
    mgh_programme,
)
from quartiernetz.exceptions import QuartiernetzError

NAMES = [
    "nordstadt",
    "lower_saxony_a",
    "lower_saxony_b",
    "lower_saxony_c",
    "mgh_programme",
    "florentine_families",
    "karate_club",
    "davis_southern_women",
    "krackhardt_kite",
    "les_miserables",
]


def test_list_examples_columns_and_names():
    ex = list_examples()
    assert ex.index.tolist() == NAMES
    assert ex.columns.tolist() == [
        "description",
        "format",
        "source",
        "licence",
        "synthetic",
        "actors",
        "ties",
        "affiliations",
    ]
    assert ex["synthetic"].to_dict() == {
        "nordstadt": True,
        "lower_saxony_a": True,
        "lower_saxony_b": True,
        "lower_saxony_c": True,
        "mgh_programme": True,
        "florentine_families": False,
        "karate_club": False,
        "davis_southern_women": False,
        "krackhardt_kite": False,
        "les_miserables": False,
    }
    synthetic_generated = ex[(ex["format"] == "generator")]
    assert synthetic_generated["source"].str.contains("synthetic data modelled on").all()


def test_list_examples_loads_nothing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("list_examples must not build networks")

    monkeypatch.setattr(datasets, "_LOADERS", {name: refuse for name in datasets._LOADERS})
    monkeypatch.setattr(datasets, "load_example", refuse)
    assert len(list_examples()) == len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_stored_sizes_are_the_loaded_sizes(name):
    net = load_example(name)
    info = CATALOGUE[name]
    assert (len(net.actors), len(net.ties), len(net.affiliations)) == (
        info["actors"],
        info["ties"],
        info["affiliations"],
    )
    assert net.meta["synthetic"] is info["synthetic"]


def test_catalogue_entries_are_the_generators_defaults():
    nets = lower_saxony()
    for key in "abc":
        assert load_example(f"lower_saxony_{key}").equals(nets[key.upper()])
    assert load_example("mgh_programme").equals(mgh_programme())


def test_example_path():
    assert example_path("nordstadt").is_dir()
    with pytest.raises(QuartiernetzError, match="not stored as files"):
        example_path("karate_club")
    with pytest.raises(QuartiernetzError, match="no example named"):
        example_path("südstadt")
    with pytest.raises(QuartiernetzError, match="no example named"):
        load_example("südstadt")
