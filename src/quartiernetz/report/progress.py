"""A tiny progress display on stderr, off when stderr is not a terminal or when quiet."""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from ..i18n import Text, render
from ..terminal import visible

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
    lang : {"de", "en"}, default "en"
        The language of the lines; a step given as :class:`~quartiernetz.i18n.Text`
        is shown in it.

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
    >>> buf = io.StringIO()
    >>> p = Progress(1, enabled=True, stream=buf, clock=lambda: 0.0, lang="de")
    >>> p.step(Text("tables", "Tabellen")); p.done()
    >>> print(buf.getvalue(), end="")
    [1/1] Tabellen …
    fertig in 0,0 s
    """

    def __init__(
        self,
        total: int,
        *,
        enabled: bool | None = None,
        stream: TextIO | None = None,
        clock=time.perf_counter,
        lang: str = "en",
    ) -> None:
        self.total = int(total)
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.clock = clock
        self.lang = lang
        self.start = clock()
        self.i = 0
        self._lock = threading.Lock()  # the figure worker's steps come from a thread

    def step(self, label: str | Text) -> None:
        """Announce the next step (a :class:`~quartiernetz.i18n.Text` in ``lang``)."""
        with self._lock:
            self.i += 1
            if self.enabled:
                shown = visible(render(label, self.lang), newlines=False)
                print(f"[{self.i}/{self.total}] {shown} …", file=self.stream, flush=True)

    def done(self) -> None:
        """Announce the end, with the elapsed time."""
        if self.enabled:
            seconds = f"{self.clock() - self.start:.1f}"
            if self.lang == "de":
                line = f"fertig in {seconds.replace('.', ',')} s"
            else:
                line = f"done in {seconds} s"
            print(line, file=self.stream, flush=True)
