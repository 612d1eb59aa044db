"""Metadata of a saved HTML page: title, publisher, date, canonical URL, author.

Publishers state these for search engines and social sites, in JSON-LD
(schema.org) and in meta tags (Open Graph, article:*); both are read with
BeautifulSoup. trafilatura's own guesses come last, as a fallback: they are
built from the same tags but flatten some of what matters here (a publisher
name in another script, an organisation given as the author).

Everything returned is plain text: entities decoded, tags and control
characters removed, whitespace collapsed. The page is untrusted input.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, SoupStrainer
from dateutil import parser as date_parser

_MAX_CHARS = 300
_TAG = re.compile(r"<[^<>]*>")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# " | Site", " - Site", " — Site" at the end of a title; the colon is left out
# because "Headline: detail" is a headline form, not a site suffix.
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•]\s+")
_GENERIC_SUFFIX_MAX_WORDS = 5
_MIN_HEADLINE_WORDS = 4
_ARTICLE_TYPE = re.compile(r"(Article|BlogPosting|Report)$")  # NewsArticle, LiveBlogPosting, ...
_ORGANIZATION_TYPE = re.compile(r"Organization$")


@dataclass(frozen=True, kw_only=True)
class PageMetadata:
    """What a page says about itself; None where it says nothing usable."""

    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    """ISO date, YYYY-MM-DD, the calendar date the publisher printed (not converted to UTC)."""
    url: str | None = None
    author: str | None = None
    hostname: str | None = None
    """Host of the page's URL; only used to recognise the site's name."""

    def as_meta(self) -> dict[str, str]:
        """The Parsed.meta dict: publisher, url, published, author, where known."""
        meta = {"publisher": self.publisher, "url": self.url, "published": self.published, "author": self.author}
        return {key: value for key, value in meta.items() if value}


def read_metadata(page: str, fallback: PageMetadata = PageMetadata()) -> PageMetadata:
    """The metadata `page` declares, each field falling back to `fallback` (trafilatura's)."""
    soup = BeautifulSoup(page, "lxml", parse_only=SoupStrainer(["meta", "link", "script", "title"]))
    tags = meta_tags(soup)
    article = article_object(json_ld_objects(soup))
    url = canonical_url(soup, tags, article) or _http_url(fallback.url)
    hostname = (urlsplit(url).hostname if url else None) or fallback.hostname
    headline = _ld_text(article.get("headline"))
    page_titles = [tags.get("og:title"), tags.get("twitter:title"),
                   plain(soup.title.get_text()) if soup.title else None, fallback.title]
    named = [tags.get("og:site_name"), _ld_name(article.get("publisher")), tags.get("application-name")]
    suffix_name = _site_in_titles(page_titles, hostname)
    publisher = choose_publisher([*named, suffix_name, fallback.publisher,
                                  hostname.removeprefix("www.") if hostname else None])
    site_names = [name for name in (*named, suffix_name, publisher) if name] + host_names(hostname)
    title = choose_title(headline, page_titles, site_names)
    author = (authors_from_ld(article.get("author")) or authors_from_tags(tags)
              or _clean_author(fallback.author))
    if author and publisher and _same_name(author, publisher):
        author = None  # the organisation credited as its own author says nothing new
    published = first_date([article.get("datePublished"), tags.get("article:published_time"),
                            tags.get("og:article:published_time"), tags.get("datepublished"),
                            tags.get("date"), tags.get("dc.date"), fallback.published])
    return PageMetadata(title=title, publisher=publisher, published=published, url=url,
                        author=author, hostname=hostname)


# --- reading the page ---------------------------------------------------------

def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """<meta> contents by lower-cased property, name or itemprop; the first non-empty one wins."""
    tags: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = plain(tag.get("content"))
        if isinstance(key, str) and value:
            tags.setdefault(key.strip().lower(), value)
    return tags


def json_ld_objects(soup: BeautifulSoup) -> list[dict]:
    """Every object in the page's JSON-LD scripts, @graph members included; broken scripts skipped."""
    objects: list[dict] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.IGNORECASE)):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, RecursionError):
            continue
        objects.extend(_flatten_ld(data))
    return objects


