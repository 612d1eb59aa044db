"""Where a text leaves something open, read from its own signals.

Each detector looks at one sentence and returns the clauses to ask about, with
how to phrase them (interrogative.Phrasing) and how strong the signal is:
explicit wondering and the text's own questions, disputes, refusals and
unanswered requests, pending events, conditions, and hedges.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

from generator.extract.attribution import across_semicolon, reported_content, reporting_verbs
from generator.extract.interrogative import Phrasing, is_plural, render

WONDER, OWN_QUESTION, DISPUTE, REFUSAL, REQUEST, PENDING, CONDITION, DOUBT, HEDGE, FUTURE, CLAIM, WITHHELD = (
    "wonder", "own-question", "dispute", "refusal", "request", "pending", "condition", "doubt", "hedge", "future",
    "claim", "withheld")
WEIGHTS = {WONDER: 5.0, OWN_QUESTION: 5.0, DISPUTE: 4.0, REFUSAL: 4.0, WITHHELD: 4.0, REQUEST: 3.0, PENDING: 3.0,
           DOUBT: 3.0, CONDITION: 2.5, HEDGE: 2.0, FUTURE: 1.5, CLAIM: 0.0}
"""How strongly each kind of signal says the text leaves something open; DOUBT is the writer's own
hedging adverb ("probably", "reportedly"), HEDGE a modal ("may") or a hedged passive ("is thought to").
A CLAIM ("X said Y did Z") is open only when a denial elsewhere answers it: it is then a DISPUTE."""
_INDEFINITE_PRONOUNS = frozenset({"everything", "anything", "something", "nothing", "all", "those", "anyone",
                                  "everyone", "someone"})
_WH_WORDS = frozenset({"how", "why", "when", "where", "who", "what", "which", "whom"})
_YES_NO_MARKS = frozenset({"whether", "if"})
_EMBEDDED_DEPS = frozenset({"ccomp", "pcomp", "csubj", "xcomp", "pobj", "advcl", "conj", "dobj", "acl"})


@dataclass(frozen=True)
class Cues:
    hedge_modals: frozenset[str]
    hedge_adverbs: frozenset[str]
    hedge_passives: frozenset[str]
    pending_passives: frozenset[str]
    pending_verbs: frozenset[str]
    pending_adjectives: frozenset[str]
    finding_bodies: frozenset[str]
    arrival_verbs: frozenset[str]
    wonder_heads: frozenset[str]
    question_nouns: frozenset[str]
    person_nouns: frozenset[str]
    negated_wonder_heads: frozenset[str]
    impossibility_words: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_adjectives: frozenset[str]
    negated_commitments: frozenset[str]
    request_verbs: frozenset[str]
    request_nouns: frozenset[str]
    comment_words: frozenset[str]
    possibility_nouns: frozenset[str]
    risk_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    contrasted_reports: frozenset[str]
    denial_words: frozenset[str]
    denial_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    involvement_nouns: frozenset[str]
    condition_marks: frozenset[str]
    wish_verbs: frozenset[str]
    decided_reports: frozenset[str]
    sentence_openers: frozenset[str]
    withheld_when: frozenset[str]
    withheld_how: frozenset[str]
    withheld_why: frozenset[str]
    withheld_verbs: frozenset[str]


@lru_cache(maxsize=1)
def question_cues() -> Cues:
    text = resources.files("generator.extract").joinpath("data", "questions_cues.yml").read_text(encoding="utf-8")
    return Cues(**{name: frozenset(words) for name, words in yaml.safe_load(text).items()})


@lru_cache(maxsize=1)
def trigger_lemmas() -> frozenset[str]:
    """Verbs and adjectives that are signals themselves ("refuse", "expected", "reluctant")."""
    cues = question_cues()
    return frozenset().union(
        cues.hedge_passives, cues.pending_passives, cues.pending_verbs, cues.pending_adjectives, cues.refusal_verbs,
        cues.refusal_adjectives, cues.negated_commitments, cues.request_verbs, cues.accusation_verbs,
        cues.claim_verbs, cues.contrasted_reports, cues.risk_verbs, {"have", "be"})


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Words that mark the verb they hang from ("may", "will", "if", "probably", "yet")."""
    cues = question_cues()
    return frozenset().union(cues.hedge_modals, cues.hedge_adverbs, cues.condition_marks,
                             {"will", "wo", "'ll", "shall", "would", "'d", "yet"})


