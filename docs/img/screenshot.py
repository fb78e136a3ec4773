"""Make docs/img/html-review.png: the HTML review page of a short sample draft, with the note
of one slip open. Run from the repository root: ``python docs/img/screenshot.py`` (needs
Debian's chromium and Playwright for Python, as the HTML test does)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DRAFT = """Musk asks fans to like a Hyundai ad

SAN FRANCISCO (Reuters) — Elon Musk asked his followers on on Friday to like a car ad ,
which had only been viewed 53,000 times.  The the ad was posted by a fan account.

"It is a great ad," Musk wrote.
"""


def main() -> int:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(HERE.parent.parent))
    from linter.cli import main as copydesk

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "musk-ad.md").write_text(DRAFT, encoding="utf-8")
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            copydesk(["check", "--format", "html", "-o", "review.html", "--no-cache", "."])
        finally:
            os.chdir(cwd)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
            )
            page = browser.new_page(viewport={"width": 980, "height": 800})
            page.goto((folder / "review.html").as_uri())
            page.hover("#slip-1")
            page.screenshot(path=str(HERE / "html-review.png"), full_page=False)
            browser.close()
    print(f"wrote {HERE / 'html-review.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
