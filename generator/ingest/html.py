"""Saved HTML pages: the article's main text through trafilatura, metadata from the page.

trafilatura finds the main text. What it lets through from around the article
is removed by general rules on the shape of the page, never by rules for one
site, in two places:

* before trafilatura runs, blocks of the page that are lists of links (menus,
  footers, "related articles" grids of teaser cards) are cut from the page:
  the link density of a block is only known there, and trafilatura keeps the
  text of a teaser card once it has dropped the link around it;
* after it, in the blocks it returns: blocks that are mostly link text,
  a heading that repeats the title, date-only and byline-only lines, and
  teaser-shaped blocks (short headline-like lines without final punctuation)
  next to links, in runs, or trailing after the article's last sentence.

Only text leaves this module: the page is untrusted and no markup is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from lxml import etree, html as lxml_html

from generator.exceptions import NoArticleText
from generator.ingest.metadata import PageMetadata, read_metadata
from generator.ingest.parsed import Parsed

_MIN_TEXT_CHARS = 200

# --- the page, before trafilatura --------------------------------------------
# Elements that hold blocks of a page; a list of links is one of these.
_PAGE_BLOCKS = frozenset({
    "div", "section", "aside", "nav", "header", "footer", "article", "ul", "ol", "li", "dl",
    "table", "tbody", "tr", "td", "p", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "form",
})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
# A block is a list of links when it holds two links or more and nearly all of
# its words are link text: a running paragraph with links stays far below this.
_LINK_LIST_MIN_LINKS = 2
_LINK_LIST_MIN_SHARE = 0.7

# --- trafilatura's blocks, after ----------------------------------------------
_TEXT_BLOCKS = frozenset({"p", "head", "item", "quote"})
# A block whose text is mostly link text is navigation, not article.
_MAX_LINK_SHARE = 0.5
_HEADLINE_MAX_WORDS = 14
_TITLE_WITHIN = 3
"""The title heading is looked for among the first blocks (a date or byline may come first)."""
# Three teaser-shaped blocks in a row (headline-like, date, byline) are a list
# of teasers: an article puts prose under each of its subheadings.
_TEASER_RUN = 3
_FINAL_PUNCTUATION = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»)\]]$")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_LINE = re.compile(
    r"(?:(?:published|updated|posted|last updated|modified)(?: on)?:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?"
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago)"
    r"(?:,?\s*(?:at\s*)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|da|la|le))*"
# "By A, B and C", optionally "| Site" or "- 5 min read" after it; never a
# sentence, since every word after "By" must be capitalised up to the separator.
_BYLINE = re.compile(rf"By\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s+[|/–—-]\s+[^.,;]{{0,40}})?")
_MAX_DATE_OR_BYLINE_CHARS = 100
"""Longer than this, a line is prose, whatever its first words."""


def read_html(text: str, path: str) -> Parsed:
    """The article in a saved page: title, paragraphs of plain text, and the page's metadata.

    trafilatura runs once, on the page with its link lists cut. It keeps links
    (include_links) only so that the share of link text in each block can be
    measured; the paragraphs returned are text alone.
    """
    tree = trafilatura.load_html(text)
    if tree is None:
        raise NoArticleText(path, "the file is not an HTML page")
    remove_link_lists(tree)
    document = trafilatura.bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=False,
        include_links=True, output_format="python",
    )
    if document is None or document.body is None:
        raise NoArticleText(path, "no main text found in the page")
    metadata = read_metadata(text, _trafilatura_metadata(document))
    paragraphs = article_paragraphs(body_blocks(document.body), metadata.title)
    if sum(len(p) for p in paragraphs) < _MIN_TEXT_CHARS:
        raise NoArticleText(path, f"only {sum(len(p) for p in paragraphs)} characters of text")
    return Parsed(title=metadata.title, paragraphs=paragraphs, meta=metadata.as_meta())


def _trafilatura_metadata(document: trafilatura.settings.Document) -> PageMetadata:
    return PageMetadata(
        title=document.title, publisher=document.sitename, published=document.date,
        url=document.url, author=document.author,
        hostname=document.hostname,
    )


# --- the page, before trafilatura --------------------------------------------

def remove_link_lists(tree: lxml_html.HtmlElement) -> int:
    """Cut every block that is a list of links from the page; how many were cut.

    Words are counted once for the whole tree, children before parents; then
    the outermost blocks that qualify are removed, a removed block's insides
    with it. A block holding more than half of the page's words is never cut:
    that is the article itself, inside a link by a markup error.
    """
    counts = _word_counts(tree)
    page_words = counts[tree][0] or 1
    doomed: list[etree._Element] = []
    for element in tree.iter(*_PAGE_BLOCKS):
        words, linked, links = counts.get(element, (0, 0, 0))
        if links >= _LINK_LIST_MIN_LINKS and words and linked / words >= _LINK_LIST_MIN_SHARE \
                and words <= page_words / 2 and not _inside_last(element, doomed):
            doomed.append(element)
    for element in doomed:
        _drop_keeping_tail(element)
    return len(doomed)


def _inside_last(element: etree._Element, blocks: list[etree._Element]) -> bool:
    """Whether `element` lies inside the last of `blocks`: found in document order, it is the only
    one that can hold an element met later."""
    return bool(blocks) and any(ancestor is blocks[-1] for ancestor in element.iterancestors())


def _word_counts(tree: lxml_html.HtmlElement) -> dict[etree._Element, tuple[int, int, int]]:
    """(words, words inside links, links) for every element, from one pass over the tree."""
    counts: dict[etree._Element, tuple[int, int, int]] = {}
    for element in reversed(list(tree.iter())):  # descendants come before their ancestors
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT:
            counts[element] = (0, 0, 0)
            continue
        words = _words(element.text)
        linked = links = 0
        for child in element:
            child_words, child_linked, child_links = counts[child]
            words += child_words + _words(child.tail)
            linked += child_linked
            links += child_links
        if element.tag == "a" and element.get("href"):  # in-page anchors too: a table of contents is a link list
            linked, links = words, links + 1
        counts[element] = (words, linked, links)
    return counts


def _words(text: str | None) -> int:
    return len(text.split()) if text else 0


def _drop_keeping_tail(element: etree._Element) -> None:
    """Remove `element` but not the text after it, which belongs to its parent."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    previous = element.getprevious()
    if tail and tail.strip():
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# --- trafilatura's blocks, after ----------------------------------------------

