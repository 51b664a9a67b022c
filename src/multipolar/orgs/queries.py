"""Who belongs to what on a day: curated organisations and ATOP alliances, as Answers.

Organisations come from the curated CSVs (registry.py), alliances and obligations from ATOP 5.1
(atop.py). A date outside an organisation's life gives an empty answer whose notes say when it
existed; a date outside ATOP's coverage gives no alliance rows and a note saying so.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache

from multipolar import lazy
from multipolar.answer import Answer, Records
from multipolar.dates import change_days, parse_date, stretch_start
from multipolar.errors import CoverageError, InputError
from multipolar.orgs import atop, registry
from multipolar.states import identity

pd = lazy.load("pandas")  # members answers from the curated records without it

CURATED = [registry.ORGANISATIONS_SOURCE, registry.MEMBERSHIPS_SOURCE]
ALLIANCE_NAMES = [registry.ORGANISATIONS_SOURCE, registry.TREATIES_SOURCE]  # how ATOP ids are labelled
STATE_NAMES = identity.SOURCES  # state names come from the identity layer
OBLIGATION_COLUMNS = list(atop.OBLIGATIONS)
ONE_DAY = dt.timedelta(days=1)
ENDINGS = ("left", "dissolved", "succeeded")  # history events dated the day after the last day in


def orgs() -> Answer:
    """The catalogue of curated organisations."""
    rows = pd.DataFrame(
        [
            {
                "id": o.id,
                "name": o.name,
                "kind": o.kind,
                "founded": o.founded,
                "dissolved": o.dissolved,
                "aliases": list(o.aliases),
                "atop_ids": list(o.atop_ids),
            }
            for o in registry.organisations().values()
        ]
    )
    return Answer("orgs", {}, rows, "orgs", [], [registry.ORGANISATIONS_SOURCE])


MEMBER_COLUMNS = ["iso3", "cow", "name", "status", "since", "source"]


def members(org: str, date: str | dt.date | None = None, status: str = "member") -> Answer:
    """The states in ``org`` on ``date`` (default today) with ``status`` ('all' for every status;
    'member' means the organisation's member statuses, the Security Council's permanent and elected
    seats); ``since`` is the first day of the unbroken spell in that status. A date before the
    organisation was founded is refused (its predecessor named); after its dissolution the answer
    is empty with a note. ``extra['size']`` counts the rows and the states a documented gap shows
    held the status that day for certain (Comecon had 10 members in 1980: nine dated, and Cuba,
    known by year); ``extra['known_by_year']`` names those."""
    found = registry.organisation(org)
    day = parse_date(date, allow_future=False)
    status = _status(status)
    if found.founded and day < found.founded:
        raise CoverageError(*before_founding(found, day))
    rows, notes, sources = member_records(found.id, day, status)
    table = Records(tuple(MEMBER_COLUMNS), tuple(rows), {"cow": "Int64"})  # a DataFrame when asked
    params = {"org": found.id, "date": day.isoformat(), "status": status}
    listed = {r["iso3"] for r in rows}
    by_year = sorted(
        {g["iso3"] for g in gaps_on(found.id, day, status) if g["certain"] and g["iso3"] not in listed}
    )
    extra = {"org_name": found.name, "size": len(rows) + len(by_year), "known_by_year": by_year}
    return Answer("members", params, table, "members", notes, sources, extra)


def member_records(org_id: str, day: dt.date, status: str) -> tuple[list[dict], list[str], list[str]]:
    """What ``members`` answers, as plain rows (iso3, cow, name, status, since, source), notes and
    sources, without building a table: the article reader asks this for many dates."""
    rows = [dict(row) for row in holders(org_id, day, status)]
    notes, sources = member_notes(org_id, day, status, rows)
    return rows, notes, sources


def holders(org_id: str, day: dt.date, status: str) -> tuple[dict, ...]:
    """``member_records``' rows (shared: not to be changed), looked up once per stretch of days in
    which the organisation is neither founded nor dissolved, none of its spells begins or ends
    and no state's name changes: the rows are the same on every day of it."""
    return _holders_in_stretch(org_id, membership_stretch(org_id, day), status)


