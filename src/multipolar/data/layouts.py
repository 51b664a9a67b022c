"""Column layouts of the published event-data files, as their codebooks give them.

GDELT's exports carry no header, so a file's width tells its layout: GDELT 1.0's historical
files have 57 columns, its daily files (from 2013-04-01) add SOURCEURL (58), and GDELT 2.0's
event exports add each geography's ADM2 code (61). One list per layout, built from the shared
parts so that a field is spelled once.
"""

from __future__ import annotations

_ACTOR = [
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
]
_EVENT = [
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
]
_GEO_V1 = ["Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID"]
_GEO_V2 = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
_HEAD = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]


def _layout(geo: list[str]) -> list[str]:
    actors = [f"Actor{n}{field}" for n in (1, 2) for field in _ACTOR]
    places = [f"{who}Geo_{field}" for who in ("Actor1", "Actor2", "Action") for field in geo]
    return _HEAD + actors + _EVENT + places + ["DATEADDED"]


GDELT1_HISTORICAL = _layout(_GEO_V1)  # 57 columns
GDELT1_DAILY = GDELT1_HISTORICAL + ["SOURCEURL"]  # 58 columns
GDELT2_EVENTS = _layout(_GEO_V2) + ["SOURCEURL"]  # 61 columns

# Columns that hold codes, kept as text so that leading zeros ("010", "042") survive.
GDELT_TEXT = {
    *(f"Actor{n}{field}" for n in (1, 2) for field in _ACTOR),
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    *(
        f"{who}Geo_{field}"
        for who in ("Actor1", "Actor2", "Action")
        for field in _GEO_V2
        if field not in ("Type", "Lat", "Long")
    ),
    "SOURCEURL",
}

# GDELT columns that hold whole numbers (ids, dates as YYYYMMDD, counts, classes); the others
# outside GDELT_TEXT are real numbers (FractionDate, GoldsteinScale, AvgTone, Lat, Long).
GDELT_INTEGER = {
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "IsRootEvent",
    "QuadClass",
    "NumMentions",
    "NumSources",
    "NumArticles",
    *(f"{who}Geo_Type" for who in ("Actor1", "Actor2", "Action")),
    "DATEADDED",
}

# where an event happened, as ICEWS and POLECAT both name it
_PLACE = ["City", "District", "Province", "Country", "Latitude", "Longitude"]

# ICEWS Coded Event Data (Dataverse doi:10.7910/DVN/28075) tab files: a header with these names.
ICEWS_EVENTS = [
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    *_PLACE,
]
ICEWS_INTEGER = {"Event ID", "Story ID", "Sentence Number"}
ICEWS_REAL = {"Intensity", "Latitude", "Longitude"}
ICEWS_DATE = {"Event Date"}

# PLOVER event records (openeventdata/PLOVER) as readers.plover_records flattens them.
PLOVER_EVENTS = ["id", "date", "event", "source_code", "target_code"]

# POLECAT weekly and yearly event files (Harvard Dataverse doi:10.7910/DVN/AJGVIT): tab-separated
# with a header naming these 40 columns. No codebook could be consulted here; the layout is the
# header as two independent readers of the published files quote it (a loader for the Temporal
# Graph Benchmark's tkgl-polecat dataset, and a World Bank country-month pipeline), which agree
# column for column. Some files spell "Event Intensity" as "Intensity"; multi-valued fields (the
# actors' countries and COW codes) separate their values with "; "; "None" marks a missing value.
POLECAT_INTENSITY_ALIASES = {"Intensity": "Event Intensity"}


def _polecat_side(side: str) -> list[str]:
    return [
        f"{side} Name",
        f"{side} Country",
        f"{side} COW",
        f"Primary {side} Sector",
        f"{side} Sectors",
        f"{side} Title",
        f"{side} Name Raw",
        f"Wikipedia {side} ID",
    ]


POLECAT_EVENTS = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Event Intensity",
    "Quad Code",
    "Contexts",
    *_polecat_side("Actor"),
    *_polecat_side("Recipient"),
    "Placename",
    *_PLACE,
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
]
POLECAT_DATE = {"Event Date"}
POLECAT_REAL = {"Event Intensity", "Latitude", "Longitude"}
