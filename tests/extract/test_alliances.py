"""find_alliances on short texts written for each construction."""
from __future__ import annotations

import pytest

from generator.extract.actors import find_cast
from generator.extract.alliances import find_alliances


def alliances_of(make_article, body):
    article = make_article(body)
    cast = find_cast(article)
    return find_alliances(article, cast)


def members_of(alliances, group):
    return {m for a in alliances if a.group == group for m in a.members}


def pairs(alliances):
    found = set()
    for alliance in alliances:
        if alliance.group is None:
            found |= {frozenset((a, b)) for a in alliance.members for b in alliance.members if a != b}
    return found


# --- membership -----------------------------------------------------------------------


@pytest.mark.parametrize("body, member", [
    ("Chad, a member of the African Union, asked for help.", "chad"),
    ("Peacekeepers flew to NATO member Estonia on Friday.", "estonia"),
    ("Iraq is a member of OPEC and wants higher prices.", "iraq"),
    ("The Vietnamese-led ASEAN panel met again.", "vietnam"),
    ("The Lithuanian president invoked Article 4 of NATO after the incident.", "lithuania"),
    ("Finland joined NATO after years of neutrality.", "finland"),
])
def test_membership(make_article, body, member):
    alliances = alliances_of(make_article, body)
    assert member in {m for a in alliances if a.group for m in a.members}, [a.members for a in alliances]


def test_membership_through_a_pronoun(make_article):
    alliances = alliances_of(make_article, "Brazil says its duties as a member of the United Nations are clear.")
    assert members_of(alliances, "un") == {"brazil"}


@pytest.mark.parametrize("body", [
    "Serbia, which is not a member of NATO, held talks with the alliance.",
    "The talks included Georgia, of which NATO is not a member.",
])
def test_no_membership_when_denied(make_article, body):
    assert not members_of(alliances_of(make_article, body), "nato") - {"nato"}


def test_a_person_on_a_committee_is_not_an_alliance(make_article):
    alliances = alliances_of(make_article, "Elena Vasquez, a member of the Senate of Chile, criticised Peru.")
    assert not alliances


def test_members_of_one_body_form_one_alliance_with_evidence(make_article):
    alliances = alliances_of(make_article, "Kenya, a member of the African Union, voted yes. Uganda, a member of "
                                           "the African Union, voted no.")
    au = [a for a in alliances if a.group == "au"]
    assert len(au) == 1 and set(au[0].members) == {"kenya", "uganda"}
    assert au[0].relation == "member" and len(au[0].evidence) == 2


# --- allies and backing ----------------------------------------------------------------


def test_allies_listed_after_including(make_article):
    alliances = alliances_of(make_article, "Seoul's allies, including Australia's Anthony Albanese and "
                                           "Canada's Mark Carney, condemned the launch.")
    assert {frozenset(("south-korea", "australia")), frozenset(("south-korea", "canada"))} <= pairs(alliances)


@pytest.mark.parametrize("body, backer, backed", [
    ("Egypt would support Sudan in the talks, the minister said.", "egypt", "sudan"),
    ("Qatar has long funded Hamas, officials say.", "qatar", "hamas"),
    ("The Iranian military trains the Houthis, the report found.", "iran", "houthis"),
    ("Washington defended Israel's decision on Tuesday.", "united-states", "israel"),
    ("Iranian military aid to Lebanon increased last year.", "iran", "lebanon"),
    ("Turkey-backed Syrian National Army fighters advanced, and the Syrian National Army took a town.",
     "turkey", "syrian-national-army"),
])
def test_backing(make_article, body, backer, backed):
    alliances = alliances_of(make_article, body)
    backs = [a for a in alliances if a.relation == "backs"]
    assert any(a.members == (backer, backed) for a in backs), [a.members for a in alliances]


@pytest.mark.parametrize("body", [
    "Egypt refused to support Sudan in the talks.",
    "Neither Egypt nor Libya agreed to support Sudan.",
    "Experts called the idea that Egypt is arming Sudan absurd.",
])
def test_no_backing_when_denied(make_article, body):
    assert not [a for a in alliances_of(make_article, body) if a.relation == "backs"]


def test_pro_adjective_backs_the_state(make_article):
    alliances = alliances_of(make_article, "US President Joe Biden announced the sale. It was the latest of several "
                                           "pro-Israeli steps by Biden's administration.")
    assert frozenset(("united-states", "israel")) in pairs(alliances)


# --- joint action ----------------------------------------------------------------------


