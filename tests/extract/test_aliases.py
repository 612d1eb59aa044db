"""Alias merging: names of one person, acronyms, and same_actor across sources."""
from __future__ import annotations

import pytest

from generator.extract.aliases import (
    group_person_names, is_acronym_of, is_surname_of, merge_mentions, name_parts, normalise, same_actor,
    same_person_name, spelling_variant,
)
from generator.model import Actor


def test_normalise_drops_case_accents_article_and_possessive():
    assert normalise("The European Union's") == "european union"
    assert normalise("Hammarskjöld") == "hammarskjold"
    assert normalise("U.S.") == normalise("US") == "us"


def test_particles_stay_with_the_surname():
    assert name_parts("Karim Abu Salem") == (["karim"], "abu salem")
    assert name_parts("Jan van der Berg") == (["jan"], "van der berg")


@pytest.mark.parametrize("a, b", [
    ("Marta Lindqvist", "Lindqvist"),             # surname after the full name
    ("Mikhail Gorbachev", "Mikhail Gorbatchev"),  # spelling variant, same first name
    ("Tim Harwood", "Timothy Harwood"),           # a short form of the first name
    ("Volodymyr Zelenskyy", "Zelensky"),           # a transliteration of the surname alone
])
def test_names_of_one_person(a, b):
    assert same_person_name(a, b)


@pytest.mark.parametrize("a, b", [
    ("Anas Rahimi", "Sirajuddin Rahimi"),    # brothers share a surname
    ("Wei Li", "Wei Lu"),                    # short surnames are not compared fuzzily
    ("Karim Abu Salem", "Salem Abu Karim"),
    ("Mikhail Gorbachev", "Raisa Gorbatchev"),
])
def test_names_of_different_people(a, b):
    assert not same_person_name(a, b)


def test_a_bare_surname_does_not_match_fuzzily_when_short():
    assert not is_surname_of("Lee", "Robert Li")
    assert is_surname_of("Abu Salem", "Karim Abu Salem")


def test_group_person_names_sends_a_shared_surname_to_its_exact_owner():
    names = ["Omar Hassan Nasser", "Youssef Abu Nasser", "Abu Nasser", "Nasser"]
    heads = group_person_names(names, [0, 10, 20, 30])
    assert heads[2] == 1          # "Abu Nasser" is Youssef Abu Nasser's surname
    assert heads[3] == 0          # "Nasser" alone is Omar Hassan Nasser's surname exactly


def test_group_person_names_keeps_people_who_share_a_surname_apart():
    heads = group_person_names(["Anas Rahimi", "Sirajuddin Rahimi", "Rahimi"], [0, 5, 9])
    assert heads[0] != heads[1]
    assert heads[2] == 1          # the nearest one mentioned before


@pytest.mark.parametrize("short, long, expected", [
    ("LDP", "Liberal Democratic Party", True),
    ("CDPJ", "Constitutional Democratic Party of Japan", True),
    ("MaT", "Maghawir al Thawra", True),
    ("UN", "Liberal Democratic Party", False),
    ("Dirco", "Department of International Relations and Cooperation", False),  # one capital: not by initials
])
def test_acronyms_by_initials(short, long, expected):
    assert is_acronym_of(short, long) is expected


def test_merge_mentions_joins_labels_acronyms_and_surnames():
    texts = ["Ingrid Solberg", "Solberg", "Northern Fisheries Council", "NFC", "Solberg"]
    labels = ["person", "organization", "organization", "organization", "person"]
    keys, new_labels = merge_mentions(texts, labels, [""] * 5, [0, 5, 9, 14, 20])
    assert keys[0] == keys[1] == keys[4]
    assert keys[2] == keys[3] != keys[0]
    assert new_labels[1] == "person"  # the NER's "organization" was her surname


def test_merge_mentions_keeps_gazetteer_ids():
    keys, _ = merge_mentions(["Moscow", "Russia", "Kremlin"], ["state"] * 3, ["russia"] * 3, [0, 3, 6])
    assert keys == ["russia"] * 3


def _actor(actor_id, name, kind, aliases=(), affiliation=None):
    return Actor(id=actor_id, name=name, kind=kind, aliases=tuple(aliases), affiliation=affiliation)


def test_same_actor_across_sources():
    putin = _actor("vladimir-putin", "Vladimir Putin", "person", ["Putin"], "russia")
    assert same_actor(putin, _actor("putin", "Putin", "person"))
    assert same_actor(putin, _actor("vladimir-poutine", "Vladimir Poutine", "person"))
    assert same_actor(_actor("csto", "CSTO", "organization"),
                      _actor("collective-security-treaty-organization", "Collective Security Treaty Organization",
                             "organization", ["CSTO"]))
    assert same_actor(_actor("ldp", "LDP", "group"),
                      _actor("liberal-democratic-party", "Liberal Democratic Party", "group"))


def test_same_actor_guards():
    anas = _actor("anas-rahimi", "Anas Rahimi", "person")
    assert not same_actor(anas, _actor("sirajuddin-rahimi", "Sirajuddin Rahimi", "person"))
    assert not same_actor(_actor("john-smith", "John Smith", "person", affiliation="canada"),
                          _actor("john-smith-2", "John Smith", "person", affiliation="australia"))
    assert not same_actor(_actor("jordan", "Jordan", "state"), _actor("michael-jordan", "Jordan", "person"))
    assert not same_actor(_actor("georgia", "Georgia", "state"), _actor("georgia-party", "Georgia", "group"))


def test_a_listed_acronym_is_not_merged_by_initials_alone():
    keys, _ = merge_mentions(["UN", "Ukrainian Navy"], ["organization", "organization"], ["un", ""], [0, 5])
    assert keys[0] != keys[1]


@pytest.mark.parametrize("a, b", [
    ("Vladimir Putin", "Vladimir Poutine"),       # letters added in transliteration
    ("Volodymyr Zelensky", "Volodymyr Zelenskiy"),
    ("Bashar Assad", "Bashar al-Assad"),          # a particle dropped
    ("Recep Erdogan", "Recep Erdo\u011fan"),       # an accent dropped
])
def test_spelling_variants_of_one_name(a, b):
    assert same_person_name(a, b)


@pytest.mark.parametrize("a, b", [
    ("John Smith", "John Smyth"),       # a letter changed
    ("Lars Jensen", "Lars Hansen"),
    ("Erik Peterson", "Erik Pedersen"),
    ("Anna Petersen", "Anna Peterson"),
    ("Mark Hansen", "Mark Hanson"),
    ("Dan Miller", "Dan Millar"),
    ("Olaf Scholz", "Olaf Schulz"),
    ("Ann Brown", "Ann Browne"),        # an English suffix: another family
    ("Sean Connor", "Sean Connors"),
])
def test_similar_surnames_of_different_people_stay_apart(a, b):
    assert not same_person_name(a, b)


def test_a_lone_surname_variant_needs_added_letters_only():
    assert is_surname_of("Zelenskyy", "Volodymyr Zelensky")
    assert not is_surname_of("Smyth", "John Smith")
    assert not is_surname_of("Connors", "Sean Connor")


@pytest.mark.parametrize("a, b, expected", [
    ("putin", "poutine", True),
    ("gorbachev", "gorbatchev", True),
    ("smith", "smyth", False),
    ("wei", "weii", False),              # too short to tell
    ("zelensky", "zelenskyyyy", False),  # too many letters added
])
def test_spelling_variant(a, b, expected):
    assert spelling_variant(a, b) is expected
