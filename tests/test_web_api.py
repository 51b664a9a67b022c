"""The HTTP API mirrors the CLI: every command is served (or says why not), with the same
parameters, the same JSON and the same one-line errors as a 4xx."""

from __future__ import annotations

import json
import shlex

import pytest

from multipolar.interfaces.web import commands
from tests.test_readme import table_commands

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from multipolar.interfaces.web.app import create_app

    return TestClient(create_app())


@pytest.fixture(scope="module")
def openapi(client):
    return client.get("/openapi.json").json()


# Commands the README's table does not show, as a user would type them (without --json).
EXAMPLES = [
    "multipolar states --date 2008-09-07 --system gw",
    "multipolar data list",
    "multipolar data cite cow_nmc",
    "multipolar panel covariates",
    "multipolar members NATO --date 1999-03-12",
    "multipolar power --year 1950 --share-of USA,RUS,CHN --top 3",
    "multipolar polarity --year 1950 --measure cinc --among top5",
    "multipolar compare NATO SCO --date 2008-09-07 --remove NATO=USA --merge SCO+CSTO",
    "multipolar brief --date 1962-10-27 --measure cinc",
    "multipolar resolve Burma --date 1985-06-01 --code gw",
    "multipolar ideal-points --year 2008 --dims 2",
    "multipolar network --year 2008 --obligation defense --signed",
    "multipolar blocs --year 2008 --declared NATO,CSTO,SCO",
    "multipolar changes --from 2004-01-01 --to 2004-12-31 --org NATO",
]


def examples() -> list[str]:
    """Each served command as the README and EXAMPLES type it."""
    served = {c.name for c in commands.served_commands()}
    out = []
    for line in table_commands() + EXAMPLES:
        args = shlex.split(line)[1:]
        if command_of(args) and command_of(args).name in served:
            out.append(line)
    return out


def command_of(args: list[str]) -> commands.Command | None:
    for command in commands.served_commands():
        if args[: len(command.path)] == list(command.path):
            return command
    return None


def as_query(command: commands.Command, args: list[str]) -> list[tuple[str, str]]:
    """A command line's words (after the command) as the query parameters that mean the same."""
    by_decl = {d: p for p in command.params for d in p.decls}
    arguments = [p for p in command.params if not p.decls]
    query, positional = [], []
    words = iter(args)
    for word in words:
        if word.startswith("-"):
            decl, _, value = word.partition("=")
            param = by_decl[decl]
            if param.annotation is bool:
                query.append((param.http, "true"))
            else:
                query.append((param.http, value or next(words)))
        else:
            positional.append(word)
    for param in arguments:
        taken = positional if param.annotation == list[str] else positional[:1]
        query += [(param.http, word) for word in taken]
        positional = positional[len(taken) :]
    return query


def test_every_cli_command_is_served_or_says_why():
    unplaced = commands.unplaced_commands()
    assert not unplaced, (
        f"CLI commands with no --json and no HTTP endpoint: {unplaced}. Give them --json (they are then "
        "served at /api/...), or add them to NOT_SERVED in multipolar/interfaces/web/commands.py with why."
    )
    names = {c.name for c in commands.commands()}
    assert set(commands.NOT_SERVED) <= names, "NOT_SERVED names a command the CLI no longer has"
    for command_name, param in commands.NOT_TAKEN:
        assert command_name in names, f"NOT_TAKEN names a command the CLI no longer has: {command_name}"
        found = next(c for c in commands.commands() if c.name == command_name)
        assert param in {p.name for p in found.params}, f"NOT_TAKEN names a gone option: {param}"


def test_every_query_has_an_endpoint_with_the_clis_parameters(openapi):
    queries = [c for c in commands.commands() if c.is_query and c.name not in commands.NOT_SERVED]
    assert {"states", "members", "brief", "compare", "polarity", "cite"} <= {c.name for c in queries}
    for command in queries:
        assert not commands.problems(command), commands.problems(command)
        operation = openapi["paths"].get(command.route, {}).get("get")
        assert operation, f"`multipolar {command.name}` has no GET {command.route}"
        given = {p["name"]: p.get("required", False) for p in operation.get("parameters", [])}
        expected = {p.http: p.required for p in command.served()}
        assert given == expected, f"{command.route} takes {given}, the CLI {expected}"


def test_read_takes_the_articles_text_and_the_clis_date(openapi):
    for method in ("get", "post"):
        assert method in openapi["paths"]["/api/read"]
    names = {p["name"] for p in openapi["paths"]["/api/read"]["get"]["parameters"]}
    assert names == {"article", "date"}  # one article's text, not the CLI's files, folders or addresses
    read = next(c for c in commands.commands() if c.name == "read")
    assert "date" in {p.http for p in read.params}


def test_every_served_command_has_an_example():
    shown = {command_of(shlex.split(line)[1:]).name for line in examples()}
    missing = {c.name for c in commands.served_commands()} - shown
    assert not missing, f"add an example of {missing} to EXAMPLES in tests/test_web_api.py"


