"""Progress display for slow steps (downloads, conversions, big panels).

The library stays quiet by default; the CLI turns bars on with ``enable()``. Bars go to stderr
so that ``--json`` output on stdout stays clean.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

_enabled = False


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


class _Bar:
    """What a slow step reports to: total and advance. Silent when progress is off."""

    def __init__(self, progress: Progress | None, task: int | None):
        self._progress, self._task = progress, task

    def total(self, value: float | None) -> None:
        if self._progress is not None:
            self._progress.update(self._task, total=value)

    def advance(self, amount: float = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, amount)


@contextmanager
def bar(description: str, total: float | None = None, bytes_: bool = False) -> Iterator[_Bar]:
    """A progress bar for one step, shown only when enabled."""
    if not _enabled:
        yield _Bar(None, None)
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn()]
    columns.append(DownloadColumn() if bytes_ else TextColumn("{task.completed:.0f}/{task.total:.0f}"))
    columns.append(TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        yield _Bar(progress, progress.add_task(description, total=total))
