"""Browser journeys: real Chromium (Debian's /usr/bin/chromium) driven by Playwright
against pytest-django's live server.

- Every test here is marked ``browser`` (deselect with ``-m "not browser"``).
- ``open_page(username=None)`` opens a fresh browser context (its own cookies) on the
  live server, optionally signed in; confirm() dialogs are accepted.
- ``screenshot(page, name)`` saves a full-page PNG under $TDKT_ARTIFACTS
  (default ./test-artifacts), so a failed journey leaves pictures behind.

Selectors rely on names, ids and URLs, not on visible text: the interface is
translated (Vietnamese by default), its English message ids may still change.
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API runs an asyncio event loop in this thread; Django would then
# refuse ORM calls from the test ("You cannot call this from an async context").
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from tdkt.conftest import PASSWORD, catalogue, council, nominee, people, units  # noqa: E402,F401
from tdkt.nominations.tests.states import fast_passwords  # noqa: E402,F401

CHROMIUM = os.environ.get("TDKT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _fast_passwords(fast_passwords):  # noqa: F811
    """Before any persona is created: one PBKDF2 hash per user would dominate the journey's set-up."""


def artifacts_dir() -> Path:
    path = Path(os.environ.get("TDKT_ARTIFACTS") or "test-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `scripts/setup --browser` (Debian package "
                    "`chromium`), or point TDKT_CHROMIUM at it.", pytrace=False)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()
    playwright.stop()


def screenshot(page, name: str) -> Path:
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
    path = artifacts_dir() / f"{safe}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real login form; fails with the page's own error if it is refused."""
    page.goto("/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_load_state()
    if "/dang-nhap/" in page.url:
        errors = page.locator(".errorlist, .error, .msg-error").all_inner_texts()
        pytest.fail(f"signing in as {username} failed: {errors}", pytrace=False)


@pytest.fixture
def open_page(chromium, live_server, request):
    """Factory: a new page in its own context (own cookies), signed in as ``username`` if given."""
    contexts = []

    def open_(username: str | None = None):
        context = chromium.new_context(base_url=live_server.url, locale="vi-VN",
                                       viewport={"width": 1280, "height": 900})
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append((context, username))
        page = context.new_page()
        page.on("dialog", lambda dialog: dialog.accept())  # data-confirm questions
        if username:
            login(page, username)
        return page

    yield open_
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for index, (context, username) in enumerate(contexts):
        if failed:
            for page in context.pages:
                try:
                    screenshot(page, f"FAILED-{request.node.name}-{index}-{username or 'anonymous'}")
                except Exception:  # noqa: BLE001 - best effort, the failure is what matters
                    pass
        context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
