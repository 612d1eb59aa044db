"""The repair of scraped text: boilerplate lines dropped, glued words split, nothing else changed.

Every example is written for the test, except the seed article. The lexicon is
the real one (the spaCy model's words), so a word's fate here is its fate in a
build; where a negative case depends on a word being missing from the lexicon,
the test checks that first, so it cannot pass for the wrong reason.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.nlp import load_lexicon
from generator.ingest.repair import Vocabulary, is_boilerplate, repair, split_glued_words
from generator.ingest.text import read_text, split_paragraphs

SEED = Path(__file__).resolve().parents[2] / "content" / "sources" / "newsweek-putin-mini-nato-2022.txt"
DEV_TEXTS = sorted((Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev" / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def lexicon() -> frozenset[str]:
    words = load_lexicon("en_core_web_sm")
    assert len(words) > 10_000
    return words


def fix(text: str, lexicon: frozenset[str], context: str = "") -> str:
    """`text` repaired, with `context` (more paragraphs of the same article) in the vocabulary."""
    vocabulary = Vocabulary.of([text, context], lexicon)
    return split_glued_words(text, vocabulary)


def assert_unknown(word: str, lexicon: frozenset[str]) -> None:
    """A negative case only tests a rule if the lexicon alone would not protect the word."""
    assert word.lower() not in lexicon


# --- the seed article ------------------------------------------------------------

def test_seed_article_is_repaired_exactly_where_words_were_glued(lexicon):
    parsed = read_text(SEED.read_text(encoding="utf-8"), "seed")
    repaired, dropped = repair(parsed.paragraphs, lexicon)

    glued = {
        "forcesrussian president Vladimir Poutinethe attention": "forces russian president Vladimir Poutine the attention",
        "Armeniaa military ally": "Armenia a military ally",
        "response to NATOwill be exposed": "response to NATO will be exposed",
        "reports from Bloombergbut neither": "reports from Bloomberg but neither",
    }
    expected = []
    for paragraph in parsed.paragraphs:
        if paragraph == "Leave a Comment":
            continue
        for before, after in glued.items():
            paragraph = paragraph.replace(before, after)
        expected.append(paragraph)
    assert dropped == 1
    assert repaired == expected
    assert sum(after in text for text in repaired for after in glued.values()) == len(glued)


def test_the_dev_articles_are_there():
    assert len(DEV_TEXTS) >= 3


@pytest.mark.parametrize("path", DEV_TEXTS, ids=lambda path: path.stem)
def test_clean_articles_are_left_exactly_as_they_are(path, lexicon):
    # The dev articles are clean text: a split here would corrupt a real word
    # (the first version split "regionally", "hypersonic", "sideswiped").
    paragraphs = split_paragraphs(path.read_text(encoding="utf-8"))
    assert repair(paragraphs, lexicon) == (paragraphs, 0)


# --- boilerplate ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Leave a Comment",
    "Leave a reply.",
    "12 Comments",
    "Share this article",
    "Share on Facebook",
    "Follow us on Twitter",
    "Subscribe",
    "Sign up for our daily newsletter",
    "Sign up for daily updates",
    "(c) 2024 Example Media",
    "Advertisement",
    "Read more: Ukraine's grain deal collapses",
    "© 2024 Example Media Group",
    "Copyright 2019 Example News. All rights reserved.",
    "Photo: AFP",
    "5 min read",
    "Listen to this article",
    "Reporting by Jane Roe in Beirut; Editing by John Doe",
    "Reporting by Jane Roe in Beirut and Sam Poe in Kyiv; Writing by Jane Roe; Editing by John Doe",
])
def test_boilerplate_lines_are_dropped(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Copyright lawsuits against AI companies rose sharply last year.",
    "Register to vote by Friday, the electoral commission urged.",
    "Share prices fell 5% on Monday.",
    "Reporting by the Guardian revealed the deal last week.",
    "Comments by the minister drew criticism from the opposition.",
    "Photographs of the site showed heavy damage.",
    "Leave a comment on the ministry's website, officials told residents, if you saw the convoy.",
    "Subscribe to the idea that sanctions work, and you will be disappointed, the analyst said.",
    "Register for free flu shots at any pharmacy, officials said.",
    "(c) any person who enters the zone without a permit.",
])
def test_sentences_a_reporter_writes_are_kept(line):
    assert not is_boilerplate(line)


def test_a_long_paragraph_is_never_boilerplate():
    assert not is_boilerplate("Share this article " + "and more words " * 10)


def test_repair_counts_the_dropped_paragraphs(lexicon):
    paragraphs = ["Share this article", "The talks resumed on Monday in Geneva.", "Leave a Comment"]
    assert repair(paragraphs, lexicon) == (["The talks resumed on Monday in Geneva."], 2)


# --- glued words, rule by rule ---------------------------------------------------------

CONTEXT = ("NATO met in Brussels. Bloomberg reported the news. Armenia and Azerbaijan clashed. "
           "Russian forces withdrew. The Russian army lost ground.")


@pytest.mark.parametrize(("glued", "split"), [
    ("to NATOwill be exposed", "to NATO will be exposed"),        # acronym + glue word
    ("all NATOmembers agreed", "all NATO members agreed"),        # acronym the text uses + a word
    ("from Bloombergbut neither", "from Bloomberg but neither"),  # name + glue word
    ("to Armeniaa military ally", "to Armenia a military ally"),  # short glue word, doubled letter
    ("the forcesthe army sent", "the forces the army sent"),      # lower-case word + glue word
    ("Ukrainian forcesRussian army", "Ukrainian forces Russian army"),  # case change at the join
    ("Ukrainian forcesrussian president", "Ukrainian forces russian president"),  # word + a name
    ("the ArmeniaAzerbaijan border", "the Armenia Azerbaijan border"),  # two names the text uses
    ("talks ended.Russian forces", "talks ended. Russian forces"),  # sentence stop without a space
])
def test_glued_words_are_split(glued, split, lexicon):
    assert fix(glued, lexicon, CONTEXT) == split


def test_acronym_not_used_alone_keeps_its_capitals(lexicon):
    # "JPMorgan": "JPM" is not used alone and "organ" is no glue word.
    assert fix("shares of JPMorgan rose", lexicon, CONTEXT) == "shares of JPMorgan rose"
    assert_unknown("DJing", lexicon)
    assert fix("known for DJing at weddings", lexicon, "The DJ played.") == "known for DJing at weddings"


@pytest.mark.parametrize(("word", "context"), [
    ("Kazakhstanis", "Kazakhstan refused to help."),   # demonym in -is
    ("Bahrainis", "Bahrain hosted the talks."),
    ("Malian", "Mali expelled the envoy."),            # demonym in -an
    ("Zorana", "Zoran Milanovic spoke."),              # a name and its feminine form
])
def test_name_endings_are_not_read_as_glue_words(word, context, lexicon):
    assert_unknown(word, lexicon)
    text = f"said {word} officials"
    assert fix(text, lexicon, context) == text


@pytest.mark.parametrize(("word", "context"), [
    ("airstrikes", "The air force said strikes would go on."),
    ("heatwave", "The heat and a wave of fires followed."),
    ("hardliners", "It was hard, said the liners' crews."),
])
def test_lower_case_compounds_stay_whole(word, context, lexicon):
    assert_unknown(word, lexicon)
    text = f"the {word} continued"
    assert fix(text, lexicon, context) == text


def test_real_words_in_the_lexicon_stay_whole(lexicon):
    assert fix("the newsroom said", lexicon, "News came to the room.") == "the newsroom said"


def test_a_single_mention_surname_stays_whole(lexicon):
    # Nothing in the text says "Kovalis" is two words, though "Koval" is used alone.
    assert_unknown("Kovalis", lexicon)
    text = "analyst Olena Kovalis told reporters"
    assert fix(text, lexicon, "Koval said the talks failed.") == text


def test_a_word_used_twice_is_a_word(lexicon):
    text = "Bloombergbut and Bloombergbut again"
    assert fix(text, lexicon, CONTEXT) == text


def test_camel_case_brands_stay_whole(lexicon):
    assert_unknown("easyJet", lexicon)
    assert fix("flights on easyJet resumed", lexicon, "It was easy.") == "flights on easyJet resumed"
    assert_unknown("PowerPoint", lexicon)
    context = "Power shifted. The power grid failed. Point taken."
    assert fix("a PowerPoint slide", lexicon, context) == "a PowerPoint slide"


@pytest.mark.parametrize("text", [
    "see https://www.example.com/NATOwill/Bloombergbut for details",
    "write to press.office@forcesrussian.example.org today",
    "according to GlobalSecurity.org and Bloombergbut.com",
    "follow @NATOwill and #Armeniaa online",
    "visit www.Bloombergbut.com/ArmeniaAzerbaijan now",
])
def test_addresses_are_never_touched(text, lexicon):
    assert fix(text, lexicon, CONTEXT + " Global Security is a site.") == text


def test_prose_around_an_address_is_still_repaired(lexicon):
    text = "see example.org/report, wrote Bloombergbut neither"
    assert fix(text, lexicon, CONTEXT) == "see example.org/report, wrote Bloomberg but neither"