def test_joint_exercises_and_those_taking_part_form_one_coalition(make_article):
    alliances = alliances_of(make_article, "Thousands of Indian and French troops began joint exercises on Monday. "
                                           "Smaller numbers of Emirati and Greek forces are also taking part.")
    coalition = [a for a in alliances if a.relation == "exercise"]
    assert len(coalition) == 1
    assert set(coalition[0].members) == {"india", "france", "united-arab-emirates", "greece"}


def test_a_hyphenated_pair_before_an_agreement(make_article):
    alliances = alliances_of(make_article, "Tokyo wants to revise the Japan-Australia Reciprocal Access Agreement.")
    assert frozenset(("japan", "australia")) in pairs(alliances)


def test_a_hyphenated_pair_before_a_war_is_no_alliance(make_article):
    assert not alliances_of(make_article, "The Iran-Iraq war left Iran and Iraq exhausted.")


def test_a_joint_statement(make_article):
    alliances = alliances_of(make_article, "In a joint statement, the Chinese and Russian foreign ministries "
                                           "criticised the sanctions.")
    assert frozenset(("china", "russia")) in pairs(alliances)


def test_shared_blame(make_article):
    alliances = alliances_of(make_article, "Hezbollah and Syria have blamed Israel for the attack.")
    assert frozenset(("hezbollah", "syria")) in pairs(alliances)


def test_blaming_each_other_is_no_alliance(make_article):
    assert not alliances_of(make_article, "Ethiopia and Eritrea blamed each other for the clashes.")


def test_part_of_a_leaders_constituency(make_article):
    alliances = alliances_of(make_article, "Argentine farmers, who form part of Javier Milei's core "
                                           "constituency, protested the tax.")
    group = [a for a in alliances if any("farmers" in m for m in a.members)]
    assert group and "javier-milei" in group[0].members


def test_our_partnership_in_a_quote(make_article):
    alliances = alliances_of(make_article, "\u201cWe are grateful,\u201d said French Foreign Minister Jean-Luc "
                                           "Marchand. \u201cWe thank the Moroccan government, in the spirit of our "
                                           "partnership.\u201d")
    assert frozenset(("france", "morocco")) in pairs(alliances)


@pytest.mark.parametrize("body, pair", [
    ("Hungary, which hosts the plant, sided with Austria on the vote.", ("hungary", "austria")),
    ("The United States will stand with Taiwan, the senator said.", ("united-states", "taiwan")),
    ("Belarus, which signed a defence pact with Russia in 2022, hosts its troops.", ("belarus", "russia")),
])
def test_alignment_verbs(make_article, body, pair):
    found = pairs(alliances_of(make_article, body))
    assert frozenset(pair) in found, found


def test_joining_a_leaders_coalition(make_article):
    article = make_article("Prime Minister Anna Kovac formed a government. Her rival's Civic Renewal party "
                           "joined Kovac's coalition in May.")
    cast = find_cast(article)
    party = next(a.id for a in cast.actors if a.kind == "group")
    assert frozenset((party, "anna-kovac")) in pairs(find_alliances(article, cast))


def test_a_joint_statement_with_partners_along_with_them(make_article):
    alliances = alliances_of(make_article, "Norway and Denmark, along with Iceland, issued a joint statement "
                                           "on fishing rights.")
    assert {frozenset(("norway", "iceland")), frozenset(("denmark", "iceland"))} <= pairs(alliances)


def test_contributing_troops_to_a_mission(make_article):
    alliances = alliances_of(make_article, "Ghana and Nepal, which contribute troops to UNIFIL, condemned "
                                           "the shelling.")
    assert members_of(alliances, "unifil") == {"ghana", "nepal"}


def test_a_member_written_before_the_body(make_article):
    alliances = alliances_of(make_article, "Turkey, a NATO member, bought Russian missiles.")
    assert members_of(alliances, "nato") == {"turkey"}


def test_members_listed_after_the_body(make_article):
    alliances = alliances_of(make_article, "The Quartet Council — Chile, Peru and Colombia — met on Monday.")
    council = [a for a in alliances if a.relation == "member"]
    assert council and set(council[0].members) == {"chile", "peru", "colombia"}


def test_partner_as_predicate(make_article):
    alliances = alliances_of(make_article, "Slovenia has been Croatia's closest partner in the region.")
    assert frozenset(("slovenia", "croatia")) in pairs(alliances)


@pytest.mark.parametrize("body", [
    "Mali and Niger have been accused of abuses by rights groups.",
    "Amnesty International and Human Rights Watch condemned the killing of the journalist.",
    "The Armenia-Azerbaijan ceasefire agreement collapsed within hours.",
    "Ethiopia signed a ceasefire deal with Eritrea in Nairobi.",
])
def test_no_alliance_between_rivals_or_over_a_deed(make_article, body):
    assert not pairs(alliances_of(make_article, body))
