"""The report's output folder: what may be written there, the lock, the final swap.

A report folder is recognised by its marker file :data:`MARKER`
(``.quartiernetz-report``), which lists every file the report wrote. The rules:

- a new or empty folder is always fine;
- a folder holding anything else is refused unless ``force`` is given, and even
  then only when it holds an earlier report (its marker) and no file the report
  did not write; ``force`` deletes only the files the earlier marker lists
  (system files such as ``.DS_Store`` or ``Thumbs.db`` are left at the top and go
  with ``figures/`` inside it);
- the output folder must not be, or contain, an input (:func:`check_output`'s
  ``inputs``);
- while a report is being written, the folder holds a lock file :data:`LOCK`
  (``.quartiernetz-lock``, with the process id and host): a second report into the
  same folder is refused. A lock left by a process that no longer runs on this
  host is stale and taken over; any other lock stays until its report ends or the
  user deletes the file.

The report is written into a hidden folder inside the output folder and moved into
place file by file when complete (the earlier report is moved aside first and put
back if the move fails), so an interrupted run leaves the earlier report, and the
output folder itself is never renamed (``--out .`` works).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> check_output(folder, force=False) == (folder.resolve(), set())
True
>>> _ = (folder / "thesis.docx").write_text("mine")
>>> check_output(folder, force=True)
Traceback (most recent call last):
...
quartiernetz.exceptions.QuartiernetzError: ...
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

from .._version import __version__
from ..exceptions import QuartiernetzError
from ..i18n import Text
from ..words.names import display_name

__all__ = [
    "MARKER",
    "LOCK",
    "SYSTEM_FILES",
    "check_output",
    "OutputLock",
    "report_files",
    "write_marker",
    "install",
    "display_name",
    "write_locked",
]

#: The marker file a report writes into its folder: JSON with the version and the files.
MARKER = ".quartiernetz-report"
#: The lock file present while a report is being written.
LOCK = ".quartiernetz-lock"
#: Files operating systems put into folders one looks at; they do not count as the
#: user's files (a report folder opened in the Finder holds a ``.DS_Store``).
SYSTEM_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini", ".directory"})
#: Hidden work folders a report makes inside the output folder while it runs.
WORK_PREFIXES = (".quartiernetz-tmp-", ".quartiernetz-old-")


def _shown(given: str | os.PathLike[str], path: Path) -> str:
    """The folder as the user wrote it, with the full path where that differs."""
    text = os.fspath(given)
    return text if text == str(path) else f"{text} ({path})"


def _is_system(name: str) -> bool:
    return name in SYSTEM_FILES or name.startswith("._")


def _is_ours(name: str) -> bool:
    return name == LOCK or name.startswith(WORK_PREFIXES)


def _contents(folder: Path) -> set[str]:
    """Every file and folder below ``folder`` (relative, with ``/``; folders end in ``/``).

    Links are not followed (a symbolic link counts as a file); the lock and the work
    folders at the top are left out, and so are system files (:data:`SYSTEM_FILES`).
    """
    found: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=False):
        rel = Path(root).relative_to(folder)
        top = rel == Path(".")
        links = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        dirs[:] = sorted(d for d in dirs if d not in links and not (top and _is_ours(d)))
        prefix = "" if top else rel.as_posix() + "/"
        found.update(prefix + d + "/" for d in dirs)
        for name in [*files, *links]:
            if (top and _is_ours(name)) or _is_system(name):
                continue
            found.add(prefix + name)
    return found


def _foreign(found: set[str], earlier: set[str]) -> set[str]:
    """What of ``found`` the earlier report did not write (folders holding none of it)."""
    parts = [PurePosixPath(n).parts for n in earlier]
    folders = {"/".join(p[:i]) + "/" for p in parts for i in range(1, len(p))}
    return {n for n in found if n not in earlier and n not in folders}


def report_files(folder: str | os.PathLike[str]) -> set[str] | None:
    """The files an earlier report in ``folder`` wrote (from its marker), else None.

    Entries that are not plain relative paths inside the folder are ignored, so a
    marker cannot make a report delete anything outside its folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> report_files(folder) is None
    True
    >>> write_marker(folder, ["report.html", "figures/network.png"])
    >>> sorted(report_files(folder))
    ['.quartiernetz-report', 'figures/network.png', 'report.html']
    """
    path = Path(folder) / MARKER
    if path.is_symlink() or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(names, list):
        return None
    files = {MARKER}
    for name in names:
        if not isinstance(name, str) or "\\" in name or not name:
            continue
        p = PurePosixPath(name)
        if p.is_absolute() or any(part in ("..", ".", "") for part in p.parts):
            continue
        files.add(p.as_posix())
    return files


def write_marker(folder: str | os.PathLike[str], files: Iterable[str]) -> None:
    """Write the marker listing ``files`` (relative paths with ``/``) into ``folder``."""
    text = json.dumps(
        {"quartiernetz_report": 1, "version": __version__, "files": sorted(set(files))},
        indent=1,
        ensure_ascii=False,
    )
    with open(Path(folder) / MARKER, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text + "\n")


def _listed(names: Iterable[str], limit: int = 5) -> str:
    names = sorted(names)
    shown = ", ".join(names[:limit])
    return shown + (f" (+{len(names) - limit})" if len(names) > limit else "")


def _inside(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def _nearest_existing(path: Path) -> Path:
    while not path.exists() and path.parent != path:
        path = path.parent
    return path


def not_writable(given: str | os.PathLike[str], path: Path) -> QuartiernetzError:
    """The error for an output folder that cannot be written (permission denied)."""
    where = _shown(given, path)
    return QuartiernetzError(
        Text(
            "{where}: the folder cannot be written (permission denied); choose a folder "
            "you may write to[[py: as out|cli: with --out]].",
            "{where}: in diesen Ordner kann nicht geschrieben werden (keine Berechtigung); "
            "wählen Sie[[py: als out|cli: mit --out]] einen Ordner, in den Sie schreiben "
            "dürfen.",
        ).format(where=where)
    )


def check_output(
    out: str | os.PathLike[str],
    *,
    force: bool,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> tuple[Path, set[str]]:
    """Decide whether a report may be written into ``out``, before any work is done.

    Parameters
    ----------
    out : path-like
        The output folder as the user gave it (``.``, ``..`` and links are resolved).
    force : bool
        Replace an earlier report in ``out``.
    inputs : iterable of path-like
        Files and folders that were read (input, roster, key file …): ``out`` must not
        be one of them nor contain one.

    Returns
    -------
    (pathlib.Path, set of str)
        The resolved folder, and the files of the earlier report there that the new
        one replaces (empty for a new or empty folder).

    Raises
    ------
    QuartiernetzError
        ``out`` is a file, holds an input, is not empty (without ``force``), holds no
        earlier report or files the report did not write (with ``force``), or cannot
        be written.
    """
    path = Path(os.path.expanduser(os.fspath(out))).resolve()
    where = _shown(out, path)
    for given in inputs:
        source = Path(os.path.expanduser(os.fspath(given))).resolve()
        if _inside(source, path):
            raise QuartiernetzError(
                Text(
                    "{where}: the output folder holds the input {source}; write the report "
                    "into another folder, the input is never overwritten.",
                    "{where}: der Ausgabeordner enthält die Eingabe {source}; schreiben Sie "
                    "den Bericht in einen anderen Ordner, die Eingabe wird nie überschrieben.",
                ).format(where=where, source=os.fspath(given))
            )
    if path.exists() and not path.is_dir():
        raise QuartiernetzError(
            Text(
                "{where}: exists and is not a folder.", "{where}: existiert und ist kein Ordner."
            ).format(where=where)
        )
    if not os.access(_nearest_existing(path), os.W_OK | os.X_OK):
        raise not_writable(out, path)
    if not path.is_dir():
        return path, set()
    try:
        found = _contents(path)
    except PermissionError:
        raise not_writable(out, path) from None
    if not found:
        return path, set()
    earlier = report_files(path)
    if not force:
        if earlier is not None:
            raise QuartiernetzError(
                Text(
                    "{where}: the folder holds an earlier report; pass [[opt:force=True]] "
                    "to replace it, or choose another folder.",
                    "{where}: der Ordner enthält einen früheren Bericht; mit "
                    "[[opt:force=True]] wird er ersetzt, sonst wählen Sie einen anderen Ordner.",
                ).format(where=where)
            )
        raise QuartiernetzError(
            Text(
                "{where}: the folder exists and is not empty ({files}); choose a new or "
                "empty folder ([[opt:force=True]] replaces only an earlier report).",
                "{where}: der Ordner existiert und ist nicht leer ({files}); wählen Sie "
                "einen neuen oder leeren Ordner ([[opt:force=True]] ersetzt nur einen "
                "früheren Bericht).",
            ).format(where=where, files=_listed(found))
        )
    if earlier is None:
        raise QuartiernetzError(
            Text(
                "{where}: the folder holds no quartiernetz report (no {marker} file), but "
                "{files}; [[opt:force=True]] replaces only an earlier report and never "
                "deletes other files. Choose a new or empty folder.",
                "{where}: der Ordner enthält keinen quartiernetz-Bericht (keine Datei "
                "{marker}), sondern {files}; [[opt:force=True]] ersetzt nur einen früheren "
                "Bericht und löscht nie andere Dateien. Wählen Sie einen neuen oder leeren "
                "Ordner.",
            ).format(where=where, marker=MARKER, files=_listed(found))
        )
    foreign = _foreign(found, earlier)
    if foreign:
        raise QuartiernetzError(
            Text(
                "{where}: the folder holds an earlier report and files it did not write "
                "({files}); [[opt:force=True]] never deletes those. Move them away or "
                "choose another folder.",
                "{where}: der Ordner enthält einen früheren Bericht und Dateien, die er "
                "nicht geschrieben hat ({files}); [[opt:force=True]] löscht diese nie. "
                "Verschieben Sie sie oder wählen Sie einen anderen Ordner.",
            ).format(where=where, files=_listed(foreign))
        )
    return path, {n for n in found if not n.endswith("/")}


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (on Windows every lock counts as held)."""
    if os.name == "nt":  # os.kill would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


