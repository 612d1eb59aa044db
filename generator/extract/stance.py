"""Stance phrasing: one present-tense line built from the clause that reports a position.

"Ned Price blamed Azerbaijan for the conflict" -> "blames Azerbaijan for the conflict";
"Peskov said Russia was working hard" -> "says Russia is working hard" (the
reported clause is moved back from reported speech); a quote that stands alone
in the first person, "We condemn the attack", -> "condemns the attack".
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from generator.extract.attribution import reported_content, reporting_verbs
from generator.extract.interrogative import DOUBLED_ARTICLE
from generator.extract.quotes import QuoteIndex

MAX_STANCE_WORDS = 30
_MIN_CUT_WORDS = 10
_SAY_LEMMAS = frozenset({"say", "tell"})
_DROPPED_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "cc", "conj", "punct", "mark",
                           "advcl", "parataxis", "npadvmod", "intj", "expl", "dep", "meta"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
# Reported speech moves tenses back ("said Russia was working"); the stance moves them forward again.
_FORWARD = {"would": "will", "was": "is", "were": "are", "had": "has", "'d": "will"}
_PLURAL_FORWARD = {"had": "have", "was": "are"}
_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_FIRST_PERSON = frozenset({"i", "we"})
_QUOTE_CHARS = '"“”'


def third_person(lemma: str) -> str:
    """Present tense, third person singular: "urge" -> "urges", "deny" -> "denies", "press" -> "presses"."""
    lemma = lemma.lower()
    if lemma in _IRREGULAR_3SG:
        return _IRREGULAR_3SG[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def stance_of(cue: Token, quoted: list[Span], quotes: QuoteIndex) -> str:
    """The stance line for a position reported by `cue`, with `quoted` the holder's quoted sentences."""
    if cue.lower_ == "according":
        return _trim(f"says {_clause_text(_according_clause(cue), forward=False, skip=_according_phrase(cue))}")
    denied = _denied_claim(cue)
    if denied:
        return _trim(denied)
    content = reported_content(cue)
    if cue.pos_ == "VERB" and content is not None:
        verb = "says" if cue.lemma_ in _SAY_LEMMAS else _verb_form(cue)
        clause = cue.doc[content.left_edge.i:content.right_edge.i + 1]
        if quotes.is_quote(clause):  # their own words stay theirs: says “We saw ...”
            return _trim(f"{verb} “{quotes.quoted_text(clause).strip(' ,.')}”")
        return _trim(f"{verb} {_clause_text(content, forward=cue.tag_ == 'VBD')}")
    if cue.pos_ == "VERB" and cue.lemma_ not in _SAY_LEMMAS:
        return _trim(_verb_phrase(cue))
    if quoted:
        return _trim(_from_quote(quoted[0], quotes))
    return _trim(_verb_phrase(cue)) if cue.pos_ == "VERB" else ""


def _denied_claim(cue: Token) -> str:
    """The stance of a denial that names the claim it denies: "X has been accused of supplying weapons,
    a charge Abu Dhabi denies" -> "denies the charge of supplying weapons"; "who claim UNRWA has been
    infiltrated by Hamas – an allegation the agency refutes" -> "refutes the allegation that UNRWA has
    been infiltrated by Hamas". '' when `cue` is no such denial."""
    verbs = reporting_verbs()
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in verbs.denial_verbs:
        return ""
    noun, claim = None, None
    if cue.dep_ == "relcl" and cue.head.lemma_.lower() in verbs.claim_nouns:
        noun = cue.head  # "an allegation the agency refutes": the claim is the clause it stands beside
        claim = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    else:  # "..., a charge Abu Dhabi denies": the claim noun is read as the subject's modifier or the object
        named = [t for c in cue.children if c.dep_ in ("nsubj", "dobj") and c.i < cue.i
                 for t in c.subtree if t.lemma_.lower() in verbs.claim_nouns]
        before = next((c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i), None)
        if named and before is not None:
            noun, claim = named[0], before
    if noun is None or claim is None:
        return ""
    side = {t.i for t in noun.subtree} | {t.i for t in cue.subtree if t.i > claim.right_edge.i}
    of = next((t for t in claim.subtree if t.dep_ == "prep" and t.lower_ == "of" and t.i not in side), None)
    deed = next((g for g in of.children if g.dep_ in ("pcomp", "pobj")), None) if of is not None else None
    what = f"the {noun.lemma_.lower()}"
    if claim.lemma_.lower() in ("accuse", "charge", "suspect") and deed is not None:
        return f"{third_person(cue.lemma_)} {what} of {_render(list(deed.subtree))}"
    tokens = [t for t in claim.subtree if t.i not in side]
    while tokens and (tokens[-1].is_punct or tokens[-1].text in "–—-"):
        tokens.pop()
    return f"{third_person(cue.lemma_)} {what} that {_render(tokens, _lower_first(tokens))}"