def membership_stretch(org_id: str, day: dt.date) -> dt.date:
    """The first day of ``holders``' stretch around ``day``: the later of the stretch starts of
    the organisation's spells and of the state lists."""
    return max(stretch_start(_membership_change_days(org_id), day), identity.unchanged_since(day))


@cache
def _membership_change_days(org_id: str) -> list[dt.date]:
    found = registry.organisation(org_id)
    spells = registry.spell_records(found.id)
    lifetime = [d for d in (found.founded, found.dissolved and found.dissolved + ONE_DAY) if d]
    return sorted({*change_days([s["start"] for s in spells], [s["end"] for s in spells]), *lifetime})


@lru_cache(maxsize=4096)
def _holders_in_stretch(org_id: str, day: dt.date, status: str) -> tuple[dict, ...]:
    found = registry.organisation(org_id)
    if not found.existed_on(day):
        return ()
    rows = []
    for spell in registry.spell_records(found.id):
        if found.counts(status, spell["status"]) and registry.holds_on(spell, day):
            row = {c: spell[c] for c in MEMBER_COLUMNS if c != "name"}
            row["name"] = state_name(spell["iso3"], day)
            rows.append({c: row[c] for c in MEMBER_COLUMNS})
    order = {s: i for i, s in enumerate(registry.statuses())}
    rows.sort(key=lambda r: (order[r["status"]], r["name"]))
    return tuple(rows)


def member_notes(org_id: str, day: dt.date, status: str, rows: list[dict]) -> tuple[list[str], list[str]]:
    """``member_records``' notes and sources for its ``rows`` (or any rows with their iso3)."""
    found = registry.organisation(org_id)
    if not found.existed_on(day):
        return [part for part in before_founding(found, day) if part], list(CURATED)
    notes = []
    if not rows:
        notes.append(f"No state had status {status!r} in {found.id} on {day.isoformat()}.")
        spells = [s for s in registry.spell_records(found.id) if found.counts(status, s["status"])]
        first = min((s["start"] for s in spells), default=None)
        if first is not None and first > day:
            notes.append(f"The curated data dates the first such spell from {first.isoformat()}.")
    notes += others_note(found, day, status)
    if found.note:
        notes.append(found.note)
    if found.coverage:
        notes.append(f"{found.id}'s roster here is incomplete: {found.coverage}")
    gaps = gap_notes(found.id, day, status, {r["iso3"] for r in rows})
    sources = CURATED + ([registry.GAPS_SOURCE] if gaps else []) + STATE_NAMES
    return notes + gaps, sources


def before_founding(found: registry.Organisation, day: dt.date) -> tuple[str, str | None]:
    """Why ``found`` has no members on ``day`` (outside its life), and where to look instead: its
    predecessor or successor that existed that day, else the days it existed."""
    problem = f"{found.name} ({found.id}) {found.lifetime()}; it did not exist on {day.isoformat()}."
    for old, new in registry.successions():
        other = old if new is found else new if old is found else None
        if other is not None and other.existed_on(day):
            relation = "predecessor" if other is old else "successor"
            return problem, (
                f"Its {relation}, {other.name} ({other.id}), {other.lifetime()}: "
                f"see `multipolar members {other.id} --date {day.isoformat()}`."
            )
    if found.founded and day < found.founded:
        return problem, f"Ask for a day from {found.founded.isoformat()} on."
    return problem, None


def others_note(found: registry.Organisation, day: dt.date, status: str) -> list[str]:
    """For a query of members: who else holds a status in the organisation that day, and how
    (the CIS's participating Ukraine and associate Turkmenistan, the UN's observer states)."""
    if status != "member":
        return []
    others = [
        s
        for s in registry.spell_records(found.id)
        if not found.counts("member", s["status"]) and registry.holds_on(s, day)
    ]
    if not others:
        return []
    named = ", ".join(f"{state_name(s['iso3'], day)} ({s['status'].replace('_', ' ')})" for s in others)
    return [f"Also in {found.id} on {day.isoformat()}, not as members: {named}. `--status all` lists them."]


