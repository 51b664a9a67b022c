"""With MULTIPOLAR_MIRROR set, nothing touches the network: every dataset comes from the mirror,
even into an empty cache (an earlier report had `states --date 1980-06-28` reach for cw_gw_panel
on the internet)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

# Runs the CLI in a fresh interpreter whose sockets refuse every connection but local ones, and
# prints each attempt; in-process caches of earlier tests cannot hide a download this way.
GUARDED = textwrap.dedent(
    """
    import json, socket, sys
    attempts = []
    real_connect = socket.socket.connect

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            attempts.append(repr(address))
            raise OSError("the network is closed in this test")
        return real_connect(self, address)

    def getaddrinfo(host, *args, **kwargs):
        attempts.append(host)
        raise OSError("no DNS in this test")

    socket.socket.connect = connect
    socket.getaddrinfo = getaddrinfo
    from multipolar.interfaces.cli.app import main

    codes = []
    for args in json.loads(sys.argv[1]):
        sys.argv = ["multipolar", *args, "--json"]
        try:
            main()
            codes.append(0)
        except SystemExit as stop:
            codes.append(stop.code or 0)
    print("RESULT", json.dumps({"codes": codes, "attempts": attempts}), file=sys.stderr)
    """
)

COMMANDS = [
    ["states", "--date", "1980-06-28"],
    ["states", "--date", "2019-06-28", "--system", "gw"],
    ["resolve", "Burma", "--date", "1985-06-01"],
    ["members", "SCO", "--date", "2008-09-07"],
    ["power", "--year", "2008", "--top", "3"],
]


def test_a_fresh_cache_with_a_mirror_never_touches_the_network(isolated_home):
    done = subprocess.run(
        [sys.executable, "-c", GUARDED, json.dumps(COMMANDS)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    result = json.loads(done.stderr.rsplit("RESULT ", 1)[1])
    assert result["attempts"] == []
    assert result["codes"] == [0] * len(COMMANDS), done.stderr[-2000:]
    assert (isolated_home / "raw").is_dir()  # the datasets did arrive, from the mirror
