"""find_cast on short texts written for each rule, and on the seed article."""
from __future__ import annotations

import pytest

from generator.extract.actors import find_cast
from generator.extract.alliances import find_alliances
from generator.extract.nlp import load_lexicon
from generator.ingest import IngestOptions, read_bytes, read_source
from tests.conftest import ROOT, SEED


def cast_of(make_article, body, **source_fields):
    article = make_article(body, **source_fields)
    return article, find_cast(article)


def by_id(cast):
    return {actor.id: actor for actor in cast.actors}


# --- states: names, organs, adjectives, capitals -------------------------------------


def test_an_adjective_alone_names_no_state(make_article):
    _, cast = cast_of(make_article, "Prices of Danish butter rose sharply last year, traders said.")
    assert "denmark" not in by_id(cast)


def test_an_organ_of_a_state_names_the_state(make_article):
    article, cast = cast_of(make_article, "The Chilean government rejected the proposal on Monday.")
    actors = by_id(cast)
    assert actors["chile"].kind == "state"
    government = next(t for t in article.doc if t.text == "government")
    assert cast.actor_for(government) == "chile"


def test_a_capital_that_acts_is_its_state_and_one_where_things_happen_is_not(make_article):
    _, acting = cast_of(make_article, "Ottawa announced new sanctions against the regime.")
    assert "canada" in by_id(acting)
    _, place = cast_of(make_article, "The delegates met for three days in Nairobi to discuss trade.")
    assert "kenya" not in by_id(place)


def test_a_seat_of_government_is_its_state(make_article):
    _, cast = cast_of(make_article, "The White House declined to comment on the report.")
    assert by_id(cast)["united-states"].kind == "state"


def test_a_state_only_locating_a_body_is_not_an_actor(make_article):
    _, cast = cast_of(make_article, "Dina Morales, an economist at Swiss think-tank Avenir Research, disagreed.")
    assert "switzerland" not in by_id(cast)


# --- people --------------------------------------------------------------------------


def test_title_is_cut_from_the_name_and_kept_as_role_with_affiliation(make_article):
    _, cast = cast_of(make_article, "Ukrainian Defence Minister Oleksandr Petrenko said the line would hold. "
                                    "Petrenko spoke after a meeting in the capital.")
    petrenko = by_id(cast)["oleksandr-petrenko"]
    assert petrenko.kind == "person"
    assert petrenko.role == "Ukrainian Defence Minister"
    assert petrenko.affiliation == "ukraine"
    assert "Petrenko" in petrenko.aliases
    assert petrenko.mentions == 2


def test_apposition_gives_role_and_employer(make_article):
    _, cast = cast_of(make_article, "Maria Delgado, a senior analyst at Northbridge Capital, said oil prices "
                                    "would fall. Northbridge Capital advises several governments.")
    delgado = by_id(cast)["maria-delgado"]
    assert delgado.role.startswith("a senior analyst") or delgado.role.startswith("senior analyst")
    assert delgado.affiliation == "northbridge-capital"


def test_member_of_a_state_body_speaks_for_the_state(make_article):
    _, cast = cast_of(make_article, "Erlan Abenov, member of the Budget Committee of the Parliament of Kyrgyzstan, "
                                    "told reporters that Kyrgyzstan would not pay.")
    assert by_id(cast)["erlan-abenov"].affiliation == "kyrgyzstan"


def test_a_spelling_variant_of_a_name_is_merged(make_article):
    _, cast = cast_of(make_article, "Mikhail Gorbatchev met the envoys. Later Mikhail Gorbachev said talks "
                                    "would continue, and Gorbachev left.")
    people = [a for a in cast.actors if a.kind == "person"]
    assert len(people) == 1 and people[0].mentions == 3


def test_two_people_sharing_a_surname_stay_apart(make_article):
    _, cast = cast_of(make_article, "Anwar Rahimi, a commander, was freed along with Farid Rahimi, his cousin. "
                                    "Farid Rahimi said he was tired.")
    people = {a.name for a in cast.actors if a.kind == "person"}
    assert {"Anwar Rahimi", "Farid Rahimi"} <= people


