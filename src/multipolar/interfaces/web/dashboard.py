"""The dashboard: the world on a day, its state in the URL, each view with a JSON twin.

``/world/2008-09-07?measure=gdp`` is the page a link shows; ``/world/2008-09-07.json`` is what it
shows (the brief of that day and each state's blocs for the map). The page's other views read
the API (/api/polarity, /api/history, /api/compare, /api/memberships) or their own twins here:
bloc shares over time, the days memberships change, and an article's checked text.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import string
from functools import cache
from pathlib import Path

from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from multipolar.errors import InputError
from multipolar.interfaces.web.app import STATIC, cached, run_in_thread

FIRST_DAY = dt.date(1816, 1, 1)
MEASURES = ("cinc", "gdp", "milex")  # the brief's measures, the page's choice of colouring
BLOC_HISTORY_FROM = 1946  # the first bloc of the brief's list (NATO, 1949) is younger
SUCCESSOR_SHAPES = Path(__file__).parent / "data" / "successor_shapes.csv"
WORLD_ATLAS = STATIC / "vendor" / "world-atlas" / "countries-110m.json"


def day_of(text: str) -> dt.date:
    from multipolar.dates import parse_date

    day = parse_date(text)
    if not FIRST_DAY <= day <= dt.date.today():
        raise InputError(
            f"The dashboard shows days from {FIRST_DAY} to today, not {day}.", "Pick a day in that range."
        )
    return day


def measure_of(text: str) -> str:
    if text not in MEASURES:
        raise InputError(
            f"Unknown measure {text!r} for the dashboard.", f"Use one of: {', '.join(MEASURES)}."
        )
    return text


@cache
def atlas_ids() -> frozenset[str]:
    """The ISO 3166-1 numeric codes world-atlas draws (177 countries at 1:110m)."""
    geometries = json.loads(WORLD_ATLAS.read_text())["objects"]["countries"]["geometries"]
    return frozenset(g["id"] for g in geometries if "id" in g)


@cache
def successors() -> dict[str, tuple[str, ...]]:
    """A state gone since (SUN, or AUH where it has no ISO code) -> the modern countries it is
    drawn on (successor_shapes.csv, one row per country with its source)."""
    out: dict[str, list[str]] = {}
    with SUCCESSOR_SHAPES.open() as rows:
        for row in csv.DictReader(rows):
            out.setdefault(row["then"], []).append(row["now"])
    return {then: tuple(now) for then, now in out.items()}


@cache
def numeric(iso3: str | None) -> str | None:
    """The world-atlas id (ISO numeric) of a state's modern country, if the atlas draws it."""
    import pycountry

    try:
        country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    except LookupError:  # not an ISO 3166-1 code (a state's code of its own)
        return None
    return country.numeric if country and country.numeric in atlas_ids() else None


def world(day: dt.date) -> dict:
    """The brief of ``day`` and, for the map, each state with the blocs it belongs to."""
    import multipolar as mp
    from multipolar.states.system import coverage

    brief = mp.brief(day).to_dict()
    last = coverage()[1]  # the state system's data may end before today
    states = mp.states(min(day, last)).to_dict()["states"]
    # members are named by ISO3, or (no ISO3: Austria-Hungary) by name or COW abbreviation
    # (ISO3 last, so that it wins: COW's AUS is Austria, ISO's Australia)
    by_code = {s[field]: key(s) for field in ("cow_abb", "name", "iso3") for s in states if s[field]}
    groups = [(b["org"], [by_code.get(m, m) for m in b["members"]]) for b in brief["blocs"]]
    if not groups:  # before the blocs the brief compares: the largest ATOP alliances that day
        groups = [
            (alliance_label(a), [by_code.get(m, m) for m in a["members"]]) for a in brief["alliances"]["rows"]
        ]
    blocs_of: dict[str, list[str]] = {}
    for name, members in groups:
        for member in members:
            blocs_of.setdefault(member, []).append(name)
    present = {s["iso3"] for s in states}
    shapes = []
    for state in states:
        drawn = [state["iso3"]] if numeric(state["iso3"]) else []
        drawn = drawn or [now for now in successors().get(key(state), ()) if now not in present]
        for iso3 in drawn:
            shapes.append(
                {
                    "id": numeric(iso3),
                    "iso3": state["iso3"],
                    "cow": state["cow"],
                    "name": state["name"],
                    "major": state["major"],
                    "bloc": (blocs_of.get(key(state)) or ["none"])[0],
                    "blocs": blocs_of.get(key(state), []),
                }
            )
    undrawn = [s["name"] for s in states if not any(x["cow"] == s["cow"] for x in shapes)]
    notes = (
        [f"The state system's data end on {last}; the map shows the states of that day."]
        if day > last
        else []
    )
    notes += [
        "Borders are today's (Natural Earth 1:110m via world-atlas); each state is drawn on the "
        "modern country with its ISO code, a dissolved one (Soviet Union, Yugoslavia, "
        "Czechoslovakia, Austria-Hungary) on its successors."
    ]
    if not brief["blocs"] and groups:
        notes.append("No bloc the brief compares existed that day: the map shows its largest ATOP alliances.")
    if undrawn:
        notes.append(f"Not drawn (no modern shape at this scale): {', '.join(undrawn)}.")
    return {
        "date": day.isoformat(),
        "brief": brief,
        "map": {"blocs": [name for name, _ in groups], "states": shapes, "notes": notes},
    }


