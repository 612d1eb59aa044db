"""Attribution: who says, wants or refuses what, read from the dependency parse.

A statement is found three ways:
- a reporting or stance verb outside quotes ("Price blamed Azerbaijan", "said Sarym"),
  whose subject names the holder (through a pronoun, a conjunction, a relative
  clause, or the clause the verb hangs from: "..., saying he trusted the courts");
- "according to X";
- a sentence that is a quote and has no verb of its own: it belongs to the
  speaker of the quote it is part of, or of the sentence just before it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from generator.extract.article import Article
from generator.extract.cast import Cast, Mention
from generator.extract.lexicon import gazetteer
from generator.extract.quotes import QuoteIndex
from generator.extract.referents import PERSON_PRONOUNS, THING_PRONOUNS, Referents

_SUBJECT_DEPS = ("nsubj",)
_INHERITS_SUBJECT = ("conj", "advcl")
"""A verb with no subject of its own takes the subject of the verb it is joined to ("and urged",
", saying"); an infinitive ("agreed to send") is content, not a statement of its own."""
_REPORTED_DEPS = ("ccomp", "xcomp", "dobj", "dative", "oprd")
"""How what a reporting verb reports hangs from it."""
_HOLDER_MODIFIERS = ("poss", "compound", "amod", "nmod", "appos")
_LISTING_PREPOSITIONS = frozenset({"including", "like"})
_AFFILIATION_PREPOSITIONS = frozenset({"for"})
_MAX_CLIMB = 3
_BACKGROUND_MARKS = frozenset({"since", "after", "before", "until", "once", "when"})
"""A reporting verb in a clause of time tells what happened before ("hours after Finland said ...",
"since the Argentine leader called him ..."): background, not the holder's position now. "While X
blamed Y, ..." contrasts and stays."""


@dataclass(frozen=True)
class ReportingVerbs:
    speech: frozenset[str]
    stance: frozenset[str]
    relational_nouns: frozenset[str]
    complement_required: frozenset[str]
    state_organs: frozenset[str]
    documents: frozenset[str]
    civilian_roles: frozenset[str]
    claim_nouns: frozenset[str]
    denial_verbs: frozenset[str]
    withholding_verbs: frozenset[str]
    telling_verbs: frozenset[str]

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.speech or lemma in self.stance


@lru_cache(maxsize=1)
def reporting_verbs() -> ReportingVerbs:
    text = resources.files("generator.extract").joinpath("data", "positions_verbs.yml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return ReportingVerbs(**{key: frozenset(words) for key, words in data.items()})


@dataclass(frozen=True)
class Holder:
    actor: str
    """The actor the position belongs to: a person's affiliation, or the person, state or body itself."""
    speaker: str | None
    """The person who voiced it, when a person did."""


@dataclass
class Statement:
    """One holder's statement: the cue that reports it and the sentences it rests on."""

    holder: Holder
    cue: Token
    """The reporting or stance verb, "according", or the quote's root when the quote stands alone."""
    sentence_numbers: list[int]
    quoted: list[Span] = field(default_factory=list)
    """Sentences that carry the holder's own words."""

    @property
    def is_speech(self) -> bool:
        return self.cue.lemma_ in reporting_verbs().speech or self.cue.lower_ == "according"


def find_statements(article: Article, cast: Cast, quotes: QuoteIndex) -> list[Statement]:
    """Every attributed statement in the article, in document order."""
    sentences = article.sentences
    referents = Referents(cast, quotes)
    by_sentence: list[list[Statement]] = []
    reporting: set[int] = set()
    """Sentences with a reporting verb of their own, whoever its subject: no one else's quote."""
    for number, sentence in enumerate(sentences):
        referents.read(number, sentence)
        found = []
        for cue in _cues(sentence, quotes):
            reporting.add(number)
            for holder, mention in _holders(cue, number, cast, referents):
                found.append(Statement(holder=holder, cue=cue, sentence_numbers=[number]))
                if mention is not None:
                    referents.promote(number, mention)
        by_sentence.append(found)
    _attach_quotes(sentences, by_sentence, quotes, reporting)
    return [statement for found in by_sentence for statement in found]


def _cues(sentence: Span, quotes: QuoteIndex) -> list[Token]:
    verbs = reporting_verbs()
    cues = []
    for token in sentence:
        if quotes.inside(token):
            continue  # a verb inside a quote is the speaker's content, not an attribution
        if token.pos_ == "VERB" and token.lemma_.lower() in verbs and not _is_passive(token) \
                and not _is_reported(token, verbs) and not _is_hypothetical(token) \
                and not _lacks_complement(token, verbs) and not _is_background(token) and not _says_nothing(token):
            cues.append(token)
        elif token.lower_ == "according" and any(child.lower_ == "to" for child in token.children):
            cues.append(token)
    return cues


def _says_nothing(verb: Token) -> bool:
    """ "as Somaliland officials have suggested", "as officials insist": a verb with nothing said
    after it (no object, clause or preposition) states no position of its own; nor does speech
    held back ("has not said whether it will fund", "declined to say when")."""
    if _withheld(verb):
        return True
    if not any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children):
        return False  # a verb whose words are a quote elsewhere ("..., said Levitt") says them
    said = ("dobj", "ccomp", "xcomp", "prep", "prt", "oprd", "attr", "acomp", "dative", "npadvmod")
    return not any(child.dep_ in said for child in verb.children)