def test_a_name_the_ner_missed_is_found_by_its_apposition(make_article):
    _, cast = cast_of(make_article, "Zhanar Ospanova, deputy head of the agency, said the figures were wrong. "
                                    "\u201cWe will check,\u201d said Ospanova.")
    assert any(a.kind == "person" and "Ospanova" in a.name for a in cast.actors)


@pytest.mark.parametrize("opening", [
    "DUBAI/ATHENS, March 10 (Reuters) - ",
    "Athens (AFP) - ",
    "ATHENS \u2014 ",
])
def test_the_cities_of_a_dateline_are_no_actors(make_article, opening):
    _, cast = cast_of(make_article, f"{opening}Yemen's Houthi movement said on Tuesday it had attacked a ship.")
    assert {"yemen", "houthis"} <= set(by_id(cast))
    assert not {"greece", "united-arab-emirates"} & set(by_id(cast))


def test_an_acronym_opening_a_paragraph_before_a_dash_is_no_dateline(make_article):
    _, cast = cast_of(make_article, "NATO - the alliance of 32 states - said on Tuesday it would meet.")
    assert "nato" in by_id(cast)


@pytest.mark.parametrize("credits", [
    "Reporting by Lucas Pereira; Editing by Helen Moore",
    "(Reporting by Lucas Pereira in Recife and Ana Lima in Natal; Editing by Helen Moore)",
    "Additional reporting by Lucas Pereira. Editing by Helen Moore.",
])
def test_staff_in_wire_credits_are_not_actors(make_article, credits):
    _, cast = cast_of(make_article, f"Brazil raised its forecast on Tuesday.\n\n{credits}")
    assert not [a for a in cast.actors if a.kind == "person"]


def test_the_leader_of_a_regime_named_nowhere_else_is_no_person(make_article):
    _, cast = cast_of(make_article, "The Syrian government denied the claim. Critics say the Assad regime "
                                    "is responsible.")
    assert not [a for a in cast.actors if a.kind == "person"]


# --- bodies, acronyms, groups, media --------------------------------------------------


def test_an_acronym_the_text_defines_is_the_same_body(make_article):
    _, cast = cast_of(make_article, "The Northern Fisheries Council (NFC) set new quotas. The NFC said stocks "
                                    "were recovering.")
    council = [a for a in cast.actors if "NFC" in (a.name, *a.aliases)]
    assert len(council) == 1 and council[0].name == "Northern Fisheries Council"


def test_a_listed_body_is_known_by_acronym_and_name(make_article):
    _, cast = cast_of(make_article, "The Association of Southeast Asian Nations met in Jakarta. ASEAN "
                                    "ministers agreed on a statement.")
    asean = by_id(cast)["asean"]
    assert asean.kind == "organization" and asean.mentions == 2


def test_a_party_is_a_group(make_article):
    _, cast = cast_of(make_article, "The Green Renewal Party won 12 seats, and the Green Renewal Party leader "
                                    "celebrated.")
    assert by_id(cast)["green-renewal-party"].kind == "group"


def test_nationality_and_group_noun_name_a_group(make_article):
    _, cast = cast_of(make_article, "Kurdish rebels attacked a convoy near the border, the army said.")
    rebels = [a for a in cast.actors if a.kind == "group"]
    assert [a.name for a in rebels] == ["Kurdish rebels"]


def test_an_outlet_cited_as_a_source_is_media(make_article):
    _, cast = cast_of(make_article, "The minister resigned on Friday, according to Bloomberg. Two officials "
                                    "told Reuters the decision was final.")
    actors = by_id(cast)
    assert actors["bloomberg"].kind == "media"
    assert actors["reuters"].kind == "media"


def test_an_outlet_whose_editor_speaks_is_a_party(make_article):
    _, cast = cast_of(make_article, "A Reuters cameraman was injured in the blast. Reuters Editor-in-Chief "
                                    "Anna Berg said the agency demanded an inquiry.")
    assert by_id(cast)["reuters"].kind == "organization"