def gaps_on(org_id: str, day: dt.date, status: str) -> list[dict]:
    """The gaps (states known to hold ``status``, their days not curated) whose years include
    ``day``'s: each gap's row with ``certain`` True when the day lies strictly inside its years
    (the state surely held the status that day), False in its first or last year."""
    out = []
    found = registry.organisation(org_id)
    for gap in registry.gap_records(org_id):
        last = 9999 if gap["to_year"] is None else gap["to_year"]
        if found.counts(status, gap["status"]) and gap["from_year"] <= day.year <= last:
            out.append({**gap, "certain": gap["from_year"] < day.year < last})
    return out


def gap_notes(org_id: str, day: dt.date, status: str, listed: set[str]) -> list[str]:
    """Notes naming states known to hold the status around ``day`` whose spell days are not curated:
    one note each, with the gap's own note, when there are a few; grouped by how sure the years
    make them when there are more (the OIC's members known only by the year they joined)."""
    gaps = [g for g in gaps_on(org_id, day, status) if g["iso3"] not in listed]
    if len(gaps) > GAP_NOTES_ONE_EACH:
        return grouped_gap_notes(gaps, day)
    notes = []
    for gap in gaps:
        certainty = "was also" if gap["certain"] else "may also have been"
        article = "an" if gap["status"][0] in "aeiou" else "a"
        who = f"{state_name(gap['iso3'], day)} ({gap['iso3']})"
        notes.append(
            f"Not listed: {who} {certainty} {article} {gap['status']} ({gap['note']}); its spell is left "
            "out until its days are confirmed."
        )
    return notes


GAP_NOTES_ONE_EACH = 6  # more gaps than this on a day are named in grouped notes


def grouped_gap_notes(gaps: list[dict], day: dt.date) -> list[str]:
    """One note per status and certainty, naming every state in it (``gap_notes`` for many gaps)."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for gap in gaps:
        groups.setdefault((gap["status"], gap["certain"]), []).append(
            f"{state_name(gap['iso3'], day)} ({gap['iso3']})"
        )
    notes = []
    for (held, certain), names in groups.items():
        plural = held.replace("_", " ") + "s"
        surely = f"also {plural} that day"
        if not certain:
            surely = f"possibly also {plural} that day (a first or last year)"
        notes.append(
            f"Not listed, known only by the year ({registry.GAPS_SOURCE} says why), {len(names)} {surely}: "
            f"{', '.join(names)}."
        )
    return notes


def state_name(iso3: str, day: dt.date) -> str:
    """A member's name on ``day``: the state lists' by ISO3 (``identity.record_on``), else the
    curated name of a member outside the lists (Palestine, the Holy See), else 'ISO3 XXX'."""
    record = identity.record_on("iso3", iso3, day)
    if record:
        return record["name"]
    entity = registry.entity_names().get(iso3)
    return entity["name"] if entity else f"ISO3 {iso3}"


def history(org: str) -> Answer:
    """Every join, exit and status change in ``org``, in date order. Each event's date is the first
    day of the new situation: a state that 'left' on D was last in on the day before; 'dissolved'
    marks the spells that ended with the organisation, 'succeeded' those of an organisation a
    successor took over (the EEC's members on 1993-11-01, when the EU began)."""
    found = registry.organisation(org)
    table = registry.spells()
    table = table[table["org"] == found.id]
    successor = next((new for old, new in registry.successions() if old is found), None)
    events = []
    for _iso3, spells in table.groupby("iso3", sort=False):
        previous = None
        for r in spells.itertuples(index=False):
            out_since = None if previous is None or pd.isna(previous.end) else previous.end + ONE_DAY
            if out_since is None or r.start > out_since:
                if out_since:
                    events.append(_event(previous, out_since, "left", previous.status, None))
                events.append(_event(r, r.start, "joined", r.status, None))
            elif r.status != previous.status:
                events.append(_event(r, r.start, "status changed", r.status, previous.status))
            previous = r
        if previous is not None and not pd.isna(previous.end):
            ended = "left"
            if previous.end == found.dissolved:
                ended = "succeeded" if successor else "dissolved"
            events.append(_event(previous, previous.end + ONE_DAY, ended, previous.status, None))
    columns = ["date", "event", "iso3", "cow", "status", "previous_status", "source", "note"]
    rows = pd.DataFrame(events, columns=columns)
    rows["cow"] = rows["cow"].astype("Int64")
    named = []
    for (day, event), group in rows.groupby(["date", "event"], sort=False):
        named.append(_with_names(group, "iso3", day - ONE_DAY if event in ENDINGS else day))
    rows = pd.concat(named, ignore_index=True) if named else rows.assign(name=pd.Series(dtype=object))
    rows = rows.sort_values(["date", "event", "name"], key=_event_order, ignore_index=True)
    rows = rows[["date", "event", "iso3", "cow", "name", "status", "previous_status", "source", "note"]]
    notes = [f"{found.name} ({found.id}) {found.lifetime()}."]
    if successor:
        notes.append(
            f"Its successor, {successor.name} ({successor.id}), {successor.lifetime()}; 'succeeded' marks "
            f"the members on the last day: see `multipolar history {successor.id}`."
        )
    extra = {"org_name": found.name}
    return Answer("history", {"org": found.id}, rows, "events", notes, CURATED + STATE_NAMES, extra)


CHANGE_COLUMNS = [
    "date",
    "org",
    "event",
    "iso3",
    "cow",
    "name",
    "status",
    "previous_status",
    "source",
    "note",
]


def changes(start: str | dt.date, end: str | dt.date, org: str | None = None) -> Answer:
    """Every join, exit and status change across the registry (or in ``org``) dated from ``start``
    to ``end``, both included, in date order: ``history``'s events of each organisation, whose
    date is the first day of the new situation."""
    first, last = parse_date(start), parse_date(end)
    if last < first:
        raise InputError(
            f"The range {first.isoformat()} to {last.isoformat()} runs backwards.", "Give --from before --to."
        )
    ids = [registry.organisation(org).id] if org else list(registry.organisations())
    parts = []
    for org_id in ids:
        events = _history_events(org_id)
        parts.append(events[(events["date"] >= first) & (events["date"] <= last)].assign(org=org_id))
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CHANGE_COLUMNS)
    rows = rows.sort_values(["date", "org", "event", "name"], key=_event_order, ignore_index=True)
    rows = rows[CHANGE_COLUMNS].astype({"cow": "Int64"})
    params = {"from": first.isoformat(), "to": last.isoformat(), "org": ids[0] if org else None}
    notes = (
        [] if len(rows) else [f"No membership changed between {first.isoformat()} and {last.isoformat()}."]
    )
    return Answer("changes", params, rows, "changes", notes, CURATED + STATE_NAMES)


