"""Copy the dashboard's and /docs' front-end files from web/node_modules into the package.

    cd web && npm ci --ignore-scripts && cd .. && python scripts/web_assets.py

The packages are pinned in web/package.json and web/package-lock.json. The copies are
committed, so that ``pip install`` needs no npm; static/vendor/MANIFEST.json records each copy's
package, version, the tarball's integrity from the lock and the file's sha256, and
tests/test_web_assets.py checks the copies against the lock.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
VENDOR = ROOT / "src" / "multipolar" / "interfaces" / "web" / "static" / "vendor"

# package -> the files of it the pages load (and its licence)
FILES = {
    "vega": ["build/vega.min.js", "LICENSE"],
    "vega-lite": ["build/vega-lite.min.js", "LICENSE"],
    "vega-embed": ["build/vega-embed.min.js", "LICENSE"],
    "world-atlas": ["countries-110m.json", "LICENSE"],
    "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"],
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    lock = json.loads((WEB / "package-lock.json").read_text())["packages"]
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    manifest = []
    for package, names in FILES.items():
        locked = lock[f"node_modules/{package}"]
        installed = json.loads((WEB / "node_modules" / package / "package.json").read_text())
        if installed["version"] != locked["version"]:
            raise SystemExit(
                f"{package}: node_modules has {installed['version']}, lock {locked['version']}; run npm ci"
            )
        for name in names:
            source = WEB / "node_modules" / package / name
            target = VENDOR / package / Path(name).name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            manifest.append(
                {
                    "package": package,
                    "version": locked["version"],
                    "integrity": locked["integrity"],
                    "file": name,
                    "copy": f"{package}/{Path(name).name}",
                    "sha256": sha256(target),
                }
            )
    (VENDOR / "MANIFEST.json").write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"copied {len(manifest)} files into {VENDOR.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
