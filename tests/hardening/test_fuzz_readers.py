"""Fuzzing every network reader: a mutated file gives a network or a QuartiernetzError.

Each reader starts from valid files (the bundled Nordstadt example, tests/io/files
and files written here) and reads damaged copies (see :mod:`.mutations`). The
result must be a well-formed network (:func:`.fuzzing.check_network`) or a
:class:`~quartiernetz.exceptions.QuartiernetzError` with a message; any other
exception fails the test. Half of the examples name the format, half let
``read_network`` detect it.
"""

from __future__ import annotations

import shutil
import uuid
import warnings
from functools import cache
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from quartiernetz import Network, read_network
from quartiernetz.datasets import example_path
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.io import write_network

from .fuzzing import fuzz_settings, read_or_refuse
from .mutations import (
    damaged_bytes,
    mutated_rows,
    mutated_text_bytes,
    read_workbook_rows,
    workbook_bytes,
)

FILES = Path(__file__).resolve().parents[1] / "io" / "files"

# a seed: (target, {relative file name: bytes, or sheets as rows for an .xlsx})
Seed = tuple[str, dict[str, object]]


def _files(folder: Path, *names: str) -> dict[str, object]:
    return {n: (folder / n).read_bytes() for n in names}


def _example() -> Network:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_network(example_path())


def _kumu_rows() -> dict[str, list[list[object]]]:
    return {
        "Elements": [
            ["Label", "Type", "Description", "Tags", "ID"],
            ["QM Nord", "Quartiersmanagement", "Büro am Markt", "Stadt|Nord", "qm"],
            ["AWO", "Verband", "", "", ""],
            ["Kita Sonnenschein", "Kita", "1. OG", "Kinder", "kita"],
        ],
        "Connections": [
            ["From", "To", "Type", "Direction", "Strength", "Label"],
            ["QM Nord", "AWO", "Projekt", "mutual", 3, "x"],
            ["qm", "kita", "Information", "directed", 1.5, ""],
            ["AWO|Kita Sonnenschein", "QM Nord", "Projekt", "", "stark", ""],
        ],
    }


@cache
def seeds(tmp: str) -> dict[str, list[Seed]]:
    """The valid inputs each format's fuzzing starts from (written once into ``tmp``)."""
    base = Path(tmp)
    example = _example()
    folder = example_path()
    xlsx = write_network(example, base / "example.xlsx")
    graphml = write_network(example, base / "example.graphml")
    gexf = write_network(example, base / "example.gexf")
    G = nx.Graph()
    G.add_edge("QM Nord", "AWO", weight=2.5, relation="Projekt")
    G.add_edge("AWO", "Kita", weight=1)
    G.nodes["QM Nord"]["type"] = "Quartiersmanagement"
    foreign_graphml = base / "foreign.graphml"
    nx.write_graphml(nx.DiGraph(G), foreign_graphml)
    gml_text = "\n".join(nx.generate_gml(G)).encode()
    ex_files = _files(folder, "actors.csv", "ties.csv", "affiliations.csv")
    return {
        "folder": [("net", {f"net/{k}": v for k, v in ex_files.items()})],
        "xlsx": [("example.xlsx", {"example.xlsx": read_workbook_rows(xlsx)})],
        "ties": [("ties.csv", {"ties.csv": ex_files["ties.csv"]})],
        "gephi": [
            ("edges.csv", {"edges.csv": (FILES / "gephi_excel_edges.csv").read_bytes()}),
            (
                "gephi",
                {
                    f"gephi/{k}": v
                    for k, v in _files(FILES / "gephi_nordstadt", "edges.csv", "nodes.csv").items()
                },
            ),
        ],
        "kumu": [("kumu.xlsx", {"kumu.xlsx": _kumu_rows()})],
        "pajek": [
            (n, _files(FILES, n))
            for n in ("nordstadt_utf8.net", "nordstadt_cp1252.net", "gremien.net")
        ],
        "dl": [
            (n, _files(FILES, n))
            for n in ("nordstadt.dl", "edgelist.dl", "embedded.dl", "gremien.dl")
        ],
        "matrix": [(n, _files(FILES, n)) for n in ("gephi_matrix.csv", "matrix_dim0.csv")],
        "graphml": [
            ("example.graphml", {"example.graphml": graphml.read_bytes()}),
            ("foreign.graphml", {"foreign.graphml": foreign_graphml.read_bytes()}),
        ],
        "gexf": [
            ("example.gexf", {"example.gexf": gexf.read_bytes()}),
            ("gephi_export.gexf", _files(FILES, "gephi_export.gexf")),
        ],
        "gml": [("graph.gml", {"graph.gml": gml_text})],
    }


