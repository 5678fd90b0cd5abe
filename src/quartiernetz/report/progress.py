"""A tiny progress display on stderr, off when stderr is not a terminal or when quiet."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

__all__ = ["Progress"]


class Progress:
    """Print ``[3/12] catalysts …`` lines with the elapsed time to a terminal.

    Parameters
    ----------
    total : int
        The number of steps.
    enabled : bool, optional
        Default: when ``stream`` is a terminal.
    stream : file-like, default sys.stderr

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> p = Progress(2, enabled=True, stream=buf, clock=lambda: 0.0)
    >>> p.step("reading"); p.step("catalysts"); p.done()
    >>> print(buf.getvalue(), end="")
    [1/2] reading …
    [2/2] catalysts …
    done in 0.0 s
    """

    def __init__(
        self,
        total: int,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        clock=time.perf_counter,
    ) -> None:
        self.total = int(total)
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.clock = clock
        self.start = clock()
        self.i = 0
        self._lock = threading.Lock()  # the figure worker's steps come from a thread

    def step(self, label: str) -> None:
        """Announce the next step."""
        with self._lock:
            self.i += 1
            if self.enabled:
                print(f"[{self.i}/{self.total}] {label} …", file=self.stream, flush=True)

    def done(self) -> None:
        """Announce the end, with the elapsed time."""
        if self.enabled:
            print(f"done in {self.clock() - self.start:.1f} s", file=self.stream, flush=True)
