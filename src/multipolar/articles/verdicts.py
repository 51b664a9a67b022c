"""Membership claims checked against the registry as of each claim's own time.

A claim (membership.Claim) says that states hold a status, or that an event happened (joined,
left, was suspended, was invited, applied, founded), at a time: the article's day, a day, month
or year, since or until a time, over a range, or in the future. It is checked against the
curated spells (orgs/registry.py) of that time:

| verdict | meaning |
| --- | --- |
| correct | true at the claim's time |
| incomplete | a list given as the whole leaves out states that held the status (``missing``) |
| wrong | untrue at the claim's time and at any other (``not_holding`` says what is true) |
| outdated | true before the claim's time, no longer then |
| premature | true only later than the claim's time |
| came true / did not come true | a future claim, against what the data now say of its day |
| not checkable | no such status kept, a day beyond the data, no article date, days known only by year |

Each verdict carries ``rows``: the curated spells that decided it, with their sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from multipolar.articles.times import interval

ONE_DAY = dt.timedelta(days=1)
HOLDING = {"member", "observer", "dialogue partner", "partner", "candidate", "associate", "suspended"}
SEVERITY = ["wrong", "outdated", "premature", "did not come true", "not checkable", "incomplete", "came true",
            "correct"]  # fmt: skip
EVENTS_GAINED = {"joined", "admitted", "was suspended", "was invited", "applied"}
EVENTS_LOST = {"left", "withdrew"}
STATUS_WORDS = {
    "dialogue_partner": "dialogue partner",
    "partner_country": "partner country",
    "associate_partner": "associate partner",
}


@dataclass
class Run:
    """An unbroken stretch of one status: first and last day (None: ongoing), the rows behind it;
    ``by_year``: known only by its years (orgs/data/gaps.csv)."""

    start: dt.date
    end: dt.date | None
    rows: list
    by_year: bool = False

    def holds(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def edge(self, day: dt.date) -> bool:
        """Is ``day`` in a year-only run's first or last year, where the data cannot tell?"""
        if not self.by_year:
            return False
        return day.year == self.start.year or (self.end is not None and day.year == self.end.year)


def label(status: str) -> str:
    return STATUS_WORDS.get(status, status.replace("_", " "))


def org_label(org) -> str:
    return org.name if "_" in org.id else org.id


# statuses that count as holding another: a suspended member is still a member (the AU's Sudan)
HELD_AS = {"member": ("member", "suspended")}


@lru_cache(maxsize=4096)
def runs(org_id: str, iso3: str, status: str, strict: bool = False) -> tuple[Run, ...]:
    """The state's unbroken runs of ``status`` in the organisation, from the curated spells (and
    year-only gaps), in order; a member's run goes on through a suspension unless ``strict`` (a
    roster's size and a list's missing members count the members not suspended)."""
    from multipolar.orgs import registry

    # the registry's statuses that hold ``status`` (a member that froze its participation is still
    # one; the Security Council's members are its permanent and elected ones)
    held = (*registry.held_as(org_id, status), status)
    if not strict:
        held = (*held, *HELD_AS.get(status, ()))
    found: list[Run] = []
    for spell in spells_of(org_id).get(iso3, ()):
        if spell["status"] not in held:
            continue
        row = spell_row(org_id, spell)
        if found and found[-1].end is not None and spell["start"] <= found[-1].end + dt.timedelta(days=1):
            last = found[-1]
            last.end = None if spell["end"] is None else max(last.end, spell["end"])
            last.rows.append(row)
        else:
            found.append(Run(spell["start"], spell["end"], [row]))
    for gap in registry.gap_records(org_id):
        if gap["iso3"] == iso3 and gap["status"] == status:
            end = dt.date(gap["to_year"], 12, 31) if gap["to_year"] else None
            row = {
                "org": org_id, "iso3": iso3, "status": status, "start": str(gap["from_year"]),
                "end": str(gap["to_year"] or ""), "source": gap["source"], "note": gap["note"],
                "file": registry.GAPS_SOURCE,
            }  # fmt: skip
            found.append(Run(dt.date(gap["from_year"], 1, 1), end, [row], by_year=True))
    return tuple(sorted(found, key=lambda r: r.start))


