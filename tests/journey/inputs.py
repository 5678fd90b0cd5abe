"""Every input the project ships, with the command-line options it is read with.

- the example quarter ``nordstadt`` (``src/quartiernetz/datasets/data/nordstadt``);
- every survey example in ``data/surveys`` with the options of its README row;
- the format examples in ``tests/io/files`` that are complete networks;
- the three generated Lower Saxony quarters, written with :func:`quartiernetz.write_network`
  into a temporary folder (:func:`write_generated`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..survey_examples import REPO, SURVEY_EXAMPLES, survey_options

FORMAT_FILES = REPO / "tests" / "io" / "files"
EXAMPLE = REPO / "src" / "quartiernetz" / "datasets" / "data" / "nordstadt"


@dataclass(frozen=True)
class Input:
    """One shipped input: a name for the test id, its path and its reading options.

    ``path`` is relative to :data:`REPO`, or to the generated folder when ``generated``.
    """

    name: str
    path: str
    options: tuple[str, ...] = ()
    generated: bool = False

    def argv(self, generated_root: Path | None = None) -> list[str]:
        """INPUT and its options, ready for ``quartiernetz COMMAND ...``."""
        root = generated_root if self.generated else REPO
        if root is None:
            raise ValueError(f"{self.name}: the generated inputs are not written yet")
        return [str(root / self.path), *self.options]


def _survey(name: str, *extra: str) -> Input:
    """A bundled survey example as a command-line input: the options of its row in
    :data:`~tests.survey_examples.SURVEY_EXAMPLES` as flags (files as paths), then ``extra``."""
    export, options = SURVEY_EXAMPLES[name]
    flags: list[str] = []
    for key, value in survey_options(options).items():
        if isinstance(value, dict):  # names={"NG01": "NG02"} -> --names NG01=NG02
            for stem, intensity in value.items():
                flags += [f"--{key}", f"{stem}={intensity}"]
        else:
            flags += [f"--{key}", str(value)]
    return Input(f"survey-{name}", f"data/surveys/{export}", (*flags, *extra))


#: Every survey example in data/surveys; SoSci also names its tool, as a user may.
SURVEY_INPUTS = tuple(
    _survey(name, *(("--tool", "sosci") if name == "sosci" else ())) for name in SURVEY_EXAMPLES
)

#: The files in tests/io/files that hold a whole network (not fragments for one check).
FORMAT_INPUTS = tuple(
    Input(f"format-{name.replace('.', '-')}", f"tests/io/files/{name}")
    for name in (
        "nordstadt.dl",
        "embedded.dl",
        "edgelist.dl",
        "gremien.dl",
        "nordstadt_utf8.net",
        "nordstadt_cp1252.net",
        "gremien.net",
        "gephi_export.gexf",
        "gephi_nordstadt",
        "gephi_excel_edges.csv",
        "gephi_matrix.csv",
        "matrix_dim0.csv",
    )
)

#: The catalogue keys of :func:`quartiernetz.datasets.lower_saxony` with default designs.
LOWER_SAXONY_KEYS = ("A", "B", "C")

GENERATED_INPUTS = tuple(
    Input(f"lower-saxony-{key}", f"lower_saxony_{key}", generated=True) for key in LOWER_SAXONY_KEYS
)

EXAMPLE_INPUT = Input("nordstadt", "src/quartiernetz/datasets/data/nordstadt")

ALL_INPUTS = (EXAMPLE_INPUT, *SURVEY_INPUTS, *FORMAT_INPUTS, *GENERATED_INPUTS)


def write_generated(folder: Path) -> Path:
    """Write the generated Lower Saxony quarters as CSV folders under ``folder``."""
    from quartiernetz import write_network
    from quartiernetz.datasets import lower_saxony

    quarters = lower_saxony()
    assert sorted(quarters) == sorted(LOWER_SAXONY_KEYS), sorted(quarters)
    for key, net in quarters.items():
        write_network(net, folder / f"lower_saxony_{key}", format="folder")
    return folder