@pytest.mark.parametrize("line", examples())
def test_same_json_as_the_cli(line, client, run_cli):
    args = shlex.split(line)[1:]
    command = command_of(args)
    code, out, err = run_cli(*args, "--json")
    assert code == 0, err
    response = client.get(command.route, params=as_query(command, args[len(command.path) :]))
    assert response.status_code == 200, response.text
    assert response.json() == json.loads(out)


@pytest.mark.parametrize(
    ("line", "status"),
    [
        ("multipolar members NOSUCH", 404),
        ("multipolar members SCO --date 2008-13-45", 400),
        ("multipolar power --measure nosuch", 404),
        ("multipolar polarity --from 2000 --to 1990", 400),
        ("multipolar compare NATO --add NATO=ATLANTIS", 404),
    ],
)
def test_errors_are_the_clis_line_with_a_4xx(line, status, client, run_cli):
    args = shlex.split(line)[1:]
    command = command_of(args)
    code, out, err = run_cli(*args, "--json")
    assert code != 0
    response = client.get(command.route, params=as_query(command, args[len(command.path) :]))
    assert response.status_code == status
    message = response.json()["error"]
    assert "Traceback" not in response.text and "\n" not in message
    assert " ".join(err.split()) == f"error: {message}"


def test_a_command_that_answers_then_exits_non_zero_is_a_400_with_both(client, run_cli):
    code, out, err = run_cli("resolve", "Burma", "Atlantis", "--json")
    assert code == 2
    response = client.get("/api/resolve", params=[("names", "Burma"), ("names", "Atlantis")])
    assert response.status_code == 400
    answer = response.json()
    assert answer.pop("error") == " ".join(err.split()).removeprefix("error: ")
    assert answer == json.loads(out) and answer["countries"][0]["iso3"] == "MMR"
    assert client.get("/api/orgs").status_code == 200  # the server lives on


def test_bad_parameters_and_unknown_paths_answer_json(client):
    response = client.get("/api/power", params={"year": "abc"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Invalid 'year': Input should be a valid integer, unable to parse string as an integer, "
        "got 'abc'. See /docs for the parameters."
    }
    response = client.get("/api/members")
    assert response.status_code == 400 and "Missing query parameter 'org'" in response.json()["error"]
    response = client.get("/api/nothing")
    assert response.status_code == 404 and response.json()["error"].startswith("No such page")
    response = client.post("/api/brief")
    assert response.status_code == 405 and response.headers["allow"] == "GET"
    assert response.json() == {"error": "POST is not taken at /api/brief; use GET."}


def test_read_takes_text_by_get_and_post_never_a_path(client, tmp_path):
    article = (
        "Moscow, 7 September 2008. The SCO, which currently groups Russia, China, Kazakhstan, "
        "Kyrgyzstan, Tajikistan and Uzbekistan, met in Dushanbe."
    )
    by_get = client.get("/api/read", params={"article": article, "date": "2008-09-07"}).json()
    by_body = client.post("/api/read?date=2008-09-07", content=article.encode()).json()
    by_file = client.post("/api/read?date=2008-09-07", files={"article": ("a.txt", article.encode())})
    assert by_get == by_body
    assert by_get["claims"][0]["org"] == "SCO" and by_get["claims"][0]["verdict"] == "correct"
    assert by_file.status_code == 200 and by_file.json()["claims"] == by_get["claims"]
    secret = tmp_path / "secret.txt"
    secret.write_text("NATO members: Iceland.")
    answer = client.get("/api/read", params={"article": str(secret)}).json()
    assert answer["article"] == "<bytes>" and "Iceland" not in json.dumps(answer)


def test_limits_on_body_and_query_string(client):
    response = client.post("/api/read", content=b"x" * (5 * 2**20 + 1))
    assert response.status_code == 413 and "5 MB" in response.json()["error"]
    response = client.get("/api/read", params={"article": "x" * 9000})
    assert response.status_code == 414 and "POST" in response.json()["error"]
    response = client.get("/api/orgs", headers={"cookie": "x" * 17_000})
    assert response.status_code == 431 and "16 KB" in response.json()["error"]
    assert client.get("/api/orgs", headers={"cookie": "x" * 1000}).status_code == 200


def test_cors_is_off_unless_asked_for(client):
    from fastapi.testclient import TestClient

    from multipolar.interfaces.web.app import create_app

    asked = {"Origin": "https://example.org"}
    assert "access-control-allow-origin" not in client.get("/api/orgs", headers=asked).headers
    opened = TestClient(create_app(cors=True)).get("/api/orgs", headers=asked)
    assert opened.headers["access-control-allow-origin"] == "*"


def test_docs_are_served_from_the_package(client):
    page = client.get("/docs").text
    assert (
        "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in page and "//" not in page.split("<body>")[1]
    )
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