def spell_row(org_id: str, spell: dict) -> dict:
    from multipolar.orgs import registry

    return {
        "org": org_id,
        "iso3": spell["iso3"],
        "status": spell["status"],
        "start": spell["start"].isoformat(),
        "end": spell["end"].isoformat() if spell["end"] else None,
        "source": spell["source"] or registry.MEMBERSHIPS_SOURCE,
        "note": spell["note"] or None,
        "file": registry.MEMBERSHIPS_SOURCE,
    }


@lru_cache(maxsize=256)
def spells_of(org_id: str) -> dict[str, tuple[dict, ...]]:
    """The organisation's curated spells by state (ISO3), each state's in order."""
    from multipolar.orgs import registry

    out: dict[str, list[dict]] = {}
    for spell in registry.spell_records(org_id):
        out.setdefault(spell["iso3"], []).append(spell)
    return {iso3: tuple(found) for iso3, found in out.items()}


@lru_cache(maxsize=1024)
def recorded(org_id: str, status: str) -> bool:
    """Does the registry keep any spell of ``status`` for the organisation?"""
    from multipolar.orgs import registry

    spells = (*registry.spell_records(org_id), *registry.gap_records(org_id))
    held = {status, *registry.held_as(org_id, status)}
    return any(s["status"] in held for s in spells)


@lru_cache(maxsize=4096)
def holders(org_id: str, status: str, day: dt.date) -> tuple[str, ...]:
    """ISO3 codes of the states holding ``status`` on ``day`` (year-only members inside their years)."""
    from multipolar.orgs import registry

    iso3s = set(spells_of(org_id)) | {g["iso3"] for g in registry.gap_records(org_id)}
    return tuple(
        sorted(
            i for i in iso3s if any(r.holds(day) and not r.edge(day) for r in runs(org_id, i, status, True))
        )
    )