class OutputLock:
    """The exclusive lock on an output folder while a report is written into it.

    The lock is the file :data:`LOCK` in the folder, created with ``O_CREAT | O_EXCL``
    (atomic, also on network drives) and holding ``<pid> <host>``. Entering creates the
    folder where needed; leaving removes the lock, and the folder if this lock created
    it and it is empty. A lock whose process no longer runs on this host is stale and
    taken over.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / "report"
    >>> with OutputLock(folder):
    ...     (folder / LOCK).is_file()
    True
    >>> folder.exists()
    False
    """

    def __init__(self, folder: str | os.PathLike[str], *, shown: str | None = None) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LOCK
        self.shown = shown or str(folder)
        self.created = False
        self.held = False

    def __enter__(self) -> OutputLock:
        try:
            if not self.folder.exists():
                self.folder.mkdir(parents=True)
                self.created = True
            self._take()
        except PermissionError:
            self._tidy()
            raise not_writable(self.shown, self.folder) from None
        except BaseException:
            self._tidy()
            raise
        return self

    def _take(self) -> None:
        text = f"{os.getpid()} {socket.gethostname()}\n"
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                if self._stale():
                    try:
                        os.unlink(self.path)
                    except FileNotFoundError:
                        pass
                    continue
                raise self._busy() from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            self.held = True
            return
        raise self._busy()

    def _owner(self) -> tuple[int | None, str]:
        try:
            pid, _, host = self.path.read_text(encoding="utf-8").strip().partition(" ")
            return int(pid), host
        except (OSError, ValueError):
            return None, ""

    def _stale(self) -> bool:
        pid, host = self._owner()
        return pid is not None and host == socket.gethostname() and not _alive(pid)

    def _busy(self) -> QuartiernetzError:
        pid, host = self._owner()
        who = f"{pid} {host}".strip() if pid is not None else "?"
        return QuartiernetzError(
            Text(
                "{where}: another report is being written into this folder (process "
                "{who}); wait until it has finished, or choose another folder. If no "
                "report is running, delete the file {lock}.",
                "{where}: in diesen Ordner wird gerade ein anderer Bericht geschrieben "
                "(Prozess {who}); warten Sie, bis er fertig ist, oder wählen Sie einen "
                "anderen Ordner. Läuft kein Bericht, löschen Sie die Datei {lock}.",
            ).format(where=self.shown, who=who, lock=self.path)
        )

    def _tidy(self) -> None:
        if self.held:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            self.held = False
        if self.created:
            try:
                self.folder.rmdir()  # only when empty
            except OSError:
                pass

    def __exit__(self, *exc: object) -> None:
        self._tidy()

    def clear_leftovers(self) -> None:
        """Delete work folders a killed earlier run left (only while the lock is held)."""
        if not self.held:
            raise RuntimeError("the lock is not held")
        for entry in self.folder.iterdir():
            if entry.name.startswith(WORK_PREFIXES) and entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry, ignore_errors=True)

    def workspace(self) -> Path:
        """A new hidden folder inside the output folder for the report being written."""
        return Path(tempfile.mkdtemp(prefix=WORK_PREFIXES[0], dir=self.folder))