@cache
def _history_events(org_id: str) -> pd.DataFrame:
    return history(org_id).rows


def memberships(country: str, date: str | dt.date | None = None) -> Answer:
    """Every curated organisation and ATOP alliance ``country`` belongs to on ``date``, with its
    status and (for alliances) the obligations it undertook."""
    day = parse_date(date, allow_future=False)
    state, notes = _country(country, day)
    orgs_now = registry.on(day)
    # by ISO3, or by COW code where ISO and COW history differ (Russia in the CIS before 1991-12-26)
    orgs_now = orgs_now[(orgs_now["iso3"] == state.iso3) | (orgs_now["cow"] == state.cow).fillna(False)]
    for org, iso3 in zip(orgs_now["org"], orgs_now["iso3"], strict=True):
        if iso3 != state.iso3:
            member = f"{state_name(iso3, day)} ({iso3})"
            notes.append(
                f"{org}: the member is {member}, matched by its COW code {state.cow}, which the state "
                f"lists give to {state.name} on {day.isoformat()}."
            )
    known = registry.organisations()
    curated = pd.DataFrame(
        {
            "kind": "organisation",
            "id": orgs_now["org"],
            "name": [known[o].name for o in orgs_now["org"]],
            "status": orgs_now["status"],
            "since": orgs_now["since"],
        }
    )
    for column in OBLIGATION_COLUMNS:
        curated[column] = pd.Series(pd.NA, index=curated.index, dtype="boolean")
    curated["conditional"] = [[] for _ in range(len(curated))]
    curated["source"] = orgs_now["source"].to_numpy()
    mine = _alliances_of(state.cow, atop.in_force(day))
    labels = registry.atop_labels(day)
    allied = pd.DataFrame(
        {
            "kind": "alliance",
            "id": mine["atopid"].astype(str),
            "name": [labels.get(a, "") for a in mine["atopid"]],
            "status": "member",
            "since": mine["since"],
        }
    )
    for column in OBLIGATION_COLUMNS:
        allied[column] = mine[column].astype("boolean").to_numpy()
    allied["conditional"] = mine["conditional"].to_numpy()
    allied["source"] = "ATOP 5.1"
    rows = pd.concat([curated, allied], ignore_index=True) if len(allied) else curated.reset_index(drop=True)
    if note := atop.coverage_note(day):
        notes.append(note)
    elif state.cow is None:
        notes.append(
            f"{state.name} has no COW code, so ATOP (coded by COW codes) cannot place it in alliances."
        )
    notes.extend(atop.uncertain_day_notes(mine, day, {state.cow: state.name}))
    params = {"country": state.name, "iso3": state.iso3, "cow": state.cow, "date": day.isoformat()}
    return Answer(
        "memberships",
        params,
        rows,
        "memberships",
        notes,
        CURATED + atop.SOURCES + [registry.TREATIES_SOURCE] + STATE_NAMES,
    )


