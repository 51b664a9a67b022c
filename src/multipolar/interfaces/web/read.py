"""``/api/read``: an article's claims checked as of its date, as ``multipolar read --json``.

The CLI reads a file; over HTTP the article itself is sent, never a path on the server:
``GET /api/read?article=TEXT&date=YYYY-MM-DD`` for short text, or ``POST /api/read`` with the
article as the body (text, Markdown or HTML), as a form field ``article`` or as an uploaded file
``article`` (multipart), at most 5 MB. The JSON is the CLI's.
"""

from __future__ import annotations

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from multipolar.errors import InputError

ARTICLE_HELP = "The article itself: text, Markdown or HTML (the CLI's ARTICLE is a file)."
DATE = Query(None, description="Publication date YYYY-MM-DD, if the article lacks one.")


def check(raw: bytes, date: str | None) -> dict:
    from multipolar.articles import read_article

    return read_article(raw, date).to_dict()  # bytes: never taken for a path


def register(app: FastAPI, timeout: float) -> None:
    from multipolar.interfaces.web.app import run_in_thread

    @app.get("/api/read", tags=["read"], summary="Read an article and check its claims as of its date.")
    async def read_get(
        article: str = Query(..., description=ARTICLE_HELP), date: str | None = DATE
    ) -> JSONResponse:
        raw = article.encode("utf-8", "replace")
        return JSONResponse(await run_in_thread(lambda: check(raw, date), timeout))

    @app.post(
        "/api/read",
        tags=["read"],
        summary="Read a POSTed article (body, form field or file `article`) and check its claims.",
        openapi_extra={
            "requestBody": {
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "text/markdown": {"schema": {"type": "string"}},
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {"article": {"type": "string", "format": "binary"}},
                            "required": ["article"],
                        }
                    },
                },
                "required": True,
            }
        },
    )
    async def read_post(request: Request, date: str | None = DATE) -> JSONResponse:
        raw = await posted_article(request)
        return JSONResponse(await run_in_thread(lambda: check(raw, date), timeout))


async def posted_article(request: Request) -> bytes:
    """The article's bytes from a raw body, a form field or an uploaded file."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=1, max_fields=4)
        value = form.get("article")
        if value is None:
            raise InputError("The form has no field 'article'.", "Send the article as the field 'article'.")
        if isinstance(value, str):
            return value.encode("utf-8", "replace")
        return await value.read()
    return await request.body()