def _top(names: Iterable[str]) -> list[str]:
    tops = {PurePosixPath(n).parts[0] for n in names}
    # the marker goes first and comes back last: a half-moved folder has no marker
    return sorted(tops, key=lambda n: (n != MARKER, n))


def install(work: Path, folder: Path, earlier: set[str]) -> None:
    """Move the finished report from ``work`` into ``folder``, replacing ``earlier``.

    The earlier report's entries (files and ``figures/``) are moved aside into a hidden
    folder first; if moving the new ones in fails or is interrupted, the new ones are
    taken out again and the earlier ones put back. Nothing but the earlier report's
    entries is moved or deleted.
    """
    aside = Path(tempfile.mkdtemp(prefix=WORK_PREFIXES[1], dir=folder))
    moved_aside: list[str] = []
    moved_in: list[str] = []
    new = [n for n in _top(os.listdir(work)) if n != MARKER] + [MARKER]
    try:
        for name in _top(earlier):
            if os.path.lexists(folder / name):
                os.replace(folder / name, aside / name)
                moved_aside.append(name)
        for name in new:
            if os.path.lexists(folder / name):
                raise QuartiernetzError(
                    Text(
                        "{path}: appeared while the report was written; nothing was replaced.",
                        "{path}: ist entstanden, während der Bericht geschrieben wurde; es "
                        "wurde nichts ersetzt.",
                    ).format(path=folder / name)
                )
            os.replace(work / name, folder / name)
            moved_in.append(name)
    except BaseException:
        for name in reversed(moved_in):
            try:
                os.replace(folder / name, work / name)
            except OSError:
                pass
        for name in reversed(moved_aside):
            try:
                os.replace(aside / name, folder / name)
            except OSError:
                pass
        shutil.rmtree(aside, ignore_errors=True)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def write_locked(
    out: str | os.PathLike[str],
    folder: Path,
    fill: Callable[[Path], Iterable[str]],
    *,
    force: bool,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write a report folder safely: locked, into a workspace, then installed.

    The sequence the report and the comparison report share: take the lock, check
    the folder again now that no other report can start writing there, remove
    leftovers of an interrupted run, let ``fill`` write every file into a fresh
    workspace (it returns the files' relative paths), write the marker listing
    them, and replace the earlier report's files by the new ones. The workspace
    is removed whatever happens.

    Parameters
    ----------
    out : path
        The folder as the user gave it (for messages).
    folder : Path
        The resolved folder, from :func:`check_output`.
    fill : callable
        ``fill(work)`` writes the report into ``work`` and returns its files.
    force : bool
        As for :func:`check_output`.
    inputs : iterable of paths
        The run's input files, which the folder may not contain.
    """
    with OutputLock(folder, shown=os.fspath(out)) as lock:
        check_output(out, force=force, inputs=inputs)
        lock.clear_leftovers()
        try:
            work = lock.workspace()
        except PermissionError:
            raise not_writable(out, folder) from None
        try:
            write_marker(work, fill(work))
            # the earlier report's files, as they are now
            _, earlier = check_output(out, force=force, inputs=inputs)
            install(work, folder, earlier)
        finally:
            shutil.rmtree(work, ignore_errors=True)
