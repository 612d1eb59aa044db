"""Take the README's screenshots of the built site with Debian's headless Chromium.

Usage: python tools/screenshots.py [--site site] [--out docs/images]
"""
from __future__ import annotations

import argparse
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


def serve(folder: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--out", type=Path, default=Path("docs/images"))
    parser.add_argument("--page", default=None, help="Path of the page to shoot (default: the first briefing).")
    args = parser.parse_args()
    page_path = args.page or next(p for p in sorted((args.site / "briefings").iterdir()) if p.is_dir()).relative_to(args.site).as_posix() + "/"
    server = serve(args.site)
    base = f"http://127.0.0.1:{server.server_port}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, viewport, full in (("briefing-desktop.png", {"width": 1280, "height": 900}, False),
                                     ("briefing-phone.png", {"width": 375, "height": 812}, False)):
            page = browser.new_page(viewport=viewport, device_scale_factor=1)
            page.goto(base + page_path, wait_until="networkidle")
            page.screenshot(path=str(args.out / name), full_page=full)
            page.close()
        browser.close()
    server.shutdown()
    print(f"wrote {args.out}/briefing-desktop.png and briefing-phone.png")


if __name__ == "__main__":
    main()
