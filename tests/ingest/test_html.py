"""Saved HTML pages: the article's text, and nothing from around it.

The dev pages are measured against the body the original test data gives
(word-level F1, defined below); a page written for the test reproduces the
teaser failure on a small scale; each rule is tested on blocks written for it.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

import pytest
import trafilatura
from lxml import etree

from generator.exceptions import NoArticleText
from generator.extract.nlp import load_lexicon
from generator.ingest.html import (
    Block, article_paragraphs, body_blocks, is_date_or_byline, read_html, remove_link_lists,
)
from generator.ingest.repair import repair

HERE = Path(__file__).resolve().parent
DEV_ARTICLES = HERE.parents[2] / "shared" / "eval" / "dev" / "articles"
DEV_PAGES = sorted(path.stem for path in DEV_ARTICLES.glob("*.html") if path.with_suffix(".txt").exists())
TEASERS = HERE / "data" / "teasers.html"


# --- word-level F1 on the dev pages --------------------------------------------------
#
# A word is a maximal run of letters and digits, with apostrophes inside it
# kept ("don't", "Luzon’s"); words are lower-cased. Both texts are bags
# (multisets) of words: overlap = the words they share, each counted as often
# as the rarer side has it; precision = overlap / words extracted,
# recall = overlap / words in the reference, F1 their harmonic mean.
#
# Extracted body: read_html's paragraphs after the repair (boilerplate dropped,
# glued words split), i.e. what the analysis reads; the title is not part of
# it, Source keeps it apart. Reference body: the .txt of the same name; its
# first line is left out when it is the page's title (the .txt files of the
# original test data sometimes begin with the headline), kept otherwise.

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")


def words(text: str) -> Counter:
    return Counter(token.lower() for token in _TOKEN.findall(text))


def word_f1(extracted: str, reference: str) -> tuple[float, float, float]:
    got, want = words(extracted), words(reference)
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def reference_body(text: str, title: str | None) -> str:
    first, _, rest = text.strip().partition("\n")
    if title and words(first) == words(title):
        return rest
    return text


def test_word_f1_is_a_bag_of_words_measure():
    assert word_f1("the cat sat", "the cat sat") == (1.0, 1.0, 1.0)
    precision, recall, f1 = word_f1("The the cat", "the cat sat down")
    assert (precision, recall) == (2 / 3, 2 / 4)
    assert f1 == pytest.approx(2 * (2 / 3) * (1 / 2) / (2 / 3 + 1 / 2))
    assert word_f1("", "words") == (0.0, 0.0, 0.0)
    assert reference_body("A Title Here\nBody text.", "A title here") == "Body text."
    assert reference_body("Body first.\nMore body.", "A title here") == "Body first.\nMore body."


@pytest.fixture(scope="module")
def lexicon() -> frozenset[str]:
    return load_lexicon("en_core_web_sm")


def test_dev_pages_match_their_reference_text(lexicon):
    assert len(DEV_PAGES) >= 3, f"dev pages missing under {DEV_ARTICLES}"
    rows = []
    for name in DEV_PAGES:
        page = (DEV_ARTICLES / f"{name}.html").read_text(encoding="utf-8")
        parsed = read_html(page, name)
        paragraphs, _ = repair(parsed.paragraphs, lexicon)
        reference = reference_body((DEV_ARTICLES / f"{name}.txt").read_text(encoding="utf-8"), parsed.title)
        baseline = trafilatura.extract(page, include_comments=False, include_tables=False) or ""
        rows.append((name, *word_f1("\n".join(paragraphs), reference), word_f1(baseline, reference)[2]))

    print(f"\n{'page':<45} {'precision':>9} {'recall':>7} {'F1':>6}   trafilatura alone F1")
    for name, precision, recall, f1, baseline in rows:
        print(f"{name:<45} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}   {baseline:.3f}")
    mean = sum(row[3] for row in rows) / len(rows)
    print(f"{'mean':<45} {'':>9} {'':>7} {mean:>6.3f}")

    assert mean >= 0.95
    assert all(f1 >= 0.90 for _, _, _, f1, _ in rows), rows


def test_a_large_page_is_read_quickly_with_one_trafilatura_run(monkeypatch):
    calls = []
    real = trafilatura.bare_extraction

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", counting)
    page = (DEV_ARTICLES / "reuters-israeli-tank-journalists-2024.html").read_text(encoding="utf-8")
    assert len(page) > 500_000
    read_html(page, "warm-up")  # imports and caches are not the page's cost
    started = time.perf_counter()
    read_html(page, "reuters")
    assert time.perf_counter() - started < 1.0
    assert len(calls) == 2


# --- a page written for the test -----------------------------------------------------

TEASER_PAGE_ARTICLE = [
    "Dock workers at the northern harbour returned to work on Wednesday after their union accepted "
    "a pay offer that ends a three-week strike, the port authority said.",
    "The agreement raises wages by 6 percent this year and 4 percent next year, according to a statement "
    "from the union, which had demanded nine percent over one year.",
    "Ships had queued outside the harbour for days, and several shipping lines diverted cargo to ports "
    "further south while the strike lasted.",
    "The port authority said it expected to clear the backlog of about 40,000 containers within two weeks, "
    "with extra shifts planned for the weekend.",
    "\"We are glad the ships are moving again,\" harbour master Ingrid Holm told reporters, adding that no "
    "cargo had been lost during the dispute.",
    "Employers said the deal would cost them about 30 million euros a year but avoided further damage to "
    "the region's exporters.",
]


def test_teaser_cards_are_left_out():
    page = TEASERS.read_text(encoding="utf-8")
    # The fixture is only a test if trafilatura alone keeps the teasers.
    assert "Operators blame fuel prices" in trafilatura.extract(page, include_comments=False)

    parsed = read_html(page, "tests/ingest/data/teasers.html")

    assert parsed.paragraphs == TEASER_PAGE_ARTICLE
    assert parsed.title == "Harbour workers end strike after pay deal"
    assert parsed.meta == {"publisher": "Coastal Herald", "published": "2024-06-12",
                           "url": "https://www.coastalherald.example/news/harbour-strike-ends"}


def test_only_text_comes_out_of_a_page():
    page = TEASERS.read_text(encoding="utf-8")
    text = "\n".join(read_html(page, "teasers").paragraphs)
    assert "nine percent" in text  # the <b> around it is gone, its text stays
    assert not re.search(r"<[a-z/]|tracking|color:", text)


def test_a_page_without_article_text_is_refused_with_its_path():
    page = "<html><body><nav><a href='/a'>Home</a> <a href='/b'>News</a></nav><p>Short.</p></body></html>"
    with pytest.raises(NoArticleText, match="content/sources/empty.html"):
        read_html(page, "content/sources/empty.html")


# --- link lists, cut from the page before trafilatura -----------------------------------

PROSE = ("The committee met for six hours on Tuesday and agreed to publish its findings next month, "
         "after members raised concerns about the pace of the inquiry and the cost of delays. ")


def _texts(tree) -> str:
    return " ".join(tree.text_content().split())


def test_link_lists_are_cut_and_prose_with_links_kept():
    page = f"""<html><body><div>
      <p>{PROSE}<a href="/report">The report</a> and <a href="/minutes">the minutes</a> are online.</p>
      <ul><li><a href="/a">Markets slide as rates rise</a></li><li><a href="/b">Storm closes schools</a></li></ul>
      <div><h3>Latest</h3><a href="/c"><div><h4>Bridge reopens</h4><p>Traffic flows again</p></div></a>
        <a href="/d"><div><h4>Mayor resigns</h4><p>A surprise move</p></div></a></div>
    </div></body></html>"""
    tree = trafilatura.load_html(page)
    assert remove_link_lists(tree) == 2
    text = _texts(tree)
    assert "The report and the minutes are online." in text
    for teaser in ("Markets slide", "Storm closes", "Latest", "Bridge reopens", "Mayor resigns"):
        assert teaser not in text


def test_a_table_of_contents_is_cut_but_not_headings_linked_to_themselves():
    page = f"""<html><body><div>
      <ul><li><a href="#background">Background</a></li><li><a href="#reactions">Reactions</a></li></ul>
      <h2><a href="#background">Background</a></h2><p>{PROSE}</p>
      <h2><a href="#reactions">Reactions</a></h2><p>{PROSE}</p>
    </div></body></html>"""
    tree = trafilatura.load_html(page)
    assert remove_link_lists(tree) == 1
    text = _texts(tree)
    assert (text.count("Background"), text.count("Reactions"), text.count("committee met")) == (1, 1, 2)


def test_text_after_a_cut_list_stays():
    page = f"""<html><body><div><p>{PROSE}</p><div>
      <ul><li><a href="/a">One link here</a></li><li><a href="/b">Two links here</a></li></ul>Tail text stays.
    </div></div></body></html>"""
    tree = trafilatura.load_html(page)
    remove_link_lists(tree)
    assert "Tail text stays." in _texts(tree)
    assert "One link" not in _texts(tree)


def test_an_article_inside_a_link_by_a_markup_error_is_kept():
    page = f"""<html><body><div class="page">
      <a href="/story"><div><p>{PROSE * 3}</p><p>{PROSE * 2}</p></div></a>
      <a href="/">Home</a>
    </div></body></html>"""
    tree = trafilatura.load_html(page)
    remove_link_lists(tree)
    assert "committee met for six hours" in _texts(tree)


# --- trafilatura's blocks, after --------------------------------------------------------

def test_blocks_keep_words_apart_at_line_breaks_and_measure_link_text():
    # trafilatura's body format: <lb/> for <br>, <ref> for links, <quote> around paragraphs.
    body = etree.fromstring(
        "<body><p>First line<lb/>second line</p>"
        "<p>Read <ref target='/x'>the whole long linked <hi>report</hi> here</ref></p>"
        "<quote><p>One quoted paragraph.</p><p>Another one.</p></quote>"
        "<list><item>Item with <ref target='/y'>a link</ref><list><item>Nested item</item></list></item></list>"
        "<head><ref target='#usage'>Using <code>let</code> here</ref></head>"
        "<code>x = 1</code>"
        "</body>")
    blocks = body_blocks(body)
    assert [(block.text, block.kind) for block in blocks] == [
        ("First line second line", "p"),
        ("Read the whole long linked report here", "p"),
        ("One quoted paragraph.", "p"),
        ("Another one.", "p"),
        ("Item with a link", "item"),
        ("Nested item", "item"),
        ("Using let here", "head"),   # inline code stays in its sentence
        ("x = 1", "code"),            # a code block is a block of its own
    ]
    # A link to a heading of the page itself ("#usage") leads nowhere else: no link text.
    assert [round(block.link_share, 2) for block in blocks] == [0, round(6 / 7, 2), 0, 0, 0.5, 0, 0, 0]


SENTENCE = "The minister said the talks would resume next week in Geneva."


def p(text: str, link_share: float = 0.0, kind: str = "p") -> Block:
    return Block(text, kind, link_share)


def test_link_dense_blocks_are_dropped():
    assert article_paragraphs([p(SENTENCE), p("Our standards: the trust principles.", 0.7)], None) == [SENTENCE]


def test_a_heading_repeating_the_title_is_dropped_other_headings_kept():
    blocks = [p("Talks to resume in Geneva", kind="head"), p(SENTENCE),
              p("What comes next", kind="head"), p(SENTENCE)]
    assert article_paragraphs(blocks, "Talks to resume in Geneva") == [SENTENCE, "What comes next", SENTENCE]


def test_date_and_byline_lines_are_dropped():
    blocks = [p("By Jane Roe and John Doe"), p("Updated: Oct 14, 2024 at 10:30 a.m. EDT"), p(SENTENCE)]
    assert article_paragraphs(blocks, None) == [SENTENCE]


def test_a_run_of_headline_like_blocks_is_a_teaser_list():
    blocks = [p(SENTENCE), p("Ferry fares to rise"), p("Bridge repairs delayed"), p("Quota talks collapse"),
              p(SENTENCE), p("Subheading before prose"), p(SENTENCE)]
    assert article_paragraphs(blocks, None) == [SENTENCE, SENTENCE, "Subheading before prose", SENTENCE]


def test_a_headline_next_to_links_is_a_teaser():
    blocks = [p(SENTENCE), p("More on this story"), p("Ferry fares to rise in autumn", 1.0), p(SENTENCE)]
    assert article_paragraphs(blocks, None) == [SENTENCE, SENTENCE]
    linked_items = [p(SENTENCE), p("Related coverage", kind="head"), p("Ferry fares rise", 1.0, "item"),
                    p("Bridge closes", 1.0, "item"), p(SENTENCE)]
    assert article_paragraphs(linked_items, None) == [SENTENCE, SENTENCE]


def test_teasers_after_the_last_sentence_are_dropped_list_items_kept():
    excerpt = "Operators blame fuel prices for the increase, which passengers say will hit island families hardest and"
    assert article_paragraphs([p(SENTENCE), p(excerpt), p("Related", kind="head")], None) == [SENTENCE]
    items = [p(SENTENCE), p("20 people injured", kind="item"), p("Two bridges closed", kind="item")]
    assert article_paragraphs(items, None) == [SENTENCE, "20 people injured", "Two bridges closed"]


@pytest.mark.parametrize("line", [
    "By Ben Blanchard and Yimou Lee",
    "By Jane Roe, Staff Writer",
    "By Jane Roe | Reuters",
    "2024-10-14",
    "Oct 14, 2024",
    "14 October 2024",
    "Published 5 hours ago",
    "Updated: Oct 14, 2024 at 10:30 a.m. EDT",
    "Wednesday, March 6, 2024",
])
def test_date_or_byline(line):
    assert is_date_or_byline(line)


@pytest.mark.parametrize("line", [
    "By Tuesday, Russia had withdrawn its troops.",
    "By the time the talks ended, the ceasefire had collapsed.",
    "By Jane Roe's own account, the meeting went badly.",
    "On Oct 14, 2024, the talks resumed.",
    "Bridge repairs delayed again",
])
def test_not_date_or_byline(line):
    assert not is_date_or_byline(line)