def _flatten_ld(data: object) -> Iterator[dict]:
    """The objects of a JSON-LD document in order: top-level lists and @graph arrays opened.

    A stack rather than recursion: the JSON comes from the page and may nest deeply.
    """
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            stack.append(item.get("@graph"))


def article_object(objects: Iterable[dict]) -> dict:
    """The JSON-LD object describing the article itself (NewsArticle, BlogPosting, ...), or {}."""
    return next((obj for obj in objects if any(_ARTICLE_TYPE.search(t) for t in _types(obj))), {})


def _types(obj: dict) -> list[str]:
    kind = obj.get("@type")
    return [kind] if isinstance(kind, str) else [t for t in kind or [] if isinstance(t, str)]


def canonical_url(soup: BeautifulSoup, tags: dict[str, str], article: dict) -> str | None:
    """The page's own address: <link rel=canonical>, og:url, then the JSON-LD url."""
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rel = rel.split() if isinstance(rel, str) else rel
        if "canonical" in (r.lower() for r in rel) and (url := _http_url(link["href"])):
            return url
    entity = article.get("mainEntityOfPage")
    entity = entity.get("@id") if isinstance(entity, dict) else entity
    for candidate in (tags.get("og:url"), article.get("url"), entity):
        if url := _http_url(candidate):
            return url
    return None


def _http_url(value: object) -> str | None:
    """An absolute http(s) URL, or None: nothing else is a usable link to the source."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme in ("http", "https") and parts.hostname and not re.search(r"[\s<>\"]", value):
        return value
    return None


# --- the fields ---------------------------------------------------------------

def choose_publisher(candidates: Iterable[str | None]) -> str | None:
    """The first name written in Latin script, else the first name at all.

    Briefings are English: a site that gives its name in two scripts (JSON-LD
    "台北時報", title suffix "Taipei Times") is named the way readers know it.
    """
    names = [name for name in (plain(c) for c in candidates) if name]
    return next((name for name in names if _is_latin(name)), names[0] if names else None)


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def clean_title(title: str, site_names: Iterable[str] = (), *, guess: bool = True) -> str:
    """The headline without the site's name before or after it ("Headline | Site").

    A part is removed when it is a name the page gives its site (compared
    without case, spaces or punctuation). With no such evidence, a last part of
    at most five words is taken for the site's name only when at least four
    words of headline remain before it.
    """
    title = plain(title) or ""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    names = {_key(name) for name in site_names} - {""}
    head, last = title[: separators[-1].start()], title[separators[-1].end():]
    first, rest = title[: separators[0].start()], title[separators[0].end():]
    if _key(last) in names:
        return head.strip()
    if _key(first) in names:
        return rest.strip()
    if guess and len(last.split()) <= _GENERIC_SUFFIX_MAX_WORDS and len(head.split()) >= _MIN_HEADLINE_WORDS:
        return head.strip()
    return title


def choose_title(headline: str | None, page_titles: list[str | None], site_names: list[str]) -> str | None:
    """The JSON-LD headline unless it was cut short, else the first page title; site name removed.

    Only the page titles (og:title, <title>) get the guess at an unconfirmed
    " - Site" suffix: a JSON-LD headline is the headline by definition.
    """
    if headline and not _truncated(headline):
        return clean_title(headline, site_names, guess=False) or None
    titles = [title for title in page_titles if title]
    if not titles and headline:
        titles = [headline]
    return (clean_title(titles[0], site_names) or None) if titles else None


def host_names(hostname: str | None) -> list[str]:
    """Names a site's host gives it: "www.theguardian.com" -> theguardian.com, theguardian, guardian."""
    if not hostname:
        return []
    labels = [label for label in hostname.lower().split(".") if label not in ("www", "m", "amp")]
    names = [".".join(labels)] + [label for label in labels if len(label) > 2]
    return names + [name.removeprefix("the") for name in names if name.startswith("the") and len(name) > 5]


