"""Round trips: what a writer writes, its reader reads back exactly (property test).

Random networks with Unicode ids and labels (combining characters, right-to-left
text, formula prefixes, quotes, separators), numeric, boolean and text attributes
with missing values, parallel relations and affiliations go through every writer
(folder of CSVs, ``.xlsx``, GraphML, GEXF; :func:`quartiernetz.io.write_network`)
and come back equal (:meth:`~quartiernetz.network.Network.equals`).

Text files cannot say whether ``"12"`` is a number or text, so text attributes here
hold no number-like values (GraphML and GEXF keep even those: see
tests/io/test_io_xmlgraph.py). Values a format cannot hold at all (control
characters in ``.xlsx`` and XML) are refused by the writer with a clear error.
"""

from __future__ import annotations

import csv
import io
import math
import uuid
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quartiernetz import Network, read_network
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.io import WRITE_FORMATS, write_network
from quartiernetz.io.text import try_numeric

from .fuzzing import fuzz_settings

SPECIAL = [
    "=SUM(A1)",
    "+49 30 1234",
    "-x",
    "@home",
    "'quoted",
    "''",
    "e\u0301cole",
    "A\u030angstr\u00f6m",
    "\u202eevil\u202c",
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
    "\u0645\u0631\u062d\u0628\u0627",
    'say "hi"',
    "a;b,c\td",
    "line\nbreak",
    "<b>&amp;</b>",
    "Stra\u00dfe",
    "\U0001f469\u200d\U0001f4bb",
    "qn-item-0",
    "n0",
    "0815",
    "a|b",
]


def _plain_text(s: str) -> bool:
    """Text that reads back as text from any file: stripped, not a number or boolean."""
    return (
        bool(s)
        and s == s.strip()
        and try_numeric([s]) is None
        and s.casefold() not in ("true", "false")
        and "\r" not in s
    )


texts = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=10),
).filter(_plain_text)
ids = st.one_of(
    texts, st.sampled_from(["1", "2.5", "007", "true"]), st.text("abcxyz", min_size=1)
).filter(lambda s: s == s.strip() and s)


# openpyxl writes floats with 16 significant digits ("%.16g"): the workbook keeps those
floats = (
    st.floats(allow_nan=False, allow_infinity=False)
    .map(lambda x: float(f"{x:.16g}"))
    .filter(math.isfinite)
)


@st.composite
def networks(draw) -> Network:
    actor_ids = draw(st.lists(ids, min_size=1, max_size=8, unique=True))
    n = len(actor_ids)
    missing = st.none()
    actors = pd.DataFrame(
        {
            "id": actor_ids,
            "label": draw(st.lists(st.one_of(texts, missing), min_size=n, max_size=n)),
            "type": draw(st.lists(st.one_of(texts, missing), min_size=n, max_size=n)),
            "staff": draw(
                st.lists(st.one_of(st.integers(-(10**12), 10**12), missing), min_size=n, max_size=n)
            ),
            "budget": draw(st.lists(st.one_of(floats, st.just(np.nan)), min_size=n, max_size=n)),
            "note": draw(st.lists(st.one_of(texts, missing), min_size=n, max_size=n)),
            "active": draw(st.lists(st.one_of(st.booleans(), missing), min_size=n, max_size=n)),
        }
    )
    n_ties = draw(st.integers(0, 12)) if n > 1 else 0
    pairs = draw(
        st.lists(
            st.tuples(st.sampled_from(actor_ids), st.sampled_from(actor_ids)).filter(
                lambda p: p[0] != p[1]
            ),
            min_size=n_ties,
            max_size=n_ties,
        )
    )
    ties = pd.DataFrame(
        {
            "source": [p[0] for p in pairs],
            "target": [p[1] for p in pairs],
            "relation": draw(
                st.lists(
                    st.sampled_from(["cooperation", "Projekt", "\u00c4rger"]),
                    min_size=n_ties,
                    max_size=n_ties,
                )
            ),
            "intensity": draw(
                st.lists(
                    st.one_of(st.integers(0, 5), floats.map(abs)),
                    min_size=n_ties,
                    max_size=n_ties,
                )
            ),
            "comment": draw(st.lists(st.one_of(texts, missing), min_size=n_ties, max_size=n_ties)),
        }
    )
    n_aff = draw(st.integers(0, 8))
    aff = pd.DataFrame(
        {
            "actor": draw(st.lists(st.sampled_from(actor_ids), min_size=n_aff, max_size=n_aff)),
            "item": draw(st.lists(texts, min_size=n_aff, max_size=n_aff)),
            "kind": draw(
                st.lists(
                    st.sampled_from(["committee", "offer", "Gremium"]),
                    min_size=n_aff,
                    max_size=n_aff,
                )
            ),
        }
    )
    directed = draw(st.booleans())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Network(
            actors=actors,
            ties=ties if n_ties else None,
            affiliations=aff if n_aff else None,
            directed=directed,
            name=draw(st.one_of(st.none(), texts)),
        )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("roundtrip")


