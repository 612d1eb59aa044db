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
    ("Chad and Niger are among the African Union members that asked for help.", "niger"),
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


# --- membership: coordinated members and bodies, plural references ------------------------


def test_every_member_of_every_body_named(make_article):
    alliances = alliances_of(make_article, "Chile, Peru and Ecuador are members of the OAS and the WTO, "
                                           "diplomats said.")
    assert members_of(alliances, "oas") == {"chile", "peru", "ecuador"}
    assert members_of(alliances, "wto") == {"chile", "peru", "ecuador"}


def test_a_second_body_after_and_is_not_dropped(make_article):
    alliances = alliances_of(make_article, "Norway is a member of NATO and the Council of Europe.")
    assert members_of(alliances, "nato") == {"norway"}
    assert members_of(alliances, "council-of-europe") == {"norway"}


def test_both_x_and_y_are_members(make_article):
    alliances = alliances_of(make_article, "Both Kenya and Uganda are members of the East African Community.")
    assert members_of(alliances, "eac") == {"kenya", "uganda"}


def test_a_collective_name_stands_for_its_states(make_article):
    alliances = alliances_of(make_article, "Estonia, Latvia and Lithuania summoned Russian envoys on Monday.\n\n"
                                           "All three Baltic states, as well as Sweden, are members of the OSCE.")
    assert members_of(alliances, "osce") == {"estonia", "latvia", "lithuania", "sweden"}


def test_both_countries_are_the_two_states_the_text_is_about(make_article):
    alliances = alliances_of(make_article, "Peru accused Chile of dumping copper. Chile denied it, and Peru "
                                           "recalled its envoy from Chile. Brazil urged calm.\n\n"
                                           "Both countries are members of APEC.")
    assert members_of(alliances, "apec") == {"peru", "chile"}


def test_an_indefinite_count_of_countries_is_no_reference(make_article):
    alliances = alliances_of(make_article, "Peru accused Chile of dumping copper, and Chile denied it.\n\n"
                                           "Two countries are members of APEC.")
    assert not members_of(alliances, "apec")


def test_no_membership_of_either_body_when_denied(make_article):
    alliances = alliances_of(make_article, "Sweden is not a member of NATO or the CSTO.")
    assert not [a for a in alliances if a.relation == "member"]


@pytest.mark.parametrize("body, group, member", [
    ("EU member state Croatia voted for the package.", "eu", "croatia"),
    ("NATO ally Portugal sent two frigates.", "nato", "portugal"),
])
def test_a_compound_that_says_membership(make_article, body, group, member):
    assert members_of(alliances_of(make_article, body), group) == {member}


@pytest.mark.parametrize("body", [
    "Slovenia, an EU member state, said it had reservations.",
    "Slovenia is an EU member state, the minister said.",
])
def test_a_member_state_of_a_body(make_article, body):
    assert members_of(alliances_of(make_article, body), "eu") == {"slovenia"}


@pytest.mark.parametrize("body", [
    "EU candidate Moldova and NATO aspirant Georgia both criticised the decision.",
    "EU applicant Montenegro welcomed the report.",
    "OSCE observer Mongolia abstained.",
])
def test_a_status_short_of_membership_is_no_membership(make_article, body):
    assert not [a for a in alliances_of(make_article, body) if a.relation == "member"]


def test_a_body_leading_a_mission_has_it_under_it(make_article):
    alliances = alliances_of(make_article, "The UN-led UNIFIL force said its patrols would continue.")
    assert members_of(alliances, "un") == {"unifil"}
    assert not members_of(alliances, "unifil")  # the UN is no member of its own mission


def test_a_partner_in_a_body_is_a_member_of_it(make_article):
    alliances = alliances_of(make_article, "Kenya, Uganda's closest partner in the East African Community, "
                                           "signed the deal.")
    assert members_of(alliances, "eac") == {"kenya"}
    assert frozenset(("kenya", "uganda")) in pairs(alliances)


# --- allies and backing -------------------------------------------------------------------


def test_a_state_qualifying_partner_is_the_one_allied_with(make_article):
    alliances = alliances_of(make_article, "Ghana, a key U.S. partner, hosted the talks on Friday.")
    assert frozenset(("ghana", "united-states")) in pairs(alliances)


def test_a_security_partner_is_an_ally(make_article):
    alliances = alliances_of(make_article, "Ghana, a longtime security partner of France, hosted the talks.")
    assert frozenset(("ghana", "france")) in pairs(alliances)