@dataclass(frozen=True)
class Signal:
    """A clause to ask about: its head verb, how to phrase it, and the kind of signal."""

    verb: Token
    phrasing: Phrasing
    kind: str
    text: str | None = None
    """The question already phrased (the text's own question, "Was X responsible for Y?")."""
    borrowed_subject: Token | None = None
    """The subject the question takes from an outer clause, when it is a pronoun to resolve."""
    claim: Token | None = None
    """For a claim or accusation, its verb ("accused", "said"): a denial elsewhere may answer it."""
    accused: tuple[int, ...] = ()
    """Token indices naming whom the claim is about: the accused, or the subject of the claimed clause."""
    context: Span | None = None
    """The sentence before, when the clause asked about is there ("... would return to Doha. It gave no date.")."""


def signals_in(sentence: Span, following: Span | None) -> list[Signal]:
    """Every signal in `sentence`; `following` is the next sentence (a denial may come there)."""
    cues = question_cues()
    found: list[Signal] = []
    found.extend(_own_question(sentence))
    denials = _denials(sentence, cues) | (_denials(following, cues) if following is not None else set())
    verbs: dict[int, Token] = {}
    for token in sentence:
        lemma = token.lemma_.lower()
        found.extend(_embedded_question(token, cues))
        found.extend(_request_noun(token, lemma, cues))
        if lemma in trigger_lemmas() and token.pos_ in ("VERB", "AUX", "ADJ"):
            verbs[token.i] = token
        elif token.lower_ in trigger_words() and token.head.pos_ in ("VERB", "AUX", "ADJ"):
            verbs[token.head.i] = token.head  # "may", "will", "if", "probably" mark the verb they hang from
    for _, verb in sorted(verbs.items()):
        lemma = verb.lemma_.lower()
        found.extend(_dispute(verb, lemma, cues, bool(denials - {verb.i})))
        if _in_relative_clause(verb):
            continue  # a clause about a noun ("any entity which seeks to ...") says nothing will happen
        for detect in (_pending, _refusal, _request, _possibility, _condition, _hedge, _future):
            found.extend(detect(verb, lemma, cues))
    return found


_WITHHELD_MAX_WORDS = 10
"""A sentence that only says a detail is missing is short: "It gave no date.", "He did not elaborate."."""
_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def withheld_detail(sentence: Span, previous: Span | None) -> list[Signal]:
    """ "... said the delegations would return to Doha in the coming weeks. It gave no date." ->
    When will the delegations return to Doha?; "He did not elaborate." -> How will ...?"""
    if previous is None or len(sentence) > 2 * _WITHHELD_MAX_WORDS \
            or sum(not t.is_punct for t in sentence) > _WITHHELD_MAX_WORDS:
        return []
    ask = _withheld_question_word(sentence, question_cues())
    if ask is None:
        return []
    clause, speech = _reported_clause(previous)
    if clause is None:
        return []
    dropped = frozenset()
    if ask == "when":  # the date it does give is too vague to keep: "in the coming weeks"
        dropped = frozenset(t.i for child in clause.children if child.i > clause.i
                            and any(t.ent_type_ in _TIME_ENTITIES for t in child.subtree) for t in child.subtree)
    phrasing = Phrasing(forward=speech.tag_ == "VBD", ask=ask, dropped=dropped)
    return [Signal(verb=clause, phrasing=phrasing, kind=WITHHELD, context=previous)]


