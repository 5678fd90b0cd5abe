"""Entry point of the figure worker process (``python -m quartiernetz.report._figure_worker``).

Kept apart from :mod:`quartiernetz.report._parallel`, which the package imports: a module
run with ``-m`` must not have been imported before.
"""

from quartiernetz.report._parallel import _work

if __name__ == "__main__":
    _work()
