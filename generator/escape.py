"""Text from sources is untrusted: these functions make it inert in each output.

Every string that reaches a generated page from a source goes through one of
them; the templates apply `md_text` to every `{{ }}` automatically (see
render.py), so a template has to opt out explicitly (`|safe`) for markup it
writes itself.
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
_BLOCK_START = re.compile(r"^(\d+[.)]|[-+=])")
_SAFE_SCHEMES = ("http", "https")
_MERMAID_UNSAFE = re.compile(r"[^\w .,'’&()/-]+", re.UNICODE)


def md_text(value: object) -> str:
    """Inline Markdown that shows `value` as plain text on one line and can form no markup."""
    if isinstance(value, Markup):
        return str(value)
    text = _WHITESPACE.sub(" ", str(value)).strip()
    text = _SPECIALS_PATTERN.sub(lambda m: _MARKDOWN_SPECIALS[m.group(0)], text)
    # A value may start a line (a paragraph of a source page): no list, quote or heading may begin.
    return _BLOCK_START.sub(lambda m: f"{m.group(0)[:-1]}&#{ord(m.group(0)[-1])};", text, count=1)


def meta_text(value: object) -> str:
    """A front-matter value: MkDocs themes insert page.meta strings into HTML unescaped."""
    return html.escape(_WHITESPACE.sub(" ", str(value)).strip(), quote=True)


def safe_url(value: str | None) -> str | None:
    """An http(s) URL fit for a link target, percent-encoded; None for anything else."""
    if not value:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SAFE_SCHEMES or not parts.netloc or any(ch in parts.netloc for ch in "<>\"' \\"):
        return None
    path = quote(parts.path, safe="/%:@!$&'*+,;=-._~")
    query = quote(parts.query, safe="=&%/:+,;-._~")
    url = urlunsplit((parts.scheme.lower(), parts.netloc, path, query, ""))
    return url.replace("(", "%28").replace(")", "%29").replace("'", "%27")


def mermaid_label(value: object) -> str:
    """A node label Mermaid shows as text: only letters, digits and plain punctuation survive."""
    text = _MERMAID_UNSAFE.sub(" ", _WHITESPACE.sub(" ", str(value))).strip()
    return text.replace("&", "and")[:60] or "?"