def key(state: dict) -> str:
    """A state's code on the map: ISO3, or COW's abbreviation where it has none (AUH)."""
    return state["iso3"] or state["cow_abb"]


def alliance_label(alliance: dict) -> str:
    return f"ATOP {alliance['atopid']}" + (f" ({alliance['name']})" if alliance["name"] else "")


@cache
def membership_changes() -> dict:
    """Every day a curated organisation gained, lost or re-classed a member."""
    import multipolar as mp

    days: dict[str, list[str]] = {}
    for org in mp.orgs().to_dict()["orgs"]:
        for event in mp.history(org["id"]).to_dict()["events"]:
            days.setdefault(event["date"], []).append(f"{org['id']} {event['event']} {event['iso3']}")
    return {
        "changes": [{"date": day, "events": days[day]} for day in sorted(days)],
        "sources": [{"dataset": "orgs/data/memberships.csv", "version": "multipolar curated"}],
    }


def bloc_shares(measure: str) -> dict:
    """Each bloc's share of world power every year since 1946 (members at each year's end)."""
    from multipolar.power import blocs

    return blocs.history(blocs.BLOCS_OVER_TIME, BLOC_HISTORY_FROM, None, measure).to_dict()


def checked_article(raw: bytes, date: str | None) -> dict:
    """``/api/read``'s JSON and the text its offsets count in (the article as read)."""
    from multipolar.articles import read_article
    from multipolar.articles.text import load

    return {"text": load(raw, date).text, "report": read_article(raw, date).to_dict()}


def warm() -> None:
    """Compute what a first visit asks for (today's world, bloc shares over time, the change
    days), so that the first visitor does not wait for it; ``multipolar serve`` runs this in the
    background as it starts."""
    from multipolar.interfaces.web.app import ANSWERS

    today = dt.date.today()
    ANSWERS.compute_once((today, ("world", today)), lambda: JSONResponse(world(today)))
    membership_changes()
    ANSWERS.compute_once((today, ("blocs", "cinc")), lambda: JSONResponse(bloc_shares("cinc")))


PAGE = string.Template((STATIC / "dashboard.html").read_text())


def page(day: dt.date, measure: str) -> HTMLResponse:
    state = {"date": day.isoformat(), "measure": measure, "today": dt.date.today().isoformat()}
    return HTMLResponse(
        PAGE.substitute(
            date=day.isoformat(),
            today=state["today"],
            title=html.escape(f"The world on {day:%-d %B %Y}"),
            state=html.escape(json.dumps(state)),
        )
    )


def register(app: FastAPI, timeout: float) -> None:
    from multipolar.interfaces.web.read import posted_article

    @app.get("/", include_in_schema=False)
    def home(measure: str = "cinc") -> HTMLResponse:
        return page(dt.date.today(), measure_of(measure))

    @app.get("/world/{day}.json", tags=["dashboard"], summary="The world on a day: the dashboard's data.")
    async def world_json(day: str) -> JSONResponse:
        chosen = day_of(day)
        return await cached(("world", chosen), lambda: JSONResponse(world(chosen)), timeout)

    @app.get("/world/{day}", include_in_schema=False)
    def world_page(day: str, measure: str = "cinc") -> HTMLResponse:
        return page(day_of(day), measure_of(measure))

    @app.get("/views/changes.json", tags=["dashboard"], summary="Days on which memberships changed.")
    async def changes_json() -> JSONResponse:
        return JSONResponse(await run_in_thread(membership_changes, timeout))

    @app.get("/views/blocs.json", tags=["dashboard"], summary="Bloc shares of world power since 1946.")
    async def blocs_json(measure: str = Query("cinc", description="cinc, gdp or milex.")) -> JSONResponse:
        chosen = measure_of(measure)
        return await cached(("blocs", chosen), lambda: JSONResponse(bloc_shares(chosen)), timeout)

    @app.post(
        "/views/read",
        tags=["dashboard"],
        summary="An article's checked claims and the text they point into (the article checker).",
        openapi_extra={
            "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}, "required": True}
        },
    )
    async def read_view(request: Request, date: str | None = Query(None)) -> JSONResponse:
        raw = await posted_article(request)
        return JSONResponse(await run_in_thread(lambda: checked_article(raw, date), timeout))
