"""The United Nations and its Security Council, on any day from 1945-10-24."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp


def iso3s(answer) -> set[str]:
    return set(answer.rows["iso3"])


@pytest.mark.parametrize(
    ("day", "size"),
    [
        ("1945-10-24", 29),  # the Charter in force: the ratifications deposited that day
        ("1945-12-31", 51),  # every original member
        ("1950-01-01", 59),
        ("1965-06-01", 114),  # Indonesia out, as the UN's own 1965 chart counts
        ("1973-09-18", 135),  # both Germanys and the Bahamas admitted
        ("2006-06-28", 192),  # Montenegro
        ("2011-07-14", 193),  # South Sudan
    ],
)
def test_un_roster_size_on_landmark_days(day, size):
    assert len(mp.members("UN", day)) == size


def test_the_china_seat_passes_to_the_peoples_republic_on_1971_10_25():
    before, after = mp.members("UN", "1971-10-24"), mp.members("UN", "1971-10-25")
    assert "TWN" in iso3s(before) and "CHN" not in iso3s(before)
    assert "CHN" in iso3s(after) and "TWN" not in iso3s(after)
    permanent = mp.members("UNSC", "1971-10-25", status="permanent")
    assert iso3s(permanent) == {"CHN", "FRA", "SUN", "GBR", "USA"}


def test_russia_continues_the_soviet_seat_from_1991_12_24():
    assert "SUN" in iso3s(mp.members("UNSC", "1991-12-23", status="permanent"))
    seat = mp.members("UNSC", "1991-12-24", status="permanent").rows.set_index("iso3").loc["RUS"]
    assert seat["name"] == "Russia" and seat["since"].isoformat() == "1991-12-24"
    assert mp.members("UN", "1991-12-24").rows.set_index("iso3").loc["RUS", "cow"] == 365


def test_indonesia_withdrew_1965_and_returned_1966():
    assert "IDN" in iso3s(mp.members("UN", "1965-02-28"))
    assert "IDN" not in iso3s(mp.members("UN", "1965-03-01"))
    assert "IDN" in iso3s(mp.members("UN", "1966-09-28"))
    events = mp.history("UN").rows
    indonesia = events[events["iso3"] == "IDN"]
    assert [d.isoformat() for d in indonesia["date"]] == ["1950-09-28", "1965-03-01", "1966-09-28"]


def test_yugoslavia_the_germanys_yemen_and_south_sudan():
    assert "YUG" not in iso3s(mp.members("UN", "1995-01-01"))
    assert "YUG" in iso3s(mp.members("UN", "2000-11-01"))
    assert {"DEU", "DDR"} <= iso3s(mp.members("UN", "1980-01-01"))
    united = mp.members("UN", "1990-10-03").rows.set_index("iso3")
    assert "DDR" not in united.index and united.loc["DEU", "cow"] == 255
    assert "YMD" in iso3s(mp.members("UN", "1990-05-21"))
    assert "YMD" not in iso3s(mp.members("UN", "1990-05-22"))
    assert "SSD" not in iso3s(mp.members("UN", "2011-07-13"))
    assert "SSD" in iso3s(mp.members("UN", "2011-07-14"))


def test_observer_states_are_their_own_status():
    observers = mp.members("UN", "2013-01-01", status="observer")
    assert set(observers.rows["name"]) == {"Holy See", "Palestine"}
    assert "PSE" not in iso3s(mp.members("UN", "2012-11-28", status="observer"))
    assert not {"PSE", "VAT"} & iso3s(mp.members("UN", "2013-01-01"))


def test_security_council_has_fifteen_seats_and_terms_run_from_1_january():
    council = mp.members("UNSC", "2024-05-01")
    assert len(council) == 15
    assert set(council.rows["status"]) == {"permanent", "elected"}
    elected = mp.members("UNSC", "2024-05-01", status="elected")
    assert iso3s(elected) == {"DZA", "ECU", "GUY", "JPN", "KOR", "MLT", "MOZ", "SLE", "SVN", "CHE"}
    assert "JPN" not in iso3s(mp.members("UNSC", "2025-01-01"))
    assert len(mp.members("UNSC", "1960-06-01")) == 11  # six elected seats until 1965


def test_every_year_has_its_elected_seats():
    today = dt.date.today().isoformat()
    for year in range(1946, 2027):
        expected = 6 if year < 1966 else 10
        for day in (
            d for d in (f"{year}-01-01", f"{year}-12-31") if d <= today
        ):  # no query takes a future day
            assert len(mp.members("UNSC", day, status="elected")) == expected, day


def test_memberships_of_japan_name_its_council_seat():
    rows = mp.memberships("Japan", "2024-05-01").rows.set_index("id")
    assert rows.loc["UN", "status"] == "member"
    assert rows.loc["UNSC", "status"] == "elected"