def alliances(date: str | dt.date | None = None, obligation: str | None = None) -> Answer:
    """ATOP alliances in force on ``date`` (optionally only those carrying ``obligation``):
    their members, obligations, and the day each alliance began."""
    day = parse_date(date, allow_future=False)
    atop.require_begun(day)
    wanted = atop.obligation_name(obligation) if obligation else None
    current = atop.in_force(day)
    columns = ["atopid", "name", "members", "cows", *OBLIGATION_COLUMNS, "conditional", "start"]
    params = {"date": day.isoformat(), "obligation": wanted}
    notes = [n for n in [atop.coverage_note(day)] if n]
    if current.empty:
        return Answer("alliances", params, _empty(columns), "alliances", notes, atop.SOURCES)
    columns_by_alliance = ["atopid", "members", *OBLIGATION_COLUMNS, "conditional"]
    table = pd.DataFrame(atop.alliance_summaries(day), columns=columns_by_alliance)
    if wanted:
        table = table[table[wanted]]
    labels = registry.atop_labels(day)
    named = state_labels({c for cows in table["members"] for c in cows}, day)
    table = table.merge(atop.alliance_dates()[["atopid", "start"]], on="atopid", how="left")
    table["name"] = [labels.get(a, "") for a in table["atopid"]]
    table["cows"] = table["members"]
    table["members"] = [[named[c] for c in cows] for cows in table["cows"]]
    uncertain = current[current["atopid"].isin(table["atopid"])]
    notes.extend(
        atop.uncertain_day_notes(uncertain, day, state_labels(set(uncertain["cow"]), day, codes=False))
    )
    notes.append(
        "ATOP alliances have no names; 'name' gives the treaty's (orgs/data/treaties.csv) or the curated "
        "organisation's whose treaty it codes, where known."
    )
    return Answer(
        "alliances",
        params,
        table[columns].reset_index(drop=True),
        "alliances",
        notes,
        atop.SOURCES + ALLIANCE_NAMES + STATE_NAMES,
    )


def alliance(atopid: int | str, date: str | dt.date | None = None) -> Answer:
    """One ATOP alliance's members, phase by phase, with entry and last days and obligations;
    with ``date``, only the members in force that day."""
    number = _atopid(atopid)
    dates = atop.alliance_dates().set_index("atopid").loc[number]
    label = registry.atop_labels().get(number, "")
    params = {"atopid": number, "date": None}
    extra = {"name": label, "start": dates["start"], "end": dates["end"]}
    notes = []
    spells = atop.member_spells()
    spells = spells[spells["atopid"] == number]
    if date is not None:
        day = parse_date(date, allow_future=False)
        atop.require_begun(day)
        params["date"] = day.isoformat()
        if note := atop.coverage_note(day):
            notes.append(note)
        current = atop.in_force(day)
        spells = current[current["atopid"] == number]
        notes.extend(
            atop.uncertain_day_notes(spells, day, state_labels(set(spells["cow"]), day, codes=False))
        )
    elif not (spells["start_day_known"].all() and spells["end_day_known"].all()):
        notes.append(
            "Where ATOP gives only the month of an entry or exit, the whole month counts as in force."
        )
    columns = ["cow", "iso3", "name", "phase", "start", "end", "since", *OBLIGATION_COLUMNS, "conditional"]
    named = [_with_names(group, "cow", start) for start, group in spells.groupby("start")]
    rows = pd.concat(named)[columns] if named else _empty(columns)
    rows = rows.sort_values(["start", "phase", "cow"], ignore_index=True)
    if rows["end"].isna().any():
        notes.append(f"An empty end means in force on {atop.LAST_DAY.isoformat()}, the last day ATOP covers.")
    sources = atop.SOURCES + ALLIANCE_NAMES + STATE_NAMES
    return Answer("alliance", params, rows, "members", notes, sources, extra)


