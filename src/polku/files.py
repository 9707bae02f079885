"""Writing files so that nothing is lost: atomic writes and the output guard.

Every file Polku writes goes to a temporary file beside the target, is flushed to
disk and then renamed over the target (a rename within one file system is atomic), so
a failed write (a full disk, an error half-way) leaves the previous content whole. A
folder is built beside its target and swapped in whole, so ``--force`` leaves no
stale files behind.

:func:`guard_outputs` refuses, before anything is computed, an output that exists
(without ``force``), that lies inside a dataset folder, that is a folder where a file
is meant (or the reverse), whose parent folder is missing, or that is named twice.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from polku.errors import OutputError, ResourceLimitError

DESCRIPTOR = "datapackage.yaml"
_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system lets a folder be synced
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_failed(path: Path, exc: OSError) -> Exception:
    """The error to raise for an OS error while writing ``path``: a full disk is a
    resource limit, anything else an output that cannot be written."""
    if exc.errno in _FULL:
        return ResourceLimitError(
            f"{path}: the disk is full; nothing was replaced / levy on täynnä, mitään ei korvattu"
        )
    reason = exc.strerror or type(exc).__name__
    return OutputError(f"{path}: cannot be written ({reason}) / ei voi kirjoittaa")


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically; the previous file stays whole on failure."""
    return write_with(path, lambda handle: handle.write(data))


def write_text(path: str | Path, text: str) -> Path:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))


def write_with(path: str | Path, fill: Callable[[Any], object]) -> Path:
    """Write ``path`` atomically by calling ``fill(handle)`` on a binary temporary file
    beside it (openpyxl's ``save`` and pandas' ``to_parquet`` take such a handle)."""
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o644)
        os.replace(temp, target)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise write_failed(target, exc) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)
    return target


@contextlib.contextmanager
def folder(path: str | Path) -> Iterator[Path]:
    """Build a folder beside ``path`` and swap it in whole when the block ends without
    an error: a folder that was there is replaced (no stale files), and on failure it
    is left as it was and the half-built one removed."""
    target = Path(path)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent))
    try:
        yield staging
        for item in staging.iterdir():
            if item.is_file():
                with item.open("rb+") as handle:
                    os.fsync(handle.fileno())
        staging.chmod(0o755)
        if target.exists():
            old = target.with_name(f".{target.name}.old-{os.getpid()}")
            os.rename(target, old)
            try:
                os.rename(staging, target)
            except OSError:
                os.rename(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise write_failed(target, exc) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _fsync_dir(target.parent)


def _dataset_of(path: Path) -> Path | None:
    """The dataset folder ``path`` lies in (or is), if any."""
    for parent in (path, *path.parents):
        if (parent / DESCRIPTOR).is_file():
            return parent
    return None


def guard_outputs(
    outputs: Sequence[tuple[str, Path | None]],
    force: bool,
    kind: str = "file",
    inputs: Sequence[tuple[str, Path | None]] = (),
    replaces_dataset: bool = False,
    own_files: frozenset[str] = frozenset(),
) -> None:
    """Refuse the outputs before anything is computed.

    ``outputs`` are (option, path) pairs (``None`` for an output not asked for); ``kind``
    is ``file`` or ``folder``. A folder output may replace an existing dataset folder with
    ``force`` (that is what ``--force`` is for), but a file is never written into one.
    ``inputs`` (option, path) are files the command reads: never an output, even with
    ``force``. Only a command that writes datasets (``replaces_dataset``) may replace a
    dataset folder; any other folder output is refused there. A folder output given
    ``own_files`` (the names the command writes) is replaced with ``force`` only if it
    holds nothing else.

    Raises:
        OutputError: naming the option, the path and what to do.
    """
    seen: dict[Path, str] = {}
    read = {p.resolve(): o for o, p in inputs if p is not None}
    for option, path in outputs:
        if path is None:
            continue
        where = path.resolve()
        if where in seen:
            raise OutputError(
                f"{option} {path}: the same path as {seen[where]}; give each output its own "
                "/ sama polku kahdelle tulosteelle"
            )
        seen[where] = option
        if where in read:
            raise OutputError(
                f"{option} {path}: the file {read[where]} reads; an output cannot replace its "
                "input / tuloste ei voi korvata syötettä"
            )
        if not where.parent.is_dir():
            raise OutputError(
                f"{option} {path}: the folder {path.parent} does not exist / kansiota ei ole"
            )
        if kind == "file":
            if where.is_dir():
                raise OutputError(f"{option} {path}: is a folder; give a file name / on kansio")
            dataset = _dataset_of(where.parent)
            if dataset is not None:
                raise OutputError(
                    f"{option} {path}: inside the dataset folder {dataset}; write outputs "
                    "elsewhere / aineistokansion sisällä"
                )
        else:
            if where.exists() and not where.is_dir():
                raise OutputError(f"{option} {path}: is a file, not a folder / on tiedosto")
            inside = _dataset_of(where.parent if replaces_dataset else where)
            if inside is not None:
                raise OutputError(
                    f"{option} {path}: inside the dataset folder {inside} / aineistokansion sisällä"
                )
        occupied = where.is_file() or (where.is_dir() and any(where.iterdir()))
        if occupied and not force:
            raise OutputError(
                f"{option} {path}: exists; add --force to replace it / on jo olemassa, "
                "korvaa lisäämällä --force"
            )
        if occupied and kind == "folder":
            replaceable_folder(option, path, where, replaces_dataset)
            others = sorted(p.name for p in where.iterdir() if p.name not in own_files)
            if own_files and others:
                raise OutputError(
                    f"{option} {path}: holds files this command did not write ({others[0]}"
                    f"{', ...' if len(others) > 1 else ''}); choose another folder / "
                    "kansiossa on muita tiedostoja"
                )


def replaceable_folder(option: str, path: Path, where: Path, dataset: bool) -> None:
    """A folder ``--force`` may replace whole: not the current one or its parents, not a
    mount point, and for a dataset command only a dataset folder (a folder of someone's
    other files is never swept away)."""
    here = Path.cwd().resolve()
    if where == here or where in here.parents:
        raise OutputError(
            f"{option} {path}: the current folder cannot be replaced / nykyistä kansiota ei korvata"
        )
    if os.path.ismount(where):
        raise OutputError(f"{option} {path}: a mount point cannot be replaced / liitoskohta")
    if dataset and not (where / DESCRIPTOR).is_file():
        raise OutputError(
            f"{option} {path}: not a dataset folder (no {DESCRIPTOR}); --force replaces only "
            "a dataset / ei aineistokansio"
        )
