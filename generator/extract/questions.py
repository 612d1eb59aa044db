"""Open questions: what the text leaves unresolved, asked as real questions.

Signals in the text (question_signals.py) point at clauses; each clause is asked
as a question (interrogative.py) with its pronouns resolved, and a last check
(`well_formed`) turns away what does not read as a question a journalist would
ask. A claim becomes a dispute when a denial answers it, in its own sentence or
in a paragraph nearby ("X accused Y of ..." ... "Y rejected the accusation").
Near-duplicates merge and keep all their evidence; the strongest few are kept, ranked.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.extract.article import Article
from generator.extract.cast import Cast
from generator.extract.interrogative import as_question
from generator.extract.lexicon import gazetteer
from generator.extract.question_signals import (CLAIM, DISPUTE, FUTURE, REFUSAL, REQUEST, WEIGHTS, Signal,
                                                bare_noun, denial_object, question_cues, signals_in,
                                                withheld_detail)
from generator.extract.quotes import QuoteIndex, find_quotes
from generator.extract.referents import Referents
from generator.model import Evidence, OpenQuestion
from generator.slugs import slugify, unique_slug

MAX_QUESTIONS = 8
"""Open questions kept per source, strongest first."""
MIN_QUESTIONS = 3
MIN_SCORE = 2.0
"""Below this a candidate is kept only to reach MIN_QUESTIONS."""
_SAME_QUESTION = 0.5
"""Content-word overlap (Jaccard) above which two questions are one."""
_LONG_QUESTION_WORDS = 24
_OPEN_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "this", "that", "these", "those"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "it", "they"})
_PERSON_PRONOUNS = frozenset({"he", "she"})
_AGENT_KINDS = frozenset({REFUSAL, REQUEST})
_PERSONAL_WORDS = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b")
"""The speaker's or the reader's own words ("our territory"): a question cannot say whose they are."""
_DANGLING_END = frozenset({"and", "or", "but", "nor", "of", "to", "for", "with", "from", "by", "than", "the", "a",
                           "an", "whether", "that", "which", "whose", "who", "if", "as", "into", "about", "against",
                           "between", "its", "their", "his", "her"})
_WH_WORDS = frozenset({"who", "whom", "whose", "which", "what", "whether", "where", "when", "why", "how"})
_MIN_WORDS = 3
_CLAIM_REACH = 4
"""A denial of "the accusation" answers an accusation at most this many paragraphs back."""
_INVOLVEMENT_REACH = 1
"""A denial of "any involvement" answers a claim in the same or an adjacent paragraph."""


@dataclass
class _Candidate:
    question: str
    score: float
    evidence: list[Evidence]
    kind: str
    words: frozenset[str]
    first_sentence: int
    sentences: set[int] = field(default_factory=set)
    topics: frozenset[tuple[str, str]] = frozenset()
    """(who, what) the question is about: the same actor asked to act, or doing the same thing."""
    guessed: bool = False
    """A pronoun in it was read as a noun phrase that names no actor: a merged twin's wording is better."""


@dataclass
class _Claim:
    """A claim or accusation a denial in another sentence may answer."""

    number: int
    paragraph: int
    claimants: frozenset[str]
    about: frozenset[str]
    candidate: _Candidate


@dataclass
class _Denial:
    number: int
    paragraph: int
    kind: str
    """ "claim" ("rejected the accusation") or "involvement" ("denied any role")."""
    deniers: frozenset[str]
    evidence: Evidence


