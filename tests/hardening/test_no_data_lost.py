"""No data lost: every input row is in the network or counted in ``net.record``.

For the text readers, each data row (a tie row, a matrix cell, an edge line) ends
as a tie or affiliation, or is counted in a ``dropped`` or ``merged`` record entry
with its reason: ``len(ties) + dropped + merged == rows``. For survey exports,
each response row is a respondent or counted as excluded (unfinished, preview,
superseded duplicate), and each roster-question answer is a report, a missing
answer or an explicit "no cooperation".
"""

from __future__ import annotations

import csv
import io
import warnings
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from quartiernetz import read_network
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.io.names import normalize_id
from quartiernetz.io.survey import read_survey
from quartiernetz.io.survey.export import read_table

from .fuzzing import fuzz_settings
from .mutations import read_workbook_rows, workbook_bytes
from .test_fuzz_survey import CASES, FILE_OPTIONS, SURVEYS

IDS = ["qm", "awo", "Kita Süd", "e\u0301cole", "\u05e9\u05dc\u05d5\u05dd", "=SUM(A1)", "a;b", 'x"y']
RELATIONS = ["cooperation", "Projekt", "information"]
INTENSITIES = ["1", "2", "0.5", "", "3", "0"]

tie_rows = st.lists(
    st.tuples(
        st.sampled_from(IDS),
        st.sampled_from(IDS),
        st.sampled_from(RELATIONS),
        st.sampled_from(INTENSITIES),
    ),
    min_size=1,
    max_size=40,
).flatmap(
    # repeat some rows exactly and reverse some (reciprocal pairs)
    lambda rows: st.lists(st.sampled_from(rows), max_size=10).map(
        lambda extra: rows + extra + [(t, s, r, x) for s, t, r, x in extra[:3]]
    )
)