def _verb_form(verb: Token) -> str:
    """The verb in the present, keeping negation and a future ("does not support", "will keep")."""
    negated = any(child.dep_ == "neg" for child in verb.children) or any(
        token.lower_ == "neither" for child in verb.children if child.dep_ == "nsubj" for token in child.subtree)
    modal = next((child.lower_ for child in verb.children if child.dep_ == "aux" and child.tag_ == "MD"), None)
    if modal in ("will", "would", "'ll", "wo"):
        return f"will {'not ' if negated else ''}{verb.lemma_.lower()}"
    if negated:
        return f"does not {verb.lemma_.lower()}"
    return third_person(verb.lemma_)


def _verb_phrase(verb: Token) -> str:
    """The verb in the present with its objects and complements, without adverbials of time and place."""
    kept = [token for child in verb.rights if _is_complement(child) for token in child.subtree]
    return f"{_verb_form(verb)} {_render(kept)}".strip()


def _is_complement(child: Token) -> bool:
    if child.dep_ in _DROPPED_DEPS:
        return False
    if child.dep_ == "prep":
        return child.lower_ != "according" and not any(token.ent_type_ in _TIME_ENTITIES for token in child.subtree)
    return True


def _clause_text(head: Token, *, forward: bool, skip: set[int] = frozenset()) -> str:
    """The clause headed by `head`, without its "that", tenses moved forward when `forward`."""
    skip = set(skip) | _claim_asides(head) | _own_comment(head)
    tokens = [token for token in head.subtree if token.i not in skip]
    while tokens and (tokens[0].dep_ in ("mark", "punct", "cc") and tokens[0].head == head or tokens[0].is_punct):
        tokens = tokens[1:]
    replaced = _lower_first(tokens)
    if not forward or any(child.dep_ == "expl" for child in head.children):
        return _render(tokens, replaced)  # "there were three shots" is narration, not reported speech
    plural = any(child.dep_ in ("nsubj", "nsubjpass") and child.tag_ in ("NNS", "NNPS", "PRP") and
                 child.lower_ not in ("he", "she", "it") for child in head.children)
    clause_verbs = {head.i} | {conj.i for conj in head.conjuncts}
    for token in tokens:
        word = token.lower_
        if word in _FORWARD and (token.i in clause_verbs or token.head.i in clause_verbs):
            replaced[token.i] = _PLURAL_FORWARD.get(word, _FORWARD[word]) if plural and word in _PLURAL_FORWARD \
                else _FORWARD[word]
    return _render(tokens, replaced)


def _claim_asides(head: Token) -> set[int]:
    """ "... by Hamas – an allegation the agency refutes": another holder's answer, not part of the claim."""
    claim_nouns = reporting_verbs().claim_nouns
    asides = set()
    for token in head.subtree:
        if token.dep_ == "appos" and token.lemma_.lower() in claim_nouns:
            asides |= {t.i for t in token.subtree}
            if token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].is_punct:
                asides.add(token.left_edge.i - 1)
    return asides


