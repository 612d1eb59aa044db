"""The alliance rules (see alliances.py), applied to one sentence at a time."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from generator.extract.acronyms import name_start
from generator.extract.lexicon import gazetteer, word_sets
from generator.extract.sides import (
    RECIPROCAL, SUBJECTS, Link, Sides, before_possessive, children, negated, quote_speaker, words,
)


_GROUP_REACH = 60
"""Tokens after "the X-backed rebels" within which the group may be named, when it was not before."""


class Reader(Sides):
    """The rules, applied to one sentence (of the paragraph `paragraph`)."""

    def links(self, about_exercises: bool) -> list[Link]:
        """Every rule whose trigger words the sentence has."""
        rules = [(self.memberships, ("member_nouns", "contribute_verbs", "invoke", "join", "-", "\u2013")),
                 (self.named_groupings, ("naming_participles", "include_verbs")),
                 (self.allies, ("ally_nouns",)),
                 (self.backing, ("backing_verbs", "backing_nouns", "with_verbs", "sign", "pro")),
                 (self.stationing, ("station_verbs",)),
                 (self.side_by_side, ("alongside",)),
                 (self.joint_action, ("joint", "-", "\u2013")),
                 (self.shared_stance, ("shared_stance_verbs",)),
                 (self.belonging, ("part",)),
                 (self.our_partnership, ("our",)),
                 (self.formations, ("form_verbs",)),
                 (self.security_pacts, ("pact_nouns",))]
        found = []
        for rule, triggers in rules:
            if self.says(*triggers):
                found += list(rule())
        found += list(self._compound_members()) + list(self._listed_members())
        if about_exercises:
            found += list(self.taking_part())
        return [link for link in found if len(set(link.members) | {link.group} - {None}) >= 2]

    # --- membership

    def memberships(self) -> Iterator[Link]:
        """Members of a body: "a member of", "-led", "invoked Article 4 of", "joined",
        "contribute troops to"."""
        for token in self.sentence:
            lemma = token.lemma_.lower()
            if lemma in words("member_nouns"):
                yield from self._member_of(token)
            elif token.text in ("-", "\u2013") and token.i + 1 < len(token.doc):
                yield from self._led(token)
            elif lemma == "invoke" and not negated(token):
                yield from self._invoked(token)
            elif lemma in words("contribute_verbs") and token.pos_ == "VERB" and not negated(token):
                # "France and Italy, which contribute troops to UNIFIL"
                for body in (self.body(o) for p in children(token, "prep") if p.lower_ == "to"
                             for o in children(p, "pobj")):
                    yield from self.link("member", *self.subjects(token), group=body)
            elif lemma == "join" and token.pos_ == "VERB" and not negated(token):
                for obj in children(token, "dobj"):
                    yield from self.link("member", *self.subjects(token), group=self.body(obj))
                    if self.body(obj) is None and any(p.lower_ == "in" for p in children(token, "prep")):
                        # "Norway and Sweden joined Denmark in a joint statement": side by side
                        for joined in self.np_sides(obj, people=False):
                            yield from self.link("ally", *self.subjects(token, people=False), joined)
                    if obj.lemma_.lower() in words("part_of_nouns"):  # "joined Netanyahu's coalition"
                        for owner in (self.actor(c) for c in children(obj, "poss")):
                            for subject in children(token, *SUBJECTS):
                                yield from self.link("ally", self.actor(subject), owner)

    def _member_of(self, member: Token) -> Iterator[Link]:
        """"X, a member of ORG", "X is a member of ORG", "its obligations as a member of
        ORG"; every body and every member named: "Lithuania, Latvia and Estonia are
        members of NATO and the EU", "Both countries are members of the SCO"."""
        qualifiers = [c for c in member.children if c.dep_ in ("compound", "nmod")]
        if member.dep_ == "compound" and member.head.lemma_.lower() in words("state_nouns"):
            member = member.head  # "Slovakia, an EU member state": the state noun stands in the phrase
        if negated(member):
            return
        groups = [self.body(o) for p in member.children if p.dep_ == "prep" and p.lower_ in ("of", "in")
                  for obj in children(p, "pobj") for o in [obj, *obj.conjuncts]]
        if not any(groups):  # "Hungary, a NATO member"
            groups = [self.body(c) for c in qualifiers + [c for c in member.children if c.dep_ in ("compound", "nmod")]]
        # "members of NATO and the EU", parsed with the EU joined to "members"
        groups += [self.body(c) for c in member.conjuncts if c.i > member.i and self.cast.mention_at(c.i)]
        groups = list(dict.fromkeys(g for g in groups if g))
        if not groups:
            return
        head = member.head
        holders: list[Token] = []
        if member.dep_ == "appos":
            holders = [head]
        elif member.dep_ == "attr" and not negated(head):
            holders = [head.head] if head.dep_ == "relcl" else children(head, *SUBJECTS)
        elif member.dep_ == "pobj" and head.lower_ == "as":
            owner = head.head
            holders = children(owner, "poss") if owner.pos_ == "NOUN" else children(owner, *SUBJECTS)
        elif member.dep_ == "pobj" and head.lower_ == "among" and head.head.pos_ in ("VERB", "AUX") \
                and not negated(head.head):
            holders = children(head.head, *SUBJECTS)  # "Vietnam and Malaysia are among the ASEAN members"
        members = [side for holder in holders for side in self.np_sides(holder, people=False)]
        for group in groups:
            yield from self.link("member", *members, group=group)

    def named_groupings(self) -> Iterator[Link]:
        """Members of a grouping the text names or describes: "Spain, Portugal and Italy,
        known as the Southern Trio"; "the Unity Front, an opposition alliance that includes the
        Zeta and Omega parties"; "the rebels operate within a coalition called the Freedom Front".
        Not "known for their hostility to NATO" nor "named by the Commission": the name itself
        must follow the participle ("known as X", "called X")."""
        for token in self.sentence:
            lemma = token.lemma_.lower()
            if token.lower_ in words("naming_participles") and token.dep_ == "acl":
                group = self._name_given(token)
                listed = token.head
                if group is None:
                    continue
                if listed.conjuncts:  # the list's own name
                    yield from self.link("member", *(s for t in [listed, *listed.conjuncts]
                                                     for s in self.np_sides(t, people=False)), group=group)
                elif listed.lemma_.lower() in words("alliance_nouns") and listed.dep_ == "pobj" \
                        and listed.head.lower_ in words("inside_preps"):
                    yield from self.link("member", *self.subjects(listed.head.head, people=False), group=group)
            elif lemma in words("include_verbs") and token.pos_ == "VERB" and not negated(token):
                grouping = token.head if token.dep_ == "relcl" else None
                if grouping is None or grouping.lemma_.lower() not in words("alliance_nouns"):
                    continue
                group = self.body(grouping.head) if grouping.dep_ == "appos" else self.body(grouping)
                members = [s for o in children(token, "dobj") for s in self.np_sides(o, people=False)]
                yield from self.link("member", *members, group=group)

    def _name_given(self, participle: Token) -> str | None:
        """The body named right after "called" or "known as" ("known for ..." names none)."""
        start = name_start(participle)
        return self.body(participle.doc[start]) if start < len(participle.doc) and start - participle.i <= 3 else None

    def security_pacts(self) -> Iterator[Link]:
        """"Turkey, which has a 10-year defence agreement with Mogadishu": the holder and the
        other party; "a mutual defence treaty between Japan and the US": both parties."""
        for noun in self.sentence:
            if noun.lemma_.lower() not in words("pact_nouns") or noun.pos_ != "NOUN" or negated(noun) or \
                    not any(c.lower_ in words("security_words") for c in noun.children if c.i < noun.i):
                continue
            for prep in children(noun, "prep"):
                others = [side for obj in children(prep, "pobj") for side in self.np_sides(obj, people=False)]
                if prep.lower_ == "between":
                    yield from self.link("ally", *others)
                elif prep.lower_ == "with":
                    holders = [self.side(owner) for owner in children(noun, "poss")] or (
                        self.subjects(noun.head) if noun.dep_ == "dobj" and not negated(noun.head) else [])
                    for holder in holders:
                        for other in others:
                            yield from self.link("ally", holder, other)

    def formations(self) -> Iterator[Link]:
        """"Egypt, Somalia and Eritrea formed a tripartite alliance": allies; "formed the
        AES" / "the AES, formed by Mali, Burkina Faso and Niger": members of the body."""
        for verb in self.sentence:
            if verb.lemma_.lower() not in words("form_verbs") or verb.pos_ != "VERB" or negated(verb):
                continue
            founders = [side for agent in children(verb, "agent") for obj in children(agent, "pobj")
                        for side in self.np_sides(obj, people=False)]
            if verb.dep_ == "acl" and founders:  # "the AES, formed by ...", "the AES, the bloc formed by ..."
                yield from self.link("member", *founders, group=self.body(verb.head) or self._set_off_body(verb.head))
            subjects = self.subjects(verb, people=False)
            for obj in children(verb, "dobj"):
                if self.body(obj) is not None:
                    yield from self.link("member", *subjects, group=self.body(obj))
                elif obj.lemma_.lower() in words("alliance_nouns") and len(subjects) >= 2:
                    yield from self.link("ally", *subjects)

    def _set_off_body(self, noun: Token) -> str | None:
        """The body a noun phrase set off by a comma describes, however it was parsed: "the
        Alliance of Sahel States (AES), the confederation formed by ..." -> the AES."""
        doc = noun.doc
        before = noun.left_edge.i - 1
        if before <= self.sentence.start or doc[before].text != ",":
            return None
        last = before - 1
        while last > self.sentence.start and doc[last].is_punct:
            last -= 1  # "(AES)"
        return self.body(doc[last])

    def _led(self, dash: Token) -> Iterator[Link]:
        """"the Russian-led CSTO": a state leading a body is a member of it; "the NATO-led
        Kosovo Force": a body leading a mission has the mission under it (the mission is
        in the leader's group, the leader no member of the mission); "U.S.-backed rebels":
        a backer."""
        doc = dash.doc
        leader = self.cast.mention_at(dash.i - 1) if dash.i else None
        word = doc[dash.i + 1].lower_
        if leader is None:
            return
        target = doc[dash.i + 1].head
        if word in words("led_words"):
            led = self.body(target)
            if getattr(self.cast.actor(leader.actor), "kind", None) in ("organization", "group"):
                yield from self.link("member", led, group=leader.actor)
            else:
                yield from self.link("member", self.cast.side(leader.actor), group=led)
        elif word in words("backed_words"):
            yield from self.link("backs", self.cast.side(leader.actor), self.side(target) or self._group_meant(target))

    def _group_meant(self, noun: Token) -> str | None:
        """ "the Rwanda-backed rebels": the armed group the text named last before them (or,
        in its opening, first after them)."""
        if noun.lower_ not in word_sets("names")["group_nouns"] or noun.tag_ != "NNS":
            return None
        groups = [m for m in self.cast.mentions if getattr(self.cast.actor(m.actor), "kind", None) == "group"]
        before = [m for m in groups if m.end <= noun.i]
        after = [m for m in groups if m.start > noun.i and m.start - noun.i < _GROUP_REACH]
        chosen = before[-1] if before else (after[0] if after else None)
        return chosen.actor if chosen is not None else None

    def _invoked(self, verb: Token) -> Iterator[Link]:
        """"Pashinyan invoked Article 4 of the CSTO": only a member can."""
        for obj in children(verb, "dobj"):
            if obj.lower_ not in ("article", "clause", "chapter"):
                continue
            for prep in children(obj, "prep"):
                for group in (self.body(o) for o in children(prep, "pobj")):
                    for subject in self.subjects(verb):
                        yield from self.link("member", subject, group=group)

    def _listed_members(self) -> Iterator[Link]:
        """"the Visegrad Group — Hungary, Slovakia, Poland and the Czech Republic —"."""
        for mention in self.cast.mentions_in(self.sentence):
            body = self.cast.actor(mention.actor)
            if body is None or body.kind != "organization":
                continue
            for appos in children(self.sentence.doc[mention.end - 1], "appos"):
                listed = [self.cast.actor(self.actor(t)) for t in [appos, *appos.conjuncts]]
                states = [a.id for a in listed if a is not None and a.kind == "state"]
                if len(states) >= 2:
                    yield from self.link("member", *states, group=body.id)

    def _compound_members(self) -> Iterator[Link]:
        """"CSTO member Kazakhstan", "EU member state Estonia", "OPEC behemoth Saudi
        Arabia": body, one or two nouns that say membership or only describe the state
        (compound_member_nouns), state. Not "EU candidate Serbia" or "NATO partner Georgia"."""
        doc = self.sentence.doc
        for mention in self.cast.mentions_in(self.sentence):
            actor = self.cast.actor(mention.actor)
            if actor is None or actor.kind != "state" or mention.start < 2:
                continue
            start = mention.start
            nouns = []
            while start - 1 > self.sentence.start and len(nouns) < 2 and doc[start - 1].pos_ == "NOUN" \
                    and doc[start - 1].is_lower:
                start -= 1
                nouns.append(doc[start])
            body = self.cast.mention_at(start - 1) if nouns else None
            if body is None or getattr(self.cast.actor(body.actor), "kind", None) != "organization":
                continue
            if all(n.lemma_.lower() in words("compound_member_nouns") for n in nouns):
                root = doc[mention.start:mention.end].root
                # "... member Kazakhstan and Armenia", not "... and NATO partner Georgia"
                for member in [root, *(c for c in root.conjuncts if c.i > root.i)]:
                    found = self.cast.mention_at(member.i)
                    if found is None or getattr(self.cast.actor(found.actor), "kind", None) != "state":
                        continue
                    before = doc[found.start - 1]
                    if found == mention or not (before.pos_ == "NOUN" and before.is_lower):
                        yield from self.link("member", found.actor, group=body.actor)

    # --- allies

    def allies(self) -> Iterator[Link]:
        """"Kyiv's European allies, including France's Emmanuel Macron and Germany's
        Friedrich Merz"; "Armenia, an ally of Russia"; "its ally Y"; "India, a key U.S.
        partner": a named qualifier is the one allied with when the noun's other side is
        named beside it. Two people named as allies are allied themselves ("Milei, a close
        ally of Trump"). Not a partner in trade ("its largest trading partner"). "a
        partner in the Quad" is also a member of it."""
        for token in self.sentence:
            if token.lemma_.lower() not in words("ally_nouns") or negated(token) or self._business_partner(token):
                continue
            qualifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < token.i]
            possessive = [c for c in qualifiers if c.dep_ == "poss" or before_possessive(c)]
            owners = possessive + [o for p in children(token, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
            allies = [c for c in qualifiers if c not in possessive and self.actor(c) is not None]
            named = []
            if token.dep_ == "appos":
                named.append(token.head)
            if token.dep_ == "attr":  # "Fico has been Orban's closest partner"
                named += children(token.head, *SUBJECTS)
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "as"):
                    for obj in children(prep, "pobj"):
                        named += [obj, *obj.conjuncts]
            for appos in children(token, "appos"):
                named += [appos, *appos.conjuncts]
            if not owners and named and not allies and token.tag_ == "NNS":
                # "Russia and China are strategic partners": allies of each other
                yield from self.link("ally", *(side for t in named for side in self.np_sides(t, people=False)))
                continue
            if not owners and named:  # "India, a key U.S. partner": the qualifier owns the noun
                owners, allies = allies, []
            allies += named
            personal = all(self._is_person(t) for t in owners + allies)
            for owner in owners:
                for ally in allies:
                    if personal:
                        yield from self.link("ally", self.actor(owner), self.actor(ally))
                    else:  # "The governments of Venezuela and Nicaragua, allies of Cuba": each of them
                        for side in self.np_sides(ally, people=False) or [self.side(ally)]:
                            yield from self.link("ally", self.side(owner), side)
            bodies = [self.body(o) for p in children(token, "prep") if p.lower_ == "in" for o in children(p, "pobj")]
            for body in bodies:
                for ally in named:
                    yield from self.link("member", *self.np_sides(ally, people=False), group=body)

    def _business_partner(self, noun: Token) -> bool:
        """"Brazil's third-largest trading partner", "an economic partner": a qualifier
        names a business other than security."""
        return any(c.lemma_.lower() in words("partner_domains") or c.lower_ in words("partner_domains")
                   for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i)

    def _is_person(self, token: Token) -> bool:
        return getattr(self.cast.actor(self.actor(token)), "kind", None) == "person"

    # --- backing

    def backing(self) -> Iterator[Link]:
        for token in self.sentence:
            lemma = token.lemma_.lower()
            if lemma in words("backing_verbs") and token.pos_ == "VERB" and not negated(token):
                agents = [o for a in children(token, "agent") for o in children(a, "pobj")]
                if agents:  # "Hungary is backed by Russia", "a party closely backed by Belgrade"
                    backers = [s for o in agents for s in self.np_sides(o)]
                    backed = [self.side(token.head if s.lower_ in ("which", "who", "that") and token.dep_ == "relcl"
                                        else s) for s in children(token, "nsubjpass")]
                    if token.dep_ == "acl" and not backed:  # "a party closely backed by Belgrade"
                        backed = [self._named_head(token.head)]
                    for backer in backers:
                        for side in backed:
                            yield from self.link("backs", backer, side)
                    continue
                backed = [self.object_side(o) for o in token.children if o.dep_ == "dobj"]
                for subject in self.subjects(token) or self._force_owners(token):
                    for side in backed:
                        yield from self.link("backs", subject, side)
            elif lemma == "sign" and token.pos_ == "VERB" and not negated(token):
                # "Russia, which signed a mutual defence pact with Pyongyang", not a ceasefire
                deals = children(token, "dobj")
                if any(o.lower_ in words("pair_nouns") and not any(t.lemma_.lower() in words("rival_words")
                                                                   for t in o.lefts) for o in deals):
                    partners = [self.object_side(o) for p in token.children if p.dep_ == "prep" and p.lower_ == "with"
                                for obj in children(p, "pobj") for o in [obj, *obj.conjuncts]]
                    partners += [self.object_side(o) for d in deals for p in children(d, "prep")
                                 if p.lower_ == "with" for o in children(p, "pobj")]
                    for subject in self.subjects(token):
                        for partner in partners:
                            yield from self.link("ally", subject, partner)
            elif lemma in words("with_verbs") and token.pos_ == "VERB" and not negated(token):
                # "Hungary sided with Germany"; "Milei aligned Argentina with the US and Israel".
                sided = [self.object_side(o) for p in children(token, "prep") if p.lower_ == "with"
                         for obj in children(p, "pobj") for o in [obj, *obj.conjuncts]]
                aligned = [self.object_side(o) for o in children(token, "dobj")] or self.subjects(token)
                for first in aligned:
                    for side in sided:
                        yield from self.link("ally", first, side)
            elif lemma in words("backing_nouns") and token.pos_ == "NOUN":
                yield from self._backing_noun(token)
            elif token.lower_ == "pro" and token.i + 2 < len(token.doc) and token.nbor(1).text == "-":
                yield from self._pro(token)

    def _named_head(self, noun: Token) -> str | None:
        """The actor a noun phrase describes: "Serb List, ... and one closely backed by
        Belgrade" -> Serb List, through the apposition and coordination it sits in."""
        for _ in range(3):
            side = self.side(noun)
            if side is not None or noun.dep_ not in ("appos", "conj") or noun.pos_ not in ("NOUN", "NUM", "PROPN"):
                return side
            noun = noun.head
        return None

    def _backing_noun(self, noun: Token) -> Iterator[Link]:
        backers = [self.side(c) for c in noun.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        backers += [self.side(o) for p in children(noun, "prep") if p.lower_ == "from" for o in children(p, "pobj")]
        backed = [self.side(o) for p in children(noun, "prep") if p.lower_ in ("to", "for")
                  for o in children(p, "pobj")]
        if noun.dep_ == "pobj" and noun.head.lower_ == "with":  # "the regime's practice, with Russian support"
            backed.append(self.named_before(noun.head.i, exclude=set(backers)))
        for backer in backers:
            for side in backed:
                yield from self.link("backs", backer, side)

    def _pro(self, pro: Token) -> Iterator[Link]:
        """"pro-Israeli moves by Trump's administration", "AIPAC, a pro-Israel lobby",
        "pro-Russian separatists" (a group named by whom it is for)."""
        mention = self.cast.mention_at(pro.i + 2)
        form = gazetteer().lookup(pro.doc[pro.i + 2].text)
        backed = mention.actor if mention is not None else None
        if mention is not None and mention.start == pro.i:  # the "pro-" group itself
            backed = form.entry.id if form is not None and self.cast.actor(form.entry.id) else None
            yield from self.link("backs", mention.actor, backed)
            return
        if backed is None:
            return
        noun = pro.doc[pro.i + 2].head
        while noun.dep_ in ("amod", "compound") and noun.head.i > noun.i:
            noun = noun.head
        named = self.cast.mention_at(noun.i)
        if named is not None:  # "the pro-European Party of Reform and Unity"
            yield from self.link("backs", named.actor, self.cast.side(backed))
            return
        backers = [self.side(o) for p in children(noun, "prep", "agent") if p.lower_ == "by"
                   for o in children(p, "pobj")]
        if noun.dep_ == "appos":
            backers.append(self.side(noun.head))
        backers += [self.side(c) for c in children(noun, "poss")]
        for backer in backers:
            yield from self.link("backs", backer, self.cast.side(backed))

    def _force_owners(self, verb: Token) -> list[str]:
        """ "Burundi, whose troops were deployed to support the army": the owner of the
        forces sent to do it."""
        if verb.dep_ not in ("xcomp", "advcl") or verb.head.lemma_.lower() not in words("send_verbs"):
            return []
        return self.acting_sides(verb)

    def side_by_side(self) -> Iterator[Link]:
        """ "militias ..., which fight alongside the army", "Rwanda, whose troops UN experts say
        have fought alongside the M23": one side in a fight."""
        for prep in self.sentence:
            verb = prep.head
            if prep.lower_ != "alongside" or verb.lemma_.lower() not in words("combat_verbs") or negated(verb):
                continue
            partners = [s for o in children(prep, "pobj") for s in self.np_sides(o, people=False)]
            for fighter in self.acting_sides(verb):
                for partner in partners:
                    yield from self.link("ally", fighter, partner)

    def stationing(self) -> Iterator[Link]:
        """"Germany, which has stationed a brigade in Lithuania", "US troops based in
        Japan", "Poland, which hosts US troops": one state's forces on another's soil.
        The host must be named as a state itself ("in Lithuania", not "in Moldova's
        breakaway region"), and nothing occupied or invaded."""
        if self.says("occupy", "occupied", "invade", "invasion", "annex", "annexed", "occupation"):
            return
        for token in self.sentence:
            lemma = token.lemma_.lower()
            if lemma not in words("station_verbs") or token.pos_ != "VERB" or negated(token):
                continue
            if lemma == "host":  # "Japan hosts about 50,000 US troops"
                for obj in children(token, "dobj"):
                    if obj.lower_ in words("force_nouns"):
                        for guest in self.np_sides(obj):
                            for host in self.subjects(token):
                                yield from self.link("ally", host, guest)
                continue
            places = [token, *children(token, "dobj")]  # "stationed a brigade in Lithuania", either way parsed
            hosts = [self.cast.mention_at(o.i) for t in places for p in children(t, "prep") if p.lower_ in ("in", "on")
                     for o in children(p, "pobj")]
            hosts = [m.actor for m in hosts if m is not None and
                     getattr(self.cast.actor(m.actor), "kind", None) == "state"]
            if not hosts:
                continue
            if token.dep_ == "acl" and token.head.lower_ in words("force_nouns"):
                guests = self.np_sides(token.head)  # "US troops stationed in Japan"
            elif any(o.lower_ in words("force_nouns") for o in children(token, "dobj", "nsubjpass")):
                guests = self.subjects(token) if children(token, "dobj") else \
                    [s for o in children(token, "nsubjpass") for s in self.np_sides(o)]
            else:
                continue
            for guest in guests:
                for host in hosts:
                    if guest != host:
                        yield from self.link("ally", guest, host)

    # --- joint action

    def joint_action(self) -> Iterator[Link]:
        for token in self.sentence:
            if token.lower_ == "joint" and token.head.lemma_.lower() in words("joint_nouns"):
                yield from self._joint(token.head)
            elif token.text in ("-", "\u2013") and 0 < token.i < len(token.doc) - 1:
                yield from self._pair(token)

    def _joint(self, noun: Token) -> Iterator[Link]:
        """"joint exercises" launched by "US and Filipino troops"; "a joint statement"
        in which "the Russian and Syrian defense ministries accused ..."."""
        sides = [s for c in noun.children if c.dep_ in ("compound", "amod", "nmod") for s in self.np_sides(c)]
        sides += [s for p in children(noun, "prep") if p.lower_ in ("by", "between", "of", "with")
                  for o in children(p, "pobj") for s in self.np_sides(o)]
        verb = noun.head
        if noun.dep_ == "pobj":
            verb = noun.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if noun.dep_ in ("dobj", "pobj") and verb.pos_ in ("VERB", "AUX"):
            sides += self.subjects(verb)
        relation = "exercise" if noun.lemma_.lower() in words("exercise_nouns") else "ally"
        yield from self.link(relation, *sides)

    def _pair(self, dash: Token) -> Iterator[Link]:
        """"the Japan-U.S. Status of Forces Agreement", "US-Philippine exercises"."""
        first, second = self.cast.mention_at(dash.i - 1), self.cast.mention_at(dash.i + 1)
        if first is None or second is None or first.actor == second.actor:
            return
        doc = dash.doc
        for token in doc[second.end: min(second.end + 5, self.sentence.end)]:
            if token.is_punct or token.pos_ == "VERB" or token.lemma_.lower() in words("rival_words"):
                return  # "the Israel-Hamas ceasefire agreement" binds enemies
            if token.lower_ in words("pair_nouns"):
                relation = "exercise" if token.lemma_.lower() in words("exercise_nouns") else "ally"
                yield from self.link(relation, self.cast.side(first.actor), self.cast.side(second.actor))
                return

    def taking_part(self) -> Iterator[Link]:
        """In a sentence about exercises: "Australian ... forces are also taking part"."""
        for token in self.sentence:
            lemma = token.lemma_.lower()
            taking_part = lemma == "take" and any(c.lower_ == "part" for c in token.children)
            if (taking_part or lemma in words("take_part_verbs")) and token.pos_ == "VERB" and not negated(token):
                yield from self.link("exercise", *self.subjects(token))

    # --- shared stance and belonging

    def shared_stance(self) -> Iterator[Link]:
        """"Hamas and Iran have blamed Israel": coordinated subjects against a target the
        cast knows. Not "... blamed each other", not "Israel and Hamas have been accused",
        not "rights groups and the UN condemned the killing" (a deed, not a party)."""
        for token in self.sentence:
            if token.lemma_.lower() not in words("shared_stance_verbs") or token.pos_ != "VERB" or negated(token):
                continue
            objects = [c for c in token.children if c.dep_ == "dobj"]
            objects += [o for p in children(token, "prep") for o in children(p, "pobj")]
            text = " ".join(" ".join(t.lower_ for t in o.subtree) for o in objects)
            if any(phrase in text for phrase in RECIPROCAL):
                continue
            for subject in children(token, "nsubj"):
                sides = self.np_sides(subject) if subject.conjuncts else []
                targets = {side for o in objects for side in self.np_sides(o)} - set(sides)
                if len(sides) >= 2 and targets:
                    yield from self.link("ally", *sides)

    def belonging(self) -> Iterator[Link]:
        """"settlers, who form part of Netanyahu's right-wing constituency"."""
        for token in self.sentence:
            if token.lower_ != "part" or token.dep_ not in ("dobj", "attr") or negated(token.head):
                continue
            for prep in children(token, "prep"):
                for noun in children(prep, "pobj"):
                    if noun.lemma_.lower() not in words("part_of_nouns"):
                        continue
                    owners = [self.actor(c) for c in children(noun, "poss")]
                    verb = token.head
                    subjects = children(verb, *SUBJECTS)
                    if verb.dep_ == "relcl":
                        subjects = [verb.head]
                    for subject in subjects:
                        for owner in owners:
                            yield from self.link("ally", self.actor(subject), owner)

    def our_partnership(self) -> Iterator[Link]:
        """"We thank the Afghan government ..., in the spirit of our partnership", said by
        the spokeswoman of the United States: the speaker's side and the one other side
        the sentence names (the partner of "with" when it names one); with several others
        named, who the partner is stays open."""
        for token in self.sentence:
            if token.lemma_.lower() not in words("partnership_nouns") or negated(token):
                continue
            if not any(c.lower_ == "our" for c in token.children if c.dep_ == "poss"):
                continue
            speaker = quote_speaker(self.cast, self.paragraph)
            if speaker is None:
                continue
            partners = [s for p in children(token, "prep") if p.lower_ == "with"
                        for o in children(p, "pobj") for s in self.np_sides(o)]
            if not partners:
                partners = [self.cast.side(m.actor) for m in self.cast.mentions_in(self.sentence)]
            others = list(dict.fromkeys(p for p in partners if p and p != speaker))
            if len(others) == 1:
                yield from self.link("ally", speaker, others[0])
