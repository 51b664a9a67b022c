"""Property-based requests from the OpenAPI document (schemathesis) to a real server on
127.0.0.1: whatever the parameters, no server error, and every refusal is one JSON line.
Bounded: a few examples per operation."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402

from multipolar.interfaces.web.app import create_app  # noqa: E402
from tests.web_server import live_server  # noqa: E402

pytestmark = pytest.mark.schemathesis
EXAMPLES = 12  # per operation: ~30 operations, a few minutes on two cores

schema = schemathesis.openapi.from_dict(create_app().openapi())


@pytest.fixture(scope="module")
def server():
    with live_server(timeout=600) as base:
        yield base


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case, server):
    response = case.call(base_url=server, timeout=600)  # a cold first answer on a busy machine
    assert response.status_code < 500, f"{case.method} {case.path} {case.query}: {response.text[:300]}"
    kind = response.headers.get("content-type", [""])
    assert (kind[0] if isinstance(kind, list) else kind).startswith(("application/json", "text/html"))
    if response.status_code >= 400:
        message = response.json()["error"]
        assert message and "\n" not in message and "Traceback" not in message
