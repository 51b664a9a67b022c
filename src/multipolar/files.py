"""Writing files so that nobody ever sees half of one, and saying plainly when one cannot be written.

Every file multipolar writes (downloads, Parquet conversions, reports, charts, panels) goes
through ``replacing``: the content lands in a temporary file beside the target, which replaces
the target by a rename only if writing succeeded. A failure leaves the old file (or none).

A folder that is missing, read-only or a file is one error naming it and the fix: an
``OutputError`` for a file the user asked for (``-o``), checked by ``check_output`` before any
work, or a ``CacheError`` for the cache (``cache_folder``).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from multipolar.errors import CacheError, OutputError

READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def problem(path: Path, error: OSError) -> str:
    """What stops ``path`` from being written, in words: a file in the way, a read-only folder."""
    for part in (path, *path.parents):
        if part.is_dir():
            if error.errno in READ_ONLY:
                return f"folder {part} is read-only ({error.strerror})"
            break
        if part.exists() and (part != path or error.errno in (errno.EEXIST, errno.ENOTDIR)):
            return f"{part} is a file, not a folder"
    return str(error.strerror or error)


def cache_error(path: Path, error: OSError) -> CacheError:
    from multipolar import config

    return CacheError(
        f"The cache cannot be written: {problem(path, error)}.",
        f"Set MULTIPOLAR_HOME to a folder you can write to (now {config.home()}).",
    )


def output_error(path: Path, error: OSError) -> OutputError:
    return OutputError(f"Cannot write {path}: {problem(path, error)}.", "Choose a folder you may write to.")


def cache_folder(path: Path) -> Path:
    """``path``, a folder inside the cache, made if missing; if it cannot be, a CacheError."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cache_error(path, error) from error
    return path


def check_output(path: str | os.PathLike) -> Path:
    """The file a user asked to write, checked before any work: its folder must exist and be a
    folder, and it must not be a folder itself. Writing to a device (/dev/stdout) is allowed."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise OutputError(f"{target} is a folder.", "Give a file name, e.g. -o report.html.")
    folder = target.parent
    if not folder.exists():
        raise OutputError(
            f"Folder {folder} does not exist.", f"Create it first (mkdir -p {folder}) or write elsewhere."
        )
    if not folder.is_dir():
        raise OutputError(f"Cannot write {target}: {folder} is a file, not a folder.", "Write elsewhere.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"Cannot write {target}: folder {folder} is read-only.", "Write elsewhere.")
    return target


@contextmanager
def replacing(target: Path, suffix: str = ".part", cache: bool = False) -> Iterator[Path]:
    """A temporary path to write; on success it becomes ``target``, on error it is removed.

    ``cache`` says the target is in the cache, whose folders are made as needed; any other
    target's folder must exist (``check_output``). A folder that cannot take the file is a
    CacheError or an OutputError, never a traceback. The new file gets the permissions any new
    file would (mkstemp's 0600 would otherwise survive the rename). A target that exists but is
    no regular file (/dev/stdout, a pipe) is written directly: renaming over it would replace
    the device with a file.
    """
    target = Path(target).expanduser()
    if target.exists() and not target.is_file():
        yield target
        return
    unwritable = cache_error if cache else output_error
    if cache:
        cache_folder(target.parent)
    else:
        check_output(target)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    except OSError as error:
        raise unwritable(target, error) from error
    os.close(handle)
    temporary = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    try:
        yield temporary
        try:
            os.replace(temporary, target)
        except OSError as error:
            raise unwritable(target, error) from error
    finally:
        temporary.unlink(missing_ok=True)