def find_open_questions(article: Article, cast: Cast) -> tuple[OpenQuestion, ...]:
    quotes = find_quotes(article.doc.text, article.paragraph_starts)
    referents = Referents(cast, quotes)
    sentences = article.sentences
    cues = question_cues()
    candidates, claims, denials = [], [], []
    for number, sentence in enumerate(sentences):
        referents.read(number, sentence)
        following = sentences[number + 1] if number + 1 < len(sentences) else None
        previous = sentences[number - 1] if number else None
        paragraph = article.paragraph_of(sentence.start_char)
        for signal in signals_in(sentence, following) + withheld_detail(sentence, previous):
            candidate = _candidate(signal, number, sentence, previous, article, cast, quotes, referents,
                                   len(sentences))
            if candidate is None:
                continue
            if signal.claim is not None and signal.kind != DISPUTE:
                claimants = _actors_named(_subject_phrase(signal.claim), cast, referents, number)
                about = _actors_named([sentence.doc[i] for i in signal.accused], cast, referents, number)
                claims.append(_Claim(number, paragraph, claimants, about, candidate))
            if signal.kind != CLAIM:
                candidates.append(candidate)
        for token in sentence:
            denied = denial_object(token, cues) if not quotes.inside(token) else None
            if denied is not None:
                deniers = _actors_named(_subject_phrase(token), cast, referents, number)
                if deniers:
                    denials.append(_Denial(number, paragraph, denied[0], deniers, article.evidence(sentence)))
    candidates.extend(_answered_claims(claims, denials))
    return _select(_merge(candidates))


def _answered_claims(claims: list[_Claim], denials: list[_Denial]) -> list[_Candidate]:
    """Claims that a denial in another sentence answers: "Pakistan accused India of cutting the flow" ...
    "India rejected the accusation"; "Y said X's troops crossed" ... "X denied any involvement".
    The claim about the denier (not the denier's own), nearest before the denial, is the one denied.
    Claims come in document order, so each denial looks only at the few paragraphs it can reach."""
    paragraphs = [claim.paragraph for claim in claims]
    disputes = []
    for denial in denials:
        reach = _CLAIM_REACH if denial.kind == "claim" else _INVOLVEMENT_REACH
        low = bisect.bisect_left(paragraphs, denial.paragraph - reach)
        high = bisect.bisect_right(paragraphs, denial.paragraph + (0 if denial.kind == "claim" else reach))
        answered = [claim for claim in claims[low:high] if _answers(claim, denial)]
        if not answered:
            continue
        claim = min(answered, key=lambda c: (c.number > denial.number, abs(denial.number - c.number)))
        found = claim.candidate
        disputes.append(dataclasses.replace(
            found, kind=DISPUTE, score=found.score - WEIGHTS[found.kind] + WEIGHTS[DISPUTE],
            evidence=[*found.evidence, denial.evidence], sentences={claim.number, denial.number},
            first_sentence=min(claim.number, denial.number)))
    return disputes


def _answers(claim: _Claim, denial: _Denial) -> bool:
    """The denier is whom the claim is about, and not who made it; "the accusation" looks back only."""
    if claim.number == denial.number or claim.claimants & denial.deniers or not claim.about & denial.deniers:
        return False
    return denial.kind != "claim" or claim.number < denial.number


def _subject_phrase(verb: Token) -> list[Token]:
    """The words naming who does `verb`, through joined verbs ("denied ... and accused")."""
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return list(subject.subtree)
        if token.dep_ not in ("conj", "advcl", "xcomp") or token.head == token:
            return []
        token = token.head
    return []


def _actors_named(tokens: list[Token], cast: Cast, referents: Referents, number: int) -> frozenset[str]:
    """The actors `tokens` name, with the bodies they speak for: "Indian ministry spokesman X" -> X, the
    ministry and India; a pronoun is read as the actor it stands for."""
    found = set()
    names = gazetteer()
    for token in tokens:
        form = names.lookup(token.text) if token.pos_ in ("PROPN", "ADJ") else None
        if form is not None and form.entry.kind == "state" and cast.actor(form.entry.id) is not None:
            found.add(form.entry.id)  # "Indian" in "Indian External Affairs Ministry"
        mention = cast.mention_at(token.i)
        actor_id = mention.actor if mention is not None else None
        if actor_id is None and token.pos_ == "PRON":
            actor_id = referents.resolve(token, number)
        if actor_id is None:
            continue
        found.add(actor_id)
        actor = cast.actor(actor_id)
        if actor is not None and actor.affiliation:
            found.add(actor.affiliation)
    return frozenset(found)


