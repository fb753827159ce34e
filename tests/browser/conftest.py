"""Browser tests: Playwright drives Debian's chromium against pytest-django's live server.

One browser per session, a fresh context (cookies, storage) per test. ``ui`` is the helper every
test uses: ``ui.goto(path)`` opens a page and ``ui.check(step)`` runs axe-core on it, checks the
phone layout does not scroll sideways, that the browser reported no errors (a broken Content
Security Policy shows up here) and saves full-page screenshots at desktop and phone sizes to
``test-artifacts/screenshots/<test>-<step>-<desktop|phone>.png``. A test that leaves a page
without checking it fails, so every page visited is checked.
"""

import os
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect, sync_playwright

from modus.demo import directory_data, news_data, programme_data
from modus.directory.services import load_regions
from tests.factories import PASSWORD

# The sync Playwright API runs an event loop in this thread; Django must still allow the ORM here.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("MODUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
TIMEOUT_MS = 10_000
WARM_UP_MS = 60_000

# Any impact fails for these rules; for the rest, serious and critical fail.
ALWAYS_FAIL_RULES = {
    "color-contrast",
    "label",
    "image-alt",
    "button-name",
    "link-name",
    "document-title",
    "html-has-lang",
    "region",
}
FAILING_IMPACTS = {"serious", "critical"}


def is_failing_violation(violation: dict) -> bool:
    rule = violation["id"]
    return (
        violation.get("impact") in FAILING_IMPACTS
        or rule in ALWAYS_FAIL_RULES
        or rule.startswith("landmark")
    )


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}; "
            f"targets: {', '.join(targets[:8])}{' …' if len(targets) > 8 else ''}"
        )
    return "\n".join(lines)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, launched once. Fails (never skips) when it cannot start."""

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need chromium at {CHROMIUM}; install Debian's chromium package "
            "(scripts/ensure-chromium) or point MODUS_CHROMIUM at a chromium binary.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {error}", pytrace=False)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def axe():

    return Axe()


class BrowserSession:
    """One test's page, with the checks every visited page must pass."""

    def __init__(self, page, base_url: str, test_name: str, axe):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.test_name = re.sub(r"[^A-Za-z0-9_.-]+", "_", test_name)
        self.axe = axe
        self.errors: list[str] = []
        self.checked: set[str] = set()
        self.visited: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("framenavigated", self._on_navigation)

    def _on_console(self, message):
        if message.type != "error":
            return
        # A page answered on purpose with an error status (403, 404) is not a broken resource.
        document = self.page.url.split("#")[0]
        if message.text.startswith("Failed to load resource") and (
            message.location.get("url", "").split("#")[0] == document
        ):
            return
        self.errors.append(f"console error: {message.text} ({message.location.get('url')})")

    def _on_navigation(self, frame):
        if frame == self.page.main_frame and frame.url.startswith(self.base_url):
            self.visited.append(frame.url.split("#")[0])

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str):
        response = self.page.goto(self.url(path))
        assert response is not None and response.ok, f"GET {path}: {response and response.status}"
        return self.page

    def check(self, step: str) -> None:
        """axe-core, layout and console checks plus screenshots, at desktop and at phone size."""
        self.page.wait_for_load_state("load")
        problems = []
        for viewport, size in VIEWPORTS.items():
            self.page.set_viewport_size(size)
            violations = self.axe.run(self.page).response["violations"]
            failing = [v for v in violations if is_failing_violation(v)]
            if failing:
                problems.append(f"axe ({viewport}):\n{describe_violations(failing)}")
            overflow = self.page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"layout ({viewport}): the page scrolls sideways by {overflow}px")
            self.screenshot(step, viewport)
        self.page.set_viewport_size(VIEWPORTS["desktop"])
        if self.errors:
            problems.append("browser errors:\n" + "\n".join(self.errors))
            self.errors.clear()
        self.checked.add(self.page.url.split("#")[0])
        assert not problems, f"{step} ({self.page.url}):\n" + "\n".join(problems)

    def screenshot(self, step: str, viewport: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{step}-{viewport}.png"
        self.page.screenshot(path=str(path), full_page=True)

    def unchecked_pages(self) -> list[str]:
        return [url for url in dict.fromkeys(self.visited) if url not in self.checked]


@pytest.fixture
def ui(browser, axe, live_server, transactional_db, request):
    """A fresh browser context for this test, on the live server."""
    context = browser.new_context(viewport=VIEWPORTS["desktop"], locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    # The live server's first page loads templates and translations: on a busy machine that
    # alone can pass the timeout, so one request (not a visited page) warms it up first.
    context.request.get(live_server.url + "/accounts/login/", timeout=WARM_UP_MS)
    session = BrowserSession(context.new_page(), live_server.url, request.node.name, axe)
    yield session
    context.close()
    if not getattr(request.node, "rep_call_failed", True):
        unchecked = session.unchecked_pages()
        assert not unchecked, f"pages visited but never checked with ui.check(): {unchecked}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call_failed = report.failed
    return report


def squeeze(text: str) -> str:
    """Text with every run of white space made one space, for comparing what a page shows."""
    return " ".join(text.split())


@pytest.fixture
def demo(transactional_db):
    """The demo's regions, organisations, programme and articles, loaded through the demo code
    in the order ``modus demo`` uses (without the synthetic organisations)."""

    def quiet(*args, **kwargs):
        return None

    load_regions()
    directory_data.load(log=quiet)
    programme_data.load(log=quiet)
    news_data.load(log=quiet)


def log_in(session: BrowserSession, user, next_path="/"):
    """Log in through the form (the login page is checked the first time)."""

    session.page.context.clear_cookies()
    page = session.goto(f"/accounts/login/?next={next_path}")
    if page.url.split("#")[0] not in session.checked:
        session.check("login")
    page.get_by_label("E-mail").first.fill(user.email)
    page.locator("input[type=password]").first.fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(re.escape(next_path) + "$"))
    return page


def success(page, text):
    """The page shows a success message with this text."""

    expect(page.locator("ul.messages .message-success")).to_contain_text(text)