@dataclass(frozen=True)
class Block:
    text: str
    kind: str
    """trafilatura's element: p, head (a heading), item (of a list), quote or code."""
    link_share: float
    """Share of the words that are link text."""


def body_blocks(body: etree._Element) -> list[Block]:
    """The text blocks of trafilatura's body in reading order; nested blocks come out on their own."""
    blocks: list[Block] = []
    for element in body.iter(*_TEXT_BLOCKS, "code"):
        if not _is_block(element):
            continue
        parts: list[tuple[str, bool]] = []
        _collect_text(element, parts, in_link=False)
        text = " ".join("".join(part for part, _ in parts).split())
        if not text:
            continue
        linked = sum(_words(part) for part, in_link in parts if in_link)
        blocks.append(Block(text, element.tag, linked / max(_words(text), 1)))
    return blocks


def _links_away(target: str | None) -> bool:
    """Whether a link leads off the page: a heading linked to itself ("#section") is no link text."""
    return bool(target) and not target.strip().startswith("#")


def _is_block(element: etree._Element) -> bool:
    """A paragraph, heading, list item or quote; or a code block, but not code inside a sentence."""
    if element.tag in _TEXT_BLOCKS:
        return True
    return element.tag == "code" and not any(
        ancestor.tag in _TEXT_BLOCKS or ancestor.tag == "code" for ancestor in element.iterancestors())


def _collect_text(element: etree._Element, parts: list[tuple[str, bool]], in_link: bool) -> None:
    """(text, inside a link) pieces of `element`'s own text; nested text blocks are left to themselves."""
    in_link = in_link or (element.tag == "ref" and _links_away(element.get("target")))
    if element.text:
        parts.append((element.text, in_link))
    for child in element:
        if child.tag == "lb" or _is_block(child):
            parts.append(("\n", False))  # a line break or a nested block separates words
        else:
            _collect_text(child, parts, in_link)
        if child.tail:
            parts.append((child.tail, in_link))


def article_paragraphs(blocks: list[Block], title: str | None) -> list[str]:
    """The blocks that are the article, as paragraphs."""
    blocks = _without_title(blocks, title)
    keep = [not _is_links(block) and not is_date_or_byline(block.text) for block in blocks]
    for start, end in _teaser_runs(blocks):
        if end - start >= _TEASER_RUN or any(_is_links(block) for block in blocks[start:end]):
            keep[start:end] = [False] * (end - start)
    # What follows the article's last sentence (or list) is not article: a cut
    # teaser excerpt, a heading with nothing under it, a credit line.
    for index in reversed(range(len(blocks))):
        if not keep[index]:
            continue
        if blocks[index].kind == "item" or ends_sentence(blocks[index].text):
            break
        keep[index] = False
    return [block.text for block, kept in zip(blocks, keep) if kept]


def _without_title(blocks: list[Block], title: str | None) -> list[Block]:
    """The blocks without an opening heading that repeats the title, which Source holds apart."""
    for index, block in enumerate(blocks[:_TITLE_WITHIN]):
        if title and block.kind == "head" and _same_text(block.text, title):
            return blocks[:index] + blocks[index + 1:]
    return blocks


def _same_text(one: str, other: str) -> bool:
    return re.sub(r"\W+", "", one).lower() == re.sub(r"\W+", "", other).lower()


def _is_links(block: Block) -> bool:
    return block.link_share > _MAX_LINK_SHARE


def _teaser_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive teaser-shaped blocks.

    Teaser-shaped: headline-like, a date or byline, or mostly link text. A list
    item with its own text is article (a list of facts), so it ends a run.
    """
    runs: list[tuple[int, int]] = []
    start = None
    for index, block in enumerate([*blocks, None]):
        teaser = block is not None and (_is_links(block) or block.kind != "item" and (
            is_headline_like(block.text) or is_date_or_byline(block.text)))
        if teaser and start is None:
            start = index
        elif not teaser and start is not None:
            runs.append((start, index))
            start = None
    return runs


def is_headline_like(text: str) -> bool:
    """A short line without final punctuation: a heading or a teaser's headline, not a sentence."""
    return len(text.split()) <= _HEADLINE_MAX_WORDS and not ends_sentence(text)


def ends_sentence(text: str) -> bool:
    return bool(_FINAL_PUNCTUATION.search(text.rstrip()))


def is_date_or_byline(text: str) -> bool:
    """A line that is only a date ("Oct 14, 2024", "2 hours ago") or only a byline ("By A and B")."""
    text = text.strip().rstrip(".")
    return len(text) <= _MAX_DATE_OR_BYLINE_CHARS and bool(_DATE_LINE.fullmatch(text) or _BYLINE.fullmatch(text))
