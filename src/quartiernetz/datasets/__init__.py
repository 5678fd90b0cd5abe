"""Example data shipped with quartiernetz.

:func:`list_examples` shows the catalogue, :func:`load_example` reads an example
into a :class:`~quartiernetz.network.Network`, :func:`example_path` gives its
files (for the command line: ``quartiernetz report "$(python -c ...)"``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from ..exceptions import QuartiernetzError
from ..network import Network

__all__ = ["list_examples", "load_example", "example_path", "CATALOGUE"]

#: name -> (description, format, source, licence, synthetic)
CATALOGUE: dict[str, dict[str, object]] = {
    "nordstadt": {
        "description": (
            "A small Soziale-Stadt quarter (Nordstadt): quarter management, three municipal "
            "offices, welfare associations (AWO, Caritas, Diakonie, DRK), schools, day-care "
            "centres, churches, a mosque association, clubs, resident initiatives and local "
            "companies; cooperation, funding, information, agreement and competition ties; four "
            "committees and 18 offers for target groups"
        ),
        "format": "folder",
        "source": "written for quartiernetz to resemble a German quarter; not survey data",
        "licence": "MIT (as quartiernetz)",
        "synthetic": True,
    },
}


def example_path(name: str = "nordstadt") -> Path:
    """The path of an example's files.

    Examples
    --------
    >>> sorted(p.name for p in example_path().iterdir())
    ['actors.csv', 'affiliations.csv', 'ties.csv']
    """
    if name not in CATALOGUE:
        raise QuartiernetzError(
            f"no example named {name!r}; examples: {', '.join(sorted(CATALOGUE))}")
    return Path(str(resources.files(__package__).joinpath("data", name)))


def load_example(name: str = "nordstadt") -> Network:
    """Read an example into a :class:`~quartiernetz.network.Network`.

    Examples
    --------
    >>> net = load_example("nordstadt")
    >>> len(net.actors), len(net.ties), len(net.affiliations)
    (31, 65, 51)
    """
    from ..io import read_network

    return read_network(example_path(name), name=name)


def list_examples() -> pd.DataFrame:
    """The catalogue of examples: name, description, format, source, licence, synthetic, size.

    Examples
    --------
    >>> list_examples().loc["nordstadt", "synthetic"]
    True
    """
    rows = []
    for name, info in CATALOGUE.items():
        net = load_example(name)
        rows.append({"name": name, **info,
                     "actors": len(net.actors), "ties": len(net.ties),
                     "affiliations": len(net.affiliations)})
    return pd.DataFrame(rows).set_index("name")
