"""Built briefings opened in Debian's headless Chromium, driven by Playwright.

Nothing is installed or fetched at run time: the browser is /usr/bin/chromium
(`make browser`), axe-core was fetched at install time (tools/fetch_assets.py),
the site is served from a local thread, and every request that would leave
127.0.0.1 is blocked and recorded, so a test can prove the page needs nothing
from the network.

One project is built per test process (session fixture `browser_project`):
the sample article, plus an alliance added through content/corrections.yml so
that the page always has a Mermaid diagram, whatever the extractor finds.
"""
from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from generator.slugs import slugify
from tests.robustness.helpers import serve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE_SCRIPT = ROOT / ".cache" / "vendor" / "axe.min.js"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1},
    "phone": {"viewport": {"width": 375, "height": 812}, "device_scale_factor": 2, "is_mobile": True,
              "has_touch": True},
}
# The alliance the corrections file adds; the names are set there too, so the diagram's
# labels do not depend on how the extractor spells these actors.
ALLIANCE_NAME = "Test bloc"
ALLIANCE_MEMBERS = {"russia": "Russia", "armenia": "Armenia"}
CORRECTIONS = (
    "actors:\n" + "".join(f"  {actor_id}: {{name: {name}}}\n" for actor_id, name in ALLIANCE_MEMBERS.items())
    + f"alliances:\n  - {{name: {ALLIANCE_NAME}, members: [{', '.join(ALLIANCE_MEMBERS)}], group: null}}\n")

# "Scrolled to": the element's top is just below the sticky header (within SCROLLED_TO_PX),
# or the page is scrolled to its end and the element is visible below the header.
SCROLLED_TO_PX = 160
IN_VIEW = """
id => {
  const element = document.getElementById(id);
  if (!element) return null;
  const box = element.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const below = header ? header.getBoundingClientRect().bottom : 0;
  const atEnd = scrollY >= document.scrollingElement.scrollHeight - innerHeight - 2;
  const visible = box.top >= below - 1 && box.top < innerHeight;
  return {top: Math.round(box.top), headerBottom: Math.round(below), viewportHeight: innerHeight,
          scrollY: Math.round(scrollY), atEnd,
          inView: visible && (box.top <= below + %d || atEnd)};
}
""" % SCROLLED_TO_PX
WAIT_IN_VIEW = f"id => ({IN_VIEW})(id)?.inView"

# Material draws Mermaid diagrams into a *closed* shadow root; this keeps a reference to
# every shadow root the page creates so a test can look inside.
RECORD_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  window.__shadowRoots = [];
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    window.__shadowRoots.push(root);
    return root;
  };
})();
"""


def _root_conftest():
    """tests/conftest.py (make_project, SEED), loaded under its own name: conftest modules share one."""
    spec = importlib.util.spec_from_file_location("briefing_tests_root_conftest", ROOT / "tests" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


root_conftest = _root_conftest()
make_project = root_conftest.make_project
SEED = root_conftest.SEED


# --- the project -------------------------------------------------------------------


@dataclass(frozen=True)
class BuiltProject:
    folder: Path
    result: object
    """generator.build.BuildResult of the last build."""

    @property
    def site(self) -> Path:
        return self.folder / "site"

    @property
    def briefing(self):
        [briefing] = self.result.assembled.briefings
        return briefing

    @property
    def path(self) -> str:
        """The briefing's URL path inside the site."""
        return f"briefings/{self.briefing.slug}/"


def build_project(folder: Path) -> BuiltProject:
    from generator.build import build

    result = build(folder, workers=1)
    problems = [line for line in result.messages if line.startswith("error")]
    assert not result.failed and not problems, f"the test project did not build: {problems}"
    assert len(result.assembled.briefings) == 1, [b.slug for b in result.assembled.briefings]
    return BuiltProject(folder=folder, result=result)


@pytest.fixture(scope="session")
def editors_alliance() -> dict:
    """The alliance content/corrections.yml adds to the browser project: its anchor and members (id -> name)."""
    return {"anchor": f"alliance-{slugify('editor-' + ALLIANCE_NAME)}", "members": ALLIANCE_MEMBERS}


@pytest.fixture(scope="session")
def browser_project(tmp_path_factory) -> BuiltProject:
    """The sample article with an editors' alliance, built once per test process."""
    folder = make_project(tmp_path_factory.mktemp("browser") / "project", {SEED.name: SEED.read_bytes()},
                          files={"content/corrections.yml": CORRECTIONS})
    return build_project(folder)


# Renames go through the editors' sidecar, content/briefings/SLUG.edits.yml, on copies of the
# built project (the extraction cache and the build state come along, so only assembly,
# rendering and MkDocs run again).
NEW_TITLE = "Armenia and Azerbaijan: what Moscow's alliance is worth"
NEW_SLUG = "csto-and-the-border-war"


@pytest.fixture(scope="session")
def renames() -> dict:
    """The title and slug the editors' sidecar gives the briefing in `retitled_project` and `moved_project`."""
    return {"title": NEW_TITLE, "slug": NEW_SLUG}


