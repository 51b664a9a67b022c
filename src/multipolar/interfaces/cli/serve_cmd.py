"""``multipolar serve``: the HTTP API and the dashboard (FastAPI on uvicorn, imported on use)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="Port to listen on (0-65535)."),
    cors: bool = typer.Option(False, "--cors", help="Let pages on other origins call the API."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds a query may take before a 503."),
) -> None:
    """Serve the JSON API (/api/, docs at /docs) and the dashboard (/) over HTTP."""
    from multipolar.interfaces.web.app import serve as run

    typer.echo(f"multipolar: dashboard at http://{host}:{port}/ (API docs at /docs)", err=True)
    run(host, port, cors, timeout)
