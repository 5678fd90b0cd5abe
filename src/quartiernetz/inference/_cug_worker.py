"""Entry point of a CUG worker process (``python -m quartiernetz.inference._cug_worker``).

Reads tasks ``(statistic, n, directed, packed dyad vectors)`` pickled on its standard
input and answers each with the statistic's values (or the exception), pickled on its
standard output, until its input closes. Kept apart from the kernels it runs
(:mod:`quartiernetz.inference._cug_kernels`, which the package imports): a module run
with ``-m`` must not have been imported before.
"""

import pickle
import sys

from quartiernetz.inference._cug_kernels import block


def _serve() -> None:
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever prints must not go into the pipe
    while True:
        try:
            task = pickle.load(source)
        except EOFError:
            return
        try:
            answer = ("values", block(*task))
        except Exception as err:  # re-raised in the calling process
            answer = ("raise", RuntimeError(f"{type(err).__name__}: {err}"))
        pickle.dump(answer, sink, protocol=pickle.HIGHEST_PROTOCOL)
        sink.flush()


if __name__ == "__main__":
    try:
        _serve()
    except (KeyboardInterrupt, BrokenPipeError):
        # Ctrl-C reaches both processes, and a test that stops closes the pipes: the
        # calling process says what happened, this one ends without a traceback
        sys.exit(1)