def _withheld_question_word(sentence: Span, cues: Cues) -> str | None:
    """ "gave no date" -> when; "gave no details", "did not elaborate" -> how; "did not say why" -> why."""
    root = sentence.root
    for noun in (c for c in root.children if c.dep_ == "dobj" and any(d.lower_ == "no" for d in c.children)):
        for ask, nouns in (("when", cues.withheld_when), ("how", cues.withheld_how), ("why", cues.withheld_why)):
            if noun.lemma_.lower() in nouns:
                return ask
    lemma = root.lemma_.lower()
    held_back = any(c.dep_ == "neg" for c in root.children) or lemma in cues.refusal_verbs
    verb = next((c for c in root.children if c.dep_ == "xcomp"), root) if lemma in cues.refusal_verbs else root
    if not held_back or verb.lemma_.lower() not in cues.withheld_verbs | cues.negated_wonder_heads:
        return None
    asked = [c for c in verb.children if c.lower_ in _WH_WORDS]
    if asked and not any(c.dep_ in ("ccomp", "dobj", "nsubj") for c in asked[0].children):
        return asked[0].lower_  # "did not say when", with nothing after it
    if not asked and verb.lemma_.lower() in cues.withheld_verbs and not any(
            c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return "how"  # "He did not elaborate."
    return None


def _reported_clause(sentence: Span) -> tuple[Token | None, Token | None]:
    """The clause a sentence reports ("said ... that the delegations would return"), the last one
    with a modal when there are several, and the verb that reports it."""
    speech = reporting_verbs().speech
    clauses = [(c, t) for t in sentence if t.pos_ == "VERB" and t.lemma_.lower() in speech
               for first in [reported_content(t)] if first is not None for c in [first, *first.conjuncts]
               if c.pos_ in ("VERB", "AUX")]
    modal = [(c, t) for c, t in clauses if any(a.lower_ in ("would", "will", "could", "'d") for a in c.children)]
    return (modal or clauses)[-1] if clauses else (None, None)


def _own_question(sentence: Span) -> list[Signal]:
    """A question the text asks ("Who will run the daily business?"), or one put to someone it names
    ("he was asked, 'Will you keep saying ...?' Ishiba responded" -> Will Ishiba keep saying ...?)."""
    tokens = [t for t in sentence if not t.is_space]
    question_end = next((i for i, t in enumerate(tokens) if t.text == "?"), None)
    if question_end is None:
        return []
    start = 0
    for index, token in enumerate(tokens[:question_end]):
        before = tokens[index - 1] if index else None
        opens_clause = before is None or (before.is_punct and before.text not in "-–—") or before.dep_ == "cc"
        if opens_clause and (token.tag_ in ("WDT", "WP", "WRB", "MD") or token.pos_ == "AUX"):
            start = index
    asked = tokens[start:question_end + 1]
    names: dict[int, str] = {}
    if any(t.lower_ in ("you", "your") for t in asked):
        addressee = _addressee(sentence)
        if addressee is None:
            return []
        names = _second_person(asked, addressee)
    text = render(asked, names)
    return [Signal(verb=tokens[start], phrasing=Phrasing(), kind=OWN_QUESTION, text=text[:1].upper() + text[1:])]


def _addressee(sentence: Span) -> str | None:
    """The person a quoted question is put to: the subject of "was asked" or of the answer's verb."""
    for token in sentence:
        if token.lemma_ in ("ask", "respond", "answer", "reply") and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ == "PROPN":
                return render([t for t in subject.subtree if t.dep_ not in ("appos", "relcl", "punct")])
    return None


def _second_person(asked: list[Token], addressee: str) -> dict[int, str]:
    """ "Do you feel" -> "Does Ishiba feel"; "your" -> "Ishiba's"."""
    names = {}
    for token in asked:
        if token.lower_ == "you":
            names[token.i] = addressee
        elif token.lower_ == "your":
            names[token.i] = f"{addressee}'s"
        elif token.lower_ in ("do", "are", "have", "were") and token.i + 1 < len(token.doc) \
                and token.nbor(1).lower_ == "you":
            names[token.i] = {"do": "does", "are": "is", "have": "has", "were": "was"}[token.lower_]
    return names


def _embedded_question(word: Token, cues: Cues) -> list[Signal]:
    """ "wondered how the appointment would affect ..." -> How will the appointment affect ...?"""
    lower = word.lower_
    if lower not in _WH_WORDS and lower not in _YES_NO_MARKS:
        return []
    clause = word.head
    if clause.dep_ == "relcl" or clause.dep_ not in _EMBEDDED_DEPS or clause.pos_ not in ("VERB", "AUX"):
        return []
    if lower in _YES_NO_MARKS and (word.dep_ != "mark" or clause.dep_ == "advcl"):
        return []  # "if" opening a condition is not an embedded question
    first = clause
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "unclear whether X would meet, or whether Y would agree": the head of the first
    if not _is_wondered(first.head, cues):
        return []
    wh = word if lower in _WH_WORDS else None
    phrasing = Phrasing(forward=_past_context(clause), wh=wh, dropped=frozenset({word.i}))
    return [Signal(verb=clause, phrasing=phrasing, kind=WONDER)]


def _past_context(clause: Token) -> bool:
    """True when the question is reported from the past ("wondered how it would"): tenses move forward."""
    token = clause.head
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "xcomp" and token.tag_ == "VB":
            token = token.head  # "declined to say when": the tense is the refusal's
        if token.pos_ in ("VERB", "AUX"):
            auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            return token.tag_ == "VBD" or bool(auxes & {"had", "did", "was", "were", "could", "would"})
        if token.head == token:
            return False
        token = token.head
    return False


def _is_wondered(head: Token, cues: Cues) -> bool:
    """True when the words an embedded question hangs from leave it open: "wondered how", "questions
    over how", "pressed the minister about whether", "impossible to know whether", "remains unclear"."""
    token = head
    for _ in range(4):
        if _wonders(token, cues):
            return True
        if token.pos_ in ("VERB", "AUX", "ADJ") or token.head == token:
            return False
        token = token.head  # through a preposition and its noun to the verb: "pressed X about whether"
    return False


def _wonders(token: Token, cues: Cues) -> bool:
    lemma = token.lemma_.lower()
    if lemma in cues.wonder_heads:
        return True
    complements = [c for c in token.children if c.dep_ in ("acomp", "attr")]
    if any(c.lemma_.lower() in cues.wonder_heads for c in complements):
        return True
    if token.pos_ in ("VERB", "AUX") and any(c.dep_ == "nsubj" and c.lemma_.lower() in cues.question_nouns
                                              for c in token.children):
        return True  # "The question is whether ...", "Questions remain over how ...", "doubts persist about whether"
    if any(c.lemma_.lower() in cues.negated_wonder_heads for c in complements) \
            and any(c.dep_ == "neg" for c in token.children):
        return True  # "It was not (immediately) clear who ..."
    return lemma in cues.negated_wonder_heads and _negated(token, cues)


def _negated(token: Token, cues: Cues) -> bool:
    """ "could not determine", "impossible to know", "unclear when"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in cues.refusal_verbs:
        return True  # "declined to say when"
    for above in (token.head, token.head.head):
        if above.lemma_.lower() in cues.impossibility_words or any(
                c.lemma_.lower() in cues.impossibility_words for c in above.children if c.dep_ in ("acomp", "attr")):
            return True
    return False


def _pending(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "is expected to arrive", "plans to present", "has yet to rule", "would have to collaborate"."""
    target = _infinitive(token)
    if target is None or any(c.dep_ == "aux" and c.lower_ in cues.hedge_modals for c in token.children):
        return []  # "may have planned to" is a hedge about the past, asked as one
    passive = any(c.dep_ == "auxpass" for c in token.children)
    pending = (passive and lemma in cues.pending_passives) or (not passive and lemma in cues.pending_verbs) \
        or (token.pos_ == "ADJ" and lemma in cues.pending_adjectives) \
        or any(c.lower_ == "yet" for c in token.children) \
        or (lemma == "have" and any(c.lower_ in ("would", "will") for c in token.children)) \
        or (lemma == "be" and token.dep_ == "ROOT" and _names_someone(token))
    if not pending:
        return []
    holder = token.head if token.dep_ == "acomp" else token  # "Inspectors are due to": the subject of "are"
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and _finds(subject, cues) and target.lemma_.lower() in cues.arrival_verbs:
        body = _np(subject)
        first = subject.left_edge
        body = body[:1].lower() + body[1:] if first.pos_ != "PROPN" and not first.ent_type_ else body
        body = re.sub(r"^(a|an) ", "the ", body)  # the mission the text just announced
        return [Signal(verb=target, phrasing=Phrasing(), kind=PENDING, text=f"What will {body} find?")]
    # "A UN envoy is expected to arrive": Will the envoy (the one the text just announced) arrive?
    names = {c.i: "the" for c in subject.children if c.dep_ == "det" and c.lower_ in ("a", "an")} \
        if subject is not None else {}
    return [Signal(verb=target, phrasing=Phrasing(future=True, names=names), kind=PENDING)]


def _finds(body: Token, cues: Cues) -> bool:
    """A body whose name says it is there to find things out: "fact-finding mission", "inspection team",
    "commission of inquiry", "inspectors"; not an envoy or a delegation."""
    side = {t.i for c in body.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return any(t.lower_ in cues.finding_bodies or t.lemma_.lower() in cues.finding_bodies
               for t in body.subtree if t.i not in side)


def _names_someone(verb: Token) -> bool:
    """ "Palawan is to host": a named subject; "the court's challenge is to avoid" describes, it plans nothing."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.pos_ == "PROPN" or any(
        c.dep_ in ("compound", "prep", "poss") and any(t.pos_ == "PROPN" for t in c.subtree) for c in subject.children
        if c.dep_ != "poss"))


def _refusal(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "refuses to help", "reluctant to get involved", "neither ... agreed to send", "has not indicated it will"."""
    negated = any(c.dep_ == "neg" for c in token.children) or _neither_subject(token)
    refused = lemma in cues.refusal_verbs or (token.pos_ == "ADJ" and lemma in cues.refusal_adjectives) \
        or (negated and lemma in cues.negated_commitments)
    if not refused or _no_comment(token, cues):
        return []
    target = _infinitive(token)
    if target is not None and _asks_inside(target, cues):
        return []  # "declined to say when it would reopen": the embedded question is what is open
    if target is not None:
        return [Signal(verb=target, phrasing=Phrasing(future=True, names=_either_or(token)), kind=REFUSAL)]
    content = next((c for c in token.children if c.dep_ == "ccomp"), None)
    if content is not None and negated:
        return [Signal(verb=content, phrasing=Phrasing(future=True), kind=REFUSAL)]
    if negated and lemma in cues.negated_commitments:
        return [Signal(verb=token, phrasing=Phrasing(future=True), kind=REFUSAL)]
    return []


def _asks_inside(verb: Token, cues: Cues) -> bool:
    """ "say when ...", "explain whether ...": a verb of telling whose complement is a question."""
    return verb.lemma_.lower() in cues.negated_wonder_heads and any(
        t.lower_ in _WH_WORDS | _YES_NO_MARKS and t.head.head == verb for t in verb.subtree if t.i > verb.i)


def _no_comment(token: Token, cues: Cues) -> bool:
    """ "declined to comment", "did not respond to a request for comment": routine, nothing open."""
    return any(t.lemma_.lower() in cues.comment_words for t in token.subtree if t.i > token.i)


def _request(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "urged Russia to help end the fighting", "called on both sides to resume" -> Will Russia help ...?
    A request not made ("would not ask permission to ...") asks nothing; nor does one put to a thing."""
    if lemma not in cues.request_verbs or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
        return []
    addressee = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
    if addressee is None:
        addressee = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "on"
                          for g in c.children if g.dep_ == "pobj"), None)
    target = _infinitive(token) or (_infinitive(addressee) if addressee is not None else None)
    if addressee is None:  # "want Japan to participate": the addressee is the infinitive's subject
        target = next((c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ == "VERB"
                       and any(g.lower_ == "to" for g in c.children)), None)
        addressee = next((c for c in target.children if c.dep_ == "nsubj"), None) if target is not None else None
    if addressee is None or target is None or addressee.pos_ == "PRON" or bare_noun(addressee):
        return []
    subject = render([t for t in addressee.subtree if t.i < target.i and t.lower_ != "to"])
    return [Signal(verb=target, phrasing=Phrasing(future=True, subject=subject), kind=REQUEST)]


def _dispute(token: Token, lemma: str, cues: Cues, denied: bool) -> list[Signal]:
    """A claim or accusation that someone denies: "claim UNRWA has been infiltrated - an allegation it refutes";
    `denied` tells whether this sentence or the next denies something."""
    if lemma in cues.accusation_verbs and token.pos_ == "VERB":
        return _accusation(token, lemma, DISPUTE if denied else HEDGE)
    if token.pos_ != "VERB":
        return []
    content = next((c for c in token.children if c.dep_ == "ccomp" and not across_semicolon(c, token)), None)
    if content is None or any(c.dep_ == "neg" for c in token.children):
        return []
    contrast = token.dep_ == "conj" and any(c.lower_ == "but" for c in token.head.children) \
        and not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children)  # "but I would say"
    phrasing = Phrasing(forward=token.tag_ == "VBD")
    subject = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    about = tuple(t.i for t in subject.subtree) if subject is not None else ()  # whom the claim is about
    if (lemma in cues.claim_verbs and denied) or (lemma in cues.contrasted_reports and contrast):
        return [Signal(verb=content, phrasing=phrasing, kind=DISPUTE, claim=token, accused=about)]
    if content.i < token.i:
        return []  # a quote before "he said" is the speaker's own word for it
    # any other claim may be answered by a denial in another sentence ("X said ...", "Y denied any role")
    return [Signal(verb=content, phrasing=phrasing, kind=CLAIM, claim=token, accused=about)]


def _accusation(verb: Token, lemma: str, kind: str) -> list[Signal]:
    """ "accused X of sideswiping Y" -> Did X sideswipe Y?; "blamed X for Y" -> Was X responsible for Y?"""
    if lemma == "blame":
        blamed_on = _blamed_on(verb, kind)
        if blamed_on:
            return blamed_on
    deed_prep = next((t for t in verb.subtree if t.i > verb.i and t.dep_ == "prep" and t.lower_ in ("of", "for")
                      and any(g.dep_ in ("pcomp", "pobj") for g in t.children)), None)
    if deed_prep is None:
        return []
    deed = next(g for g in deed_prep.children if g.dep_ in ("pcomp", "pobj"))
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
        return []  # "attempts to blame X for Y": nobody is said to blame X
    passive_subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive_subject is not None:
        accused = [t for t in passive_subject.subtree]
    else:
        accused = [t for t in verb.doc[verb.i + 1:deed_prep.i] if not t.is_punct or _inside_word(t)]
    if not accused:
        return []
    about = tuple(t.i for t in accused)
    who = _lower_article(render(accused))
    if deed.pos_ == "VERB":
        return [Signal(verb=deed, phrasing=Phrasing(subject=who, past=True), kind=kind, claim=verb, accused=about)]
    if lemma != "blame":
        return []
    head = next((t for t in accused if t.head not in accused), accused[0])
    present = verb.tag_ in ("VBZ", "VBP", "VB")  # "attempts to blame X for Y" speak of now
    tense = {(True, False): "Is", (True, True): "Are", (False, False): "Was", (False, True): "Were"}[
        (present, is_plural(head))]
    return [Signal(verb=verb, phrasing=Phrasing(), kind=kind, claim=verb, accused=about,
                   text=f"{tense} {who} responsible for {_np(deed)}?")]


def _blamed_on(verb: Token, kind: str) -> list[Signal]:
    """ "blamed the blackout on Velmar" and "a strike on a dormitory, which Norland blamed on Velmar"
    -> Was Velmar behind the blackout / the strike on a dormitory?"""
    deed = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if deed is None:
        return []
    # the parser hangs "on Velmar" from the verb or from the deed ("the blackout on Velmar")
    on = next((t for t in (*verb.children, *deed.children) if t.dep_ == "prep" and t.lower_ == "on"
               and t.i > deed.i), None)
    party = next((c for c in on.children if c.dep_ == "pobj"), None) if on is not None else None
    if party is None:
        return []
    if deed.tag_ in ("WDT", "WP"):  # "which Moscow blamed on Kyiv", "which was blamed on Kyiv"
        if verb.dep_ != "relcl":
            return []
        deed = _top_of_noun_chain(verb.head)  # "a strike on a dormitory in Ukraine, which ...": the strike
    if deed.pos_ not in ("NOUN", "PROPN"):
        return []
    accused = list(party.subtree)
    if on.head == deed:  # what follows "on X" under the deed belongs to X: "on sabotage by foreign agents"
        accused += [t for c in deed.children if c.i > on.i for t in c.subtree]
    taken = {t.i for t in accused} | {on.i} | ({t.i for t in verb.subtree} if verb.dep_ == "relcl" else set())
    deed_tokens = [t for t in deed.subtree if t.i not in taken]
    who = _lower_article(render(_without_side_clauses(sorted(accused, key=lambda t: t.i))))
    what = _lower_article(render(_without_side_clauses(deed_tokens)))
    tense = "Is" if verb.tag_ in ("VBZ", "VBP", "VB") else "Was"
    if is_plural(party):
        tense = {"Is": "Are", "Was": "Were"}[tense]
    return [Signal(verb=verb, phrasing=Phrasing(), kind=kind, claim=verb, accused=tuple(t.i for t in accused),
                   text=f"{tense} {who} behind {what}?")]


def _without_side_clauses(tokens: list[Token]) -> list[Token]:
    """The tokens less relative clauses, appositions and the punctuation left around them."""
    side = {t.i for token in tokens if token.dep_ in ("relcl", "acl", "appos") for t in token.subtree}
    kept = [t for t in tokens if t.i not in side]
    while kept and kept[-1].is_punct:
        kept.pop()
    return [t for t in kept if not (t.is_punct and t.text == "," and t.i + 1 in side)]


def _lower_article(text: str) -> str:
    return re.sub(r"^(The|A|An)\b", lambda m: m.group(0).lower(), text)


def _top_of_noun_chain(noun: Token) -> Token:
    """The noun a chain of prepositional phrases hangs from: "strike" for "Ukraine" in
    "a strike on a dormitory in Ukraine"."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def _inside_word(token: Token) -> bool:
    """A hyphen or slash inside a word ("al-Tanf"), not punctuation around it."""
    return token.i > 0 and not token.doc[token.i - 1].whitespace_ and not token.whitespace_ \
        and token.text in "-–/"


def _condition(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "if he does not intervene" -> Will he intervene?"""
    mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ in cues.condition_marks), None)
    if mark is None or token.dep_ != "advcl":
        return []
    if lemma in cues.wish_verbs:  # "if the bloc wants to be useful, it must modernise": will it modernise?
        consequence = token.head
        if consequence.pos_ != "VERB" or not any(c.tag_ == "MD" and c.lower_ in ("must", "should", "will", "would",
                                                                                  "'ll", "has")
                                                 for c in consequence.children):
            return []
        return [Signal(verb=consequence, phrasing=Phrasing(future=True), kind=CONDITION)]
    return [Signal(verb=token, phrasing=Phrasing(future=True, dropped=frozenset({mark.i})), kind=CONDITION)]


def _possibility(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "X has the potential to expose Y", "who risks losing respect" -> Will X expose Y?"""
    if lemma in cues.risk_verbs:
        gerund = next((c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        return [Signal(verb=gerund, phrasing=Phrasing(future=True), kind=HEDGE)] if gerund is not None else []
    if lemma != "have":
        return []
    noun = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.possibility_nouns), None)
    target = _infinitive_of_noun(noun) if noun is not None else None
    if target is None:
        return []
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return []
    phrasing = Phrasing(future=True, subject=render(list(subject.subtree)) if subject.pos_ != "PRON" else None)
    return [Signal(verb=target, phrasing=phrasing if phrasing.subject else Phrasing(future=True),
                   kind=HEDGE, borrowed_subject=subject)]


def _future(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "The U.S. will keep its base", "said the militants would not return" -> Will ...?"""
    modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in ("will", "wo", "'ll", "shall")), None)
    if modal is None:
        modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in ("would", "'d")), None)
        if modal is None or not _is_reported_clause(token):
            return []
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.lower_ in ("i", "we", "you") or _decided(token, cues):
        return []
    return [Signal(verb=token, phrasing=Phrasing(future=True), kind=FUTURE)]


def _decided(verb: Token, cues: Cues) -> bool:
    """A future that is announced ("announced that tariffs would fall"), or promised in a passive with no
    agent ("said the incident would be treated with the utmost seriousness"): a decision, not a question."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in cues.decided_reports:
        return True
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children) \
        and verb.dep_ == "ccomp"


def _is_reported_clause(verb: Token) -> bool:
    """ "said Kabul had ensured that the militants would not return": "would" is a reported "will"."""
    return verb.dep_ == "ccomp"


def _request_noun(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "our calls on Israel to explain ..." -> Will Israel explain ...?"""
    if token.pos_ != "NOUN" or lemma not in cues.request_nouns:
        return []
    addressee = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "on"
                      for g in c.children if g.dep_ == "pobj"), None)
    if addressee is None:
        return []
    target = next((t for t in token.doc[addressee.i + 1:min(addressee.i + 4, len(token.doc))]
                   if t.pos_ == "VERB" and any(g.lower_ == "to" for g in t.children)
                   and t.head in (token, addressee, token.head)), None)
    if target is None:
        return []
    return [Signal(verb=target, phrasing=Phrasing(future=True, subject=render(list(addressee.subtree))),
                   kind=REQUEST)]


def _hedge(token: Token, lemma: str, cues: Cues) -> list[Signal]:
    """ "may have planned", "probably does not have", "is thought to be hiding"."""
    if token.pos_ not in ("VERB", "AUX"):
        return []
    modal = next((c for c in token.children if c.dep_ == "aux" and c.lower_ in cues.hedge_modals), None)
    adverb = next((c for c in token.children if c.dep_ == "advmod" and c.lower_ in cues.hedge_adverbs), None)
    if modal is not None and (any(c.dep_ == "neg" for c in token.children)
                              or modal.i + 1 < len(token.doc) and modal.nbor(1).lower_ in ("not", "n't")):
        modal = None  # "could not be established" is a finding, "may not declare" a rule: neither is a hedge
    if modal is not None or adverb is not None:
        hedges = frozenset({adverb.lower_}) if adverb is not None else frozenset()
        return [Signal(verb=token, phrasing=Phrasing(hedges=hedges), kind=DOUBT if adverb is not None else HEDGE)]
    passive = any(c.dep_ == "auxpass" for c in token.children)
    target = _infinitive(token)
    if passive and lemma in cues.hedge_passives and target is not None:
        return [Signal(verb=target, phrasing=Phrasing(matrix=token), kind=HEDGE)]
    return []


def _infinitive_of_noun(noun: Token) -> Token | None:
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                 and any(g.lower_ == "to" for g in c.children)), None)


def _infinitive(token: Token) -> Token | None:
    """The "to"-infinitive `token` governs: "refuses [to help]", "expected [to arrive]"."""
    return next((c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")
                 and any(g.lower_ == "to" for g in c.children)), None)


def _neither_subject(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.lower_ == "neither" for c in subject.subtree)


def _either_or(verb: Token) -> dict[int, str]:
    """ "neither Putin nor the CSTO" asked about is "Putin or the CSTO"."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return {}
    return {t.i: {"neither": "", "nor": "or"}[t.lower_] for t in subject.subtree if t.lower_ in ("neither", "nor")}


def _denials(span: Span, cues: Cues) -> set[int]:
    return {t.i for t in span if t.lemma_.lower() in cues.denial_words}


def _in_relative_clause(token: Token) -> bool:
    """A clause about a noun ("any entity which seeks to ...", "an organisation whose ministers are due to
    meet", "a step the minister declined to rule out") is not a claim about what will happen."""
    clause = token
    while clause.dep_ in ("xcomp", "conj", "acomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ == "relcl":
        return True
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(first.pos_ == "NOUN" and first.right_edge.i + 1 == second.left_edge.i
           for first, second in zip(subjects, subjects[1:])):
        return True  # "a step Youssouf declined to rule out" read as two subjects: a relative clause
    relative_words = [t for subject in subjects for t in [subject, *subject.children]
                      if t == subject or t.dep_ in ("poss", "det")]
    return any(t.tag_ in ("WDT", "WP", "WP$") for t in relative_words)  # "which seeks", "whose ministers"


def bare_noun(token: Token) -> bool:
    """A common noun alone, with nothing that makes it someone ("permission" in "ask permission to sign"):
    no determiner, owner, modifier or name; a gerund ("fighting continues") is an event and passes."""
    if token.pos_ != "NOUN" or token.tag_ != "NN" or token.ent_type_ or token.lower_.endswith("ing"):
        return False
    return not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod", "prep", "conj", "appos", "relcl", "acl")
                   for c in token.children)


def denial_object(verb: Token, cues: Cues) -> tuple[str, Token] | None:
    """ "rejected the accusation" -> ("claim", accusation); "denied any involvement" -> ("involvement", ...)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.denial_verbs:
        return None
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            lemma = child.lemma_.lower()
            if lemma in cues.claim_nouns and any(c.dep_ in ("det", "poss") for c in child.children):
                return "claim", child  # "rejected the accusation"; a court "dismissed charges" is a ruling
            if lemma in cues.involvement_nouns and verb.lemma_.lower() == "deny":
                return "involvement", child  # "denied any role"; "rejected any third-party role" is a refusal
    return None


def _np(token: Token) -> str:
    """The noun phrase without its side clauses; "everything [that happens in the sea]" keeps its clause."""
    if token.lower_ in _INDEFINITE_PRONOUNS:
        return render(list(token.subtree))
    side = {t.i for child in token.subtree if child != token and child.dep_ in ("relcl", "acl", "appos")
            for t in child.subtree}
    return render([t for t in token.subtree if t.i not in side])
