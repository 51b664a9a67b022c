"""The dashboard in a real browser (Debian's Chromium driven by Playwright): it loads without
console errors, a new day changes the numbers, a scenario and an article check work, a shared
link shows what its sender saw. Screenshots land in test-artefacts/ for people to look at."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from tests.conftest import EXAMPLES, ROOT
from tests.web_server import live_server

pytestmark = pytest.mark.browser
playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# the machine's network is closed: without these Chromium keeps calling home and logs failures
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
ARTEFACTS = ROOT / "test-artefacts"


@pytest.fixture(scope="module")
def server():
    with live_server() as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"No Chromium at {CHROMIUM}: .ci/run installs Debian's chromium package.")
        pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
    opened = context.new_page()
    opened.set_default_timeout(60_000)
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    opened.problems = problems
    yield opened
    context.close()


def shoot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def ready(page) -> None:
    """Wait until the day's views are drawn (verdicts, map, powers)."""
    page.wait_for_selector("#verdicts .verdict")
    page.wait_for_selector("#map svg.marks")
    page.wait_for_selector("#powers svg")
    page.wait_for_function("document.getElementById('status').textContent === ''")


def test_page_loads_without_console_errors(server, page):
    page.goto(f"{server}/world/2008-09-07?measure=cinc")
    ready(page)
    page.wait_for_selector("#shares-chart svg", timeout=120_000)
    page.wait_for_selector("#org-chart svg")
    page.wait_for_selector("#scenario-table table")
    assert page.locator("#title").inner_text() == "The world on 7 September 2008"
    verdicts = page.locator("#verdicts").inner_text()
    assert "bipolar" in verdicts.lower() and "China" in verdicts  # CINC 2008: China and the US
    page.wait_for_function("document.querySelectorAll('#marks line').length > 100")  # change days
    # the brief's data year for the day (2007, the last complete year before it), in every view
    brief = page.request.get(f"{server}/api/brief?date=2008-09-07").json()
    cinc = next(p for p in brief["polarity"] if p["measure"] == "cinc")
    assert cinc["year"] == 2007
    card = page.locator('.verdict[data-measure="cinc"]').inner_text()
    assert "· 2007" in card and f"{100 * cinc['leader_share']:.1f}%" in card and cinc["leader"] in card
    assert "Data year 2007." in page.locator("#powers-source").inner_text()
    page.wait_for_function("views['polarity-chart'] && views['shares-chart']")
    assert page.evaluate("views['polarity-chart'].signal('cursor')") == 2007
    assert page.evaluate("views['shares-chart'].signal('cursor')") == 2007
    assert "the dashed line is 2007" in page.locator("#shares-source").inner_text()
    assert "cow_nmc 7.0" in page.locator("#powers-source").inner_text()
    page.click("#powers details summary")  # the chart's menu: downloads
    downloads = page.locator("#powers .vega-actions").inner_text()
    assert "Save as SVG" in downloads and "Save as PNG" in downloads
    page.keyboard.press("Escape")
    page.locator('#map path[aria-label*="state: China;"]').click()
    page.wait_for_function("document.querySelector('#state-panel ul') !== null")
    panel = page.locator("#state-panel").inner_text()
    assert "China on 2008-09-07" in panel and "Shanghai Cooperation" in panel
    shoot(page, "dashboard-2008-09-07")
    assert page.problems == []


def test_a_new_day_changes_the_numbers(server, page):
    page.goto(f"{server}/world/2008-09-07?measure=cinc")
    ready(page)
    before = page.locator("#verdicts").inner_text()
    page.fill("#date", "1962-10-27")
    page.dispatch_event("#date", "change")
    page.wait_for_function("document.getElementById('title').textContent.includes('1962')")
    ready(page)
    after = page.locator("#verdicts").inner_text()
    assert after != before and "1961" in after  # the brief's data year: the last full year
    assert "Soviet Union" in after or "United States" in after
    assert page.url.endswith("/world/1962-10-27?measure=cinc")
    assert "WARSAW_PACT" in page.locator("#blocs").inner_html() or "Warsaw" in page.content()
    shoot(page, "dashboard-1962-10-27")
    assert page.problems == []


def test_a_scenario_moves_the_shares(server, page):
    page.goto(f"{server}/world/2008-09-07?measure=cinc")
    ready(page)
    page.fill("#sc-blocs", "NATO SCO")
    page.fill("#sc-add", "SCO=IRN,IND,PAK,MNG")
    page.fill("#sc-remove", "NATO=TUR")
    page.click("#scenario button[type=submit]")
    page.wait_for_function("document.querySelector('#scenario-table td.down') !== null")
    rows = page.locator("#scenario-table tbody tr")
    assert rows.count() == 2
    nato, sco = rows.nth(0).inner_text(), rows.nth(1).inner_text()
    assert nato.startswith("NATO") and "\t25\t" in nato  # 26 members less Turkey
    assert sco.startswith("SCO") and "\t10\t" in sco  # 6 members and 4 observers
    page.locator("#scenario-card").screenshot(path=str(ARTEFACTS / "scenario.png"))
    assert page.problems == []


def test_an_article_is_checked_with_its_claims_highlighted(server, page):
    page.goto(f"{server}/world/2008-09-07?measure=cinc")
    ready(page)
    article = (EXAMPLES / "2008-09-07-sco-military-alliance.md").read_text()
    page.fill("#article", article)
    page.click("#article-form button[type=submit]")
    page.wait_for_selector("#article-text mark")
    assert "Checked as of 2008-09-07" in page.locator("#article-status").inner_text()
    correct = page.locator("#article-text mark.good").all_inner_texts()
    assert any(re.search(r"Russia, China, Kazakhstan", t) for t in correct)
    claims = page.locator("#article-claims").inner_text()
    assert "incomplete" in claims and "Mongolia" in claims  # an observer the article left out
    assert "Kuzyanin" in claims  # the analyst spelled two ways
    page.locator("#article-card").screenshot(path=str(ARTEFACTS / "article-check.png"))
    assert title_below_the_date_bar(page, "#article-card")
    assert page.problems == []


def title_below_the_date_bar(page, card: str) -> bool:
    """Scrolled to (as a link to the card scrolls), the card's title is below the sticky date bar."""
    page.evaluate(f"document.querySelector('{card}').scrollIntoView()")
    bar, title = (page.locator(selector).bounding_box() for selector in (".timebar", f"{card} h2"))
    return title["y"] >= bar["y"] + bar["height"]


@pytest.mark.parametrize("width", [1440, 700])
def test_a_card_scrolled_to_is_not_under_the_date_bar(server, page, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{server}/world/2008-09-07?measure=cinc#article-card")
    ready(page)
    for card in ("#article-card", "#scenario-card", "#org-card"):
        assert title_below_the_date_bar(page, card), (card, width)


def test_a_shared_link_shows_what_its_sender_saw(server, page):
    page.goto(f"{server}/world/1989-11-09?measure=gdp")
    ready(page)
    assert page.locator("#title").inner_text() == "The world on 9 November 1989"
    assert page.locator("#measure").input_value() == "gdp"
    assert page.locator("#date").input_value() == "1989-11-09"
    assert "GDP" in page.locator(".verdict.chosen .measure").inner_text()
    assert "GDP" in page.locator("#powers-source").inner_text()
    twin = page.locator("#twin").get_attribute("href")
    assert twin == "/world/1989-11-09.json"
    assert page.request.get(server + twin).json()["date"] == "1989-11-09"
    assert page.problems == []