def test_an_outlet_the_ner_calls_a_person_is_media_by_its_noun(make_article):
    _, cast = cast_of(make_article, "He told Radio Kalinka radio station that the deal was off.")
    assert all(a.kind != "person" for a in cast.actors)


# --- mentions for the later stages ----------------------------------------------------


def test_mentions_cover_surnames_capitals_and_organs(make_article):
    article, cast = cast_of(make_article, "Prime Minister Kenji Watanabe arrived. Watanabe said Tokyo would wait, "
                                          "and the Japanese foreign ministry agreed.")
    resolved = {article.doc[m.start:m.end].text: m.actor for m in cast.mentions}
    assert resolved["Watanabe"] == "kenji-watanabe"
    assert resolved["Tokyo"] == "japan"
    assert any(text.startswith("Japanese") and actor == "japan" for text, actor in resolved.items())


def test_mentions_are_sorted_and_do_not_overlap(make_article):
    _, cast = cast_of(make_article, "Russian President Vladimir Putin and the Kremlin's spokesman spoke as "
                                    "Moscow and Beijing signed the deal.")
    spans = [(m.start, m.end) for m in cast.mentions]
    assert spans == sorted(spans)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))


# --- the seed article -----------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp):
    options = IngestOptions(root=ROOT, lexicon=load_lexicon("en_core_web_sm"))
    source = read_source(SEED, read_bytes(SEED, options), options)
    from generator.extract import analysed_text
    from generator.extract.article import Article

    article = Article.of(source, nlp(analysed_text(source)))
    cast = find_cast(article)
    return cast, find_alliances(article, cast)


def test_seed_cast(seed):
    cast, _ = seed
    actors = by_id(cast)
    putin = actors["vladimir-putin"]
    assert {"Putin", "Vladimir Poutine"} <= set(putin.aliases)
    assert putin.affiliation == "russia"
    assert actors["reuters"].kind == "media"
    assert actors["bloomberg"].kind == "media"
    assert actors["csto"].kind == "organization" and "CSTO" in actors["csto"].aliases
    assert actors["dmitry-peskov"].role == "Kremlin spokesman"
    assert actors["dmitry-peskov"].affiliation == "russia"
    assert actors["aydos-sarym"].affiliation == "kazakhstan"
    assert not [a for a in cast.actors if a.name in ("Armenian", "Russian", "Turkish")]


def test_seed_alliances(seed):
    _, alliances = seed
    csto = next(a for a in alliances if a.group == "csto")
    assert {"armenia", "russia", "kazakhstan"} <= set(csto.members)
    assert all(e.text for e in csto.evidence)
    backing = [a for a in alliances if a.group is None and set(a.members) == {"turkey", "azerbaijan"}]
    assert backing and backing[0].relation == "backs" and backing[0].members[0] == "turkey"


# --- later rules ----------------------------------------------------------------------


def test_a_family_name_written_first_or_a_name_used_alone_is_the_person(make_article):
    _, cast = cast_of(make_article, "Chinese Premier Li Qiang met Brazilian President Luiz Inácio Lula da Silva. "
                                    "Li praised the deal, and Lula thanked him.")
    people = {a.name: a for a in cast.actors if a.kind == "person"}
    assert set(people) == {"Li Qiang", "Luiz Inácio Lula da Silva"}
    assert people["Li Qiang"].mentions == 2 and people["Luiz Inácio Lula da Silva"].mentions == 2


def test_a_dateline_city_in_capitals_is_no_actor(make_article):
    _, cast = cast_of(make_article, "NAIROBI (Reuters) - Kenya's parliament approved the budget on Tuesday.")
    assert "NAIROBI" not in {a.name for a in cast.actors}
    assert by_id(cast)["reuters"].kind == "media"


