"""Fuzzing the survey importer: a mutated export, roster or codebook gives a network or a
QuartiernetzError, for every tool.

The seeds are the example exports in data/surveys with their rosters and codebooks,
read with the options docs/surveys.md gives; mostly the export is damaged, sometimes
the roster or the codebook. The failing exports in tests/survey/files are seeds too.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quartiernetz.exceptions import FormatError
from quartiernetz.io.survey import read_survey

from ..survey_examples import FILE_OPTIONS, REPO, SURVEY_EXAMPLES, SURVEYS, survey_options
from .fuzzing import fuzz_settings, read_or_refuse
from .mutations import (
    damaged_bytes,
    mutated_rows,
    mutated_text_bytes,
    read_workbook_rows,
    workbook_bytes,
)

BAD = REPO / "tests" / "survey" / "files"

#: tool -> (export, {option: file or value}): the shared table of tests/survey_examples.py
CASES = SURVEY_EXAMPLES


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz-survey")


_ROWS: dict[str, dict[str, list[list[object]]]] = {}


def _mutated_file(data: st.DataObject, source: Path, dest: Path) -> None:
    if source.suffix == ".xlsx":
        if source.name not in _ROWS:
            _ROWS[source.name] = read_workbook_rows(source)
        raw = workbook_bytes(mutated_rows(data, _ROWS[source.name]))
        if data.draw(st.integers(0, 9), label="damage bytes?") == 0:
            raw = damaged_bytes(data, raw)
    else:
        raw = mutated_text_bytes(data, source.read_bytes())
    dest.write_bytes(raw)


@pytest.mark.parametrize("case", sorted(CASES))
def test_seeds_are_valid(case):
    export, options = CASES[case]
    opts = survey_options(options)
    net = read_or_refuse(lambda: read_survey(SURVEYS / export, **opts))
    assert len(net.ties) > 0, case


@pytest.mark.parametrize("case", sorted(CASES))
@fuzz_settings()
@given(data=st.data())
def test_fuzz_survey(workdir, case, data):
    export, options = CASES[case]
    out = workdir / uuid.uuid4().hex[:8]
    out.mkdir()
    victims = ["export"] * 4 + [k for k in FILE_OPTIONS if k in options]
    victim = data.draw(st.sampled_from(victims), label="file to damage")
    opts: dict[str, object] = {}
    for key, value in options.items():
        if key not in FILE_OPTIONS:
            opts[key] = value
        elif key == victim:
            opts[key] = out / Path(value).name
            _mutated_file(data, SURVEYS / value, opts[key])
        else:
            opts[key] = SURVEYS / value
    path = SURVEYS / export
    if victim == "export":
        path = out / Path(export).name
        _mutated_file(data, SURVEYS / export, path)
    tool = data.draw(st.sampled_from(["auto", "auto", "wide", case]), label="tool")
    if tool == "namegenerator":
        tool = "sosci"
    try:
        read_or_refuse(lambda: read_survey(path, tool=tool, **opts))
    finally:
        shutil.rmtree(out, ignore_errors=True)


@pytest.mark.parametrize("bad", sorted(p.name for p in BAD.glob("*.csv")))
@fuzz_settings(max_examples=10)
@given(data=st.data())
def test_fuzz_failing_exports(workdir, bad, data):
    """The exports that must fail (tests/survey/files), damaged further."""
    path = workdir / f"{uuid.uuid4().hex[:8]}-{bad}"
    path.write_bytes(mutated_text_bytes(data, (BAD / bad).read_bytes()))
    roster = data.draw(st.sampled_from([None, BAD / "roster_small.csv"]), label="roster")
    try:
        read_or_refuse(lambda: read_survey(path, roster=roster))
    finally:
        path.unlink()


def test_regression_qualtrics_field_over_the_csv_limit(workdir):
    """Found by the long fuzz run: a 200,000-character cell broke Qualtrics' header detection."""
    export, options = CASES["qualtrics"]
    text = (SURVEYS / export).read_text("utf-8-sig")
    f = workdir / "long-cell.csv"
    f.write_text(text[:117] + "é" * 200_000 + text[117:], encoding="utf-8")
    opts = survey_options(options)
    result = read_or_refuse(lambda: read_survey(f, **opts))
    assert isinstance(result, FormatError)
    assert "field larger than field limit" in str(result)