def _withheld(verb: Token) -> bool:
    """Speech held back says nothing: "has not said whether", "declined to say when", "did not
    comment". A negated belief or agreement still holds a view ("does not believe the talks will
    succeed"): its complement says what."""
    verbs = reporting_verbs()
    if verb.lemma_.lower() in verbs.withholding_verbs:
        return any(child.dep_ == "xcomp" and child.lemma_.lower() in verbs.telling_verbs and _says_no_content(child)
                   for child in verb.children)
    if verb.lemma_.lower() not in verbs.telling_verbs or not _says_no_content(verb):
        return False
    held_back = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in verbs.withholding_verbs
    return held_back or any(child.dep_ == "neg" for child in verb.children)


def _says_no_content(verb: Token) -> bool:
    """Nothing said after the verb but, at most, an open question ("whether it will fund", "when")
    or a pronoun for what others said ("have not confirmed that")."""
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj") and c.pos_ != "PRON"]
    return all(any(t.lower_ in _OPEN_MARKS and t.i <= c.i for t in c.subtree) or c.lower_ in _OPEN_MARKS
               for c in complements)


_OPEN_MARKS = frozenset({"whether", "if", "when", "how", "why", "where", "what", "who", "which"})


def _is_background(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(child.dep_ == "mark" and child.lower_ in _BACKGROUND_MARKS
                                        for child in verb.children)


def across_semicolon(clause: Token, verb: Token) -> bool:
    """ "India blamed X for Y; Pakistan denied any role": a clause before a semicolon is not what the
    verb after it reports, whatever the parser attached."""
    low, high = sorted((clause.i, verb.i))
    return any(token.text == ";" for token in clause.doc[low:high])


def reported_content(cue: Token) -> Token | None:
    """The clause a reporting verb reports: its complement ("said that X"), or a "that" clause the
    parser hung from the document it was said in ("said in a statement that X")."""
    content = next((c for c in cue.children if c.dep_ == "ccomp" and not across_semicolon(c, cue)), None)
    if content is not None:
        return content
    documents = reporting_verbs().documents
    return next((clause for prep in cue.children if prep.dep_ == "prep" for noun in prep.children
                 if noun.dep_ == "pobj" and noun.lemma_.lower() in documents for clause in noun.children
                 if clause.dep_ == "acl" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)),
                None)


def _is_reported(verb: Token, verbs: ReportingVerbs) -> bool:
    """True when `verb` is inside what another reporting verb reports ("ABC reported that X planned",
    "told the radio that Kazakhstan refuses to help because it does not want ..."): the path up
    enters that verb as its complement, not as a side clause ("When X announced ..., he said")."""
    token = verb
    while token.head != token:
        dep = token.dep_
        if dep in ("nsubj", "nsubjpass") or (dep == "advcl" and token.tag_ == "VBG") \
                or (dep == "relcl" and token.head.lemma_.lower() in verbs.claim_nouns):
            return False  # in the holder's own phrase, ", saying ...", "an allegation the agency refutes"
        below, token = token, token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in verbs and dep != "conj":
            if dep in _REPORTED_DEPS and not across_semicolon(below, token):
                return True
    return False