ENDINGS = {"folder": "", "xlsx": ".xlsx", "graphml": ".graphml", "gexf": ".gexf"}


@pytest.mark.parametrize("fmt", WRITE_FORMATS)
@fuzz_settings(max_examples=40)
@given(net=networks())
def test_round_trip_is_exact(workdir, fmt, net):
    out = write_network(net, workdir / f"{uuid.uuid4().hex[:8]}{ENDINGS[fmt]}", format=fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        back = read_network(out, directed=net.directed)
    assert back.equals(net), (net.actors, back.actors, net.ties, back.ties)
    assert list(back.actors.index) == list(net.actors.index)
    for column in ("staff", "budget"):
        for a, b in zip(net.actors[column], back.actors[column], strict=True):
            assert (pd.isna(a) and pd.isna(b)) or float(a) == float(b)
    # a generated text that looks like a phone number or an e-mail address is left out
    # as personal data when the network is built (issue 13); what is kept comes back
    assert ("note" in back.actors.columns) == ("note" in net.actors.columns)
    if "note" in net.actors.columns:
        for a, b in zip(net.actors["note"], back.actors["note"], strict=True):
            assert (pd.isna(a) and pd.isna(b)) or a == b


@pytest.mark.parametrize("fmt", WRITE_FORMATS)
def test_seventeen_digit_floats(workdir, fmt):
    """CSV, GraphML and GEXF keep every float exactly; .xlsx keeps 16 significant digits."""
    x = 2.9330553419130308e16  # needs 17 digits: "%.16g" gives 2.933055341913031e+16
    net = Network(actors=pd.DataFrame({"id": ["a"], "budget": [x]}))
    back = read_network(write_network(net, workdir / f"f{ENDINGS[fmt]}", format=fmt))
    value = float(back.actors.loc["a", "budget"])
    if fmt == "xlsx":
        assert value == float(f"{x:.16g}") != x
    else:
        assert value == x


def test_the_equality_check_can_fail(workdir):
    net = Network(
        actors=pd.DataFrame({"id": ["a", "b"], "budget": [1.5, math.nan]}),
        ties=pd.DataFrame({"source": ["a"], "target": ["b"], "intensity": [2.0]}),
    )
    out = write_network(net, workdir / "check")
    (out / "ties.csv").write_text("source,target,relation,intensity\na,b,cooperation,3\n")
    assert not read_network(out).equals(net)


@pytest.mark.parametrize("fmt", ["xlsx", "graphml", "gexf", "folder"])
@pytest.mark.parametrize("bad", ["bell\x07", "nul\x00byte", "esc\x1b[31m"])
def test_values_a_format_cannot_hold_are_refused_clearly(workdir, fmt, bad):
    net = Network(
        actors=pd.DataFrame({"id": ["a", "b"], "label": ["A", bad]}),
        ties=pd.DataFrame({"source": ["a"], "target": ["b"]}),
    )
    path = workdir / f"bad-{uuid.uuid4().hex[:6]}{ENDINGS[fmt]}"
    if fmt == "folder" and "\x00" not in bad:
        back = read_network(write_network(net, path, format=fmt))
        assert back.equals(net)  # CSV holds control characters, only NUL is refused
        return
    with pytest.raises(QuartiernetzError, match="control character") as err:
        write_network(net, path, format=fmt)
    assert "U+00" in str(err.value) and "'label'" in str(err.value)


HOSTILE = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+49 30",
    "-x",
    "@SUM(A1)",
    "'=quoted",
    "-3",
    "AWO",
]


@pytest.mark.parametrize("fmt", ["folder", "xlsx"])
def test_formula_cells_and_headers_neutralised_and_restored(workdir, fmt):
    n = len(HOSTILE)
    net = Network(
        actors=pd.DataFrame(
            {
                "id": [f"a{i}" for i in range(n)],
                "label": HOSTILE,
                "=cmd|' /C calc'!A0": HOSTILE[::-1],
            }
        ),
        ties=pd.DataFrame({"source": ["a0"], "target": ["a1"], "relation": ["=2*3"]}),
    )
    out = write_network(net, workdir / f"hostile-{uuid.uuid4().hex[:6]}{ENDINGS[fmt]}")
    if fmt == "folder":
        cells = [
            v
            for f in ("actors.csv", "ties.csv")
            for row in csv.reader(io.StringIO((out / f).read_text("utf-8-sig")))
            for v in row
        ]
    else:
        from openpyxl import load_workbook

        wb = load_workbook(out)
        assert all(c.data_type != "f" for ws in wb for row in ws.iter_rows() for c in row)
        cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value]
    assert "'=cmd|' /C calc'!A0" in cells and "'=1+1" in cells and "'=2*3" in cells
    assert "''=quoted" in cells and "-3" in cells and "AWO" in cells
    for v in cells:
        assert not v.startswith(("=", "+", "@")) and not (v.startswith("-") and v != "-3"), v
    back = read_network(out)
    assert back.equals(net)
    assert back.actors["label"].tolist() == HOSTILE