def period_of(time: dict, day: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a claim's time anchor covers (the article's day for ``article``)."""
    anchor, value = time["anchor"], time.get("value")
    if anchor == "article":
        return (day, day) if day else None
    if anchor == "future" and value is None:  # some day after the article's, up to the data's last
        return (day, max(day, dt.date.today())) if day else None
    if anchor == "range":
        return interval(value[0])[0], interval(value[1])[1]
    return interval(value)


def check(claim, day: dt.date | None, states: list[dict]) -> dict:
    """The verdict of ``claim`` (membership.Claim) whose states were read as ``states`` (dicts with
    iso3, name): verdict, reason, rows, missing and not_holding."""
    from multipolar.orgs import registry

    org = registry.organisation(claim.org)
    out = {"verdict": "not checkable", "reason": "", "rows": [], "missing": [], "not_holding": []}
    if day is None:
        out["reason"] = "The article has no date; give one to check this claim."
        return out
    status = next((s for s in claim.statuses if recorded(org.id, s)), None)
    if status is None:
        out["reason"] = (
            f"The registry records no {label(claim.statuses[0])} status for {org_label(org)}, so it cannot "
            "check this claim."
        )
        return out
    out["status"] = status
    if claim.what in HOLDING and status != claim.statuses[0]:
        out["what"] = label(status)  # "partner countries" of the SCO: its dialogue partners
    predecessor = next((old for old, new in registry.successions() if new is org), None)
    period = period_of(claim.time, day)
    if predecessor and org.founded and period[1] < org.founded and predecessor.existed_on(period[1]):
        out["predecessor_named"] = predecessor.id  # "the EU" in 1981 was the EEC: the claim is the EEC's
        org = predecessor
    if claim.what == "count":
        return check_count(claim, org, day, states, out)
    if claim.what == "founded by":
        return check_founders(claim, org, states, out)
    period = period_of(claim.time, day)
    today = dt.date.today()
    if claim.time["anchor"] == "future" and claim.time.get("value") and period[0] > today:
        out["reason"] = f"The claim is about {period[0].isoformat()}, after the data's last day ({today})."
        return out
    verdicts = []
    # a time after the organisation ended is its successor's ("the Collective Security Treaty" in 2010:
    # the CSTO); one before it was founded is its predecessor's ("joined the CSTO in 1993": the CST)
    successors = [new for old, new in registry.successions() if old is org and org.dissolved]
    if successors and period[0] > org.dissolved:
        out["successor"] = successors[0].id
        org = successors[0]
    predecessors = [old for old, new in registry.successions() if new is org]
    before = [old for old in predecessors if org.founded and period[0] < org.founded]
    if before:
        out["predecessor"] = before[0].id
    for state in states:
        found = runs(org.id, state["iso3"], status)
        if before:
            found = tuple(sorted(runs(before[0].id, state["iso3"], status) + found, key=lambda r: r.start))
        out["rows"] += [row for run in found for row in run.rows]
        if claim.what == "applied" and status != "applicant":
            verdict, reason = check_application(
                state, found, period, runs(org.id, state["iso3"], "member"), status
            )
        elif claim.what == "was invited" and not found:
            # the registry keeps an invitation only while it is pending (Saudi Arabia in BRICS):
            # one taken up shows as the membership that followed it
            verdict, reason = check_application(
                state, found, period, runs(org.id, state["iso3"], "member"), status, "invitations"
            )
        elif claim.what in EVENTS_GAINED or claim.what in EVENTS_LOST:
            verdict, reason = check_event(claim, state, found, period, day, status)
        else:
            verdict, reason = check_holding(claim, state, found, period, day, status)
        regained = verdict in ("wrong", "premature") and claim.what in ("joined", "admitted")
        if regained and status == "member" and (lifted := readmission(claim, org, state, period)):
            verdict, reason, rows = lifted
            out["rows"] += rows
        earlier = [r for old in predecessors for r in runs(old.id, state["iso3"], status)]
        if verdict == "wrong" and earlier and not found and claim.what in EVENTS_GAINED:
            verdict = "not checkable"  # "Georgia joined the CSTO": it was in the CST, never the CSTO
            before_org, this = org_label(predecessors[0]), org_label(org)
            reason = (f"{state['name']} ({state['iso3']}) {describe(tuple(earlier))} in {before_org}, which "
                      f"{this} succeeded, never in {this} itself.")  # fmt: skip
            out["rows"] += [row for run in earlier for row in run.rows]
        verdicts.append(verdict)
        if verdict not in ("correct", "came true"):
            held = status_on(org.id, state["iso3"], period[1] if claim.time["anchor"] != "article" else day)
            out["not_holding"].append({"iso3": state["iso3"], "name": state["name"], "verdict": verdict,
                                       "status_that_day": held["status"] if held else None,
                                       "source": held["source"] if held else None,
                                       "note": held["note"] if held else None, "reason": reason})  # fmt: skip
        out.setdefault("reasons", []).append(reason)
    if claim.exhaustive and claim.polarity == "affirmed" and claim.time["anchor"] in ("article", "day"):
        listed = {s["iso3"] for s in states}
        for iso3 in holders(org.id, status, period[0]):
            if iso3 not in listed:
                run = next(r for r in runs(org.id, iso3, status, True) if r.holds(period[0]))
                out["missing"].append(missing_entry(iso3, run, period[0]))
                out["rows"] += run.rows
        if out["missing"]:
            verdicts.append("incomplete")
            names = ", ".join(f"{m['name']} ({label(status)} since {m['since']})" for m in out["missing"])
            out.setdefault("reasons", []).append(f"The list leaves out {names}.")
    out["verdict"] = min(verdicts, key=SEVERITY.index) if verdicts else "not checkable"
    out["reason"] = " ".join(out.pop("reasons", []))
    if before:
        out["reason"] += (
            f" Checked with its predecessor, {org_label(before[0])}, for the days before {org.founded}."
        )
    if "successor" in out:
        ended = org_label(registry.organisation(claim.org))
        out["reason"] += f" {ended} had ended; checked with its successor, {org_label(org)}."
    return out


def readmission(claim, org, state, period) -> tuple[str, str, list] | None:
    """A member "rejoins" or is "readmitted" when its suspension ends (Syria in the Arab League,
    2023): correct if a suspension of the state ended in the claim's time, else None."""
    suspended = runs(org.id, state["iso3"], "suspended", True)
    first, last = period
    if claim.time["anchor"] == "article":
        first = dt.date.min
    ended = [r for r in suspended if r.end and first <= r.end + ONE_DAY <= last + ONE_DAY]
    if not ended:
        return None
    name = f"{state['name']} ({state['iso3']})"
    reason = f"{name} was a member throughout; its suspension ended on {ended[0].end + ONE_DAY}."
    return "correct", reason, ended[0].rows


