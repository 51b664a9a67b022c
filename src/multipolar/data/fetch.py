"""Download a catalogued file once into the cache, verified by sha256.

Sources, in order of preference: the configured mirror (a directory laid out like the mirror, or
an http(s) base URL), else the canonical URL. Files arrive in a temporary file beside the
target, are hashed, and only then renamed into place, under a per-dataset lock: the cache never
holds a partial or corrupt file, and two processes pulling at once both end with the same file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from multipolar import config, files, progress
from multipolar.data.catalog import Dataset
from multipolar.errors import ChecksumError, DataError

_CHUNK = 1 << 20


def cached_path(ds: Dataset) -> Path:
    """Where the verified raw file lives in the cache."""
    return config.raw_dir() / ds.file


@contextmanager
def lock_for(ds: Dataset) -> Iterator[None]:
    """Hold the per-dataset lock shared by fetching, conversion and verification."""
    path = files.cache_folder(config.home() / "locks") / f"{ds.name}.lock"
    try:
        lock = FileLock(str(path), timeout=600)
        lock.acquire()
    except OSError as error:
        raise files.cache_error(path, error) from error
    try:
        yield
    finally:
        lock.release()


def source_of(ds: Dataset) -> str:
    """The path or URL this dataset will be fetched from under the current settings."""
    mirror = config.mirror()
    if mirror is None:
        return ds.url
    if mirror.startswith(("http://", "https://")):
        return mirror.rstrip("/") + "/" + ds.file
    return str(Path(mirror).expanduser() / ds.file)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(ds: Dataset) -> Path:
    """The verified local copy of ``ds``, downloading it first if needed."""
    target = cached_path(ds)
    if target.exists():
        return target
    with lock_for(ds):
        if target.exists():  # another process finished while we waited
            return target
        source = source_of(ds)
        with files.replacing(target, cache=True) as tmp:
            _copy(source, tmp, ds)
            actual = sha256_of(tmp)
            if actual != ds.sha256:
                raise ChecksumError(
                    f"Checksum mismatch for dataset {ds.name!r} from {source}: expected sha256 "
                    f"{ds.sha256}, got {actual}; the file was discarded.",
                    "Check that the mirror holds the catalogued file, then run "
                    f"`multipolar data pull {ds.name}` again.",
                )
    return target


def _copy(source: str, destination: Path, ds: Dataset) -> None:
    if source.startswith(("http://", "https://")):
        _download(source, destination, ds)
        return
    path = Path(source)
    if not path.is_file():
        raise DataError(
            f"Dataset {ds.name!r} is not in the mirror: {path} does not exist.",
            "Point MULTIPOLAR_MIRROR (or --mirror) at a directory laid out like the mirror, "
            "or unset it to download from the canonical URL.",
        )
    with (
        progress.bar(f"copying {ds.name}", total=path.stat().st_size, bytes_=True) as shown,
        open(path, "rb") as src,
        open(destination, "wb") as dst,
    ):
        for block in iter(lambda: src.read(_CHUNK), b""):
            dst.write(block)
            shown.advance(len(block))


class _PoochBar:
    """Adapts our progress bar to the interface pooch's downloaders expect."""

    def __init__(self, shown):
        self._shown = shown
        self._done = False
        self.total = 0

    def update(self, amount: int) -> None:
        if not self._done:  # pooch ends with reset() + update(total); the bar is already full
            self._shown.total(self.total or None)
            self._shown.advance(amount)

    def reset(self) -> None:
        self._done = True

    def close(self) -> None:
        pass


def _download(url: str, destination: Path, ds: Dataset) -> None:
    import pooch  # and requests: only when something is downloaded

    with progress.bar(f"downloading {ds.name}", total=ds.bytes, bytes_=True) as shown:
        downloader = pooch.HTTPDownloader(progressbar=_PoochBar(shown), timeout=60)
        try:
            downloader(url, str(destination), None)
        except Exception as error:  # requests raises many kinds; all mean "not fetched"
            raise DataError(
                f"Could not download dataset {ds.name!r} from {url}: {_first_line(error)}.",
                "Check the network, or set MULTIPOLAR_MIRROR to a local copy of the mirror.",
            ) from error


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def verify(ds: Dataset) -> str:
    """State of the cached raw file: 'ok', 'missing' or 'corrupt'. A corrupt file is removed."""
    target = cached_path(ds)
    if not target.exists():
        return "missing"
    if sha256_of(target) == ds.sha256:
        return "ok"
    with lock_for(ds):
        remove(target)
    return "corrupt"


def remove(path: Path) -> None:
    """Delete a damaged file from the cache; a cache that will not let go of it is a CacheError."""
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise files.cache_error(path, error) from error
