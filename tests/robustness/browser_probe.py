"""Open a built site in headless Chromium and report what only a payload could have done.

    python -m tests.robustness.browser_probe SITE_DIR PATH [PATH ...] [--search WORDS --search-on PATH]

Prints one JSON object: for every page the dialogs it opened (alert, confirm,
prompt) and the injected elements and event-handler attributes in its live DOM;
the requests that tried to leave 127.0.0.1 (all blocked); and, with --search,
the text of Material's search results for WORDS typed on page PATH, with the
same checks. It runs as its own process because Playwright's sync API cannot
run twice in one process, and tests/browser keeps one open for a whole session.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import urlsplit

from tests.robustness.helpers import CHROMIUM, CHROMIUM_ARGS, serve

# Elements and attributes in the live DOM that neither Material nor the templates make.
INJECTED = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
        }
        if (el.tagName === 'DETAILS' && el.classList.contains('md-search-result__more')) continue;  // Material's
        if (['IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'IMG', 'DETAILS', 'MATH'].includes(el.tagName)) {
            found.push(el.tagName);
        }
    }
    for (const el of document.querySelectorAll('.md-search-result script, .md-search-result svg, '
                                              + '.md-search-result style')) {
        found.push(`search result ${el.tagName}`);
    }
    return found;
}"""


def probe(site: Path, paths: list[str], search: str | None, search_on: str | None) -> dict:
    from playwright.sync_api import sync_playwright

    report: dict = {"pages": {}, "outside": [], "search": None}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(service_workers="block")
        dialogs: list[str] = []

        def route(request_route):
            if urlsplit(request_route.request.url).hostname == "127.0.0.1":
                request_route.continue_()
            else:
                report["outside"].append(request_route.request.url)
                request_route.abort()

        def dialog(opened):
            dialogs.append(opened.message)
            opened.dismiss()

        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", dialog)
        for path in paths:
            dialogs.clear()
            page.goto(base + path, wait_until="networkidle")
            page.mouse.move(200, 300)
            page.mouse.move(600, 500)  # for payloads that wait for onmouseover
            page.wait_for_timeout(200)
            report["pages"][path] = {"dialogs": list(dialogs), "injected": page.evaluate(INJECTED)}
        if search:
            dialogs.clear()
            page.goto(base + (search_on or ""), wait_until="networkidle")
            page.click("input[data-md-component=search-query]")
            page.keyboard.type(search, delay=20)
            page.wait_for_selector(".md-search-result__item", timeout=15_000)
            page.wait_for_timeout(500)
            report["search"] = {"text": page.inner_text(".md-search-result"), "dialogs": list(dialogs),
                                "injected": page.evaluate(INJECTED)}
        browser.close()
    return report


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--search")
    parser.add_argument("--search-on")
    args = parser.parse_args(argv)
    print(json.dumps(probe(args.site, args.paths, args.search, args.search_on)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
