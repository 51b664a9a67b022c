"""The front-end files shipped in the package are the npm packages the lock pins, unchanged."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import ROOT

VENDOR = ROOT / "src" / "multipolar" / "interfaces" / "web" / "static" / "vendor"


def test_vendored_copies_match_the_lock():
    lock = json.loads((ROOT / "web" / "package-lock.json").read_text())["packages"]
    wanted = json.loads((ROOT / "web" / "package.json").read_text())["dependencies"]
    manifest = json.loads((VENDOR / "MANIFEST.json").read_text())
    assert {entry["package"] for entry in manifest} == set(wanted)
    for entry in manifest:
        locked = lock[f"node_modules/{entry['package']}"]
        assert entry["version"] == locked["version"] == wanted[entry["package"]], entry["package"]
        assert entry["integrity"] == locked["integrity"], entry["package"]
        copy = VENDOR / entry["copy"]
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == entry["sha256"], f"{copy} was changed"
    copies = {entry["copy"] for entry in manifest} | {"MANIFEST.json"}
    on_disk = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file()}
    assert on_disk == copies, "files in static/vendor/ that scripts/web_assets.py did not copy"