def _is_hypothetical(verb: Token) -> bool:
    """ "Whether companies will agree", "even if the administration agrees": nobody holds that yet."""
    clause = verb
    while clause.head != clause and (clause.dep_ in ("conj", "xcomp") or (
            clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))):
        clause = clause.head  # "whether X has committed to formally recognise Y", however "to recognise" hangs
    return any(child.dep_ == "mark" and child.lower_ in ("whether", "if", "unless") for child in clause.children)


def _lacks_complement(verb: Token, verbs: ReportingVerbs) -> bool:
    if verb.lemma_.lower() not in verbs.complement_required:
        return False
    return not any(child.dep_ in ("ccomp", "xcomp", "prt", "oprd") or (child.dep_ == "prep" and child.lower_ == "as")
                   for child in verb.children)


def _is_passive(verb: Token) -> bool:
    """ "was asked", and a bare participle: "the territories, seen as pivotal parts of ..."."""
    if any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(child.dep_ == "aux" for child in verb.children)


def _holders(cue: Token, number: int, cast: Cast, referents: Referents) -> list[tuple[Holder, Mention | None]]:
    if cue.lower_ == "according":
        heads = [grandchild for child in cue.children if child.lower_ == "to"
                 for grandchild in child.children if grandchild.dep_ == "pobj"]
    else:
        heads = [subject for subject in [_subject(cue)] if subject is not None]
    holders = []
    for head in heads:
        if head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
            actor_id = referents.resolve(head, number)
            if actor_id and cast.is_party(actor_id):
                holders.append((_holder_for(actor_id, None, cast), None))
            continue
        found = _holders_in_phrase(head, cast)
        if not found:  # "the agency refutes": the agency the text last named
            actor_id = referents.resolve_description(head, number)
            if actor_id and cast.is_party(actor_id):
                found = [(_holder_for(actor_id, None, cast), None)]
        holders.extend(found)
    return holders


