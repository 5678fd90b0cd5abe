"""Entry point of the figure worker process (``python -m quartiernetz.report._figure_worker``).

Kept apart from :mod:`quartiernetz.report._parallel`, which the package imports: a module
run with ``-m`` must not have been imported before.
"""

import sys

from quartiernetz.report._parallel import work
from quartiernetz.report.figures import figure_drawers, run_figure_job

if __name__ == "__main__":
    try:
        work(figure_drawers, run_figure_job)
    except (KeyboardInterrupt, BrokenPipeError, EOFError):
        # Ctrl-C reaches both processes, and a report that stops closes the pipes: the
        # report's process says what happened, this one ends without a traceback
        sys.exit(1)