@pytest.mark.parametrize("body", [
    "Vietnam, China's largest trading partner in the region, protested the tariffs.",
    "Peru, an important economic partner of Japan, signed the deal.",
])
def test_a_trading_partner_is_no_ally(make_article, body):
    assert not pairs(alliances_of(make_article, body))


def test_two_people_named_as_allies_are_allied_themselves(make_article):
    alliances = alliances_of(make_article, "Slovak Prime Minister Anna Kovac, a close ally of Hungarian President "
                                           "Marek Horvat, resigned on Monday.")
    assert frozenset(("anna-kovac", "marek-horvat")) in pairs(alliances)
    assert frozenset(("slovakia", "hungary")) not in pairs(alliances)


@pytest.mark.parametrize("body, backer, backed", [
    ("Mali is backed by Russia in the dispute, officials said.", "russia", "mali"),
    ("The Polisario Front, a movement long backed by Algiers, rejected the plan.", "algeria", "polisario-front"),
    ("The government of Chad, which is backed by France, denied the report.", "france", "chad"),
])
def test_passive_backing_names_the_backer_first(make_article, body, backer, backed):
    backs = [a for a in alliances_of(make_article, body) if a.relation == "backs"]
    assert [a.members for a in backs] == [(backer, backed)]


def test_passive_backing_denied(make_article):
    assert not alliances_of(make_article, "Chad, which is not backed by France, denied the report.")


def test_it_after_a_relative_clause_is_the_subject_of_the_reporting_verb(make_article):
    alliances = alliances_of(make_article, "Norway, which together with Qatar hosted the talks, said it supported "
                                           "the African Union's plan.")
    backs = [a.members for a in alliances if a.relation == "backs"]
    assert backs == [("norway", "au")]


def test_forces_stationed_on_another_states_soil(make_article):
    alliances = alliances_of(make_article, "Lithuania asked for help. Germany, which has stationed a brigade in "
                                           "Lithuania, backed the plan.")
    assert frozenset(("germany", "lithuania")) in pairs(alliances)


def test_a_host_of_foreign_troops(make_article):
    alliances = alliances_of(make_article, "Japan hosts about 50,000 US troops, the ministry said.")
    assert frozenset(("japan", "united-states")) in pairs(alliances)


@pytest.mark.parametrize("body", [
    "Ukraine protested. Russia stationed troops in occupied Ukraine.",
    "Lithuania asked for help. Germany did not station a brigade in Lithuania.",
])
def test_no_stationing_alliance_when_occupied_or_denied(make_article, body):
    assert not pairs(alliances_of(make_article, body))


def test_our_partnership_with_several_others_named_stays_open(make_article):
    alliances = alliances_of(make_article, "\u201cWe are grateful,\u201d said French Foreign Minister Jean-Luc "
                                           "Marchand. \u201cWe thank Qatar and condemn Iran, in the spirit of our "
                                           "partnership.\u201d")
    assert not pairs(alliances)


def test_not_part_of_a_leaders_constituency(make_article):
    alliances = alliances_of(make_article, "Argentine farmers, who are not part of Javier Milei's core "
                                           "constituency, protested the tax.")
    assert not alliances


# --- a state's army in a civil war -------------------------------------------------------


def test_an_army_at_war_with_a_group_at_home_is_a_party_of_its_own(make_article):
    article = make_article("The Ethiopian army said it had retaken two towns. The army has been battling the "
                           "TPLF in Tigray since November.\n\nEritrea, which backs the Ethiopian army, sent troops.")
    cast = find_cast(article)
    army = [a for a in cast.actors if a.name == "Ethiopian army"]
    assert army and army[0].kind == "organization"
    backs = [a.members for a in find_alliances(article, cast) if a.relation == "backs"]
    assert backs == [("eritrea", army[0].id)]


def test_the_army_alone_is_the_force_the_text_names(make_article):
    article = make_article("The Colombian Armed Forces retook the village on Monday. The army has been "
                           "fighting the ELN in the north for years, and Peru, which backs the army, sent advisers.")
    cast = find_cast(article)
    force = next(a for a in cast.actors if a.name == "Colombian Armed Forces")
    assert force.kind == "organization" and force.mentions == 3
    backs = [a.members for a in find_alliances(article, cast) if a.relation == "backs"]
    assert backs == [("peru", force.id)]


@pytest.mark.parametrize("body", [
    "Israeli forces fought Hamas in Gaza overnight, the army said.",       # a group at home elsewhere
    "The Colombian army said it had repelled an attack near the border.",  # no armed group named
])
def test_an_army_stays_its_states_without_a_civil_war(make_article, body):
    article = make_article(body)
    cast = find_cast(article)
    assert not [a for a in cast.actors if a.name.lower().endswith(("army", "forces")) and a.kind != "group"]