def commitments(country: str, date: str | dt.date | None = None, obligation: str | None = None) -> Answer:
    """Which states have pledged what to ``country`` on ``date``, and through which ATOP alliance."""
    day = parse_date(date, allow_future=False)
    atop.require_begun(day)
    state, notes = _country(country, day)
    wanted = atop.obligation_name(obligation) if obligation else None
    params = {
        "country": state.name,
        "iso3": state.iso3,
        "cow": state.cow,
        "date": day.isoformat(),
        "obligation": wanted,
    }
    columns = ["cow", "iso3", "name", "atopid", "alliance", *OBLIGATION_COLUMNS, "conditional", "since"]
    notes += [n for n in [atop.coverage_note(day)] if n]
    current = atop.in_force(day)
    mine = _alliances_of(state.cow, current)
    partners = current[current["atopid"].isin(mine["atopid"]) & (current["cow"] != state.cow)]
    if wanted:
        partners = partners[partners[wanted]]
    if partners.empty:
        if not atop.coverage_note(day):
            kind = f"{wanted} pledge" if wanted else "pledge"
            notes.append(f"No ATOP alliance {kind} to {state.name} on {day.isoformat()}.")
        return Answer("commitments", params, _empty(columns), "commitments", notes, atop.SOURCES)
    own_since = dict(zip(mine["atopid"], mine["since"], strict=True))
    labels = registry.atop_labels(day)
    rows = _with_names(partners, "cow", day)
    rows["alliance"] = [labels.get(a, "") for a in rows["atopid"]]
    rows["since"] = [max(s, own_since[a]) for s, a in zip(rows["since"], rows["atopid"], strict=True)]
    rows = rows[columns].sort_values(["name", "atopid"], ignore_index=True)
    uneven = sorted(set(partners.loc[partners["asymm"], "atopid"]))
    if uneven:
        notes.append(
            "Obligations differ between members in ATOP alliance(s) "
            f"{', '.join(map(str, uneven))}; a member's pledges may not extend to every ally."
        )
    named = dict(zip(rows["cow"].astype(int), rows["name"], strict=True)) | {state.cow: state.name}
    notes.extend(atop.uncertain_day_notes(pd.concat([mine, partners]), day, named))
    return Answer(
        "commitments",
        params,
        rows,
        "commitments",
        notes,
        atop.SOURCES + ALLIANCE_NAMES + STATE_NAMES,
    )


def _country(text: str, day: dt.date) -> tuple[identity.Country, list[str]]:
    """The state ``text`` means on ``day``, with the identity layer's notes on how it was read."""
    return identity.identify(text, day), list(identity.resolve(text, day).notes)


def _atopid(value: int | str) -> int:
    known = set(atop.alliance_dates()["atopid"])
    text = str(value).strip().lower().removeprefix("atop").strip(": ")
    if not text.isdigit() or int(text) not in known:
        listing = "`multipolar alliances --date D` lists those in force"
        raise InputError(
            f"No ATOP 5.1 alliance {value!r}.", f"Give an ATOP id ({min(known)}-{max(known)}); {listing}."
        )
    return int(text)


def _status(status: str) -> str:
    word = str(status).strip().lower().replace("-", "_").replace(" ", "_")
    valid = [*registry.statuses(), "all"]
    if word not in valid and word.endswith("s") and word[:-1] in valid:
        word = word[:-1]  # "observers", "dialogue partners"
    if word not in valid:
        raise InputError(f"Unknown status {status!r}.", f"Use one of: {', '.join(valid)}.")
    return word


def _event(spell, day: dt.date, event: str, status: str, previous: str | None) -> dict:
    return {
        "date": day,
        "event": event,
        "iso3": spell.iso3,
        "cow": spell.cow,
        "status": status,
        "previous_status": previous,
        "source": spell.source,
        "note": spell.note or None,
    }