def _csv(header: list[str], rows: list[tuple], *, sep: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _read(path: Path, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_network(path, **kw)


def _accounted(net, file: str | None = None) -> int:
    return sum(
        e.count
        for e in net.record
        if e.action in ("dropped", "merged") and (file is None or e.file == file)
    )


def _key(s: str, t: str, directed: bool) -> tuple[str, str]:
    # ids are read in Unicode form NFC (quartiernetz.io.names.normalize_id)
    s, t = normalize_id(s), normalize_id(t)
    return (s, t) if directed or s <= t else (t, s)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lost")


# ------------------------------------------------------------------ canonical ties
@fuzz_settings(max_examples=60)
@given(rows=tie_rows, directed=st.booleans(), sep=st.sampled_from([",", ";", "\t"]))
def test_ties_file_every_row_accounted(workdir, rows, directed, sep):
    f = workdir / "ties.csv"
    f.write_text(_csv(["source", "target", "relation", "intensity"], rows, sep=sep), "utf-8")
    net = _read(f, format="ties", directed=directed)
    assert len(net.ties) + net.record.count("dropped") + net.record.count("merged") == len(rows)
    # and nothing is invented: the kept ties are exactly the distinct non-self pairs given,
    # each with the largest intensity given for it
    given_max: dict[tuple, float] = {}
    for s, t, r, x in rows:
        if s != t:
            k = (*_key(s, t, directed), r)
            given_max[k] = max(given_max.get(k, 0.0), float(x) if x else 1.0)
    kept = {
        (*_key(s, t, directed), r): x
        for s, t, r, x in net.ties[["source", "target", "relation", "intensity"]].itertuples(
            index=False
        )
    }
    assert kept == given_max
    n_self = sum(1 for s, t, _, _ in rows if s == t)
    assert sum(e.count for e in net.record if str(e.reason).startswith("self-tie")) == n_self


@fuzz_settings(max_examples=40)
@given(
    ties=tie_rows,
    members=st.lists(
        st.tuples(st.sampled_from(IDS), st.sampled_from(["Runder Tisch", "Beirat", "Café"])),
        max_size=20,
    ),
)
def test_folder_every_row_of_every_file_accounted(workdir, ties, members):
    folder = workdir / "folder"
    folder.mkdir(exist_ok=True)
    (folder / "actors.csv").write_text(_csv(["id", "label"], [(i, i.upper()) for i in IDS]))
    (folder / "ties.csv").write_text(_csv(["source", "target", "relation", "intensity"], ties))
    (folder / "affiliations.csv").write_text(_csv(["actor", "item"], members))
    net = _read(folder)
    assert len(net.actors) == len(IDS)
    assert len(net.ties) + _accounted(net, "ties.csv") == len(ties)
    assert len(net.affiliations) + _accounted(net, "affiliations.csv") == len(members)
    given = {(normalize_id(a), item) for a, item in members}
    assert set(map(tuple, net.affiliations[["actor", "item"]].to_numpy().tolist())) == given


@fuzz_settings(max_examples=40)
@given(rows=tie_rows, kind=st.sampled_from(["Undirected", "Directed"]))
def test_gephi_edges_every_row_accounted(workdir, rows, kind):
    folder = workdir / "gephi"
    folder.mkdir(exist_ok=True)
    (folder / "edges.csv").write_text(
        _csv(
            ["Source", "Target", "Type", "Weight", "relation"],
            [(s, t, kind, x, r) for s, t, r, x in rows],
        )
    )
    net = _read(folder, format="gephi")
    assert net.directed is (kind == "Directed")
    assert len(net.ties) + net.record.count("dropped") + net.record.count("merged") == len(rows)


# ------------------------------------------------------------------ network files
matrices = st.integers(2, 7).flatmap(
    lambda n: st.tuples(
        st.lists(
            st.lists(st.sampled_from([0, 0, 0, 1, 2, 1.5]), min_size=n, max_size=n),
            min_size=n,
            max_size=n,
        ),
        st.booleans(),
    )
)


@fuzz_settings(max_examples=40)
@given(spec=matrices)
def test_matrix_every_nonzero_cell_accounted(workdir, spec):
    cells, symmetric = spec
    n = len(cells)
    if symmetric:
        cells = [[cells[min(i, j)][max(i, j)] for j in range(n)] for i in range(n)]
    labels = [f"a{i}" for i in range(n)]
    rows = [("", *labels)] + [(labels[i], *cells[i]) for i in range(n)]
    f = workdir / "m.csv"
    f.write_text(_csv(rows[0], rows[1:], sep=";"))
    net = _read(f, format="matrix")
    nonzero = [(i, j) for i in range(n) for j in range(n) if cells[i][j]]
    if net.directed:
        expected = {(labels[i], labels[j]) for i, j in nonzero if i != j}
        given = len(nonzero)
    else:  # symmetric: each pair once, from the upper triangle
        expected = {(labels[i], labels[j]) for i, j in nonzero if i < j}
        given = sum(1 for i, j in nonzero if i <= j)
    assert set(zip(net.ties["source"], net.ties["target"], strict=True)) == expected
    assert len(net.ties) + _accounted(net) == given


edge_lines = st.lists(
    st.tuples(st.integers(1, 6), st.integers(1, 6), st.sampled_from([1, 2, 0.5])),
    min_size=1,
    max_size=30,
)


@fuzz_settings(max_examples=40)
@given(lines=edge_lines, section=st.sampled_from(["*Arcs", "*Edges"]))
def test_pajek_every_line_accounted(workdir, lines, section):
    text = "*Vertices 6\n" + "".join(f'{v} "V {v}"\n' for v in range(1, 7)) + section + "\n"
    text += "".join(f"{i} {j} {w}\n" for i, j, w in lines)
    f = workdir / "n.net"
    f.write_text(text)
    net = _read(f)
    assert net.directed is (section == "*Arcs")
    assert len(net.ties) + _accounted(net) == len(lines)
    expected = {_key(f"V {i}", f"V {j}", net.directed) for i, j, _ in lines if i != j}
    got = {
        _key(s, t, net.directed)
        for s, t in zip(net.ties["source"], net.ties["target"], strict=True)
    }
    assert got == expected


@fuzz_settings(max_examples=40)
@given(lines=edge_lines)
def test_dl_edgelist_every_line_accounted(workdir, lines):
    text = "dl n=6\nformat = edgelist1\nlabels:\nA,B,C,D,E,F\ndata:\n"
    text += "".join(f"{i} {j} {w}\n" for i, j, w in lines)
    f = workdir / "n.dl"
    f.write_text(text)
    net = _read(f)
    assert len(net.ties) + _accounted(net) == len(lines)
    names = dict(enumerate("ABCDEF", start=1))
    expected = {_key(names[i], names[j], net.directed) for i, j, _ in lines if i != j}
    got = {
        _key(s, t, net.directed)
        for s, t in zip(net.ties["source"], net.ties["target"], strict=True)
    }
    assert got == expected


@fuzz_settings(max_examples=30)
@given(
    edges=st.lists(st.tuples(st.sampled_from("abcde"), st.sampled_from("abcde")), max_size=25),
    directed=st.booleans(),
    fmt=st.sampled_from(["graphml", "gexf", "gml"]),
)
def test_graph_files_every_edge_accounted(workdir, edges, directed, fmt):
    G = nx.MultiDiGraph() if directed else nx.MultiGraph()
    G.add_nodes_from("abcde")
    G.add_edges_from(edges)
    f = workdir / f"g.{fmt}"
    if fmt == "graphml":
        nx.write_graphml(G, f)
    elif fmt == "gexf":
        nx.write_gexf(G, f)
    else:
        nx.write_gml(G, f)
    net = _read(f)
    assert len(net.actors) == 5
    assert len(net.ties) + _accounted(net) == len(edges)


# ------------------------------------------------------------------ surveys
def _rows_accounted(net, n_rows: int) -> None:
    s = net.meta["survey"]
    excluded = s["unfinished_excluded"] + s["previews_excluded"] + s["duplicates_superseded"]
    assert s["respondents"] + excluded == n_rows
    assert s["respondents"] == int(net.actors["responded"].sum())


MATRIX_TOOLS = ("limesurvey", "sosci", "qualtrics", "wide")


@pytest.mark.parametrize("case", sorted(CASES))
def test_survey_examples_every_row_and_answer_accounted(case):
    export, options = CASES[case]
    opts = {k: SURVEYS / v if k in FILE_OPTIONS else v for k, v in options.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = read_survey(SURVEYS / export, **opts)
    table = read_table(SURVEYS / export, header_rows=3 if case == "qualtrics" else 1)
    _rows_accounted(net, len(table.frame))
    s = net.meta["survey"]
    assert s["reports"] == len(net.ties)
    if case in MATRIX_TOOLS:  # one answer per roster actor and question
        assert s["answers"] == s["reports"] + s["missing_answers"] + s["zero_answers"]
        assert len(net.meta["missing"]) == s["missing_answers"]


def _records(path: Path) -> tuple[list[list[str]], str, str]:
    raw = path.read_bytes()
    try:
        text, enc = raw.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        text, enc = raw.decode("cp1252"), "cp1252"
    sep = "\t" if "\t" in text.splitlines()[0] else (";" if ";" in text.splitlines()[0] else ",")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep)), sep, enc


@pytest.mark.parametrize("case", sorted(CASES))
@fuzz_settings(max_examples=15)
@given(data=st.data())
def test_survey_rows_dropped_or_repeated_are_accounted(workdir, case, data):
    """Any selection of response rows (repeats too): respondents + excluded == rows."""
    export, options = CASES[case]
    opts = {k: SURVEYS / v if k in FILE_OPTIONS else v for k, v in options.items()}
    n_header = 3 if case == "qualtrics" else 1
    src = SURVEYS / export
    out = workdir / f"survey-{case}{src.suffix}"
    if src.suffix == ".xlsx":
        sheets = read_workbook_rows(src)
        name, rows = next(iter(sheets.items()))
        body = [r for r in rows[n_header:] if any(v is not None for v in r)]
    else:
        records, sep, enc = _records(src)
        body = [r for r in records[n_header:] if any(v.strip() for v in r)]
    pick = data.draw(st.lists(st.integers(0, len(body) - 1), min_size=1, max_size=12))
    chosen = [body[i] for i in pick]
    if src.suffix == ".xlsx":
        out.write_bytes(workbook_bytes({name: rows[:n_header] + chosen}))
    else:
        buf = io.StringIO()
        csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows(records[:n_header] + chosen)
        out.write_bytes(buf.getvalue().encode(enc))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            net = read_survey(out, **opts)
        except QuartiernetzError as err:
            # only a selection without any complete response may be refused
            assume("no respondent" in str(err) or "no complete" in str(err))
            raise
    _rows_accounted(net, len(chosen))
