"""Regenerate src/multipolar/data/catalog.json from the mirror's MANIFEST.json.

The manifest holds the facts (URL, sha256, size, provider, citation, terms, coverage) for every
third-party file; this script copies those facts, adds the dataset version and the store
conversion settings that multipolar needs, and never reads the data files themselves.

    python scripts/build_catalog.py ../shared/data/MANIFEST.json
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CATALOG = Path(__file__).resolve().parents[1] / "src" / "multipolar" / "data" / "catalog.json"

# Versions the provider string does not state as "vX.Y".
VERSIONS = {
    "gw_states": "2017",
    "maoz_powers": "2019",
    "cow_mindist": "CShapes 2.0",
    "gw_mindist": "CShapes 2.0",
    "cow_capitals": "peacesciencer 1.2.9",
    "gw_capitals": "peacesciencer 1.2.9",
    "td_rivalries": "2012",
    "tss_rivalries": "2021",
    "false_cow_dyads": "peacesciencer 1.2.9",
    "false_gw_dyads": "peacesciencer 1.2.9",
    "hief": "2017",
    "ps_bib": "peacesciencer 1.2.9",
    "ps_data_version": "peacesciencer 1.2.9",
    "cow_ddy": "peacesciencer 1.2.9",
    "gw_ddy": "peacesciencer 1.2.9",
    "cow_sdp_gdp": "2020",
    "gw_sdp_gdp": "2020",
    "ccode_democracy": "peacesciencer 1.1",
    "gwcode_democracy": "peacesciencer 1.1",
    "cow_gw_years": "peacesciencer 1.1",
    "gw_cow_years": "peacesciencer 1.1",
    "cw_system": "isard 0.2.0",
    "gw_system": "isard 0.2.0",
    "cw_gw_panel": "isard 0.2.0",
    "gw_cw_panel": "isard 0.2.0",
    "cw_democracy": "isard 0.2.0",
    "gw_democracy": "isard 0.2.0",
    "cw_gdppop": "2022",
    "gw_gdppop": "2022",
    "SIPRI-Milex-data-1949-2024_2": "2025",
    "worldbank_gdp_current_usd": "WDI (datasets/gdp package)",
    "worldbank_population": "WDI (datasets/population package)",
    "worldbank_wdi_gdp_constant_2015_usd": "WDI 2026-02-24",
    "worldbank_wdi_gdp_ppp_constant_2021_intl": "WDI 2026-02-24",
    "un_votes": "unvotes 2021",
    "un_roll_calls": "unvotes 2021",
    "un_roll_call_issues": "unvotes 2021",
    "gdelt2_events_sample": "2.0 (2019-10-24 14:30 export)",
    "gdelt1_events_mixed_sample": "1.0 (sample)",
    "icews_events_2018_sample": "icews package sample",
    "plover_gold_standard": "0.5b1",
    "cameo_to_plover": "PLOVER draft 0.8 (2021-09-17)",
    "cameo_eventcodes": "GDELT lookup (2013)",
    "cameo_goldstein": "GDELT lookup",
    "cameo_actor_types": "GDELT lookup",
    "archigos": "4.1",
    "archigossums": "4.1",
    "leader_codes": "peacesciencer 1.2.9",
    "LEAD": "peacesciencer 1.2.9",
    "lwuf": "2020",
    "gml_mid_ddlydisps": "peacesciencer 1.2.9",
    "gml_mid_dirleaderdisps": "peacesciencer 1.2.9",
    "grh_arms_races": "peacesciencer 1.2.9",
    "rugged": "peacesciencer 1.2.9",
    "terrthreat": "2022",
    "cow_dir_leader_dyad_years": "peacesciencer extdata",
    "gw_dir_leader_dyad_years": "peacesciencer extdata",
    "cow_mindist_plus": "peacesciencer extdata",
    "cow_trade_ddy": "4.0 (peacesciencer extdata)",
    "dyadic_conflict_leader_years": "peacesciencer extdata",
}

# Coverage where the manifest gives the years the file's rows span rather than the years the data
# cover: CoW War Data v4 lists the wars of 1816-2007 (its first war starts in 1823, and an
# intra-state war continues into 2008), and Gibler, Rider and Hutchison searched the strategic
# rivals of 1816-1993 for arms races (the races they found run 1854-1982). Inside these years a
# state or dyad with no war (or race) is 0, outside them NA: the panels read the bounds from here.
COVERAGE = {
    "cow_war_inter": "1816-2007",
    "cow_war_intra": "1816-2007",
    "grh_arms_races": "1816-1993",
}

# Files peacesciencer repackages (its download_extdata()) whose manifest citation is peacesciencer
# alone: cited with the data they are made from, whose citation another manifest entry holds.
MADE_FROM = {
    "cow_dir_leader_dyad_years": "archigos",
    "gw_dir_leader_dyad_years": "archigos",
    "cow_mindist_plus": "cow_mindist",
    "cow_trade_ddy": "cow_trade_sy",
}

KEEP = [
    "name",
    "file",
    "format",
    "bytes",
    "sha256",
    "canonical_url",
    "provider",
    "citation",
    "terms",
    "rows",
    "columns",
    "years",
    "notes",
    "source_repo",
    "commit",
]


def version_of(entry: dict) -> str:
    if entry["name"] in VERSIONS:
        return VERSIONS[entry["name"]]
    found = re.search(r"\bv(\d+(?:\.\d+)*)", entry["provider"])
    if not found:
        raise SystemExit(f"no version for {entry['name']}: add it to VERSIONS")
    return found.group(1)


def main(manifest_path: str) -> None:
    manifest = json.loads(Path(manifest_path).read_text())
    citations = {entry["name"]: entry["citation"] for entry in manifest}
    datasets = []
    for entry in manifest:
        record = {key: entry.get(key) for key in KEEP}
        record["version"] = version_of(entry)
        record["years"] = COVERAGE.get(entry["name"], record["years"])
        if entry["name"] in MADE_FROM:
            underlying = citations[MADE_FROM[entry["name"]]]
            if underlying not in record["citation"]:
                record["citation"] = f"{underlying}; {record['citation']}"
        datasets.append(record)
    CATALOG.write_text(json.dumps({"datasets": datasets}, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(datasets)} datasets to {CATALOG}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/MANIFEST.json")
