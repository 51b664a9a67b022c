"""The HTTP service: the CLI's queries under /api/, the dashboard at /, OpenAPI docs at /docs.

``create_app()`` builds the FastAPI application; ``multipolar serve`` runs it on uvicorn. Every
answer is JSON; every error is ``{"error": "<the CLI's one-line message>"}`` with a 4xx status
(404 for an unknown name, 400 for other bad input, 413/414 for oversized requests); 503 when the
server cannot reach a dataset or a query runs past its time-out.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import gc
import inspect
import threading
import typing
from collections import OrderedDict
from pathlib import Path

import anyio
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from multipolar import progress
from multipolar.errors import DataError, MultipolarError, UnknownNameError
from multipolar.interfaces.web import commands, limits

STATIC = Path(__file__).parent / "static"


class QueryTimeout(MultipolarError):
    """A query ran past the server's time-out."""


def status_of(error: MultipolarError) -> int:
    if isinstance(error, UnknownNameError):
        return 404
    if isinstance(error, DataError | QueryTimeout):
        return 503
    return 400


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def run_in_thread(function: typing.Callable[[], typing.Any], timeout: float) -> typing.Any:
    """Run blocking work in the thread pool, refusing to wait longer than ``timeout`` seconds."""
    try:
        return await asyncio.wait_for(anyio.to_thread.run_sync(function), timeout)
    except TimeoutError:
        raise QueryTimeout(
            f"The query took longer than {timeout:g} s and was abandoned.",
            "Ask for a shorter range, or run it with the CLI.",
        ) from None


class Answers:
    """Answers already given, by their question, the most recent ``size`` kept.

    The data do not change while the server runs, so a question asked again (the dashboard's
    brief of a day, a shared link opened by many) is answered from memory, already rendered as
    JSON. Questions are keyed with today's date, since a query without a date means today.
    While one request computes an
    answer, others asking the same wait for it rather than computing it again. Locks are
    threads' (the work runs in the thread pool), so any event loop may ask.
    """

    def __init__(self, size: int = 512):
        self.size = size
        self.kept: OrderedDict[typing.Hashable, typing.Any] = OrderedDict()
        self.pending: dict[typing.Hashable, threading.Lock] = {}
        self.guard = threading.Lock()

    def known(self, key: typing.Hashable) -> tuple[bool, typing.Any]:
        with self.guard:
            if key in self.kept:
                self.kept.move_to_end(key)
                return True, self.kept[key]
            return False, None

    def compute_once(self, key: typing.Hashable, compute: typing.Callable[[], typing.Any]) -> typing.Any:
        with self.guard:
            lock = self.pending.setdefault(key, threading.Lock())
        with lock:
            found, value = self.known(key)
            if not found:
                value = compute()
                with self.guard:
                    self.kept[key] = value
                    while len(self.kept) > self.size:
                        self.kept.popitem(last=False)
        with self.guard:
            self.pending.pop(key, None)
        return value

    async def get(self, key: typing.Hashable, compute: typing.Callable[[], typing.Any], timeout: float):
        key = (dt.date.today(), key)
        found, value = self.known(key)
        if found:
            return value
        return await run_in_thread(lambda: self.compute_once(key, compute), timeout)


ANSWERS = Answers()


async def cached(key: typing.Hashable, compute: typing.Callable[[], typing.Any], timeout: float):
    return await ANSWERS.get(key, compute, timeout)