@pytest.mark.parametrize("body, name", [
    ("The talks failed, according to the state broadcaster Kanal Yedi, which quoted officials.", "Kanal Yedi"),
    ("The claim was first reported by the newspaper Kathimerini on Sunday.", "Kathimerini"),
])
def test_an_outlet_named_after_its_noun_is_media(make_article, body, name):
    _, cast = cast_of(make_article, body)
    assert [(a.name, a.kind) for a in cast.actors] == [(name, "media")]


def test_religious_or_political_adjective_and_group_noun_name_a_group(make_article):
    _, cast = cast_of(make_article, "Shiite militias fired rockets at the base overnight, officials said.")
    assert [a.name for a in cast.actors if a.kind == "group"] == ["Shiite militias"]


def test_a_pro_state_group_is_not_the_state_but_backs_it(make_article):
    article, cast = cast_of(make_article, "Pro-Serbian militants blocked the road. Serbia denied any role.")
    groups = [a for a in cast.actors if a.kind == "group"]
    assert groups and groups[0].name.lower().startswith("pro-serbian")
    alliances = find_alliances(article, cast)
    assert any(set(a.members) == {groups[0].id, "serbia"} for a in alliances)


def test_title_words_of_a_portfolio_are_not_a_body(make_article):
    _, cast = cast_of(make_article, "Energy Security Minister Sofia Reyes said supplies were safe.")
    assert [a.kind for a in cast.actors] == ["person"]


def test_ranking_puts_parties_named_early_and_often_first_and_media_last(make_article):
    from generator.extract.ranking import rank_cast

    article, cast = cast_of(make_article, "Peru and Chile signed a border deal, Reuters reported. Peru said the "
                                          "deal was fair.\n\nLater, Bolivia asked to join the talks.")
    ranked = [a.id for a in rank_cast(cast.actors, find_alliances(article, cast), ())]
    assert ranked[0] == "peru"
    assert ranked[-1] == "reuters"
    assert ranked.index("chile") < ranked.index("bolivia")


def test_brussels_stands_for_the_european_union(make_article):
    _, cast = cast_of(make_article, "Brussels warned Rome that the budget broke the rules.")
    actors = by_id(cast)
    assert "eu" in actors and "belgium" not in actors
    assert actors["italy"].kind == "state"


def test_a_place_the_ner_took_for_a_person_is_no_actor(make_article):
    _, cast = cast_of(make_article, "Barges moved slowly along the Mekong as water levels fell.")
    assert not [a for a in cast.actors if a.kind == "person"]


