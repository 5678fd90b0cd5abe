"""Every shipped input × validate, report (de, en) and convert, through the command line.

Each cell must exit 0 and leave what it promises: ``validate`` a description,
``report`` a complete report (every section, the figure files it names, the CSV tables,
no failed analysis step), ``convert`` a file that reads back with the same actors and
ties. A shipped input is expected to work: a refusal (exit 2) is a finding, too, and its
message must still be a single clear line. The reports are written once per input and
language (see ``conftest.report_of``), with ``--jobs 1``.

The fast part is every ``validate`` and ``convert`` cell, the example quarter's reports in
both languages and the survey examples' German reports. The other reports (English, the
format examples, the generated quarters) are marked ``slow``: they run in CI (the README's
command runs everything); ``-m "not slow"`` leaves them out locally and in the
oldest-dependency run (``test_oldest_deps.py``).
"""

from __future__ import annotations

import pytest

from quartiernetz import read_network

from .checks import error_problems, report_problems, run_cli, stream_problems
from .inputs import ALL_INPUTS, EXAMPLE_INPUT, SURVEY_INPUTS, Input

IDS = [inp.name for inp in ALL_INPUTS]


def _slow_report(inp: Input, lang: str) -> bool:
    # fast: the example quarter in both languages and every survey example in German;
    # slow: the other English reports, the format examples and the generated quarters
    if inp is EXAMPLE_INPUT:
        return False
    return lang == "en" or inp not in SURVEY_INPUTS


REPORT_CELLS = [
    pytest.param(
        inp, lang, id=f"{inp.name}-{lang}", marks=[pytest.mark.slow] * _slow_report(inp, lang)
    )
    for inp in ALL_INPUTS
    for lang in ("de", "en")
]


def _success_problems(result) -> list[str]:
    if result.code == 2 and not result.crash:
        return ["a shipped input was refused:", *error_problems(result), result.err.strip()]
    problems = stream_problems(result)
    if result.code != 0:
        problems.append(f"exit status {result.code}, expected 0")
    return problems


@pytest.mark.parametrize("inp", ALL_INPUTS, ids=IDS)
def test_validate(inp, generated_root):
    result = run_cli(["validate", *inp.argv(generated_root)])
    problems = _success_problems(result)
    if result.code == 0 and "actors" not in result.out and "Akteure" not in result.out:
        problems.append("validate printed no description of what was read")
    assert not problems, "\n".join([*problems, result.describe()])


@pytest.mark.parametrize(("inp", "lang"), REPORT_CELLS)
def test_report(inp, lang, report_of):
    result, folder = report_of(inp, lang)
    problems = _success_problems(result)
    if result.code == 0:
        problems += report_problems(folder, lang)
    assert not problems, "\n".join([*problems, result.describe()])


@pytest.mark.parametrize("inp", ALL_INPUTS, ids=IDS)
def test_convert(inp, generated_root, tmp_path):
    """To a folder, to xlsx and to GraphML: each reads back with the same actors and ties."""
    sizes = {}
    problems = []
    for target in ("folder", "net.xlsx", "net.graphml"):
        out = tmp_path / target
        result = run_cli(["convert", *inp.argv(generated_root), str(out)])
        found = _success_problems(result)
        if not found and not out.exists():
            found = [f"convert exited 0 but wrote no {out.name}"]
        if found:
            problems += [f"convert to {target}:", *found, result.describe()]
            continue
        try:
            back = read_network(out)
        except Exception as exc:  # any failure to read back is the finding
            problems.append(f"{target} does not read back: {type(exc).__name__}: {exc}")
            continue
        sizes[target] = (len(back.actors), len(back.ties))
    if "folder" in sizes:
        assert sizes["folder"][0] > 0, "the converted network has no actors"
    assert not problems, "\n".join(problems)
    assert len(set(sizes.values())) == 1, f"actors and ties differ after conversion: {sizes}"