def copy_project(project: BuiltProject, destination: Path) -> Path:
    shutil.copytree(project.folder, destination, symlinks=True)
    return destination


@pytest.fixture(scope="session")
def retitled_project(browser_project, tmp_path_factory) -> BuiltProject:
    """The browser project after an editor changed the briefing's title."""
    folder = copy_project(browser_project, tmp_path_factory.mktemp("retitled") / "project")
    sidecar = folder / "content" / "briefings" / f"{browser_project.briefing.slug}.edits.yml"
    sidecar.write_text(f"title: \"{NEW_TITLE}\"\n", encoding="utf-8")
    return build_project(folder)


@pytest.fixture(scope="session")
def moved_project(retitled_project, tmp_path_factory) -> tuple[BuiltProject, BuiltProject]:
    """The retitled project after the editor also changed the slug: (the rename build, a later build)."""
    folder = copy_project(retitled_project, tmp_path_factory.mktemp("moved") / "project")
    sidecar = folder / "content" / "briefings" / f"{retitled_project.briefing.slug}.edits.yml"
    sidecar.write_text(f"title: \"{NEW_TITLE}\"\nslug: {NEW_SLUG}\n", encoding="utf-8")
    renamed = build_project(folder)
    return renamed, build_project(folder)


# --- serving and browsing -------------------------------------------------------------


@pytest.fixture(scope="session")
def site_url(browser_project):
    """Base URL of the browser project's site."""
    with serve(browser_project.site) as base:
        yield base


@pytest.fixture(scope="session")
def moved_site_url(moved_project):
    """Base URL of the site after the slug change (and a later build)."""
    with serve(moved_project[1].site) as base:
        yield base


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright; never a downloaded browser."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser tests use Debian's chromium (run `make browser`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser tab in a fresh context that records what went wrong while it was open."""

    page: object
    blocked: list[str] = field(default_factory=list)
    """Requests that would have left 127.0.0.1 (blocked)."""
    console_errors: list[tuple[str, str]] = field(default_factory=list)
    """(URL the message is about, message)."""
    page_errors: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)
    """Local requests answered with an HTTP error."""

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and HTTP errors; a console error that only
        reports a request this test blocked is left to the network test."""
        own = [text for url, text in self.console_errors if url not in self.blocked]
        return ([f"console error: {text}" for text in own] + [f"page error: {text}" for text in self.page_errors]
                + [f"HTTP error: {text}" for text in self.failed_responses])

    def goto(self, url: str, *, wait_until: str = "load") -> None:
        """A fresh load of `url`, even when only its #fragment differs from the page shown."""
        if self.page.url != "about:blank":
            self.page.goto("about:blank")
        response = self.page.goto(url, wait_until=wait_until)
        assert response is not None and response.ok, f"{url}: {response.status if response else 'no response'}"

    def scrolled_to(self, element_id: str) -> dict | None:
        """Where the element is once the page has scrolled to it (see IN_VIEW): `inView` says
        whether it did within 3 s; None when there is no such element."""
        try:
            self.page.wait_for_function(WAIT_IN_VIEW, arg=element_id, timeout=3000, polling=50)
        except PlaywrightTimeout:  # the geometry returned says what is wrong
            pass
        return self.page.evaluate(IN_VIEW, element_id)

    def shadow_svgs(self) -> list[str]:
        return self.page.evaluate(
            "() => window.__shadowRoots.flatMap(root => [...root.querySelectorAll('svg')].map(svg => svg.outerHTML))")


@pytest.fixture(params=sorted(VIEWPORTS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def visit(chromium, viewport):
    """open(url) -> Visit, in a new context at `viewport` width, with the network outside 127.0.0.1 blocked."""
    contexts = []

    def _open(url: str | None = None, *, color_scheme: str = "light", wait_until: str = "load") -> Visit:
        context = chromium.new_context(**VIEWPORTS[viewport], color_scheme=color_scheme, service_workers="block")
        contexts.append(context)
        context.add_init_script(RECORD_SHADOW_ROOTS)
        page = context.new_page()
        tab = Visit(page=page)

        def route(route_):
            if urlsplit(route_.request.url).hostname == "127.0.0.1":
                route_.continue_()
            else:
                tab.blocked.append(route_.request.url)
                route_.abort()

        context.route("**/*", route)
        page.on("console", lambda message: message.type == "error" and tab.console_errors.append(
            (message.location.get("url", ""), f"{message.text} ({message.location.get('url', '')})")))
        page.on("pageerror", lambda error: tab.page_errors.append(str(error)))
        page.on("response", lambda response: response.status >= 400 and tab.failed_responses.append(
            f"{response.status} {response.url}"))
        if url is not None:
            tab.goto(url, wait_until=wait_until)
        return tab

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: it is fetched at install time by tools/fetch_assets.py (`make test`)")
    return AXE_SCRIPT