def test_the_headline_gives_the_full_name_the_body_leaves_out(make_article):
    _, cast = cast_of(make_article, "Talks stalled on Monday. Okonkwo, who leads the delegation, said a deal "
                                    "was near. Okonkwo later left the capital.",
                      title="Finance Minister Chidi Okonkwo rejects lenders' terms")
    people = [a for a in cast.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Chidi Okonkwo"]
    assert "Okonkwo" in people[0].aliases


def test_a_lone_name_with_who_after_it_is_a_person(make_article):
    _, cast = cast_of(make_article, "Talks stalled on Monday. Okonkwo, who leads the delegation, said a deal "
                                    "was near.")
    assert [(a.name, a.kind) for a in cast.actors] == [("Okonkwo", "person")]


# --- titles, places and plurals the NER takes for people --------------------------------


@pytest.mark.parametrize("body, person", [
    ("Chilean Mining Minister Rosa Vidal said exports would rise.", "Rosa Vidal"),
    ("Kenyan Interior Minister Amos Kiprono said the border would stay shut.", "Amos Kiprono"),
])
def test_a_portfolio_and_title_are_no_person(make_article, body, person):
    _, cast = cast_of(make_article, body)
    assert [a.name for a in cast.actors if a.kind == "person"] == [person]


@pytest.mark.parametrize("body", [
    "Fighting raged around the besieged city of Kadugli. Doctors who fled Kadugli said food had run out.",
    "Protesters gathered at the crossings at Jarinje and Brnjak on Tuesday.",
    "Aid could not get through to Tawila and nearby camps, a doctor said.",
])
def test_places_written_as_places_are_no_actors(make_article, body):
    _, cast = cast_of(make_article, body)
    assert not cast.actors


def test_could_not_reach_someone_for_comment_is_no_place(make_article):
    from generator.extract import kinds

    article = make_article("Reporters could not reach Okafor for comment.")
    okafor = next(t for t in article.doc if t.text == "Okafor")
    assert not kinds.is_thing_use(article.doc[okafor.i: okafor.i + 1])


def test_a_traded_commodity_in_capitals_is_no_actor(make_article):
    _, cast = cast_of(make_article, "Hungary would not back a ban on Russian LNG, and Slovakia, which imports "
                                    "Russian LNG, agreed.")
    assert {a.id for a in cast.actors} == {"hungary", "slovakia"}


@pytest.mark.parametrize("body, person", [
    ("European Parliament President Anneke van der Linde said the vote would go ahead.", "Anneke van der Linde"),
    ("Commission President Ursula van den Broek said the plan was ready.", "Ursula van den Broek"),
    ("The central bank governor, Hanna van der Meer, said rates would rise.", "Hanna van der Meer"),
])
def test_a_name_with_particles_is_one_person(make_article, body, person):
    _, cast = cast_of(make_article, body)
    assert [a.name for a in cast.actors if a.kind == "person"] == [person]


def test_a_body_named_after_its_kind_is_a_body(make_article):
    _, cast = cast_of(make_article, "Swedish grid operator Svenska said prices would rise.")
    assert [(a.name, a.kind) for a in cast.actors] == [("Svenska", "organization")]


@pytest.mark.parametrize("body, name", [
    ("Green Dawn, the largest opposition party, said it would boycott the vote.", "Green Dawn"),
    ("Serb List, the largest party of Kosovo Serbs, said it would boycott the vote.", "Serb List"),
])
def test_a_name_described_as_a_party_is_a_group(make_article, body, name):
    _, cast = cast_of(make_article, body)
    assert next(a for a in cast.actors if a.name == name).kind == "group"


def test_people_of_a_place_are_a_group(make_article):
    _, cast = cast_of(make_article, "Serb List, the largest party of Kosovo Serbs, said it would boycott the vote.")
    assert next(a for a in cast.actors if a.name == "Kosovo Serbs").kind == "group"


def test_a_capitalised_force_of_a_state_is_a_body_of_its_own(make_article):
    _, cast = cast_of(make_article, "A patrol of the Ghana Police came under fire near the border, and Ghana "
                                    "police said two officers were hurt.")
    actors = by_id(cast)
    assert actors["ghana-police"].kind == "organization"
    assert actors["ghana"].kind == "state"  # "Ghana police", in lower case, is the state's


def test_an_outlets_two_letters_alone_are_no_outlet(make_article):
    _, cast = cast_of(make_article, "She sent a DM to the minister, and Georgia protested.")
    assert "dm" not in by_id(cast)
    assert [a.id for a in cast.actors] == ["georgia"]


def test_an_outlets_two_letters_with_its_name_are_the_outlet(make_article):
    _, cast = cast_of(make_article, "The minister told Daily Maverick the plan was ready.\n\nDM")
    outlet = by_id(cast)["dm"]
    assert outlet.name == "Daily Maverick" and outlet.kind == "media" and "DM" in outlet.aliases


def test_a_list_of_states_the_ner_took_for_one_name_is_split(make_article):
    _, cast = cast_of(make_article, "The bloc was formed by Mali, Burkina Faso and Niger after they left the union.")
    assert {"mali", "burkina-faso", "niger"} <= set(by_id(cast))
    assert not any("," in actor.name for actor in cast.actors)


def test_a_group_named_after_a_possessive_keeps_its_spaces(make_article):
    _, cast = cast_of(make_article, "Honduras' main opposition party rejected the preliminary results on Tuesday.")
    assert "Hondurasmain" not in " ".join(actor.name for actor in cast.actors)


@pytest.mark.parametrize("body", [
    "The Quad met at the residence of Novo-Ogaryovo outside Moscow.",
    "Troops took control of significant parts of Nagorno-Karabakh last year.",
])
def test_a_residence_or_parts_of_a_place_name_no_actor(make_article, body):
    _, cast = cast_of(make_article, body)
    assert not {"novo-ogaryovo", "nagorno-karabakh"} & set(by_id(cast))


def test_a_short_form_defined_in_parentheses_is_the_body_wherever_it_is_used(make_article):
    body = ("Results were delayed, according to the National Electoral Council (CNE). "
            "CNE president Ana Paz said on Monday that no tally sheet had been altered. "
            "Observers urged the CNE to review every sheet.")
    _, cast = cast_of(make_article, body)
    councils = [a for a in cast.actors if a.kind == "organization"]
    assert [(a.name, "CNE" in a.aliases) for a in councils] == [("National Electoral Council", True)]


def test_a_party_named_in_parentheses_after_a_person_is_no_alias_of_the_person(make_article):
    body = ("Rebeca Murillo (Libre) led the count on Monday. Murillo said she would wait. "
            "Libre officials said the Liberty and Refoundation party (Libre) would accept the result.")
    _, cast = cast_of(make_article, body)
    murillo = next(a for a in cast.actors if a.name == "Rebeca Murillo")
    assert "Libre" not in murillo.aliases


def test_a_person_named_after_a_posting_to_a_state_is_not_glued_to_the_state(make_article):
    _, cast = cast_of(make_article, "US Ambassador to Denmark Karen Whitfield said the request was routine.")
    assert "karen-whitfield" in by_id(cast) and by_id(cast)["karen-whitfield"].kind == "person"
    assert not any(actor.name.startswith("Denmark ") for actor in cast.actors)


def test_a_state_reached_is_an_actor_when_a_relative_clause_says_what_it_does(make_article):
    _, cast = cast_of(make_article, "Thousands of refugees fled to Chad, which has closed its border.")
    assert "chad" in by_id(cast)


def test_names_before_a_noun_saying_what_they_are_are_actors(make_article):
    _, cast = cast_of(make_article, "Voters backed the Zeta and Omega parties, while the Sheriff conglomerate "
                                    "funded the campaign.")
    actors = by_id(cast)
    assert (actors["zeta"].kind, actors["omega"].kind, actors["sheriff"].kind) == ("group", "group", "organization")


def test_a_list_known_by_one_name_lends_no_alias_to_its_last_item(make_article):
    _, cast = cast_of(make_article, "The plan, drafted by Spain, Portugal and Italy, known as the Southern Trio, "
                                    "was adopted.")
    actors = by_id(cast)
    assert "southern-trio" in actors and "Southern Trio" not in actors["italy"].aliases


def test_a_hyphenated_given_name_is_kept_whole(make_article):
    _, cast = cast_of(make_article, "Rep. Shin Ha-yoon of the ruling party told reporters the briefing was "
                                    "alarming. Shin added that the government would act. The Erdogan-backed "
                                    "candidate won.")
    assert "shin-ha-yoon" in by_id(cast) and "Shin" in by_id(cast)["shin-ha-yoon"].aliases
    assert "erdogan-backed" not in by_id(cast)


def test_a_name_ending_in_a_body_word_after_a_preposition_is_a_body(make_article):
    _, cast = cast_of(make_article, "Her opponents in the Civic Bloc accused her of using the cold as a "
                                    "weapon.")
    assert by_id(cast)["civic-bloc"].kind == "group"


def test_a_party_name_with_and_is_one_name_without_what_it_is_for(make_article):
    article, cast = _article_and_cast(
        make_article, "Sandu, whose pro-European Party of Reform and Unity (PRU) won a majority, spoke.")
    alliances = find_alliances(article, cast)
    assert "Party of Reform and Unity" in {a.name for a in cast.actors}
    assert any(set(a.members) == {"party-of-reform-and-unity", "eu"} for a in alliances)


def test_an_acronym_listed_alone_joins_its_full_name(make_article):
    _, cast = cast_of(make_article, "Ishiba will consult his Liberal Democratic Party. The LDP has ruled since "
                                    "1955.")
    assert [a.id for a in cast.actors if a.kind == "group"] == ["ldp"]


def _article_and_cast(make_article, body):
    article = make_article(body)
    return article, find_cast(article)


def test_a_place_a_company_is_based_in_or_a_ship_flagged_in_is_no_actor(make_article):
    _, cast = cast_of(make_article, "The manager, Limassol-based Delos Maritime, said the Liberia-flagged "
                                    "Sea Lark was safe.")
    actors = by_id(cast)
    assert actors["delos-maritime"].kind == "organization"
    assert not {"liberia", "limassol"} & set(actors)


def test_a_bare_word_of_a_body_name_is_that_body_even_if_tagged_a_person(make_article):
    _, cast = cast_of(make_article, "A frigate operating under Operation Kleitos rescued the crew. Greece said "
                                    "it was in contact with Kleitos, whose headquarters are in Volos.")
    assert [(a.id, a.kind) for a in cast.actors if "Kleitos" in a.name] == [("operation-kleitos", "organization")]


def test_a_long_form_that_starts_with_a_state_is_a_body_of_its_own(make_article):
    _, cast = cast_of(make_article, "The ship was hit, the Norwegian navy's Norway Coastal Safety Operations "
                                    "(NCSO) agency said.")
    actors = by_id(cast)
    assert actors["norway-coastal-safety-operations"].kind == "organization"
    assert "NCSO" in actors["norway-coastal-safety-operations"].aliases


def test_an_agency_is_an_outlet_only_as_a_news_agency(make_article):
    _, cast = cast_of(make_article, "The army fought on, according to the state news agency SUNA. The Kivu "
                                    "Relief Agency said it would send food.")
    kinds = {a.name: a.kind for a in cast.actors}
    assert kinds["SUNA"] == "media" and kinds.get("Kivu Relief Agency") == "organization"


@pytest.mark.parametrize(("body", "congo"), [
    ("Congo's army has fought the M23 for years. Kinshasa says Rwanda backs the rebels.",
     "democratic-republic-of-the-congo"),
    ("Congo said on Monday it would reopen its border.", "democratic-republic-of-the-congo"),
    ("Congo and Gabon signed a deal in Brazzaville.", "republic-of-the-congo"),
])
def test_congo_is_the_congo_the_text_otherwise_names(make_article, body, congo):
    _, cast = cast_of(make_article, body)
    assert congo in by_id(cast)
    assert len([a for a in cast.actors if "Congo" in a.name]) == 1


def test_an_acronym_the_text_says_a_body_is_known_by_is_its_alias(make_article):
    _, cast = cast_of(make_article, "The army has fought the M23 for years. The Congolese army, known by its French "
                                    "acronym, FAC, said it was responding to provocations.")
    assert "fac" not in by_id(cast)
    assert [actor.name for actor in cast.actors if "FAC" in actor.aliases] == ["Congolese army"]


def test_a_town_seized_or_captured_is_a_place(make_article):
    _, cast = cast_of(make_article, "Hamas seized Norvale and captured Tellis last year.")
    assert set(by_id(cast)) == {"hamas"}


def test_a_state_the_ner_took_for_a_person_does_not_swallow_the_title_after_it(make_article):
    _, cast = cast_of(make_article, "Solomon Islands Prime Minister Peter Tolo defended the deal.")
    assert sorted(by_id(cast)) == ["peter-tolo", "solomon-islands"]


def test_an_acronym_with_a_digit_opening_a_paragraph_is_no_dateline(make_article):
    _, cast = cast_of(make_article, "M23 - the rebel group - said on Monday it would withdraw.")
    assert [a.id for a in cast.actors] == ["m23"]


def test_a_place_described_by_a_relative_clause_is_still_a_place(make_article):
    _, cast = cast_of(make_article, "Refugees fled to Chad, which is one of the poorest countries.")
    assert "chad" not in by_id(cast)