def _subject(verb: Token) -> Token | None:
    """The subject of `verb`, climbing through conjoined and dependent verbs that have none."""
    token = verb
    for _ in range(_MAX_CLIMB + 1):
        subject = next((child for child in token.children if child.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                return token.head  # "Netanyahu and allies, who claim ..." -> Netanyahu and allies
            return subject
        if token.dep_ == "relcl":
            return None
        if _misread_as_apposition(token):
            return token.head.head  # "The Council (COHEP), the main lobby, called for calm"
        if token.dep_ not in _INHERITS_SUBJECT or token.head == token:
            return None
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.dep_ == "ccomp" \
                and token.head.head.lemma_.lower() in reporting_verbs():
            token = token.head.head  # "X said Israel continued ..., arguing that": X argues, not Israel
            continue
        token = token.head
    return None


def _misread_as_apposition(verb: Token) -> bool:
    """A finite verb after "X, the main lobby," that the parser hung from the apposition as if
    it described it: the sentence has no other main verb, so X is its subject."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBD" and head.dep_ == "appos" and head.head.dep_ == "ROOT" \
        and verb.i > 0 and verb.doc[verb.i - 1].text == "," and head.head.pos_ in ("NOUN", "PROPN")


def _holders_in_phrase(head: Token, cast: Cast) -> list[tuple[Holder, Mention]]:
    """Holders named by the noun phrase headed by `head` ("France's Emmanuel Macron and Germany's ...")."""
    listed = [grandchild for child in head.children if child.lower_ in _LISTING_PREPOSITIONS
              for grandchild in child.children if grandchild.dep_ == "pobj"]
    if not listed and head.tag_ == "NNS" and not _named_in(head, cast):
        # "The governments of Venezuela and Nicaragua", "the foreign ministers of Norway and Sweden"
        listed = [grandchild for child in head.children if child.lower_ == "of"
                  for grandchild in child.children if grandchild.dep_ == "pobj"
                  and _kind(getattr(cast.mention_at(grandchild.i), "actor", None), cast) == "state"]
    holders = []
    members = _conjuncts(listed[0]) if listed else _conjuncts(head)
    for member in members:
        mentions = _named_in(member, cast)
        if member != members[0] and not _same_class(mentions, _named_in(members[0], cast), cast) \
                and not _coordinated(members):
            continue  # "Coutts, Russia and Soviet Union analyst": a misread apposition, not a list
        person = next((mention for mention in mentions if _kind(mention.actor, cast) == "person"), None)
        if person is not None:
            body = _affiliation_named(member.doc[person.start:person.end].root, cast)
            holders.append((_holder_for(person.actor, body, cast), person))
        elif mentions:
            # "the Russian and Syrian defense ministries": each conjoined name holds the position
            first = member.doc[mentions[0].start:mentions[0].end].root
            joined = {cast.mention_at(token.i) for token in _conjuncts(first)} - {None} if first != member else set()
            for mention in sorted(joined) if len(joined) > 1 else mentions[:1]:
                if cast.is_party(mention.actor):
                    holders.append((Holder(actor=mention.actor, speaker=None), mention))
    return holders


def _same_class(mentions: list[Mention], first: list[Mention], cast: Cast) -> bool:
    """Conjoined holders are alike: people with people, bodies with bodies."""
    if not mentions or not first:
        return True
    return (_kind(mentions[0].actor, cast) == "person") == (_kind(first[0].actor, cast) == "person")


def _coordinated(members: list[Token]) -> bool:
    """ "neither Putin nor the CSTO": the second holder follows a conjunction, not a comma."""
    before = members[1].left_edge.i - 1 if len(members) > 1 else -1
    return before >= 0 and members[0].doc[before].dep_ == "cc"


def _conjuncts(token: Token) -> list[Token]:
    return [token] + [child for child in token.conjuncts if child.i > token.i]


def _named_in(token: Token, cast: Cast) -> list[Mention]:
    """Party mentions in `token` and its name-like modifiers (not its clauses), nearest first."""
    found = []
    for candidate in _phrase_core(token):
        mention = cast.mention_at(candidate.i)
        if mention is not None and cast.is_party(mention.actor) and mention not in found:
            found.append(mention)
    return found


def _phrase_core(token: Token, depth: int = 0) -> list[Token]:
    """`token` and its name-like modifiers; a preposition only on a title ("representatives for X").
    A common noun passes its holder on to a modifier only when it is an organ of the modifier
    ("Russia's foreign ministry", "Syrian defense ministries"), not "Israeli courts"."""
    core = [token]
    if depth > 2:
        return core
    verbs = reporting_verbs()
    lemma = token.lemma_.lower()
    organ = token.pos_ != "NOUN" or lemma in verbs.state_organs or lemma in verbs.documents
    for child in token.children:
        if child.dep_ == "appos" or (child.dep_ in _HOLDER_MODIFIERS and organ
                                     and not (child.dep_ == "poss" and _is_relational(token))):
            core.extend(_phrase_core(child, depth + 1))
        elif child.dep_ == "prep" and child.lower_ == "by" and lemma in verbs.documents:
            core.extend(grandchild for grandchild in child.children if grandchild.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS and token.pos_ == "NOUN":
            # "a spokesperson for Danish shipping group Maersk": the body may stand in apposition
            core.extend(t for grandchild in child.children if grandchild.dep_ == "pobj"
                        for t in _phrase_core(grandchild, depth + 1))
    return core


def _is_relational(noun: Token) -> bool:
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in reporting_verbs().relational_nouns


def _affiliation_named(name: Token, cast: Cast) -> Mention | None:
    """A state or organization the phrase names as the person's own: "Kremlin spokesman Dmitry Peskov",
    "France's Emmanuel Macron", "Israel's spokesperson, Daniel Hagari", "X, a spokesperson for Y"."""
    titles = [name] + [child for child in name.children if child.dep_ == "appos"]
    if name.dep_ == "appos":
        titles.append(name.head)
    bodies = [mention for title in titles for token in _premodifiers(title) + _for_objects(title)
              for mention in [cast.mention_at(token.i)]
              if mention is not None and _kind(mention.actor, cast) in ("state", "organization")]
    # "US State Department spokesman": the state before the department
    return min(bodies, key=lambda mention: _kind(mention.actor, cast) != "state", default=None)


def _premodifiers(token: Token) -> list[Token]:
    """Possessives and compound words before `token`, following compounds leftwards."""
    found = []
    for child in token.lefts:
        if child.dep_ in ("poss", "amod"):
            found.append(child)
        elif child.dep_ == "compound":
            found.append(child)
            found.extend(_premodifiers(child))
    return found


def _for_objects(title: Token) -> list[Token]:
    return [grandchild for child in title.children if child.dep_ == "prep" and child.lower_ == "for"
            for grandchild in child.children if grandchild.dep_ == "pobj"]


def _kind(actor_id: str, cast: Cast) -> str | None:
    actor = cast.actor(actor_id)
    return actor.kind if actor else None


def _holder_for(actor_id: str, named_body: Mention | None, cast: Cast) -> Holder:
    """A person's position belongs to the body they speak for; anyone else's to themselves.
    A state is spoken for only from an office: a "Sudanese doctor" speaks for herself."""
    actor = cast.actor(actor_id)
    if actor is None or actor.kind != "person":
        return Holder(actor=actor_id, speaker=None)
    affiliation = actor.affiliation or (named_body.actor if named_body else None)
    if affiliation is not None and _kind(affiliation, cast) == "state" and not _speaks_for_state(actor.role):
        affiliation = None
    return Holder(actor=affiliation or actor_id, speaker=actor_id)


def _speaks_for_state(role: str | None) -> bool:
    """ "Kenyan President", "France's", "lawyer for the US State Department": yes; "American",
    "Sudanese doctor who", "Kyiv resident", "former Venezuelan leader": no. An unknown role: yes."""
    if not role:
        return True
    verbs = reporting_verbs()
    raw = [word.strip(".,'’") for word in role.replace("-", " ").split()]
    words = [word.lower() for word in raw]
    if "former" in words:
        return False
    if any(word in verbs.state_organs or word.removesuffix("s") in verbs.state_organs for word in words):
        return True
    if any(word in verbs.civilian_roles for word in words):
        return False
    if role.rstrip().endswith(("'s", "’s")):
        return True  # "France's Emmanuel Macron"
    return not all(_demonym(word) for word in raw if word)  # "American", "British-Israeli": a nationality


def _demonym(word: str) -> bool:
    form = gazetteer().lookup(word)
    return form is not None and form.type == "adj"


def _attach_quotes(sentences: list[Span], by_sentence: list[list[Statement]], quotes: QuoteIndex,
                   reporting: set[int]) -> None:
    """Give each stand-alone quote sentence to the speaker of its quote, or of the sentence before it."""
    speaking = [_speech(found) for found in by_sentence]
    alone = [quotes.is_quote(sentence) and number not in reporting for number, sentence in enumerate(sentences)]
    # A quote that ends in an attributed sentence ("'A. B,' he said.") belongs to that speaker.
    for number in range(len(sentences) - 2, -1, -1):
        if alone[number] and speaking[number] is None and _same_quote(sentences[number], sentences[number + 1], quotes):
            speaking[number] = speaking[number + 1]
    # A quote that follows an attributed sentence continues it.
    for number in range(1, len(sentences)):
        if alone[number] and speaking[number] is None:
            speaking[number] = speaking[number - 1]
    for number, statement in enumerate(speaking):
        if statement is None:
            continue
        if number not in statement.sentence_numbers:
            statement.sentence_numbers.append(number)
        if quotes.quoted_share(sentences[number]) > 0:
            statement.quoted.append(sentences[number])
    for statement in (s for found in by_sentence for s in found):
        statement.sentence_numbers.sort()
        statement.quoted.sort(key=lambda span: span.start)


def _speech(found: list[Statement]) -> Statement | None:
    """The statement a quote in this sentence would belong to: its speech verb's, else its first."""
    return next((statement for statement in found if statement.is_speech), found[0] if found else None)


def _same_quote(first: Span, second: Span, quotes: QuoteIndex) -> bool:
    """True when one quoted stretch runs from the end of `first` into `second`."""
    last = next((token for token in reversed(first) if token.is_alpha), None)
    opening = next((token for token in second if token.is_alpha), None)
    if last is None or opening is None:
        return False
    return quotes.range_at(last.idx) is not None and quotes.range_at(last.idx) == quotes.range_at(opening.idx)
