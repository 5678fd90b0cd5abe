"""CI runs exactly the README's test command, and the suite ends in bounded time."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _readme_test_command() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```bash\n(.*?)```", readme, flags=re.S)
    assert block, "README.md has no bash block at the top"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) >= 2, lines
    return lines[1].strip()


def test_ci_runs_the_readme_test_command():
    command = _readme_test_command()
    assert command.endswith("python -m pytest"), command
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    last = [line for line in script.splitlines() if line.strip()][-1].strip()
    assert last == command, f".ci/run ends with {last!r}, README says {command!r}"


def test_every_test_has_a_time_limit():
    """pytest-timeout is a test extra and the suite sets a per-test limit."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"]["optional-dependencies"]["test"]
    assert any(e.startswith("pytest-timeout") for e in extras), extras
    options = project["tool"]["pytest"]["ini_options"]
    assert 0 < int(options["timeout"]) <= 900, options.get("timeout")


def test_every_subprocess_in_the_tests_has_a_timeout():
    """A hung child process must not hang the suite: each call passes ``timeout=``."""
    calls = re.compile(r"subprocess\.(?:run|check_output|check_call|call)\(")
    missing = []
    for path in sorted((REPO / "tests").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for found in calls.finditer(text):
            depth, end = 0, found.end() - 1
            for end in range(found.end() - 1, len(text)):
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
            if "timeout=" not in text[found.start() : end]:
                line = text.count("\n", 0, found.start()) + 1
                missing.append(f"{path.relative_to(REPO)}:{line}")
    assert not missing, f"subprocess calls without timeout=: {missing}"
