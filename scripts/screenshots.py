"""Screenshots of the built article page for README: 1280 and 390 px, light and dark.

    .venv/bin/mkdocs build --strict && .venv/bin/python scripts/screenshots.py [site] [out]

Serves the built site on 127.0.0.1 (a free port) and drives Debian's /usr/bin/chromium.
Extra names after the folders (e.g. `ref-17`) also shoot that reference opened by its link.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main(site: Path, out: Path, targets: list[str]) -> None:
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for width, height in ((1280, 900), (390, 844)):
            for scheme in ("light", "dark"):
                for target in ["", *targets]:
                    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                                  device_scale_factor=1)
                    page = context.new_page()
                    page.goto(url + (f"#{target}" if target else ""))
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(300)
                    suffix = "" if scheme == "light" else "-dark"
                    name = f"screenshot-{width}{suffix}{'-' + target if target else ''}.png"
                    page.screenshot(path=str(out / name))
                    print(out / name)
                    context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    arguments = sys.argv[1:]
    main(Path(arguments[0] if arguments else "site"), Path(arguments[1] if len(arguments) > 1 else "readme"),
         arguments[2:])