def _site_in_titles(titles: Iterable[str | None], hostname: str | None) -> str | None:
    """The site's name as a title states it ("... - Taipei Times"), when the host name confirms it."""
    host_keys = {_key(name) for name in host_names(hostname)}
    for title in titles:
        parts = _TITLE_SEPARATOR.split(plain(title) or "")
        for part in (parts[-1], parts[0]) if len(parts) > 1 else ():
            if _key(part) in host_keys:
                return part.strip()
    return None


def _key(name: str | None) -> str:
    """A name reduced for comparison: "Al-Bawaba", "Al Bawaba" and "albawaba" are one key."""
    return re.sub(r"[\W_]+", "", name or "").lower()


def _same_name(one: str, other: str) -> bool:
    return _key(one) == _key(other)


def authors_from_ld(value: object) -> str | None:
    """Names of the people JSON-LD credits; organisations are publishers, not authors."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if any(_ORGANIZATION_TYPE.search(t) for t in _types(item)):
                continue
            name = _clean_author(_ld_text(item.get("name")))
        else:
            name = _clean_author(_ld_text(item))
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def authors_from_tags(tags: dict[str, str]) -> str | None:
    """The author meta tags; article:author often holds a profile URL, which is no name."""
    for key in ("author", "article:author", "dc.creator", "byl"):
        if author := _clean_author(tags.get(key)):
            return author
    return None


def _clean_author(value: str | None) -> str | None:
    value = plain(value)
    if not value or _http_url(value):
        return None
    value = re.sub(r"^by\s+", "", value, flags=re.IGNORECASE)
    names = [name.strip() for name in re.split(r"\s*[;,]\s*", value) if name.strip()]
    return ", ".join(names) or None


def first_date(values: Iterable[object]) -> str | None:
    return next((date for date in map(iso_date, values) if date), None)


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from an ISO timestamp or a written date; None unless a whole date is given.

    The date is read as written, before any time zone: "2024-10-16T00:00:00+08:00"
    is 16 October, the date the paper printed, though it was the 15th in UTC.
    """
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    match = _ISO_DATE.match(value)
    try:
        if match:
            date = dt.date(*map(int, match.groups()))
        else:
            # Parsed against two different defaults: a part the value lacks
            # ("March 2024" has no day) shows up as a difference.
            date = date_parser.parse(value, default=dt.datetime(2000, 1, 1)).date()
            if date != date_parser.parse(value, default=dt.datetime(2001, 2, 2)).date():
                return None
    except (ValueError, OverflowError):
        return None
    return date.isoformat() if 1900 < date.year < 2200 else None


def _truncated(title: str) -> bool:
    """JSON-LD headlines are often cut to 110 characters for search engines; skip a cut one."""
    return title.rstrip().endswith(("...", "…"))


def _ld_name(value: object) -> str | None:
    """The name of a JSON-LD thing given as an object, a list of them or a bare string."""
    if isinstance(value, list):
        return next((name for name in map(_ld_name, value) if name), None)
    if isinstance(value, dict):
        return _ld_text(value.get("name"))
    return _ld_text(value)


def _ld_text(value: object) -> str | None:
    """A JSON-LD string as plain text; JSON-LD strings often still carry HTML entities."""
    return plain(html.unescape(value)) if isinstance(value, str) else None


def plain(value: object) -> str | None:
    """`value` as one line of plain text: no tags, no control characters, at most 300 characters."""
    if not isinstance(value, str):
        return None
    text = _TAG.sub(" ", value)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in "\t\n")
    text = " ".join(text.split())
    return text[:_MAX_CHARS].strip() or None
