"""Entry point of a CUG worker process.

Started as ``python -P <this file>`` (see ``_worker_command`` in
:mod:`quartiernetz.inference.cug`): it loads the kernels
(:mod:`quartiernetz.inference._cug_kernels`, which imports nothing from quartiernetz)
from the file next to it, without importing the package, whose import takes one to
two seconds of each worker's start. Run with ``-m quartiernetz.inference._cug_worker``
(where the package is not in plain files) it imports them from the package.

Reads tasks ``(statistic, n, directed, packed dyad vectors)`` pickled on its standard
input and answers each with the statistic's values (or the exception), pickled on its
standard output, until its input closes. Kept apart from the kernels it runs: a module
run with ``-m`` must not have been imported before.
"""

import importlib.util
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

KERNELS = "quartiernetz.inference._cug_kernels"


def _block() -> Callable:
    module = sys.modules.get(KERNELS)  # run with -m: imported with the package
    if module is None:  # run as a file: the kernels' file alone
        spec = importlib.util.spec_from_file_location(
            KERNELS, Path(__file__).with_name("_cug_kernels.py")
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[KERNELS] = module  # under its own name, as numba's cache knows it
        spec.loader.exec_module(module)
    return module.block


def _serve() -> None:
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # whatever prints must not go into the pipe
    block = _block()
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