def endpoint_for(command: commands.Command, timeout: float):
    """A FastAPI endpoint taking the command's parameters as query parameters."""

    def answer(given: dict) -> Response:
        run = commands.call(command, given)
        if run.exit_code:  # answered, then exited non-zero (resolve with a bad name): a 400 with both
            message = run.error or f"`multipolar {command.name}` exited with code {run.exit_code}."
            return JSONResponse({"error": message, **run.payload}, status_code=400)
        return JSONResponse(run.payload)  # rendered once, then kept

    async def endpoint(**given):
        if command.path[0] == "data":  # the cache's state changes while the server runs
            return await run_in_thread(functools.partial(answer, given), timeout)
        key = (command.route, tuple(sorted((k, str(v)) for k, v in given.items() if v is not None)))
        return await cached(key, functools.partial(answer, given), timeout)

    endpoint.__signature__ = inspect.Signature(  # what FastAPI reads the query parameters from
        [
            inspect.Parameter(
                p.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=Query(... if p.required else p.default, alias=p.http, description=p.help),
                annotation=p.annotation if p.required else p.annotation | None,
            )
            for p in command.served()
        ]
    )
    endpoint.__name__ = command.callback.__name__
    return endpoint


def create_app(cors: bool = False, timeout: float = limits.TIMEOUT) -> FastAPI:
    """The application: API, read endpoint, dashboard, docs. CORS is off unless asked for."""
    from importlib.metadata import version

    progress.enable(False)
    app = FastAPI(
        title="multipolar",
        version=version("multipolar"),
        description=(
            "The structure of the international system on any day since 1816, with sources. "
            "Each GET /api/<command> is `multipolar <command> --json`, with the same parameters "
            "and the same JSON."
        ),
        docs_url=None,
        redoc_url=None,
    )
    for command in commands.served_commands():
        if commands.problems(command):  # tests/test_web_api.py says which, and what to do
            continue
        app.add_api_route(
            command.route,
            endpoint_for(command, timeout),
            methods=["GET"],
            summary=command.summary,
            description=f"`multipolar {command.name} --json`",
            tags=[command.path[0]],
        )
    from multipolar.interfaces.web import dashboard, read

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI from the package's own copy (no CDN), reading /openapi.json."""
        return HTMLResponse((STATIC / "docs.html").read_text())

    read.register(app, timeout)
    dashboard.register(app, timeout)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    add_error_handlers(app)
    if cors:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"])
    app.add_middleware(limits.RequestLimits)
    return app


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(MultipolarError)
    async def multipolar_error(request: Request, exc: MultipolarError):
        return error(status_of(exc), str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        return error(400, validation_message(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if exc.status_code == 404:
            return error(404, f"No such page: {request.url.path}. The API is listed at /docs.")
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "GET")
            answer = error(405, f"{request.method} is not taken at {request.url.path}; use {allowed}.")
            answer.headers["Allow"] = allowed
            return answer
        return error(exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        return error(500, f"Internal error ({type(exc).__name__}); please report it with the URL.")


def validation_message(problems: list[dict]) -> str:
    """FastAPI's list of validation problems as one line: 'year: should be an integer, got 'x'.'"""
    said = []
    for problem in problems:
        where = problem["loc"][-1] if problem.get("loc") else "request"
        if problem.get("type") == "missing":
            said.append(f"Missing query parameter {where!r}.")
        else:
            said.append(f"Invalid {where!r}: {problem.get('msg', 'invalid')}, got {problem.get('input')!r}.")
    return " ".join(said) + " See /docs for the parameters."


def serve(host: str = "127.0.0.1", port: int = 8000, cors: bool = False, timeout: float = limits.TIMEOUT):
    import uvicorn

    from multipolar.interfaces.web import dashboard

    threading.Thread(target=warm_quietly, args=(dashboard.warm,), daemon=True).start()

    uvicorn.run(  # on httptools and uvloop where installed (pyproject's dependencies)
        create_app(cors=cors, timeout=timeout),
        host=host,
        port=port,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=1000,
    )


def warm_quietly(warm: typing.Callable[[], None]) -> None:
    """Warm up in the background; a failure here is the first request's to report, not ours.

    What warming loaded (registries, tables, answers) stays for the server's life, so it is then
    frozen out of the garbage collector's sight: a full collection over it took 300-400 ms, a
    pause every request in flight would wait through."""
    with contextlib.suppress(Exception):  # the same work runs again, and reports, on request
        warm()
    gc.collect()
    gc.freeze()