def test_states_that_formed_an_alliance_are_allies(make_article):
    alliances = alliances_of(make_article, "Egypt, Sudan and Chad formed a tripartite alliance at a summit in May.")
    assert pairs(alliances) == {frozenset(("egypt", "sudan")), frozenset(("egypt", "chad")), frozenset(("sudan", "chad"))}


def test_founders_of_a_body_set_off_by_a_comma_are_its_members(make_article):
    body = ("The junta wants closer ties with the Alliance of Sahel States (AES), the confederation formed by Mali, "
            "Burkina Faso and Niger after they left the bloc.")
    alliances = alliances_of(make_article, body)
    assert [sorted(a.members) for a in alliances if a.group] == [["burkina-faso", "mali", "niger"]]


@pytest.mark.parametrize("body", [
    "Egypt, Sudan and Chad did not form an alliance at the summit.",
    "Chad and Niger are not among the African Union members that asked for help.",
])
def test_no_formation_or_membership_when_denied(make_article, body):
    assert not alliances_of(make_article, body)


def test_states_that_joined_another_in_a_statement_are_side_by_side(make_article):
    alliances = alliances_of(make_article, "Norway and Sweden joined Denmark in a joint statement on Monday.")
    assert {frozenset(("denmark", "norway")), frozenset(("denmark", "sweden"))} <= pairs(alliances)


@pytest.mark.parametrize("body, pair", [
    ("Russia and China are strategic partners, the minister said.", ("russia", "china")),
    ("The governments of Venezuela and Nicaragua, long-time allies of Cuba, praised the vote.", ("nicaragua", "cuba")),
    ("Turkey, which has a 10-year defence agreement with Somalia, urged restraint.", ("turkey", "somalia")),
])
def test_partners_of_each_other_allies_of_a_third_and_security_pacts(make_article, body, pair):
    assert frozenset(pair) in pairs(alliances_of(make_article, body))


@pytest.mark.parametrize("body", [
    "Russia and China are trading partners, the minister said.",
    "Turkey has a trade agreement with Somalia.",
    "Turkey does not have a defence agreement with Somalia.",
])
def test_no_alignment_from_trade_or_a_denied_pact(make_article, body):
    assert not pairs(alliances_of(make_article, body))


# --- fighting side by side, forces sent in support, named groupings ---------------------


@pytest.mark.parametrize(("body", "pair"), [
    ("Chadian troops fought alongside French forces in Mali.", ("chad", "france")),
    ("Mali's junta thanked its neighbours. Niger, whose troops observers say have fought alongside the Malian "
     "army, has sent more soldiers.", ("niger", "mali")),
    ("Thousands fled towards Malawi, whose own troops have been deployed in the north to support the "
     "Mozambican army.", ("malawi", "mozambique")),
])
def test_fighting_side_by_side_or_sent_in_support_aligns(make_article, body, pair):
    assert frozenset(pair) in pairs(alliances_of(make_article, body))


def test_a_list_known_by_one_name_are_its_members(make_article):
    alliances = alliances_of(make_article, "The plan, drafted by Spain, Portugal and Italy, known as the Southern "
                                           "Trio, was adopted on Monday.")
    assert members_of(alliances, "southern-trio") == {"spain", "portugal", "italy"}


def test_an_alliance_that_includes_two_parties_has_them_as_members(make_article):
    alliances = alliances_of(make_article, "The Unity Front, an opposition alliance that includes the Zeta and "
                                           "Omega parties, called a general strike.")
    assert members_of(alliances, "unity-front") == {"zeta", "omega"}


def test_a_group_operating_within_a_coalition_called_x_is_its_member(make_article):
    alliances = alliances_of(make_article, "Hamas operates within a coalition called the Resistance Front, "
                                           "officials said.")
    assert members_of(alliances, "resistance-front") == {"hamas"}


def test_rebels_backed_by_a_state_are_the_group_named_before(make_article):
    body = ("The M23 seized the town of Norvale on Monday.\n\n"
            "Qatar has mediated between Kinshasa and the Rwanda-backed rebels since last year.")
    assert frozenset(("rwanda", "m23")) in pairs(alliances_of(make_article, body))


@pytest.mark.parametrize("body", [
    "Russia, China and Iran, known for their hostility to NATO, met in Minsk.",
    "Poland and Hungary, named by the European Commission, objected to the plan.",
    "Qatar sent aid to a coalition called the Unity Front.",
])
def test_a_naming_participle_without_a_name_after_it_makes_no_members(make_article, body):
    assert not [a for a in alliances_of(make_article, body) if a.group is not None]
