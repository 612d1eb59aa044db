"""The gazetteers and word lists of generator/extract/data, as lexicon.py serves them."""
from __future__ import annotations

import pytest

from generator.extract.lexicon import (
    collective_states, gazetteer, phrase_matcher, titles_by_length, word_list, word_sets,
)


@pytest.mark.parametrize("form, entry_id, form_type", [
    ("Armenian", "armenia", "adj"),
    ("Azerbaijani", "azerbaijan", "adj"),
    ("U.S.", "united-states", "short"),
    ("Kremlin", "russia", "capital"),
    ("White House", "united-states", "capital"),
    ("Beijing", "china", "capital"),
    ("Russian Federation", "russia", "name"),   # pycountry's ISO name
    ("Republic of Armenia", "armenia", "name"),  # pycountry's official name
    ("Türkiye", "turkey", "name"),
    ("CSTO", "csto", "short"),
    ("Arab League", "arab-league", "name"),
    ("World Court", "icj", "name"),
    ("Honiara", "solomon-islands", "capital"),  # small states have their capitals too
    ("Transnistria", "transnistria", "name"),   # a de facto state
    ("Tiraspol", "transnistria", "capital"),
])
def test_forms_name_their_entry(form, entry_id, form_type):
    found = gazetteer().lookup(form)
    assert found is not None, form
    assert (found.entry.id, found.type) == (entry_id, form_type)


def test_every_sovereign_state_is_known_with_its_kind():
    entries = gazetteer().entries
    assert entries["norway"].kind == "state"  # the YAML key NO must not turn into `false`
    assert entries["palestine"].kind == "state"
    assert entries["nato"].kind == "organization"
    assert entries["hamas"].kind == "group"
    assert entries["reuters"].kind == "media"
    assert entries["palestinians"].kind == "people"


def test_inverted_iso_names_are_not_forms():
    assert gazetteer().lookup("Korea, Republic of") is None
    assert gazetteer().lookup("South Korea").entry.id == "south-korea"


def test_a_government_body_knows_the_state_it_governs():
    assert gazetteer().governing_body("palestine").id == "pa"
    assert gazetteer().governing_body("france") is None


def test_peoples_keep_their_adjective_beside_the_state():
    assert gazetteer().lookup("Palestinian").entry.id == "palestine"
    assert gazetteer().people_by_adj["Palestinian"].id == "palestinians"


def test_lower_case_lookup_repairs_a_lower_case_adjective_only_for_longer_forms():
    assert gazetteer().lookup("russian").entry.id == "russia"
    assert gazetteer().lookup("us") is None  # the pronoun is not the United States


def test_the_phrase_matcher_finds_forms_in_text(nlp):
    doc = nlp("The Kremlin said the CSTO would meet in Yerevan.")
    found = {doc[start:end].text for _, start, end in phrase_matcher(nlp.vocab)(doc)}
    assert {"Kremlin", "CSTO", "Yerevan"} <= found


def test_word_lists_load_as_lower_case_sets():
    assert "government" in word_sets("organs")["civil"]
    assert "settlers" in word_sets("names")["group_nouns"]
    assert "support" in word_sets("alliances")["backing_verbs"]
    assert "Rear Admiral" in word_list("titles")
    lengths = [len(title) for title in titles_by_length()]
    assert lengths == sorted(lengths, reverse=True)  # longest first, so "Rear Admiral" beats "Admiral"


def test_collective_names_of_states():
    assert collective_states()["baltic"] == ("estonia", "latvia", "lithuania")
    assert "norway" in collective_states()["nordic"]  # the code NO must not turn into `false`


def test_an_armed_group_knows_the_state_it_fights_in():
    entries = gazetteer().entries
    assert entries["tplf"].home == "ethiopia"
    assert entries["farc"].home == "colombia"
    assert entries["hamas"].home is None  # not fighting its own state's army


@pytest.mark.parametrize("name", ["alliances", "cues", "names", "organs"])
def test_word_lists_hold_no_yaml_booleans(name):
    """A bare on, off, yes or no in a YAML list becomes a boolean, then "true"/"false"."""
    for key, words in word_sets(name).items():
        assert not words & {"true", "false"}, key
