"""Writing files so that nobody ever sees half of one.

Every file multipolar writes (downloads, Parquet conversions, reports, charts, panels) goes
through ``replacing``: the content lands in a temporary file beside the target, which replaces
the target by a rename only if writing succeeded. A failure leaves the old file (or none).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path, suffix: str = ".part") -> Iterator[Path]:
    """A temporary path to write; on success it becomes ``target``, on error it is removed.

    The new file gets the permissions any new file would (mkstemp's 0600 would otherwise survive
    the rename). A target that exists but is no regular file (/dev/stdout, a pipe) is written
    directly: renaming over it would replace the device with a file.
    """
    target = Path(target).expanduser()
    if target.exists() and not target.is_file():
        yield target
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)
    try:
        yield temporary
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
