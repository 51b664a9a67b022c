"""Answers in Jupyter: a table with the query, notes and sources (``_repr_html_``)."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

import multipolar as mp
from multipolar.answer import HTML_ROWS, Answer


class Cells(HTMLParser):
    """The text of each table row's cells, and everything else said."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        (self._cell if self._cell is not None else self.text).append(data)


def parsed(answer) -> Cells:
    cells = Cells()
    cells.feed(answer._repr_html_())
    return cells


def test_members_show_as_a_table_with_notes_and_sources():
    answer = mp.members("SCO", "2008-09-07", status="observer")
    cells = parsed(answer)
    header, *rows = cells.rows
    assert header == list(answer.rows.columns)
    assert sorted(r[header.index("iso3")] for r in rows) == ["IND", "IRN", "MNG", "PAK"]
    said = "".join(cells.text)
    assert "members (org=SCO, date=2008-09-07, status=observer): 4 rows" in said
    assert "Sources: orgs/data/organisations.csv multipolar curated" in said


def test_shares_are_percentages_and_missing_values_na():
    cells = parsed(mp.power(1914, "cinc", 2))
    header, first, _ = cells.rows
    assert first[header.index("share")] == "20.2%" and first[header.index("iso3")] == "USA"
    rows = pd.DataFrame({"state": ["<b>X</b>"], "share": [None], "members": [["A", "B"]]})
    cells = parsed(Answer("toy", {"date": "2000-01-01"}, rows, "rows", notes=["a < b"]))
    assert cells.rows[1] == ["<b>X</b>", "NA", "A, B"]  # escaped, NA, lists joined
    assert "a < b" in "".join(cells.text)


def test_long_answers_show_their_first_rows_and_say_how_many_more():
    answer = mp.states("2008-09-07")
    cells = parsed(answer)
    assert len(cells.rows) == HTML_ROWS + 1
    assert f"{len(answer) - HTML_ROWS} more rows" in "".join(cells.text)
