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

REPO = Path(__file__).resolve().parents[2]
SURVEYS = REPO / "data" / "surveys"
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


def _survey(name: str, export: str, *options: str) -> Input:
    folder = f"data/surveys/{name}"
    resolved = []
    for option in options:
        # paths of rosters and codebooks are given relative to the survey's folder
        is_file = option.endswith((".csv", ".xlsx"))
        resolved.append(str(REPO / folder / option) if is_file else option)
    return Input(f"survey-{name}", f"{folder}/{export}", tuple(resolved))


SURVEY_INPUTS = (
    _survey(
        "limesurvey",
        "results-survey493827.csv",
        "--roster",
        "roster.csv",
        "--codebook",
        "codebook.csv",
    ),
    _survey(
        "sosci",
        "data_nordstadt_2026-05-12_10-31.csv",
        "--roster",
        "roster.csv",
        "--respondent",
        "SERIAL",
        "--codebook",
        "codebook.csv",
        "--tool",
        "sosci",
    ),
    _survey(
        "qualtrics",
        "Kooperation Nordstadt_May 12, 2026_10.15.csv",
        "--roster",
        "roster.csv",
        "--respondent",
        "ExternalReference",
        "--codebook",
        "codebook.csv",
    ),
    _survey("googleforms", "Kooperation im Quartier Nordstadt.csv", "--roster", "roster.csv"),
    _survey("msforms", "Netzwerkbefragung Nordstadt(1-8).xlsx", "--roster", "roster.csv"),
    _survey("wide", "kooperationsmatrix_nordstadt.csv", "--roster", "roster.csv"),
    _survey(
        "namegenerator",
        "data_netzwerk_namen_2026-06-04_09-12.csv",
        "--roster",
        "roster.csv",
        "--respondent",
        "SERIAL",
        "--codebook",
        "codebook.csv",
        "--names",
        "NG01=NG02",
    ),
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