def _candidate(signal: Signal, number: int, sentence: Span, previous: Span | None, article: Article, cast: Cast,
               quotes: QuoteIndex, referents: Referents, total: int) -> _Candidate | None:
    question, guessed, who = signal.text, False, None
    if question is None:
        phrasing = signal.phrasing
        pronoun = signal.borrowed_subject if phrasing.subject is None else None
        if pronoun is None and phrasing.subject is None:
            subject = _clause_subject(signal.verb)
            pronoun = subject if subject is not None and subject.lower_ in _PRONOUN_SUBJECTS else None
        if pronoun is not None:
            text, guessed, who = _antecedent(pronoun, sentence, previous, cast, referents, number, quotes)
            if pronoun == signal.borrowed_subject:
                phrasing = dataclasses.replace(phrasing, subject=text or pronoun.text)
            elif text:
                phrasing = dataclasses.replace(phrasing, names={**phrasing.names, pronoun.i: text})
        names = {**_object_pronouns(signal.verb, sentence, cast), **_speakers_country(signal.verb, cast, referents,
                                                                                      number), **phrasing.names}
        phrasing = dataclasses.replace(phrasing, forward=phrasing.forward or _reported(signal.verb), names=names)
        question = as_question(signal.verb, phrasing)
    if not question or (guessed and signal.kind in _AGENT_KINDS):
        return None  # only an actor refuses or is asked: a guessed "it" there is most likely wrong
    if not well_formed(question) or _thing_as_agent(signal):
        return None
    if signal.kind == FUTURE and quotes.inside(signal.verb) and _own_pledge(signal.verb, cast, referents, number):
        return None  # "Argentina will not be its hostage," the minister said: a pledge, not a question
    words = _content_words(question, signal.verb.doc)
    score = WEIGHTS[signal.kind] + _actor_bonus(sentence, cast) + 0.5 * (1 - number / max(total, 1))
    if guessed:
        score -= 1.0
    if len(question.split()) > _LONG_QUESTION_WORDS:
        score -= 1.0
    if quotes.is_quote(sentence):
        score -= 0.5
    evidence = [article.evidence(signal.context)] if signal.context is not None else []
    evidence.append(article.evidence(sentence))
    first = number - 1 if signal.context is not None else number
    return _Candidate(question=question, score=score, evidence=evidence, kind=signal.kind,
                      words=words, first_sentence=first, sentences={first, number}, topics=_topics(signal, cast, who),
                      guessed=guessed)


def well_formed(question: str) -> bool:
    """The last check before a question is asked: it is long enough, names whom it is about, and does not
    end in a word that needs more after it.

    Rejected: "Will the package be ready before the summit, and?" or "... move to?" end in a word that
    needs more; "Will whose ministers meet?" has a question word inside its subject; "Will it ...?",
    "What does that mean?" ask about someone they do not name; "our territory" is the speaker's, not the
    reader's. (A clause with no verb left after inversion, a relative clause, a bare noun asked to act
    never get this far: interrogative.as_question, question_signals and `_thing_as_agent` turn them away.)"""
    words = re.findall(r"[\w'’-]+", question)
    if len(words) < _MIN_WORDS or _PERSONAL_WORDS.search(question):
        return False
    lower = [word.lower() for word in words]
    yes_no = lower[0] not in _WH_WORDS
    if yes_no and (lower[1] in _WH_WORDS or lower[-1] in _DANGLING_END):
        return False
    openers = question_cues().sentence_openers
    if any(word in openers and following[:1].islower() for word, following in zip(words[1:], words[2:])):
        return False  # "Will state concern Turkmengaz Under the agreement, the line carry ...?": a clause out of order
    return not _open_pronoun(question)


