"""Tables before they become a network: reading, limits, ids, personal data, validation.

This package sits below :mod:`quartiernetz.network` and imports no network, so that
:class:`~quartiernetz.network.Network` can validate the tables it is given with the
same checks as every reader (see ``docs/architecture.md``):

- :mod:`~quartiernetz.tables.text`: text and workbook files as :class:`Table`;
- :mod:`~quartiernetz.tables.limits`: limits on the size of what is read;
- :mod:`~quartiernetz.tables.names`: actor ids and their near-duplicate spellings;
- :mod:`~quartiernetz.tables.personal`: columns and values that identify persons;
- :mod:`~quartiernetz.tables.assemble`: :func:`assemble_frames`, the validation and
  cleaning of actors, ties and affiliations.

The readers in :mod:`quartiernetz.io` use these modules; their former places
(``quartiernetz.io.text``, ``io.limits``, ``io.names``, ``io.assemble``) re-export them.
"""

from __future__ import annotations

from .assemble import Frames, Problems, assemble_frames, table_from_frame
from .text import Table

__all__ = ["Frames", "Problems", "Table", "assemble_frames", "table_from_frame"]