FORMATS = (
    "folder",
    "xlsx",
    "ties",
    "gephi",
    "kumu",
    "pajek",
    "dl",
    "matrix",
    "graphml",
    "gexf",
    "gml",
)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write_mutated(data: st.DataObject, seed: Seed, where: Path) -> Path:
    """Write the seed's files into a fresh folder, one of them mutated; the path to read."""
    target, files = seed
    out = where / uuid.uuid4().hex[:8]
    victim = data.draw(st.sampled_from(sorted(files)), label="file to damage")
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, dict):  # a workbook as rows
            sheets = mutated_rows(data, content) if name == victim else content
            raw = workbook_bytes(sheets)
            if name == victim and data.draw(st.integers(0, 9), label="damage bytes?") == 0:
                raw = damaged_bytes(data, raw)
        else:
            raw = mutated_text_bytes(data, content) if name == victim else content
        path.write_bytes(raw)
    return out / target


@pytest.mark.parametrize("fmt", FORMATS)
def test_seeds_are_valid(workdir, fmt):
    """Every seed reads into a network with ties: the fuzzing starts from good files."""
    for target, files in seeds(str(workdir))[fmt]:
        out = workdir / f"seed-{uuid.uuid4().hex[:8]}"
        for name, content in files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(workbook_bytes(content) if isinstance(content, dict) else content)
        net = read_or_refuse(lambda p=out / target: read_network(p, format=fmt))
        assert isinstance(net, Network), f"{fmt} seed {target}: {net}"
        assert len(net.ties) + len(net.affiliations) > 0


@pytest.mark.parametrize("fmt", FORMATS)
@fuzz_settings()
@given(data=st.data())
def test_fuzz_reader(workdir, fmt, data):
    choices = seeds(str(workdir))[fmt]
    seed = choices[data.draw(st.sampled_from(range(len(choices))), label="seed")]
    note(f"seed: {seed[0]}")
    path = write_mutated(data, seed, workdir)
    how = data.draw(st.sampled_from([fmt, "auto"]), label="format")
    try:
        read_or_refuse(lambda: read_network(path, format=how))
    finally:
        shutil.rmtree(path.parent if path.parent != workdir else path, ignore_errors=True)


@fuzz_settings()
@given(
    raw=st.binary(max_size=2000),
    suffix=st.sampled_from(
        sorted([".csv", ".net", ".dl", ".graphml", ".gexf", ".gml", ".xlsx", ".txt", ""])
    ),
)
def test_fuzz_random_bytes(workdir, raw, suffix):
    """Random bytes under every file ending: refused with a QuartiernetzError or read."""
    path = workdir / f"random-{uuid.uuid4().hex[:8]}{suffix}"
    path.write_bytes(raw)
    try:
        read_or_refuse(lambda: read_network(path))
    finally:
        path.unlink()


def test_refusal_is_a_quartiernetz_error(workdir):
    """The check can fail: a reader that raised anything else would not pass."""
    path = workdir / "broken.net"
    path.write_bytes(b"*Vertices 2\n1 a\n2 b\n*Edges\n1 3\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(QuartiernetzError, match="vertex 3 does not exist"):
            read_network(path)
    assert isinstance(read_or_refuse(lambda: read_network(path)), QuartiernetzError)
    with pytest.raises(ZeroDivisionError):
        read_or_refuse(lambda: 1 / 0)
    bad = Network._from_clean(
        pd.DataFrame({"label": ["a"]}, index=pd.Index(["a"], name="id")),
        pd.DataFrame({"source": ["a"], "target": ["b"], "relation": ["x"], "intensity": [1.0]}),
        pd.DataFrame({"actor": [], "item": [], "kind": []}),
        directed=False,
    )
    with pytest.raises(AssertionError):
        read_or_refuse(lambda: bad)
