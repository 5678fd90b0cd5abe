"""Inputs that once took quadratic or cubic time: each is read (or refused) within seconds.

Found while fuzzing: a multi-select survey cell with thousands of options (every run of
options was tried as one option: cubic time), and a Pajek section header with long runs
of spaces (a lazy regular expression: quadratic time).
"""

from __future__ import annotations

import csv
import io
import time
import warnings
from pathlib import Path

from quartiernetz import read_network
from quartiernetz.exceptions import QuartiernetzError
from quartiernetz.io.survey import read_survey

from .fuzzing import read_or_refuse

SURVEYS = Path(__file__).resolve().parents[2] / "data" / "surveys"
GOOGLE = SURVEYS / "googleforms" / "Kooperation im Quartier Nordstadt.csv"
ROOMS = "Mit welchen Einrichtungen nutzen Sie gemeinsam Räume?"


def test_multi_select_cell_with_thousands_of_options(tmp_path):
    records = list(csv.reader(io.StringIO(GOOGLE.read_text("utf-8-sig"), newline="")))
    column = records[0].index(ROOMS)
    options = ["AWO Ortsverein Nordstadt", "Stadt Lindenau, Sozialamt", "nirgends"] * 1500
    records[1][column] = ", ".join(options)  # 4,500 options, 6,000 comma-separated parts (110 kB)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(records)
    f = tmp_path / "google.csv"
    f.write_text(buf.getvalue(), encoding="utf-8")
    start = time.perf_counter()
    result = read_or_refuse(
        lambda: read_survey(f, roster=SURVEYS / "googleforms" / "roster.csv", tool="googleforms")
    )
    assert time.perf_counter() - start < 10
    assert not isinstance(result, QuartiernetzError), result
    assert len(result.ties) > 0


def test_pajek_header_with_long_runs_of_spaces(tmp_path):
    f = tmp_path / "spaces.net"
    header = "*Arcs :1 Projekt" + " " * 200_000 + "A" + " " * 200_000 + "B"
    f.write_text(f'*Vertices 2\n1 "QM"\n2 "AWO"\n{header}\n1 2\n')
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        net = read_network(f)
    assert time.perf_counter() - start < 5
    relation = net.ties["relation"].iloc[0]
    assert relation.startswith("Projekt") and relation.endswith("A" + " " * 200_000 + "B")
