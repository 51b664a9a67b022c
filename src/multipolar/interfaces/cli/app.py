"""The ``multipolar`` command. Each sub-command calls one public API function and prints it.

The command modules import pandas, DuckDB and the data only inside their commands, so that
``multipolar --help`` (and every ``--help``) starts in a fraction of a second;
tests/test_startup.py keeps it so.

Errors that multipolar raises (bad input, missing data, checksum mismatch) are printed as one
line on stderr with a non-zero exit code; nothing the user did wrong shows a traceback.
"""

from __future__ import annotations

import sys

import typer

from multipolar import config, progress
from multipolar.errors import MultipolarError
from multipolar.interfaces.cli import (
    alignment_cmd,
    articles_cmd,
    brief_cmd,
    data_cmd,
    events_cmd,
    orgs_cmd,
    panel_cmd,
    power_cmd,
    serve_cmd,
    states_cmd,
)
from multipolar.interfaces.cli.output import errors


def _click_errors() -> tuple[type[Exception], ...]:
    """click's usage-error class, and typer's vendored copy of it (typer ≥ 0.2x ships its own
    click as ``typer._click``, whose errors are not ``click.ClickException``)."""
    import click

    found: list[type[Exception]] = [click.exceptions.ClickException]
    try:
        from typer._click.exceptions import ClickException
    except ImportError:
        pass
    else:
        found.append(ClickException)
    return tuple(dict.fromkeys(found))


CLICK_ERRORS = _click_errors()

app = typer.Typer(
    name="multipolar",
    help="The structure of the international system on any day since 1816, with sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def show_version(asked: bool) -> None:
    if asked:
        from importlib.metadata import version

        print(f"multipolar {version('multipolar')}")
        raise typer.Exit()


@app.callback()
def main_options(
    mirror: str = typer.Option(
        None,
        "--mirror",
        help="Download from this directory or http(s) base URL instead of the canonical URLs.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True, callback=show_version
    ),
) -> None:
    if mirror:
        config.set_mirror(mirror)
    progress.enable(not quiet and sys.stderr.isatty())


app.add_typer(data_cmd.app, name="data")
data_cmd.register_top_level(app)
orgs_cmd.register(app)
brief_cmd.register(app)
power_cmd.register(app)
states_cmd.register(app)
panel_cmd.register(app)
articles_cmd.register(app)
events_cmd.register(app)
alignment_cmd.register(app)
serve_cmd.register(app)


def main() -> None:
    """Entry point: run the app, turning multipolar errors into one-line messages."""
    try:
        code = app(standalone_mode=False)
    except MultipolarError as error:
        errors.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    except typer.Abort:
        errors.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except CLICK_ERRORS as error:  # usage mistakes: missing argument, unknown option, bad number
        context = getattr(error, "ctx", None)
        fix = f" Run `{context.command_path} --help` for usage." if context else " Run `multipolar --help`."
        message = error.format_message().rstrip()
        if not message:  # no arguments at all: the help has been shown, as click does
            sys.exit(error.exit_code)
        message += "" if message.endswith((".", "?", "!")) else "."
        errors.print(f"[bold red]error:[/] {message}{fix}", highlight=False, soft_wrap=True)
        sys.exit(error.exit_code)
    if isinstance(code, int) and code:
        sys.exit(code)


if __name__ == "__main__":
    main()
