"""Text from sources is untrusted: these functions make it inert in each output.

Every string that reaches a generated page from a source goes through one of
them; the templates apply `md_text` to every `{{ }}` automatically (see
render.py), so a template has to opt out explicitly (`|safe`) for markup it
writes itself.

- md_text: Markdown body text (Python-Markdown with the extensions in mkdocs.yml).
- meta_text: front-matter values, which MkDocs themes insert into HTML unescaped.
- html_text: text inside a block of raw HTML the templates write (a source page's
  paragraphs), which Python-Markdown passes through untouched.
- safe_url: link targets; only http(s) URLs survive.
- mermaid_label: node labels of the alliance diagram.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit, urlunsplit

from markupsafe import Markup

# Characters that start Markdown or HTML constructs: written as numeric character
# references, which every Markdown engine shows as the plain character.
_MARKDOWN_SPECIALS = {ch: f"&#{ord(ch)};" for ch in "\\`*_{}[]<>#|~"}
_MARKDOWN_SPECIALS["&"] = "&amp;"
_SPECIALS_PATTERN = re.compile("|".join(re.escape(ch) for ch in _MARKDOWN_SPECIALS))
_WHITESPACE = re.compile(r"\s+")
# C0/C1 control characters (whitespace aside) and the private-use characters
# Python-Markdown uses as placeholders (STX/ETX around stashed HTML): a source
# must not be able to pull stashed markup into its own text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# A value may start a line (a paragraph of a source page, a list item, an
# admonition body): its first character must not open a block. Lists (1. - +),
# setext rules (= -), admonitions (!!!), details (???), definition lists and
# blocks (: ///), math ($$), and Jinja-like tags (%) are all covered.
_BLOCK_START = re.compile(r"^(\d+[.)]|[-+=!?:/$%])")
_SAFE_SCHEMES = ("http", "https")
# A host (and optional user and port) as it may appear in a link: letters of any
# script, digits and the URL punctuation that cannot end a Markdown link or open
# a code span, emphasis or HTML.
_SAFE_NETLOC = re.compile(r"[\w.\-~%!$&+,;=:@\[\]]+", re.UNICODE)
_MERMAID_UNSAFE = re.compile(r"[^\w .,'’&()/-]+", re.UNICODE)
_MERMAID_MAX_CHARS = 60


def plain(value: object) -> str:
    """`value` as one line of text without control characters."""
    return _WHITESPACE.sub(" ", _CONTROL.sub("", str(value))).strip()


def md_text(value: object) -> str:
    """Inline Markdown that shows `value` as plain text on one line and can form no markup."""
    if isinstance(value, Markup):
        return str(value)
    text = _SPECIALS_PATTERN.sub(lambda m: _MARKDOWN_SPECIALS[m.group(0)], plain(value))
    return _BLOCK_START.sub(lambda m: f"{m.group(0)[:-1]}&#{ord(m.group(0)[-1])};", text, count=1)


def meta_text(value: object) -> str:
    """A front-matter value: MkDocs themes insert page.meta strings into HTML unescaped."""
    return html.escape(plain(value), quote=True)


def html_text(value: object) -> Markup:
    """Text content of a raw HTML block, on one line: escaped as HTML, and marked safe so
    that the template's Markdown escaping does not apply twice."""
    return Markup(html.escape(plain(value), quote=True))


def safe_url(value: str | None) -> str | None:
    """An http(s) URL fit for a link target, percent-encoded; None for anything else."""
    if not value:
        return None
    value = _CONTROL.sub("", value).strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not _SAFE_NETLOC.fullmatch(parts.netloc or ""):
        return None
    netloc = parts.netloc
    path = quote(parts.path, safe="/%:@!$&'*+,;=-._~")
    query = quote(parts.query, safe="=&%/:+,;-._~")
    url = urlunsplit((parts.scheme.lower(), netloc, path, query, ""))
    return url.replace("(", "%28").replace(")", "%29").replace("'", "%27").replace("*", "%2A")


def mermaid_label(value: object) -> str:
    """A node label Mermaid shows as text: only letters, digits and plain punctuation survive."""
    text = _WHITESPACE.sub(" ", _MERMAID_UNSAFE.sub(" ", plain(value))).strip()
    return text.replace("&", "and")[:_MERMAID_MAX_CHARS].strip() or "?"
