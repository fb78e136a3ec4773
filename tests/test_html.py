"""The HTML review page, in a real headless browser (Debian's chromium, driven by
Playwright): slips highlighted in place with their severity colour, the note shown on hover
and on keyboard focus, a summary by rule, and nothing fetched from the network."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("COPYDESK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip(
        "chromium is not installed (apt-get install chromium); the HTML page is not browser-tested",
        allow_module_level=True,
    )

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow  # drives a browser

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
TEXT = (
    "Musk ad <draft> & review\n"
    "\n"
    "The ad ran on on Friday , he said.  It was seen 😀 by by many.\n"
    "A clean closing line.\n"
)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    """The page ``copydesk check --format html -o review.html .`` writes, made once."""
    from linter.cli import main

    folder = tmp_path_factory.mktemp("html")
    (folder / "story.md").write_text(TEXT, encoding="utf-8")
    (folder / "clean.md").write_text("Nothing wrong here.\n", encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        code = main(["check", "--select", "CORE", "--format", "html", "-o", "review.html", "."])
    finally:
        os.chdir(cwd)
    assert code == 1
    return folder / "review.html"


@pytest.fixture(scope="module")
def loaded(browser, review):
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(review.as_uri())
    page.requests = requests
    yield page
    page.close()


@pytest.fixture
def page(loaded):
    """The loaded page with no hover and no focus, as a reader first sees it."""
    loaded.mouse.move(990, 790)
    loaded.evaluate("document.activeElement && document.activeElement.blur()")
    return loaded


def slip_texts(page) -> list[str]:
    return page.eval_on_selector_all("mark.slip", "els => els.map(e => e.firstChild.textContent)")


def test_slips_are_highlighted_in_place(page):
    assert slip_texts(page) == ["on on", " ,", "  ", "by by"]
    article = page.locator("article[data-path='story.md'] pre.text")
    # the article reads as written (markup escaped, emoji kept), notes hidden
    assert article.inner_text().startswith("Musk ad <draft> & review\n\nThe ad ran on on Friday")
    assert "😀" in article.inner_text()
    assert "written twice" not in article.inner_text()


def test_severity_by_colour(page):
    colours = page.eval_on_selector_all(
        "mark.slip",
        "els => els.map(e => [e.classList[1], getComputedStyle(e).backgroundColor])",
    )
    assert colours == [
        ["error", "rgb(253, 224, 220)"],
        ["warning", "rgb(255, 241, 194)"],
        ["warning", "rgb(255, 241, 194)"],
        ["error", "rgb(253, 224, 220)"],
    ]


def test_note_on_hover(page):
    note = page.locator("#note-1")
    assert not note.is_visible()
    page.hover("#slip-1")
    assert note.is_visible()
    assert "CORE001 (doubled-word): 'on' is written twice; delete one." in note.inner_text()
    assert "Fix: on" in note.inner_text()


def test_note_on_keyboard_focus(page):
    page.focus("body")
    page.keyboard.press("Tab")  # the first focusable element is the rule link in the summary
    for _ in range(10):
        if page.evaluate("document.activeElement.id") == "slip-2":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "slip-2"
    assert page.locator("#note-2").is_visible()
    assert "CORE003" in page.locator("#note-2").inner_text()
    assert not page.locator("#note-1").is_visible()


def test_summary_by_rule_and_counts(page):
    # the id cell opens the rule's help (a <details>): its summary is the id
    rows = page.eval_on_selector_all(
        "table.rules tbody tr",
        "rows => rows.map(r => [...r.cells].map("
        "c => (c.querySelector('summary') || c).textContent))",
    )
    assert rows == [
        ["CORE001", "doubled-word", "error", "2"],
        ["CORE002", "double-space", "warning", "1"],
        ["CORE003", "space-before-punctuation", "warning", "1"],
    ]
    assert "2 errors" in page.locator(".counts").inner_text()
    assert "No slips in: clean.md" in page.locator("p.clean").inner_text()
    help_text = page.locator('tr[data-rule="CORE001"] details .help').text_content()
    assert "typed twice" in help_text  # the rule's why, inline: no link to a missing site


def test_self_contained(page):
    assert all(url.startswith("file://") for url in page.requests), page.requests
    assert len(page.requests) == 1
