"""The hostile sources: every corpus payload in every place a source can put text."""
from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from tests.robustness.helpers import HERE, SEED_BODY, make_project

CORPUS = [line for line in (HERE / "xss_corpus.txt").read_text(encoding="utf-8").splitlines()
          if line and not line.startswith("# ")]
"""The filter-evasion payloads of xss_corpus.txt."""
# Characters that mean something to Markdown, HTML, YAML, Jinja or Mermaid, to make the
# generated text dense in syntax rather than in letters.
SYNTAX = "<>&\"'`*_{}[]()#|~!?:;=+-./\\%$@^\n\t \x00\x02\x03\u2028\u00a0\ufeff"
hostile_text = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=SYNTAX + "abcXYZ019", max_size=60),
    st.sampled_from(CORPUS),
    st.builds(lambda a, b, c: a + b + c, st.sampled_from(CORPUS), st.text(alphabet=SYNTAX, max_size=8),
              st.sampled_from(CORPUS)),
)
"""Arbitrary text, text dense in syntax, corpus payloads, and payloads glued together."""
TITLE = "</title><script>alert('title')</script><img src=x onerror=alert('title')> {{ 7*7 }} [x](javascript:alert(1))"
BODY = SEED_BODY.replace("Leave a Comment", "").strip()
# A file name is attacker-controlled too (an email attachment keeps its name).
ODD_NAME = "\"><img src=x onerror=alert('name')>.txt"


def _quoted(payload: str) -> str:
    """A sentence the extractors read as a position with a quote, carrying the payload."""
    return f"Vladimir Putin said: “{payload} is the answer,” according to Reuters."


def hostile_text_source() -> str:
    """Title line, the sample article, then every payload as a paragraph and inside a quote."""
    paragraphs = [TITLE, BODY, *CORPUS, *(_quoted(p) for p in CORPUS[:40])]
    return "\n\n".join(p.replace("\n", " ") for p in paragraphs) + "\n"


def hostile_markdown_source() -> str:
    front = "\n".join([
        "---",
        "title: \"<script>alert('front')</script> {% raw %}{{ config }}{% endraw %} <!-- x -->\"",
        "publisher: \"<b onmouseover=alert('publisher')>Evil Press</b>\"",
        "url: \"javascript:alert('url')\"",
        "author: \"<img src=x onerror=alert('author')>\"",
        "published: \"<script>alert('date')</script>\"",
        "briefing: \"../../etc/passwd\"",
        "---",
    ])
    body = "\n\n".join([
        "# <img src=x onerror=alert('heading')>",
        BODY,
        "<div onclick=\"alert('div')\">A raw HTML block from the source, with enough words to be kept.</div>",
        "[a javascript link](javascript:alert('md')) and ![an image](x\" onerror=\"alert('img')) and "
        "<span style=\"x\" onmouseover=\"alert('span')\">inline HTML</span> {: onclick=\"alert('attr')\" }",
        "!!! danger \"Injected admonition\"",
    ])
    return f"{front}\n\n{body}\n"


def hostile_html_source() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    return (
        "<!doctype html><html><head><title>Page &lt;script&gt;alert('page')&lt;/script&gt;</title>"
        "<meta property=\"og:title\" content=\"&quot;&gt;&lt;img src=x onerror=alert('og')&gt;\">"
        "<meta name=\"author\" content=\"&lt;svg onload=alert('meta-author')&gt;\">"
        "<script>alert('inline')</script></head><body>"
        "<article><h1>Page <script>alert('h1')</script></h1>"
        f"{paragraphs}"
        "<p>Officials said <img src=x onerror=alert('p-img')> and <a href=\"javascript:alert('a')\">this link</a> "
        "and <iframe src=\"javascript:alert('iframe')\"></iframe> were all discussed at length on Tuesday.</p>"
        "</article></body></html>"
    )


def make_hostile_project(folder: Path) -> Path:
    return make_project(folder, {
        "hostile.txt": hostile_text_source(),
        "hostile.md": hostile_markdown_source(),
        "hostile.html": hostile_html_source(),
        "CON.txt": f"CON\n\nThe talks resumed in the capital on Monday, a spokesman said.\n\n{BODY}\n",
        "passwd.txt": f"../../etc/passwd\n\nThe envoys met again in the evening, diplomats said.\n\n{BODY}\n",
        ODD_NAME: f"A file with a hostile name\n\nThe talks were adjourned until Thursday, a mediator said."
                  f"\n\n{BODY}\n",
    })
