"""The curated organisation files read as the registry promises, and agree with each other,
with the identity layer and with ATOP."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from multipolar.data import store
from multipolar.errors import AmbiguousNameError
from multipolar.orgs import atop, registry
from multipolar.states import identity


def test_organisation_fields():
    pact = registry.organisation("Warsaw Treaty Organisation")
    assert (pact.id, pact.founded, pact.dissolved) == (
        "WARSAW_PACT",
        dt.date(1955, 5, 14),
        dt.date(1991, 7, 1),
    )
    assert pact.atop_ids == (3285,)
    assert registry.organisation("arab league").atop_ids == (3015, 3205)
    assert pact.existed_on(dt.date(1991, 7, 1)) and not pact.existed_on(dt.date(1991, 7, 2))


def test_every_name_leads_to_one_organisation():
    for org in registry.organisations().values():
        for name in (org.id, org.name, *org.aliases):
            assert registry.organisation(name.upper()).id == org.id


def test_a_name_shared_by_two_organisations_is_ambiguous(monkeypatch):
    monkeypatch.setattr(registry, "_names_index", lambda: {"ec": ("EEC", "EU")})
    with pytest.raises(AmbiguousNameError, match="EEC, EU"):
        registry.organisation("EC")


def test_spells_are_typed_and_in_the_vocabulary():
    spells = registry.spells()
    assert set(spells["org"]) <= set(registry.organisations())
    assert set(spells["status"]) <= set(registry.statuses())
    wanted = {"member", "permanent", "elected", "participating", "suspended", "frozen"}
    assert wanted <= set(registry.statuses())
    assert str(spells["cow"].dtype) == "Int64"
    assert all(isinstance(d, dt.date) for d in spells["start"])
    ended = spells[spells["end"].notna()]
    assert (ended["start"] <= ended["end"]).all()
    assert next(iter(registry.statuses())) == "member"


def test_spells_of_a_state_never_overlap():
    for (org, iso3), group in registry.spells().groupby(["org", "iso3"]):
        ends = list(group["end"])
        for end, next_start in zip(ends[:-1], group["start"].iloc[1:], strict=True):
            assert not pd.isna(end) and end < next_start, f"{org} {iso3}: overlapping spells"


def test_spells_lie_within_the_organisations_life():
    for s in registry.spells().itertuples():
        org = registry.organisations()[s.org]
        assert org.existed_on(s.start), f"{s.org} {s.iso3} starts {s.start}, outside: {org.lifetime()}"
        if not pd.isna(s.end):
            assert org.existed_on(s.end), f"{s.org} {s.iso3} ends {s.end}, outside: {org.lifetime()}"
        elif org.dissolved:
            pytest.fail(f"{s.org} {s.iso3} is ongoing but {s.org} was dissolved on {org.dissolved}")


def test_iso3_and_cow_pairs_are_known_to_the_identity_layer():
    pairs = set(zip(identity.entities()["iso3"], identity.entities()["cow"], strict=True))
    pairs |= {(iso3, int(e["cow"])) for iso3, e in registry.entity_names().items() if e["cow"]}
    spells = registry.spells().dropna(subset=["cow"])
    unknown = {(s.iso3, int(s.cow)) for s in spells.itertuples()} - {
        (i, c) for i, c in pairs if not pd.isna(c)
    }
    assert unknown == set()


def test_atop_ids_exist_in_atop():
    known = set(store.frame("atop5_1a", columns=["atopid"])["atopid"])
    for org in registry.organisations().values():
        assert set(org.atop_ids) <= known, org.id


@pytest.mark.parametrize(
    ("org", "atopid", "day"),
    [("NATO", 3180, "2000-01-01"), ("WARSAW_PACT", 3285, "1980-01-01"), ("ANZUS", 3215, "1960-01-01")],
)
def test_curated_members_match_atop_away_from_accessions(org, atopid, day):
    day = dt.date.fromisoformat(day)
    curated = set(registry.on(day, org).query("status == 'member'")["cow"].astype(int))
    coded = atop.in_force(day)
    assert curated == set(coded.loc[coded["atopid"] == atopid, "cow"])


def test_successions_are_derived_from_the_data():
    assert {(a.id, b.id) for a, b in registry.successions()} == {
        ("EEC", "EU"), ("OAU", "AU"), ("SHANGHAI_FIVE", "SCO"), ("CST", "CSTO")
    }  # fmt: skip
    assert registry.atop_labels()[3180] == "North Atlantic Treaty Organization"


def test_treaties_name_alliances_an_organisations_name_would_misdescribe():
    labels = registry.atop_labels(dt.date(2010, 1, 1))
    assert labels[3075] == (
        "Organization of American States: Inter-American Treaty of Reciprocal Assistance (Rio Treaty)"
    )
    assert labels[3150] == "Organization of American States"  # the OAS Charter is the OAS
    assert labels[3460] == "Declaration on the Neutrality of Laos"  # no organisation codes it
    assert labels[3755].endswith("Treaty of Amity and Cooperation in Southeast Asia")


def test_every_named_treaty_is_an_atop_alliance_with_a_source():
    import pandas as pd

    known = set(atop.alliance_dates()["atopid"])
    table = pd.read_csv(registry.TREATIES_FILE)
    assert table["atopid"].is_unique and set(table["atopid"]) <= known
    assert table["source"].str.match(r"https?://").all()


def test_members_outside_the_state_lists_are_named_and_every_iso3_has_a_name():
    assert {"PSE", "VAT", "ESH", "ZAN"} <= set(registry.entity_names())
    known = set(identity.entities()["iso3"].dropna()) | set(registry.entity_names())
    assert set(registry.spells()["iso3"]) <= known


def test_every_membership_row_gap_and_organisation_names_its_source():
    assert registry.spells()["source"].str.match(r"https?://\S+$").all()
    assert registry.gaps()["source"].str.match(r"https?://\S+$").all()
    assert all(o.source.startswith(("http://", "https://")) for o in registry.organisations().values())