def _own_pledge(verb: Token, cast: Cast, referents: Referents, number: int) -> bool:
    """A future the speaker states about their own side ("If not, Argentina will not be its hostage,"
    the Argentine minister said): asked of their own quoted words, it is a pledge, not a question.
    Reported plans ("Beijing has vowed it would never rule out ...") stay questions."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.pos_ != "VERB":
        return False
    subject = _clause_subject(verb)
    if subject is None:
        return False
    actor = cast.actor_for(subject) if subject.pos_ != "PRON" else referents.resolve(subject, number)
    speakers = {cast.side(a) for a in _actors_named(_subject_phrase(clause.head), cast, referents, number)}
    return actor is not None and cast.side(actor) in speakers


def _thing_as_agent(signal: Signal) -> bool:
    """ "Will permission sign them?": only someone refuses or is asked to act, not a bare common noun."""
    if signal.kind not in _AGENT_KINDS or signal.phrasing.subject is not None or signal.text is not None:
        return False
    subject = _clause_subject(signal.verb)
    return subject is not None and bare_noun(subject)


def _topics(signal: Signal, cast: Cast, resolved: str | None) -> frozenset[tuple[str, str]]:
    """Keys under which two questions are the same: one actor asked to act ("Will Russia help end
    the fighting?", "Will Russia help resolve the dispute?"), or the same subject doing the same thing."""
    if signal.text is not None:
        return frozenset()
    if resolved is not None:
        who = resolved
    elif signal.phrasing.subject is not None:
        who = signal.phrasing.subject.lower()
    else:
        subject = _clause_subject(signal.verb)
        if subject is None or subject.pos_ == "PRON":
            return frozenset()
        mention = cast.mention_at(subject.i)
        who = mention.actor if mention is not None else " ".join(t.lower_ for t in subject.subtree)
    topics = {(who, signal.verb.lemma_.lower())}
    if signal.kind == REQUEST:
        topics.add((who, REQUEST))
    return frozenset(topics)


def _antecedent(pronoun: Token, sentence: Span, previous: Span | None, cast: Cast, referents: Referents,
                number: int, quotes: QuoteIndex) -> tuple[str | None, bool, str | None]:
    """(text for `pronoun`, whether that is a guess, the actor id when it names one).

    he/she: the person last put forward; it/they: the subject of the verb its clause reports to
    ("the US has not indicated it will"), else the nearest earlier subject that agrees, in this
    sentence or as the main subject of the one before. A noun phrase that names no actor is a guess
    ("The conflict puts Putin ... because it is unable ...")."""
    if pronoun.lower_ in _PERSON_PRONOUNS:
        actor = cast.actor(referents.resolve(pronoun, number))
        return (actor.name, False, actor.id) if actor is not None else (None, False, None)
    # "The question is whether it will be enough": the question itself is not what "it" stands for.
    asked = question_cues().question_nouns
    governing = _governing_subject(pronoun) if not quotes.inside(pronoun) else None  # a speaker is "I", not "it"
    if governing is not None and governing.lemma_.lower() not in asked and _agrees(pronoun, governing, cast):
        return _noun_phrase(governing), False, _actor_at(governing, cast)
    earlier = [t for t in sentence if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"]
    if previous is not None:
        earlier = [t for t in previous.root.children if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"] \
            + earlier
    earlier = [t for t in earlier if t.lemma_.lower() not in asked]
    for subject in reversed(earlier):
        if _agrees(pronoun, subject, cast):
            actor = _actor_at(subject, cast)
            return _noun_phrase(subject), actor is None, actor
    return None, False, None


def _object_pronouns(verb: Token, sentence: Span, cast: Cast) -> dict[int, str]:
    """ "Beijing considers Taiwan part of its territory and has vowed it would never rule out using force
    to take it": an object "it"/"them" in the clause asked about stands for the nearest actor named
    before it as an object in the same sentence, who is not the clause's own subject."""
    subject = _clause_subject(verb)
    own = cast.actor_for(subject) if subject is not None and subject.pos_ != "PRON" else None
    names = {}
    for pronoun in verb.subtree:
        if pronoun.lower_ not in ("it", "them") or pronoun.dep_ not in ("dobj", "pobj"):
            continue
        for mention in reversed(cast.mentions_in(sentence)):
            head = sentence.doc[mention.start:mention.end].root
            actor = cast.actor(mention.actor)
            if head.i >= pronoun.i or actor is None or actor.kind == "person" or mention.actor == own \
                    or not _object_like(head) or not cast.is_party(mention.actor):
                continue
            plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
            if (pronoun.lower_ == "them") == plural:
                names[pronoun.i] = sentence.doc[mention.start:mention.end].text
            break
    return names


def _speakers_country(verb: Token, cast: Cast, referents: Referents, number: int) -> dict[int, str]:
    """ "Israel's defence minister said the country would continue ...": "the country" is the speaker's state."""
    subject = _clause_subject(verb)
    if subject is None or subject.lemma_.lower() not in ("country", "nation") \
            or [c.lower_ for c in subject.children] != ["the"]:
        return {}
    clause = subject.head
    while clause.dep_ in ("conj", "xcomp") and clause.head != clause:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return {}
    sides = {cast.side(a) for a in _actors_named(_subject_phrase(clause.head), cast, referents, number)}
    states = [a for a in sides if a is not None and cast.actor(a).kind == "state"]
    if len(states) != 1:
        return {}
    det = next(iter(subject.children))
    return {det.i: "", subject.i: _name_as_written(states[0], cast, verb.doc)}


def _name_as_written(actor_id: str, cast: Cast, doc) -> str:
    """The actor's name as the text writes it as a noun ("the Philippines", "Israel"), else its name."""
    for mention in cast.mentions:
        if mention.actor == actor_id and doc[mention.start:mention.end].root.pos_ == "PROPN":
            text = doc[mention.start:mention.end].text
            before = doc[mention.start - 1] if mention.start else None
            return f"the {text}" if before is not None and before.lower_ == "the" else text
    actor = cast.actor(actor_id)
    return actor.name if actor is not None else actor_id


def _object_like(token: Token) -> bool:
    """An object, or the subject of a verbless small clause ("considers [Taiwan] part of its territory")."""
    return token.dep_ in ("dobj", "pobj", "dative", "attr", "oprd") \
        or (token.dep_ == "nsubj" and token.head.pos_ not in ("VERB", "AUX"))


def _actor_at(token: Token, cast: Cast) -> str | None:
    mention = cast.mention_at(token.i)
    return mention.actor if mention is not None else None


def _governing_subject(pronoun: Token) -> Token | None:
    """ "Beijing ... has vowed it would never ...": the subject of the verb the pronoun's clause reports to."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp") or clause.head == clause:
        return None
    outer = clause.head
    while outer.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in outer.children):
        outer = outer.head
    subject = next((c for c in outer.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _reported(verb: Token) -> bool:
    """True for a clause reported after a verb in the past ("said it would ...": ask "will")."""
    token = verb
    while token.dep_ in ("conj", "xcomp") and token.head != token:
        token = token.head
    return token.dep_ == "ccomp" and token.head.tag_ == "VBD"


def _clause_subject(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None or token.dep_ not in ("conj", "xcomp", "acomp") or token.head == token:
            return subject
        token = token.head
    return None


def _agrees(pronoun: Token, noun: Token, cast: Cast) -> bool:
    mention = cast.mention_at(noun.i)
    actor = cast.actor(mention.actor) if mention else None
    if actor is not None:  # the cast knows better than the entity label ("Mercosur" read as a PERSON)
        is_person = actor.kind == "person"
    else:
        is_person = noun.ent_type_ == "PERSON" or noun.lemma_.lower() in question_cues().person_nouns
    if pronoun.lower_ in _PERSON_PRONOUNS:
        return is_person
    plural = noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)
    if pronoun.lower_ == "they":
        return plural  # "both men ... whether they were forced", "the rebels ... they"
    return not is_person and not plural


def _noun_phrase(noun: Token) -> str:
    """The noun phrase without its relative clauses and appositions: "the announcement"."""
    side = {t.i for child in noun.subtree if child != noun and child.dep_ in ("relcl", "acl", "appos")
            for t in child.subtree}
    tokens = [t for t in noun.subtree if t.i not in side and not t.is_punct]
    text = "".join(t.text_with_ws for t in tokens).strip()
    first = tokens[0] if tokens else noun
    if first.pos_ == "DET" or (first.pos_ == "NOUN" and not first.ent_type_):
        text = text[:1].lower() + text[1:]
    return text


def _actor_bonus(sentence: Span, cast: Cast) -> float:
    parties = [actor for actor in cast.actors_in(sentence) if cast.is_party(actor)]
    return min(len(parties), 2) * 0.5


def _open_pronoun(question: str) -> bool:
    """True when the question still asks about someone it does not name ("Will it ...?")."""
    words = re.findall(r"[A-Za-z']+", question.lower())
    return len(words) > 1 and words[1] in _OPEN_PRONOUNS or (len(words) > 2 and words[0] in
                                                            ("how", "why", "when", "what", "where")
                                                            and words[2] in _OPEN_PRONOUNS)


def _content_words(question: str, doc) -> frozenset[str]:
    vocab = doc.vocab
    words = set()
    for word in re.findall(r"[A-Za-z][A-Za-z'-]+", question.lower()):
        if not vocab[word].is_stop and len(word) > 2:
            words.add(word.rstrip("s") if len(word) > 4 else word)
    return frozenset(words)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """Near-duplicate questions become one, keeping the better phrasing and every evidence sentence."""
    merged: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: -c.score):
        twin = next((kept for kept in merged if _same(kept, candidate)), None)
        if twin is None:
            merged.append(candidate)
            continue
        if twin.guessed and not candidate.guessed:  # "he" read as Putin beats "it" read as "the conflict"
            twin.question, twin.words, twin.guessed = candidate.question, candidate.words, False
        for evidence in candidate.evidence:
            if evidence not in twin.evidence:
                twin.evidence.append(evidence)
        if not candidate.sentences <= twin.sentences:
            twin.score += 0.5  # asked again elsewhere in the text: more open
        twin.sentences |= candidate.sentences
    return merged


def _same(first: _Candidate, second: _Candidate) -> bool:
    if first.question == second.question or first.topics & second.topics:
        return True
    if first.sentences & second.sentences and (first.words <= second.words or second.words <= first.words):
        return True
    if first.topics and second.topics and not {who for who, _ in first.topics} & {who for who, _ in second.topics}:
        return False  # "Will Russia help?" and "Will Turkey help?" ask about different actors
    union = first.words | second.words
    return bool(union) and len(first.words & second.words) / len(union) >= _SAME_QUESTION


def _select(candidates: list[_Candidate]) -> tuple[OpenQuestion, ...]:
    ranked = sorted(candidates, key=lambda c: (-c.score, c.first_sentence))
    kept = [c for c in ranked if c.score >= MIN_SCORE][:MAX_QUESTIONS]
    if len(kept) < MIN_QUESTIONS:
        kept = ranked[:MIN_QUESTIONS]
    taken: set[str] = set()
    questions = []
    for candidate in kept:
        question_id = unique_slug(slugify(candidate.question), taken)
        taken.add(question_id)
        evidence = tuple(sorted(candidate.evidence, key=lambda e: e.paragraph))
        questions.append(OpenQuestion(id=question_id, question=candidate.question, evidence=evidence,
                                      score=round(candidate.score, 3)))
    return tuple(questions)
