"""Date-aware identity: names and codes to one record, ambiguity and unknowns as errors."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp
from multipolar.errors import AmbiguousNameError, CoverageError, InputError, UnknownNameError
from multipolar.states import identity, lists
from multipolar.states.identity import identify


@pytest.mark.parametrize(
    ("text", "iso3", "cow"),
    [
        ("Kyrgyz Republic", "KGZ", 703),
        ("Russian Federation", "RUS", 365),
        ("Burma", "MMR", 775),
        ("Ivory Coast", "CIV", 437),
        ("Côte d'Ivoire", "CIV", 437),
        ("St. Lucia", "LCA", 56),
        ("the Gambia", "GMB", 420),
        ("Eswatini", "SWZ", 572),
        ("Czechia", "CZE", 316),
        ("Republic of Korea", "KOR", 732),
        ("Democratic Republic of the Congo", "COD", 490),
        ("Guinea", "GIN", 438),
        ("Britain", "GBR", 200),
        ("usa", "USA", 2),
        ("Holland", "NLD", 210),
        ("the Netherlands", "NLD", 210),
        ("US", "USA", 2),
        ("U.S.", "USA", 2),
        ("America", "USA", 2),
        ("UK", "GBR", 200),
        ("UAE", "ARE", 696),
        ("Formosa", "TWN", 713),
        ("Dutch", "NLD", 210),
        ("Swiss", "CHE", 225),
        ("North Korean", "PRK", 731),
    ],
)
def test_aliases(text, iso3, cow):
    country = identify(text, "2020-01-01")
    assert (country.iso3, country.cow) == (iso3, cow)


def test_germany_depends_on_the_date():
    west = mp.resolve("Germany", date="1960-01-01")
    row = west.records()[0]
    assert (row["name"], row["cow"], row["gw"], row["iso3"]) == ("German Federal Republic", 260, 260, "DEU")
    assert any("by convention" in n for n in west.notes)
    united = identify("Germany", "1995-01-01")
    assert (united.cow, united.gw, united.iso3) == (255, 260, "DEU")
    assert identify("Germany", "1850-06-01").name == "Prussia"
    assert identify("East Germany", "1970-01-01").cow == 265
    # the convention note explains the word 'Germany', not other names of the same state
    assert mp.resolve("West Germany", date="1960-01-01").notes == []
    with pytest.raises(CoverageError, match="no state on 1947-01-01"):
        identify("Germany", "1947-01-01")


def test_russia_and_the_ussr():
    soviet = identify("Russia", "1960-01-01")
    assert (soviet.name, soviet.cow, soviet.iso3, soviet.iso2) == ("Soviet Union", 365, "SUN", "SU")
    assert identify("Russia", "2000-01-01").iso3 == "RUS"
    assert identify("USSR", "1970-01-01").iso3 == "SUN"


def test_serbia_and_yugoslavia():
    assert identify("Serbia", "1995-01-01").iso3 == "YUG"
    serbia = identify("Serbia", "2008-01-01")
    assert (serbia.cow, serbia.gw, serbia.iso3) == (345, 340, "SRB")
    assert identify("Serbia and Montenegro", "2004-01-01").iso3 == "SCG"
    assert identify("gw:345", "1960-01-01").name == "Yugoslavia"


def test_other_code_differences():
    yemen = identify("Yemen", "2000-01-01")
    assert (yemen.cow, yemen.gw) == (679, 678)
    assert identify("South Yemen", "1980-01-01").cow == 680
    assert identify("Czechoslovakia", "1980-01-01").iso3 == "CSK"
    assert identify("Czech Republic", "2000-01-01").cow == 316
    assert identify("Austria", "1900-01-01").cow == 300
    assert identify("Austria", "1990-01-01").cow == 305
    assert identify("Turkey", "1900-01-01").name == "Ottoman Empire"
    assert identify("Vietnam", "1990-01-01").iso3 == "VNM"
    assert identify("North Vietnam", "1970-01-01").iso3 == "VDR"
    assert identify("Kosovo", "2010-01-01").cow == 347
    assert identify("South Sudan", "2012-01-01").cow == 626
    assert (identify("Nauru").cow, identify("Nauru").gw) == (970, 971)
    assert identify("gw:970").name == "Kiribati"


def test_codes():
    answer = mp.resolve("365")
    row = answer.records()[0]
    assert row["read_as"] == "COW code" and row["cow"] == 365
    assert any("read as a COW code" in n for n in answer.notes)
    assert identify("340", "2010-01-01", code="gw").cow == 345
    assert identify("gw:260", "2010-01-01").cow == 255
    assert identify("cow:GMY", "2010-01-01").gw == 260
    assert identify("iso3:DEU", "1960-01-01").cow == 260
    assert identify("DE", "2010-01-01").iso3 == "DEU"
    with pytest.raises(AmbiguousNameError, match="ISO3 of Australia.*COW abbreviation of Austria"):
        identify("AUS", "2010-01-01")
    assert identify("iso3:AUS", "2010-01-01").cow == 900
    assert identify("cow:AUS", "2010-01-01").cow == 305
    with pytest.raises(InputError, match="No country has COW code '999'"):
        identify("999")
    with pytest.raises(InputError, match="--code"):
        identify("365", code="iso")


def test_ambiguous_names_list_the_candidates():
    with pytest.raises(AmbiguousNameError, match="Congo.*COD.*COG|Congo.*COG.*COD"):
        identify("Congo", "2010-01-01")
    with pytest.raises(AmbiguousNameError) as korea:
        identify("Korea", "2010-01-01")
    assert "PRK" in str(korea.value) and "KOR" in str(korea.value)
    assert identify("Korea", "1900-01-01").cow == 730
    with pytest.raises(AmbiguousNameError):
        identify("Yemen", "1980-01-01")


def test_unknown_names_suggest_close_matches():
    with pytest.raises(UnknownNameError, match="Unknown country 'Atlantis'.*Did you mean"):
        identify("Atlantis")
    with pytest.raises(UnknownNameError, match="Germany"):
        identify("Germny")


def test_no_date_takes_today_or_the_latest_with_a_note():
    answer = mp.resolve("Czechoslovakia")
    assert answer.records()[0]["iso3"] == "CSK"
    assert any("names no state today" in n for n in answer.notes)


def test_every_state_list_code_round_trips():
    for system, spells in (("cow", lists.cow_spells()), ("gw", lists.gw_spells())):
        for spell in spells.itertuples():
            for day in (spell.start, spell.start + (spell.end - spell.start) / 2, spell.end):
                assert getattr(identify(f"{system}:{spell.code}", day), system) == spell.code
                try:
                    by_name = identify(spell.name, day)
                except AmbiguousNameError:
                    continue
                assert getattr(by_name, system) == spell.code, (spell.name, day)


def test_entities_and_aliases_tables():
    table = identity.entities()
    assert list(table.columns)[:8] == ["name", "iso3", "iso2", "cow", "cow_abb", "gw", "gw_abb", "valid_from"]
    assert table.loc[table["iso3"] == "SUN", "cow"].tolist() == [365]
    spelled = identity.aliases()
    assert {"alias", "iso3", "cow"} <= set(spelled.columns)
    soviet = set(spelled.loc[spelled["iso3"] == "SUN", "alias"])
    assert {"Soviet Union", "USSR"} <= soviet
    assert "Burma" in set(spelled.loc[spelled["iso3"] == "MMR", "alias"])


def test_short_names_are_names_and_demonyms_are_demonyms():
    rows = mp.resolve(["US", "Britain", "Holland", "American", "Chinese"], date="2020-01-01").rows
    assert rows["iso3"].tolist() == ["USA", "GBR", "NLD", "USA", "CHN"]
    assert rows["read_as"].tolist() == ["name", "name", "name", "demonym", "demonym"]


@pytest.mark.parametrize("word", ["Korean", "Congolese", "Korea", "Congo"])
def test_demonyms_of_several_states_are_refused(word):
    with pytest.raises(AmbiguousNameError):
        identify(word, "2020-01-01")


def test_demonyms_follow_the_entity_of_the_day():
    assert identify("German", "1960-01-01").cow == 260  # West Germany, as "Germany" then
    assert identify("Soviet", "1985-01-01").iso3 == "SUN"
    with pytest.raises(CoverageError):
        identify("Soviet", "2010-01-01")


def test_common_aliases_file_is_sourced_and_every_row_is_known():
    import pandas as pd

    table = pd.read_csv(identity.COMMON, dtype=str, keep_default_na=False)
    assert list(table.columns) == ["alias", "iso3", "kind", "source"]
    assert set(table["kind"]) <= {"short_name", "demonym", "former_name"}
    assert all(table["source"].str.startswith("https://"))
    assert not table.duplicated(["alias", "iso3"]).any()
    spelled = identity.aliases()
    assert set(spelled["kind"]) == {"name", "short_name", "demonym", "former_name"}
    assert set(table["iso3"]) <= set(spelled["iso3"].dropna())
    american = spelled[spelled["alias"] == "American"]
    assert american[["iso3", "kind"]].drop_duplicates().values.tolist() == [["USA", "demonym"]]


@pytest.mark.parametrize(("text", "iso3"), [("Vatican", "VAT"), ("Holy See", "VAT"), ("Puerto Rico", "PRI")])
def test_a_place_outside_both_state_lists_says_so(text, iso3):
    with pytest.raises(UnknownNameError, match=f"{iso3}.*not a state in the COW or Gleditsch-Ward lists"):
        identify(text, "2020-01-01")


def test_a_misspelling_still_gets_suggestions():
    with pytest.raises(UnknownNameError, match="Did you mean"):
        identify("Frnace", "2020-01-01")


@pytest.mark.parametrize(
    ("system", "code", "day", "name"),
    [
        ("cow", 255, "1950-01-01", "German Empire"),  # no spell that day: the latest before
        ("cow", 255, "1991-01-01", "Germany"),  # the spell valid that day
        ("cow", 260, "1995-01-01", "German Federal Republic"),
        ("cow", 365, "1800-01-01", "Russia"),  # before every spell: the first after
        ("iso3", "DEU", "1960-01-01", "German Federal Republic"),
    ],
)
def test_record_on_names_a_code_on_a_day(system, code, day, name):
    assert identity.record_on(system, code, dt.date.fromisoformat(day))["name"] == name


def test_record_on_an_unknown_code_is_none():
    assert identity.record_on("iso3", "XXX", dt.date(2000, 1, 1)) is None


@pytest.mark.parametrize("day", ["1816-01-01", "1945-05-09", "1991-12-25", "1991-12-26", "2008-09-07"])
def test_identity_answers_are_the_same_across_an_unchanged_stretch(day):
    day = dt.date.fromisoformat(day)
    first = identity.unchanged_since(day)
    assert first <= day
    for record in identity._records():
        assert identity._exists(record, first) == identity._exists(record, day)
    # and the stretch is as long as it can be: the day before it, something differed
    before = first - dt.timedelta(days=1)
    assert any(identity._exists(r, before) != identity._exists(r, first) for r in identity._records())
    assert identity.identify("Russia", first) == identity.identify("Russia", day)


def test_the_one_quick_pattern_finds_what_the_patterns_find_one_by_one():
    # identity._any_pattern is a quick first test before country_converter's patterns are
    # tried one by one; it must turn away no word one of them would read
    words = {*identity.aliases()["alias"], "Croatian", "Kyrgyz", "BVI", "Zaire", "Congolese", "Indian"}
    words |= {"Sergei", "Kremlin", "Washington", "Sakartvelo", "Leopoldville", "Hong Kong", "Indian Ocean"}
    for word in (w for w in words if w.isascii()):
        one_by_one = any(pattern.search(word) for _, pattern in identity._patterns())
        assert bool(identity._any_pattern().search(word.lower())) == one_by_one, word
    assert identity.reading("Croatian") == "name" and identity.reading("Sergei") is None


def test_the_holy_see_is_the_papal_states_to_1870_and_outside_the_lists_after():
    for name in ("Holy See", "Vatican", "States of the Church"):
        papal = identify(name, "1850-01-01")
        assert (papal.name, papal.cow, papal.gw, papal.iso3) == ("Papal States", 327, 327, None)
    with pytest.raises(UnknownNameError, match=r"VAT.*not a state .* on 2018-06-01.*Papal States 1816"):
        identify("Holy See", "2018-06-01")
