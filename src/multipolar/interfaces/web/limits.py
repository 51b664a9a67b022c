"""What one request may ask of the server: its size, and how long its answer may take.

A body over ``MAX_BODY`` bytes is refused with 413 before it is read whole (by its
Content-Length, or while it streams); a query string over ``MAX_QUERY`` characters with 414;
headers over ``MAX_HEADERS`` bytes in all with 431 (uvicorn's httptools parser sets no limit).
"""

from __future__ import annotations

import json

MAX_BODY = 5 * 2**20  # the article limit (multipolar.articles.text.MAX_BYTES)
MAX_QUERY = 8192  # characters; a longer article is POSTed
MAX_HEADERS = 16 * 1024  # bytes of header names and values: a browser sends a few hundred
TIMEOUT = 60.0  # seconds one query may take before it is answered 503


class TooLarge(Exception):
    pass


def error_body(message: str) -> bytes:
    return json.dumps({"error": message}, ensure_ascii=False).encode()


class RequestLimits:
    """ASGI middleware refusing oversized bodies and query strings with a JSON 4xx."""

    def __init__(
        self, app, max_body: int = MAX_BODY, max_query: int = MAX_QUERY, max_headers: int = MAX_HEADERS
    ):
        self.app = app
        self.max_body = max_body
        self.max_query = max_query
        self.max_headers = max_headers

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > self.max_query:
            await self.refuse(
                send,
                414,
                f"The query string is longer than {self.max_query} characters. "
                "POST long input (an article to /api/read) in the body instead.",
            )
            return
        headers = scope.get("headers", [])
        if sum(len(name) + len(value) for name, value in headers) > self.max_headers:
            await self.refuse(
                send,
                431,
                f"The request headers are larger than {self.max_headers // 1024} KB in all. "
                "Send fewer or shorter headers (cookies of other sites on 127.0.0.1?).",
            )
            return
        declared = dict(headers).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await self.refuse(send, 413, self.too_large())
            return
        received = 0
        started = False

        async def counting_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except TooLarge:
            if not started:
                await self.refuse(send, 413, self.too_large())

    def too_large(self) -> str:
        return (
            f"The request body is larger than {self.max_body // 2**20} MB. "
            "Send the article's own text, not a whole site or archive."
        )

    @staticmethod
    async def refuse(send, status: int, message: str) -> None:
        body = error_body(message)
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
