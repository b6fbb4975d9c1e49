"""The explorer in a real browser: Playwright driving Debian's Chromium against ``datasette alpaca.db``."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from conftest import SAMPLE, start_datasette
from playwright.sync_api import Page, expect, sync_playwright

from alpaca_explore import load

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
# As root on a machine with no outside network: no sandbox, and no background connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
XSS = {"instruction": "Explain <script>alert('x')</script> tags.", "input": "<b>bold</b>", "output": "Line one\n<img src=x onerror=alert(1)>\nLine three"}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    (folder / "data.json").write_text(json.dumps(json.loads(SAMPLE.read_text()) + [XSS, XSS]))  # the copy: among the duplicates
    load(str(folder / "data.json"), folder / "alpaca.db")
    process, base = start_datasette("alpaca.db", cwd=folder)
    yield base
    process.terminate()
    process.wait()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (.ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=False)
    context.close()
    assert dialogs == [], f"the page ran script from the data: {dialogs}"


def test_table_page_shows_facets_and_search_works(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/alpaca_data")
    for column in ("category", "verb", "has_input", "issues", "train_tokens"):
        expect(page.locator(f'.facet-info[data-column="{column}"]')).to_be_visible()
    expect(page.locator('.facet-info[data-column="category"]')).to_contain_text("open_qa")
    expect(page.locator('.facet-info[data-column="train_tokens"]')).to_contain_text("0-")
    ARTIFACTS.mkdir(exist_ok=True)
    page.locator(".facet-results").screenshot(path=ARTIFACTS / "facets.png")
    page.fill("#_search", "photosynthesis")
    page.locator("#_search").press("Enter")
    page.wait_for_url("**_search=photosynthesis**")
    rows = page.locator("table.rows-and-columns tbody tr")
    expect(rows.first).to_be_visible()
    assert all("photosynthesis" in text.lower() for text in rows.all_inner_texts())
    # The page's form holds the search it shows; a new one replaces it, and an empty box shows every row.
    page.fill("#_search", "haiku")
    page.locator("#_search").press("Enter")
    page.wait_for_url("**_search=haiku**")
    expect(rows.first).to_be_visible()
    assert all("haiku" in text.lower() for text in rows.all_inner_texts())
    # A facet's link keeps the search, as typed.
    page.locator('.facet-info[data-column="category"] a').first.click()
    page.wait_for_url("**category=**")
    assert "_search=haiku" in page.url and "_alpaca_search" not in page.url
    expect(page.locator("#_search")).to_have_value("haiku")
    assert all("haiku" in text.lower() for text in rows.all_inner_texts())
    page.fill("#_search", "")
    page.locator("#_search").press("Enter")
    page.wait_for_url(lambda url: "haiku" not in url)
    expect(page.locator(".facet-info").first).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Invalid SQL")
    assert rows.count() > 50


def test_a_table_pages_texts_are_wide_enough_to_read_and_long_ones_scroll(page: Page, base_url):
    """Fourteen side-by-side columns squeezed each output to a few words a line; an output is now at least 20em wide and
    at most about twelve lines tall, the rest a scroll away, on table and query pages, while its row page shows it
    whole."""
    records = json.loads(SAMPLE.read_text())
    longest = max(range(len(records)), key=lambda index: len(records[index]["output"]))
    measure = "e => ({width: e.getBoundingClientRect().width, height: e.clientHeight, full: e.scrollHeight, em: parseFloat(getComputedStyle(e).fontSize)})"
    for path in (f"/alpaca/alpaca_data?id={longest}", "/alpaca/too_long?max_tokens=1"):  # a table page and a query's
        page.goto(base_url + path)
        cell = page.locator(f'tr:has(td.col-id a:text-is("{longest}")) td.col-output .alpaca-text').evaluate(measure)
        assert cell["width"] >= 19 * cell["em"] and cell["height"] <= 18 * cell["em"] < cell["full"], (path, cell)
    page.goto(f"{base_url}/alpaca/alpaca_data/{longest}")
    whole = page.locator("td.col-output .alpaca-text").evaluate(measure)
    assert whole["height"] == whole["full"] > 18 * whole["em"], whole


def test_search_box_and_facets_on_the_first_screen(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/alpaca_data")
    screen_height = page.viewport_size["height"]
    for element in ("#_search", '.facet-info[data-column="category"]', '.facet-info[data-column="verb"]'):
        box = page.locator(element).bounding_box()
        assert box is not None and box["y"] < screen_height, f"{element} starts below the first screen, at {box}"
    # Every category fits the facet without a "more" link.
    expect(page.locator('.facet-info[data-column="category"] li:not(.facet-truncated)')).to_have_count(11)


def test_a_row_page_reads_as_one_example_top_to_bottom(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/alpaca_data/12")
    instruction, output = (page.locator(f"td.col-{column}").bounding_box() for column in ("instruction", "output"))
    assert instruction is not None and output is not None
    assert output["width"] > 900 and instruction["y"] < output["y"] and instruction["x"] == output["x"]
    assert page.eval_on_selector("td.col-output", "cell => getComputedStyle(cell, '::before').content") == '"output"'


def test_a_row_page_strikes_through_the_training_text_a_limit_cuts(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/alpaca_data/12?max_tokens=40#training-text")
    cut = page.locator(".alpaca-training-text del")
    expect(cut).to_be_visible()
    assert cut.evaluate("element => getComputedStyle(element).textDecorationLine") == "line-through"
    page.get_by_role("link", name="1,024").click()  # another limit: this example fits it
    page.wait_for_url("**max_tokens=1024**")
    expect(page.locator(".alpaca-training-text")).to_contain_text("### Response:")
    expect(cut).to_have_count(0)


def test_search_canned_query_form_and_shareable_url(page: Page, base_url, browser):
    page.goto(f"{base_url}/alpaca/search")
    page.fill('input[name="search"]', "haiku")
    page.locator('form input[type="submit"]').first.click()
    page.wait_for_url("**search=haiku**")
    first = sorted(page.locator("table.rows-and-columns tbody tr").all_inner_texts())
    assert first and all("haiku" in row.lower() for row in first)
    assert parse_qs(urlparse(page.url).query)["search"] == ["haiku"]
    other = browser.new_page()
    other.goto(page.url)  # the shared URL reproduces the result (in another random order)
    assert sorted(other.locator("table.rows-and-columns tbody tr").all_inner_texts()) == first
    other.close()


def test_vega_chart_draws_from_a_chart_url(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/by_category#g.mark=bar&g.x_column=ranked_category&g.x_type=ordinal&g.y_column=n&g.y_type=quantitative")
    chart = page.locator(".vega-embed canvas, .vega-embed svg").first
    expect(chart).to_be_visible(timeout=15_000)
    box = chart.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100


def test_alpaca_link_downloads_valid_alpaca_json(page: Page, base_url, tmp_path):
    page.goto(f"{base_url}/alpaca/alpaca_data?category=summarization")
    link = page.locator('a[href*=".alpaca"]').first
    expect(link).to_be_visible()
    with page.expect_download() as download_info:
        link.click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    records = json.loads(path.read_text())
    assert path.suffix == ".json" and len(records) > 50
    assert all(set(record) == {"instruction", "input", "output"} for record in records)


def test_html_in_the_data_stays_text(page: Page, base_url):
    page.goto(f"{base_url}/alpaca/alpaca_data?_search=onerror")
    cell = page.locator("td.col-output").first
    expect(cell).to_contain_text("<img src=x onerror=alert(1)>")
    assert cell.inner_text().count("\n") >= 2  # line breaks kept
    page.goto(f"{base_url}/alpaca/fts_search?q=onerror")
    expect(page.locator("mark").first).to_have_text("onerror")
    for path in ("alpaca_data_duplicates", "duplicates"):
        page.goto(f"{base_url}/alpaca/{path}")
        expect(page.locator("table.rows-and-columns").first).to_contain_text(XSS["instruction"])