def _own_comment(head: Token) -> set[int]:
    """ "said Norland ignored the ruling, arguing that ...": the speaker's next statement, which the parser
    hung on the reported clause; it is a stance of its own."""
    verbs = reporting_verbs()
    skipped = set()
    for child in head.children:
        if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > head.i and child.lemma_.lower() in verbs:
            skipped |= {t.i for t in child.subtree}
            before = child.left_edge.i - 1
            if before >= 0 and child.doc[before].is_punct:
                skipped.add(before)
    return skipped


def _lower_first(tokens: list[Token]) -> dict[int, str]:
    """ "says Just over 30 seconds later" -> "says just over 30 seconds later"; names keep their capitals."""
    if not tokens:
        return {}
    first = tokens[0]
    if first.pos_ == "PROPN" or first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC") \
            or first.text == "I" or first.text.isupper():
        return {}
    return {first.i: first.text[:1].lower() + first.text[1:]}


def _according_clause(cue: Token) -> Token:
    """The clause that "according to X" reports: the verb the phrase hangs from."""
    token = cue.head
    while token.head != token and (token.pos_ not in ("VERB", "AUX") or token.dep_ == "conj"):
        token = token.head  # "has killed X and wounded Y, according to ...": the whole clause
    return token


def _according_phrase(cue: Token) -> set[int]:
    return {token.i for token in cue.subtree} | {cue.i - 1} if cue.i and cue.nbor(-1).is_punct else \
        {token.i for token in cue.subtree}


def _from_quote(sentence: Span, quotes: QuoteIndex) -> str:
    """A first-person quote becomes the holder's stance ("We condemn X" -> "condemns X"); any other is quoted."""
    root = sentence.root
    subject = next((child for child in root.children if child.dep_ == "nsubj"), None)
    has_aux = any(child.dep_ in ("aux", "neg") for child in root.children)
    if subject is not None and subject.lower_ in _FIRST_PERSON and root.tag_ == "VBP" and not has_aux:
        return _verb_phrase(root)
    text = quotes.quoted_text(sentence) or sentence.text
    return f"says “{text.strip(' ,.')}”"


def _render(tokens: list[Token], replaced: dict[int, str] | None = None) -> str:
    replaced = replaced or {}
    pieces = []
    for token in sorted(set(tokens), key=lambda t: t.i):
        pieces.append(replaced.get(token.i, token.text) + (token.whitespace_ and " "))
    text = "".join(pieces)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text)
    text = re.sub(r"([(“‘])\s+", r"\1", text)
    text = DOUBLED_ARTICLE.sub(lambda m: m.group(1), text)  # the source's slip: "to the The United Nations"
    return _balance_quotes(text.strip(" ,;:-–—"))


def _balance_quotes(text: str) -> str:
    """Drop quote marks that lost their partner when the clause was cut out of the sentence."""
    if sum(text.count(mark) for mark in _QUOTE_CHARS) % 2 == 0 and text.count("“") == text.count("”"):
        return text
    return "".join(char for char in text if char not in _QUOTE_CHARS)


def _trim(text: str) -> str:
    """At most MAX_STANCE_WORDS words, cut at a clause boundary when one is near."""
    text = text.strip().rstrip(".")
    words = text.split()
    if len(words) <= MAX_STANCE_WORDS:
        return text
    boundaries = [i for i, word in enumerate(words[:MAX_STANCE_WORDS])
                  if word.endswith((",", ";")) and i >= _MIN_CUT_WORDS]
    cut = max(boundaries, default=None)
    short = " ".join(words[:cut + 1]).rstrip(",;") if cut is not None else " ".join(words[:MAX_STANCE_WORDS]) + " …"
    if short.count("“") == short.count("”") + 1:
        return short + "”"  # the quote was cut short: close it
    return _balance_quotes(short)