def _event_order(column: pd.Series) -> pd.Series:
    """Within a day, exits before status changes before joins."""
    if column.name == "event":
        return column.map({**dict.fromkeys(ENDINGS, 0), "status changed": 1, "joined": 2})
    return column


def _with_names(table: pd.DataFrame, key: str, day: dt.date) -> pd.DataFrame:
    """``table`` with each state's name (and iso3 or cow where missing) from the identity layer's
    spell for that code on ``day`` (``identity.record_on``); a code the identity layer does not
    know (ATOP's 8152) is named by its code."""
    added = [c for c in ("iso3", "cow") if c != key and c not in table]
    out = table.drop(columns=["name"], errors="ignore").reset_index(drop=True)
    if key == "cow":
        out = out.astype({"cow": "Int64"})
    codes = [None if pd.isna(code) else code for code in out[key]]
    found = [identity.record_on(key, code, day) if code is not None else None for code in codes]
    out["name"] = [
        r["name"] if r else f"{key.upper()} {code}" for r, code in zip(found, out[key], strict=True)
    ]
    for column in added:
        values = [r[column] if r else None for r in found]
        out[column] = pd.array(values, dtype="Int64") if column == "cow" else values
    return out


def roster_difference(atopid: int, day: dt.date) -> str | None:
    """Why an ATOP alliance and the curated organisation that its treaty codes count different
    states on ``day``, or None if they agree. ATOP's NATO (3180) lists Albania and Croatia from
    2008-07-09, the day it dates their entry, while they joined NATO on 2009-04-01."""
    owners = [o for o in registry.organisations().values() if atopid in o.atop_ids and o.existed_on(day)]
    if not owners:
        return None
    spells = [r for r in atop.in_force_records(day) if r["atopid"] == atopid]
    named = state_labels([r["cow"] for r in spells], day)
    entry = {named[r["cow"]]: r["since"] for r in spells}
    said = []
    for org in owners:
        members = {r["iso3"] for r in holders(org.id, day, "member")}
        if set(entry) == members:
            continue
        clauses = []
        only_atop = []
        for code in sorted(set(entry) - members):
            joined = _joins(org.id, code, day)
            later = f"; a member of {org.id} from {joined.isoformat()}" if joined else ""
            name = state_name(code, day) if len(code) == 3 else code
            only_atop.append(f"{name} (from {entry[code].isoformat()}{later})")
        if only_atop:
            clauses.append(f"ATOP also lists {', '.join(only_atop)}")
        if only_org := sorted(members - set(entry)):
            names = ", ".join(state_name(code, day) for code in only_org)
            clauses.append(f"{org.id} counts {names}, which ATOP does not list in this alliance")
        said.append(
            f"ATOP {atopid} lists {len(entry)} states on {day.isoformat()}, {org.id} had {len(members)} "
            f"members: {'; '.join(clauses)}."
        )
    return " ".join(said) or None


def _joins(org_id: str, iso3: str, day: dt.date) -> dt.date | None:
    """The first day after ``day`` on which ``iso3`` became a member of ``org_id``, if it did."""
    later = [
        s["start"]
        for s in registry.spell_records(org_id)
        if s["iso3"] == iso3 and s["status"] == "member" and s["start"] > day
    ]
    return min(later) if later else None


def state_labels(cows, day: dt.date, codes: bool = True) -> dict[int, str]:
    """COW code -> how answers name the state on ``day``: in lists, its ISO3 code (``codes``),
    else (states ISO never coded: Bavaria, Two Sicilies) its name; in sentences, its name; else
    'COW n'. Never COW's letter codes, which clash with ISO3 (COW's MNG is Montenegro, ISO's
    Mongolia)."""
    out = {}
    for cow in cows:
        record = identity.record_on("cow", int(cow), day)
        if record is None:
            out[int(cow)] = f"COW {cow}"
        else:
            out[int(cow)] = (record["iso3"] if codes else None) or record["name"]
    return out


def _alliances_of(cow: int | None, current: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``current`` (ATOP spells in force) for state ``cow``; none if it has no COW code."""
    return current[current["cow"] == cow] if cow is not None else current.iloc[0:0]


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
