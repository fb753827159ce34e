"""Make the README's screenshots: the home page, a participant's dashboard and the organiser's
schedule grid, from the demo, in Debian's chromium (the browser tests' Playwright set-up).

    .venv/bin/python scripts/readme_screenshots.py            # loads a fresh demo, then shoots
    .venv/bin/python scripts/readme_screenshots.py --base-url http://127.0.0.1:8000  # a running one

Without ``--base-url`` it loads the demo into a temporary data directory (SQLite), serves it on a
free port, takes the shots and stops the server. The pictures land in ``docs/``.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHROMIUM = os.environ.get("MODUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync"]
PASSWORD = "modus-demo"
KATOWICE = "clusters-meet-regions-katowice-2022"
VIEWPORT = {"width": 1280, "height": 900}

# (file, demo account or None, path, what to frame: a CSS selector or None for the page top)
SHOTS = [
    ("screenshot.png", None, "/", None),
    ("screenshot-dashboard.png", "participant-001@demo.modus.invalid", "/me/", None),
    (
        "screenshot-schedule.png",
        "polish-cluster-association@demo.modus.invalid",
        f"/matchmaking/{KATOWICE}/schedule/",
        ".mm-grid-wrap",
    ),
]


def log_in(page, base_url: str, email: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/accounts/login/")
    page.locator("main input[name=username]").fill(email)
    page.locator("main input[type=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    if "/accounts/login/" in page.url:
        raise SystemExit(f"Could not log in as {email}: is the demo loaded (modus demo)?")


def capture(browser, base_url: str, out_dir: Path = DOCS) -> list[Path]:
    """Take every shot from the demo served at ``base_url``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB")
    page = context.new_page()
    written = []
    try:
        for name, account, path, frame in SHOTS:
            if account:
                log_in(page, base_url, account)
            else:
                page.context.clear_cookies()
            response = page.goto(base_url + path)
            if response is None or not response.ok:
                raise SystemExit(f"GET {path}: {response and response.status}")
            target = out_dir / name
            if frame:
                top = page.locator(frame).first.evaluate(
                    "element => element.getBoundingClientRect().top + window.scrollY"
                )
                top = max(0, top - 50)  # the heading above the grid too
                page.screenshot(
                    path=str(target),
                    full_page=True,
                    clip={"x": 0, "y": top, "width": VIEWPORT["width"], "height": 820},
                )
            else:
                page.screenshot(path=str(target))
            written.append(target)
    finally:
        context.close()
    return written


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_demo(data_dir: Path) -> tuple[subprocess.Popen, str]:
    """Load the demo into ``data_dir`` and serve it; returns the server process and its URL."""
    env = {**os.environ, "MODUS_DATA_DIR": str(data_dir), "DATABASE_URL": ""}
    modus = str(Path(sys.executable).with_name("modus"))
    subprocess.run([modus, "demo", "--organisations", "60"], env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [modus, "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(60):
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                return server, url
        except OSError:
            time.sleep(1)
    server.terminate()
    raise SystemExit("The demo server did not start.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", help="a running demo (default: load and serve a fresh one)")
    parser.add_argument("--out", type=Path, default=DOCS, help="where to write (default docs/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir, sync_playwright() as playwright:
        server = None
        base_url = args.base_url
        if not base_url:
            server, base_url = serve_demo(Path(data_dir))
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in capture(browser, base_url.rstrip("/"), args.out):
                print(f"wrote {path}")
            browser.close()
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)


if __name__ == "__main__":
    main()