def status_on(org_id: str, iso3: str, day: dt.date) -> dict | None:
    """The curated spell the state held in the organisation on ``day``, whatever its status."""
    from multipolar.orgs import registry

    for spell in spells_of(org_id).get(iso3, ()):
        if registry.holds_on(spell, day):
            return spell_row(org_id, spell)
    return None


def missing_entry(iso3: str, run: Run, day: dt.date) -> dict:
    from multipolar.orgs.queries import state_name

    row = run.rows[-1]
    return {"iso3": iso3, "name": state_name(iso3, day), "since": run.start.isoformat() if not run.by_year
            else str(run.start.year), "source": row["source"], "note": row["note"]}  # fmt: skip


def describe(found: tuple[Run, ...]) -> str:
    if not found:
        return "never held it"
    spans = []
    for run in found:
        start = str(run.start.year) if run.by_year else run.start.isoformat()
        end = "" if run.end is None else (str(run.end.year) if run.by_year else run.end.isoformat())
        spans.append(f"from {start}" + (f" to {end}" if end else ""))
    return "held it " + ", ".join(spans)


def check_holding(claim, state, found, period, day, status) -> tuple[str, str]:
    """A status held (or denied) at the claim's time."""
    name, anchor = f"{state['name']} ({state['iso3']})", claim.time["anchor"]
    said = f"{name} {describe(found)} ({label(status)})"
    first, last = period
    if any(r.by_year and (r.edge(first) or r.edge(last)) for r in found):
        return "not checkable", f"{said}; its days are known only by year."
    if anchor == "since":
        holds = any(r.start <= last and r.holds(day) for r in found)
        verdict = "correct" if holds else "outdated" if any(r.start <= last for r in found) else "wrong"
    elif anchor == "until" and getattr(claim, "past", False):  # "were observers": at some time up to then
        verdict = "correct" if any(r.start <= last for r in found) else "premature" if found else "wrong"
    elif anchor == "until":
        ended = any(
            r.end is not None and first <= r.end + dt.timedelta(days=1) and r.end <= last for r in found
        )
        verdict = "correct" if ended else "wrong"
    elif anchor == "range":
        verdict = (
            "correct"
            if any(r.start <= last and (r.end is None or r.end >= first) for r in found)
            else "wrong"
        )
    else:
        held = any(r.start <= last and (r.end is None or r.end >= first) for r in found)
        if claim.polarity == "denied":
            return ("wrong" if held else "correct"), said + "."
        if anchor == "future":
            return ("came true" if held else "did not come true"), said + "."
        if held:
            verdict = "correct"
        elif any(r.end is not None and r.end < first for r in found):
            verdict = "outdated"
        elif any(r.start > last for r in found):
            verdict = "premature"
        else:
            verdict = "wrong"
    if claim.polarity == "denied":
        verdict = "correct" if verdict == "wrong" else "wrong"
    return verdict, said + "."


