"""`make bench-page`: the browser's own work to show each page, in Debian's Chromium.

The same server, people and pages as `make lighthouse` (bench/lighthouse/run.py): gunicorn
as in production on a fresh SQLite database, a resident far into the form, Lighthouse's
phone screen (412 x 823). Each page is loaded ROUNDS times (default 15) in a fresh browser
context, the pages taking turns so that a change in the host's speed falls on all of them,
and Chromium's own counters (DevTools `Performance.getMetrics`) give the time spent in
style, layout and script until the load event and a moment after. Printed per page: the
median of each, and the page's style and layout as a multiple of the home page's in the
same run. The home page's own layout moves from run to run (its web fonts arriving), so to
compare two versions of the code, run them in turns and compare the milliseconds
(docs/benchmarks.md).
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench" / "lighthouse"))
import run as lighthouse  # noqa: E402  (bench/lighthouse/run.py: its set-up and pages)

from bench.serving import start_gunicorn, stop  # noqa: E402

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 15
VIEWPORT = {"width": 412, "height": 823}  # Lighthouse's mobile screen
COUNTERS = ("RecalcStyleDuration", "LayoutDuration", "ScriptDuration")


def measure(browser, url: str, cookie: str | None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1.75, is_mobile=True)
    if cookie:
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": url}])
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Performance.enable")
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)  # the script's first work after load
    metrics = {m["name"]: m["value"] for m in devtools.send("Performance.getMetrics")["metrics"]}
    context.close()
    return {name: 1000 * metrics[name] for name in COUNTERS}


def main() -> None:
    from playwright.sync_api import sync_playwright

    cookies = lighthouse.setup()
    server, port = start_gunicorn(
        ["--workers", "2", "--log-level", "warning"], lighthouse.SERVER_ENV
    )
    address = f"http://127.0.0.1:{port}"
    results: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in lighthouse.PAGES}
    try:
        with sync_playwright() as playwright:
            chromium = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
            browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
            for _name, path, who in lighthouse.PAGES:  # a warm-up load of each
                measure(browser, address + path, cookies[who] if who else None)
            for _ in range(ROUNDS):
                for name, path, who in lighthouse.PAGES:
                    cookie = cookies[who] if who else None
                    results[name].append(measure(browser, address + path, cookie))
            browser.close()
    finally:
        stop(server)

    def median(name: str, counter: str) -> float:
        return statistics.median(r[counter] for r in results[name])

    def style_and_layout(name: str) -> float:
        return statistics.median(
            r["RecalcStyleDuration"] + r["LayoutDuration"] for r in results[name]
        )

    home = style_and_layout(lighthouse.PAGES[0][0])
    load = os.getloadavg()
    print(
        f"\nChromium, {VIEWPORT['width']}x{VIEWPORT['height']}, median of {ROUNDS} loads per page,"
    )
    print(f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    print(
        f"{'page':<22}{'style ms':>10}{'layout ms':>11}{'script ms':>11}{'style+layout / home':>22}"
    )
    for name, _, _ in lighthouse.PAGES:
        print(
            f"{name:<22}{median(name, 'RecalcStyleDuration'):>10.1f}"
            f"{median(name, 'LayoutDuration'):>11.1f}{median(name, 'ScriptDuration'):>11.1f}"
            f"{style_and_layout(name) / home:>21.1f}x"
        )


if __name__ == "__main__":
    main()
