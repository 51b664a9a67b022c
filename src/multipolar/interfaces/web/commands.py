"""Every query of the CLI as a GET endpoint under /api/, built from the CLI's own commands.

The HTTP API is not written a second time: each CLI command (a Typer callback) is read for its
parameters (name, type, default, help), and ``GET /api/<command>`` takes the same parameters
under the CLI's names (``--share-of`` is ``share-of``, ``--from`` is ``from``, an argument keeps
its name: ``multipolar members SCO`` is ``/api/members?org=SCO``). The endpoint calls the same
callback with ``--json`` on and takes the JSON it would print (``output.print_json`` hands it to
the request instead of stdout). Names, defaults, checks, error messages and JSON are therefore
the CLI's by construction; a new command is served as soon as it is registered.

Two tables say what is not served as is, and why: whole commands that write files or change the
server (``NOT_SERVED``), and options that name a file on the server (``NOT_TAKEN``). A request
never names a path on the server.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from dataclasses import dataclass

import typer
from typer.models import ArgumentInfo, OptionInfo

# command -> why the HTTP API does not serve it
NOT_SERVED = {
    "plot": "writes a chart file on the server; the dashboard draws its charts in the browser "
    "and /api/polarity gives their data.",
    **{
        f"panel {unit}": "writes a panel file on the server; build panels with the CLI or in Python."
        for unit in ("stateyears", "dyadyears", "statedays", "leaderyears", "leaderdays", "leaderdyadyears")
    },
    "data pull": "changes the server's cache; the server pulls each dataset on first use.",
    "data verify": "deletes corrupt files from the server's cache.",
    "data path": "would tell the server's file-system paths.",
    "read": "takes a path on the server; /api/read takes the article's text instead (GET or POST).",
    "serve": "starts this server.",
    "events aggregate": "reads event files named on the server and writes a file there.",
    "events blocs": "reads event files named on the server.",
    "events import": "reads event files named on the server and writes a file there.",
    "events dyadmonths": "reads event files named on the server and writes a panel file there.",
    "events dyaddays": "reads event files named on the server and writes a panel file there.",
    "events synthetic": "writes a test file on the server.",
}

# (command, parameter) -> why the HTTP API does not take it (the CLI's default applies)
NOT_TAKEN = {
    ("brief", "output"): "writes a file on the server.",
    ("brief", "fmt"): "the API answers JSON (the CLI's --json); md and html are the CLI's.",
    ("brief", "article"): "names a file on the server; POST the article to /api/read.",
    ("events sql", "tables_dir"): "names a folder on the server.",
}

JSON_FLAG = "as_json"  # the callback parameter behind --json: on for every served query


@dataclass(frozen=True)
class Param:
    """One parameter of a command as the CLI and the HTTP API both name it."""

    name: str  # the callback's (Python) name: start
    http: str  # the CLI's name without dashes, the query parameter's name: from
    annotation: typing.Any  # str, int, float, bool or list[str]
    default: typing.Any  # the CLI's default; ... when required
    help: str
    decls: tuple[str, ...] = ()  # the CLI's spellings: ("--date", "-d"); () for an argument

    @property
    def required(self) -> bool:
        return self.default is ...


@dataclass(frozen=True)
class Command:
    """A leaf command of the CLI: ``data list`` is path ("data", "list")."""

    path: tuple[str, ...]
    callback: Callable[..., None]
    params: tuple[Param, ...]

    @property
    def name(self) -> str:
        return " ".join(self.path)

    @property
    def route(self) -> str:
        return "/api/" + "/".join(self.path)

    @property
    def summary(self) -> str:
        return inspect.cleandoc(self.callback.__doc__ or "").split("\n\n")[0].replace("\n", " ")

    @property
    def is_query(self) -> bool:
        """A query prints JSON with --json."""
        return any(p.name == JSON_FLAG for p in self.params)

    def served(self) -> list[Param]:
        """The parameters a request may give: all but --json and those naming server files."""
        return [p for p in self.params if p.name != JSON_FLAG and (self.name, p.name) not in NOT_TAKEN]


def commands(app: typer.Typer | None = None, path: tuple[str, ...] = ()) -> list[Command]:
    """Every leaf command of the CLI, in the order they are registered."""
    if app is None:
        from multipolar.interfaces.cli.app import app
    found = []
    for info in app.registered_commands:
        name = info.name or info.callback.__name__.lower().replace("_", "-")
        found.append(Command((*path, name), info.callback, tuple(params_of(info.callback))))
    for group in app.registered_groups:
        found += commands(group.typer_instance, (*path, group.name))
    return found


def params_of(callback: Callable[..., None]) -> list[Param]:
    hints = typing.get_type_hints(callback)
    out = []
    for name, parameter in inspect.signature(callback).parameters.items():
        info = parameter.default
        if isinstance(info, OptionInfo):
            longest = [d for d in info.param_decls if d.startswith("--")]
            http = longest[0].split("/")[0][2:] if longest else name.replace("_", "-")
        elif isinstance(info, ArgumentInfo):
            http = name
        else:
            raise TypeError(f"{callback.__name__}: parameter {name} is not a typer.Option or Argument")
        decls = (
            tuple(d for decl in info.param_decls for d in decl.split("/"))
            if isinstance(info, OptionInfo)
            else ()
        )
        out.append(Param(name, http, hints[name], info.default, info.help or "", decls))
    return out


def served_commands() -> list[Command]:
    """The queries the HTTP API serves as generated endpoints."""
    return [c for c in commands() if c.is_query and c.name not in NOT_SERVED]


def unplaced_commands() -> list[str]:
    """Commands that are neither served nor listed in NOT_SERVED (the parity test wants none)."""
    return [c.name for c in commands() if not c.is_query and c.name not in NOT_SERVED]


def problems(command: Command) -> list[str]:
    """Why a query cannot be served as is: a parameter that is not a plain value a query string
    can carry (a Path). The app leaves such a command out; the parity test names it."""
    return [
        f"`multipolar {command.name}` option {param.http!r} is {param.annotation}; the HTTP API takes "
        "str, int, float, bool or list[str]. Add the option to NOT_TAKEN (or the command to "
        "NOT_SERVED) in multipolar/interfaces/web/commands.py with why, or give it a plain type."
        for param in command.served()
        if param.annotation not in (str, int, float, bool, list[str])
    ]


@dataclass
class Run:
    """What ``multipolar <command> ... --json`` printed, and its exit code."""

    payload: typing.Any
    exit_code: int
    error_lines: list[str]

    @property
    def error(self) -> str:
        """The CLI's error lines as one, without their 'error: ' prefix."""
        return " ".join(line.removeprefix("error: ") for line in self.error_lines)


def call(command: Command, given: dict[str, typing.Any]) -> Run:
    """Run the command as ``multipolar <command> ... --json`` would: its JSON, exit code and
    error lines. A command that exits (``sys.exit(2)`` after answering) ends only itself."""
    from multipolar.interfaces.cli import output

    values = {p.name: (None if p.required else p.default) for p in command.params}
    values.update({k: v for k, v in given.items() if v is not None})
    values[JSON_FLAG] = True
    printed: list = []
    said: list[str] = []
    tokens = output.json_sink.set(printed), output.error_sink.set(said)
    code = 0
    try:
        command.callback(**values)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else int(stop.code is not None)
    except typer.Exit as stop:
        code = stop.exit_code
    finally:
        output.json_sink.reset(tokens[0])
        output.error_sink.reset(tokens[1])
    if len(printed) != 1:
        raise RuntimeError(f"`multipolar {command.name} --json` printed {len(printed)} JSON documents")
    return Run(printed[0], code, said)