def check_event(claim, state, found, period, day, status) -> tuple[str, str]:
    """A status taken up (joined, admitted, was suspended, was invited, applied) or given up (left,
    withdrew) at the claim's time; with no time, by the article's day."""
    name, anchor = f"{state['name']} ({state['iso3']})", claim.time["anchor"]
    said = f"{name} {describe(found)} ({label(status)})"
    gained = claim.what in EVENTS_GAINED
    # an exit is dated by its last day in or its first day out: sources say either
    days = (
        [r.start for r in found] if gained else [d for r in found if r.end for d in (r.end, r.end + ONE_DAY)]
    )
    first, last = period
    # a run known only by year leaves its event's day unknown within that year: unsure only when
    # the claim's time touches that year ("joined in 1996" of a member since 1969 is wrong)
    uncertain = [r for r in found if r.by_year and (r.edge(first) or r.edge(last) or anchor == "article")]
    if anchor == "article":
        first = dt.date.min
    if anchor == "future":
        happened = any(first <= d <= last for d in days) or (gained and any(r.holds(last) for r in found))
        return ("came true" if happened else "did not come true"), said + "."
    if claim.polarity == "denied":
        return ("wrong" if any(first <= d <= last for d in days) else "correct"), said + "."
    if any(first <= d <= last for d in days):
        if claim.perfect and gained and not any(r.holds(day) for r in found):
            return "outdated", f"{said}; it no longer did on {day.isoformat()}."
        return "correct", said + "."
    if uncertain:
        return "not checkable", f"{said}; its days are known only by year."
    if days and all(d > last for d in days):
        return "premature", said + "."
    return "wrong", said + "."


def check_application(state, found, period, memberships, status, what="applications") -> tuple[str, str]:
    """An application (or an invitation) at the claim's time, where the registry dates candidacies
    and memberships but not applications: borne out if the state became a candidate or member
    after applying and had been neither before; contradicted if it already was; not checkable if
    it never became one."""
    name = f"{state['name']} ({state['iso3']})"
    later = [r for r in (*found, *memberships) if r.start >= period[0]]
    before = [
        r for r in (*found, *memberships) if r.start < period[0] and (r.end is None or r.end >= period[0])
    ]
    said = f"{name} {describe(found)} ({label(status)}); the registry does not date {what}"
    if before:
        return "wrong", f"{said}: it already held the status."
    if later:
        return "correct", f"{said}: it became one from {min(r.start for r in later).isoformat()}."
    return "not checkable", said + "."


def check_count(claim, org, day, states, out) -> dict:
    """'the six-nation bloc', 'now has ten members': the roster's size on the claim's day; 'its 30th
    member': the roster's size on the day that state joined."""
    if claim.cue == "founding" and org.founded:
        size = len(holders(org.id, "member", founding_day(org)))
        out["verdict"] = "correct" if size == claim.count else "wrong"
        out["reason"] = f"{org_label(org)} had {size} members when founded on {org.founded.isoformat()}."
        return out
    if states:
        found = runs(org.id, states[0]["iso3"], "member")
        if not found:
            out["verdict"], out["reason"] = (
                "wrong",
                f"{states[0]['name']} was never a member of {org_label(org)}.",
            )
            return out
        on = found[-1].start
        out["rows"] = [row for run in found for row in run.rows]
        who = f"{states[0]['name']} joined {org_label(org)} on {on.isoformat()}"
    else:  # a period's first or last day: "raising total membership to fifteen" in May 1955
        first, last = period_of(claim.time, day)
        last = min(last, dt.date.today())
        on = last if len(holders(org.id, "member", last)) == claim.count else first
        who = f"On {on.isoformat()}"
    status = out.get("status", "member")
    size = len(holders(org.id, status, on))
    out["verdict"] = "correct" if size == claim.count else "wrong"
    if claim.time["anchor"] == "future":
        out["verdict"] = "came true" if size == claim.count else "did not come true"
    kind = "members" if status == "member" else f"{label(status)} members"
    out["reason"] = f"{who}, {org_label(org)} had {size} {kind} (the claim says {claim.count})."
    if (
        out["verdict"] == "wrong"
        and not states
        and (changed := size_changed(org.id, status, on, claim.count))
    ):
        out["verdict"], then = changed  # "the 47-nation organisation" on the day it expelled Russia
        out["reason"] += f" It had {claim.count} on {then.isoformat()}."
    return out


COUNT_REACH = dt.timedelta(days=365)  # how far a count that is off may have been, or become, right


def size_changed(org_id: str, status: str, on: dt.date, count: int) -> tuple[str, dt.date] | None:
    """("outdated", day) when the roster had ``count`` holders on a day in the year before ``on``,
    the latest such day. (A count reached only later stays wrong: annotators do not call a roster's
    size premature.)"""
    edges = set()
    for spells in spells_of(org_id).values():
        for spell in spells:
            edges.add(spell["start"] - ONE_DAY)
            if spell["end"]:
                edges.add(spell["end"])
    for d in sorted((d for d in edges if on - COUNT_REACH <= d < on), reverse=True):
        if len(holders(org_id, status, d)) == count:
            return "outdated", d
    return None


def founding_day(org) -> dt.date:
    """The day the founders' roster is read on: the founding day, or, where membership began only
    when the founding treaty entered into force (NATO: signed 1949-04-04, members from
    1949-08-24), the first day anyone was a member."""
    if holders(org.id, "member", org.founded):
        return org.founded
    starts = [spell["start"] for spells in spells_of(org.id).values() for spell in spells]
    first = min((d for d in starts if d >= org.founded), default=org.founded)
    return first if (first - org.founded).days <= 730 else org.founded


def check_founders(claim, org, states, out) -> dict:
    """'founded by A, B and C' (and its founding members): the members on the founding day."""
    if org.founded is None:
        out["reason"] = f"The registry gives no founding day for {org_label(org)}."
        return out
    founders = holders(org.id, "member", founding_day(org))
    verdicts, reasons = [], []
    for state in states:
        held = state["iso3"] in founders
        verdicts.append("correct" if held else "wrong")
        found = runs(org.id, state["iso3"], "member")
        out["rows"] += [row for run in found for row in run.rows]
        if not held:
            out["not_holding"].append({"iso3": state["iso3"], "name": state["name"], "verdict": "wrong",
                                       "reason": f"{describe(found)}; not a founder"})  # fmt: skip
            reasons.append(f"{state['name']} was no founding member ({describe(found)}).")
    if claim.time["anchor"] in ("year", "month", "day"):
        first, last = interval(claim.time["value"])
        if not first <= org.founded <= last:
            verdicts.append("wrong")
            reasons.append(f"{org_label(org)} was founded on {org.founded.isoformat()}.")
    if claim.exhaustive:
        listed = {s["iso3"] for s in states}
        for iso3 in founders:
            if iso3 not in listed:
                run = next(r for r in runs(org.id, iso3, "member") if r.holds(founding_day(org)))
                out["missing"].append(missing_entry(iso3, run, founding_day(org)))
        if out["missing"]:
            verdicts.append("incomplete")
            reasons.append("The list leaves out " + ", ".join(m["name"] for m in out["missing"]) + ".")
    out["verdict"] = min(verdicts, key=SEVERITY.index) if verdicts else "not checkable"
    out["reason"] = " ".join(reasons) or f"{org_label(org)}'s founding members on {org.founded.isoformat()}."
    return out
