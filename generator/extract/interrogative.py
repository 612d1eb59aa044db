"""Question phrasing: a clause from the parse becomes a grammatical English question.

The subject and the first auxiliary swap places ("the ICC is expected to
decide" -> "Will the ICC decide"), a clause without an auxiliary gets "do"
("Russia probably does not have" -> "Does Russia have"), hedges and negation go
("may have planned" -> "Did ... plan"), and a clause moved back by reported
speech comes forward again ("how the appointment would affect" -> "How will
the appointment affect").
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Token

_HEDGE_MODALS = frozenset({"may", "might"})
_MODAL_FRONT = {"will": "will", "wo": "will", "'ll": "will", "shall": "will", "can": "can", "ca": "can",
                "could": "could", "should": "should", "must": "must", "would": "would", "'d": "would"}
_FORWARD_FRONT = {"would": "will", "'d": "will", "was": "is", "were": "are", "had": "has"}
_BE_FORMS = frozenset({"is", "are", "am", "was", "were", "'s", "'re", "'m", "be"})
_HAVE_FORMS = frozenset({"has", "have", "had", "'ve"})
_DO_FORMS = frozenset({"do", "does", "did"})
_DO_OF_BE = {"is": "does", "are": "do", "am": "do", "was": "did", "were": "did"}
_DROPPED_ADVERBS = frozenset({"also", "however", "meanwhile", "too", "though", "therefore", "thus", "instead",
                              "nevertheless", "furthermore", "moreover", "indeed", "then", "so", "even", "still"})
_CLAUSE_DEPS = frozenset({"parataxis", "punct", "cc", "mark", "intj", "meta", "dep", "preconj", "appos"})
_SIDE_PREPOSITIONS = frozenset({"according", "including", "despite", "amid"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_NAME_ENTITIES = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
_ASIDE = re.compile(r"\s[–—-]\s")
_PAIRED_ASIDE = re.compile(r"\s[–—-]\s[^–—]*?\s[–—-]\s")
_MIN_WORDS_BEFORE_ASIDE = 4
_MAX_PREDICATE_WORDS = 14
_MIN_PREDICATE_WORDS = 3
_TRAILING_DEPS = frozenset({"prep", "conj", "acl", "relcl", "advcl", "appos", "npadvmod", "xcomp", "pcomp"})
_DANGLING_DEPS = frozenset({"cc", "punct", "mark", "det", "preconj", "prep", "aux", "case"})
"""A word of these kinds cannot end a question: "..., and?", "... of?", "... to?"."""
_COUNTRY_ENTITIES = frozenset({"GPE", "ORG", "LOC", "FAC"})
_PLURAL_PRONOUNS = frozenset({"they", "we", "i", "you", "both", "these", "those"})
_NO_DOUBLING = "wxy"
DOUBLED_ARTICLE = re.compile(r"\b(the|a|an)\s+(?:the|a|an)\b(?![-\w])", re.IGNORECASE)
"""A slip of the source's ("to the The United Nations") that a rephrasing should not repeat."""


@dataclass(frozen=True)
class Phrasing:
    """How to turn a clause into a question."""

    subject: str | None = None
    """Subject text to use instead of the clause's own (a borrowed subject)."""
    hedges: frozenset[str] = frozenset()
    """Words to drop as hedges (adverbs such as "probably")."""
    forward: bool = False
    """The clause is reported speech: move "would", "was", "had" forward."""
    future: bool = False
    """Ask about the future ("is expected to arrive" -> "Will ... arrive")."""
    past: bool = False
    """Ask about a past deed named by a gerund ("accused X of sideswiping" -> "Did X sideswipe")."""
    matrix: Token | None = None
    """For an infinitive under a hedge ("is thought to be hiding"): the verb whose tense the question takes."""
    wh: Token | None = None
    """The question word of an embedded question ("how", "who"), when there is one."""
    ask: str | None = None
    """A question word the text implies but does not write ("It gave no date" -> "when")."""
    dropped: frozenset[int] = frozenset()
    """Token indices to leave out."""
    names: dict[int, str] = field(default_factory=dict)
    """Token index -> text to use instead (a resolved pronoun, "nor" -> "or")."""


def as_question(verb: Token, phrasing: Phrasing = Phrasing()) -> str | None:
    """The clause headed by `verb` as a question, or None when it has no subject to ask about."""
    subject = _subject_of(verb)
    subject_text = phrasing.subject
    if subject_text is None and subject is not None:
        if _asks_inside(subject, phrasing):
            return None  # "whose foreign ministers are due to meet": a relative clause, not a question
        subject_text = render(_subject_tokens(subject), phrasing.names)
    elif subject_text is not None:
        subject_text = _ARTICLE_START.sub(lambda m: m.group(0).lower(), subject_text)
    if not subject_text:
        return None
    if phrasing.wh is not None and subject is not None and phrasing.wh in subject.subtree:
        # "who is responsible for starting the dispute": the question word is the subject, no inversion
        words = _render_clause(_trim_end(_predicate(verb, subject, phrasing, keep_aux=True)), phrasing,
                               forward=phrasing.forward)
        return _finish(f"{phrasing.wh.text} {words}")
    front, verb_text, kept_aux = _verb_group(verb, subject, phrasing)
    if front is None:
        return None
    skipped = {token.i for token in _subtree(subject)} if subject is not None else set()
    predicate = _shorten([t for t in _predicate(verb, subject, phrasing, keep_aux=False) if t.i not in skipped],
                         verb)
    before = [t for t in predicate if t.i < verb.i and t.i not in kept_aux]
    before += [verb.doc[i] for i in kept_aux]
    after = _trim_end([t for t in predicate if t.i > verb.i])
    rest = _render_clause(after, phrasing, base_of=verb if verb_text == base_form(verb) else None,
                          gerunds=phrasing.past)
    if not verb_text and not rest and not (phrasing.wh is not None and phrasing.wh.head == verb):
        return None  # "Is the plan?": a copula needs what it says of its subject
    middle = " ".join(filter(None, [
        _render_clause(before, dataclasses.replace(phrasing, names={**phrasing.names, **kept_aux})),
        verb_text,
        rest,
    ]))
    wh = phrasing.wh.text.lower() if phrasing.wh is not None else phrasing.ask
    lead = f"{wh} {front}" if wh else front
    return _finish(f"{lead} {_lower_start(subject_text, subject)} {middle}")


_ARTICLE_START = re.compile(r"^(The|A|An)\b")


def _asks_inside(subject: Token, phrasing: Phrasing) -> bool:
    """The subject is, or is owned by, a question or relative word: "whose ministers", "which side"."""
    heads = [subject] + [c for c in subject.children if c.dep_ in ("det", "poss")]
    return any(t.tag_ in _WH_TAGS and t != phrasing.wh for t in heads)


def _trim_end(tokens: list[Token]) -> list[Token]:
    """Without words that cannot end a question: a conjunction whose second half was cut ("..., and"),
    a preposition whose object was left out, a determiner or punctuation."""
    kept = sorted(tokens, key=lambda t: t.i)
    present = {t.i for t in kept}
    while kept:
        last = kept[-1]
        if last.is_punct or last.dep_ in ("cc", "mark", "det", "preconj", "case") or last.lower_ in ("and", "or") \
                or (last.dep_ in ("prep", "agent", "dative") and not any(c.i in present for c in last.children)):
            present.discard(last.i)
            kept.pop()
            continue
        break
    return kept


def base_form(token: Token) -> str:
    """The verb's base form: "staged"/"staging" -> "stage", "plans" -> "plan", "was" -> "be".

    spaCy's lemma is used only for a token it reads as a verb (a noun's lemma of "leaves" is "leaf");
    where it strips a suffix off a one-syllable stem that would have doubled its consonant had it
    been the base ("stag" + "ing" would be "stagging"), the base kept a silent e ("stage")."""
    form = token.lower_
    if token.pos_ in ("VERB", "AUX"):
        lemma = token.lemma_.lower()
        if token.tag_ in ("VBD", "VBN", "VBG") and form in (lemma + "ed", lemma + "ing") and _lost_silent_e(lemma):
            return lemma + "e"
        return lemma
    return _base_of_surface(form)


def _lost_silent_e(stem: str) -> bool:
    """ "stag", "hop", "rat": consonants, one vowel, one consonant that would double before -ing/-ed."""
    return re.fullmatch(rf"[^aeiouy]+[aeiou][^aeiouy{_NO_DOUBLING}]", stem) is not None


def _base_of_surface(form: str) -> str:
    """A verb form the tagger read as another word class, by its spelling: "plans" -> "plan"."""
    if form.endswith("ies") and len(form) > 4:
        return form[:-3] + "y"
    if form.endswith(("sses", "shes", "ches", "xes", "zes")):
        return form[:-2]
    if form.endswith("s") and not form.endswith("ss") and len(form) > 3:
        return form[:-1]
    for suffix in ("ing", "ed"):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            stem = form[:-len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                return stem[:-1]  # "planned" -> "plan"
            return stem + "e" if _lost_silent_e(stem) else stem
    return form


def is_plural(subject: Token) -> bool:
    """A plural subject: "groups", "Serbia and Kosovo", "they"; a country named in the plural
    ("the United Arab Emirates", "the Philippines") is one country."""
    if subject.lower_ in _PLURAL_PRONOUNS or any(c.dep_ == "conj" for c in subject.children):
        return True
    if subject.tag_ == "NNS":
        return True
    return subject.tag_ == "NNPS" and subject.ent_type_ not in _COUNTRY_ENTITIES


def render(tokens: list[Token], names: dict[int, str] | None = None) -> str:
    """Tokens as text with the spacing of the source, even where tokens between them were left out."""
    names = names or {}
    ordered = sorted(set(tokens), key=lambda t: t.i)
    pieces = []
    for position, token in enumerate(ordered):
        text = names.get(token.i, token.text)
        if not text:
            continue
        following = ordered[position + 1] if position + 1 < len(ordered) else None
        gap = following is not None and following.i != token.i + 1
        pieces.append(text + (" " if token.whitespace_ or gap else ""))
    text = re.sub(r"\s+", " ", "".join(pieces)).strip()
    text = re.sub(r"\s+([,.;:!?’”)\]])", r"\1", text)
    return re.sub(r"([(\[“‘])\s+", r"\1", text)


def _subject_tokens(subject: Token) -> list[Token]:
    """The subject without asides set off by commas or dashes ("the Afghan war, a costly conflict, ...",
    "the envoy for Sudan, Ramtane Lamamra, ...")."""
    doc = subject.doc
    aside = {t.i for child in subject.subtree if child != subject and (
        (child.dep_ == "appos" and (child.head == subject or _after_comma(child)))
        or (child.dep_ in ("relcl", "acl") and child.left_edge.i > 0 and doc[child.left_edge.i - 1].is_punct))
        for t in child.subtree}
    tokens = [t for t in subject.subtree if t.i not in aside]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens


def _subject_of(verb: Token) -> Token | None:
    token = verb
    for _ in range(3):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
        if subject is not None:
            return subject
        if token.dep_ not in ("conj", "xcomp", "acomp") or token.head == token:
            return None
        token = token.head  # "members are reluctant [to get involved]": the subject of "are"
    return None


def _verb_group(verb: Token, subject: Token | None, phrasing: Phrasing) -> tuple[str | None, str, dict[int, str]]:
    """(fronted auxiliary, verb text, auxiliaries kept after the subject by index)."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.lower_ != "to"]
    plural = subject is not None and is_plural(subject)
    if phrasing.past:
        return "did", base_form(verb), {}
    if phrasing.future:
        passive = [a for a in auxes if a.dep_ == "auxpass"]
        base = "be" if verb.lower_ in ("’s", "'s", "’re", "'re") else base_form(verb)
        if passive:  # "to get involved" stays "get involved"; "are revived" becomes "be revived"
            return "will", f"{'get' if passive[0].lemma_ == 'get' else 'be'} {verb.text}", {}
        return "will", base, {}
    if phrasing.matrix is not None:
        return _matrix_group(verb, auxes, phrasing.matrix)
    if not auxes:
        if verb.lemma_ == "be" or verb.lower_ in ("’s", "'s"):
            if _asks_identity(verb, phrasing):
                return verb.lower_, "", {}  # "who the attackers were": Who were the attackers?
            return _forward(verb.lower_.replace("’", "'"), phrasing, plural), "", {}
        do = {"VBZ": "does", "VBP": "do", "VBD": "did", "VB": "do" if plural else "does"}.get(verb.tag_)
        return (do, base_form(verb), {}) if do else (None, "", {})
    first, rest = auxes[0].lower_.replace("’", "'"), auxes[1:]
    rest_words = [a.lower_ for a in rest]
    kept = {a.i: a.lower_ for a in rest}
    if first in _HEDGE_MODALS or (first == "could" and rest_words[:1] == ["have"]):
        if rest_words[:2] == ["have", "been"]:
            return ("were" if plural else "was"), verb.text, {}
        if rest_words[:1] == ["have"]:
            return "did", base_form(verb), {}
        return "will", verb.text, kept
    if first in _DO_FORMS:
        if first == "did" and phrasing.forward:
            first = "do" if plural else "does"
        return first, base_form(verb), kept
    if first == "had" and phrasing.forward and not rest:
        return "did", base_form(verb), {}
    if first in _MODAL_FRONT:
        front = "will" if phrasing.forward and first in ("would", "'d") else _MODAL_FRONT[first]
        return front, verb.text, kept
    if first in _BE_FORMS or first in _HAVE_FORMS:
        return _forward(first, phrasing, plural), verb.text, kept
    return None, "", {}


def _matrix_group(verb: Token, auxes: list[Token], matrix: Token) -> tuple[str | None, str, dict[int, str]]:
    """ "is thought to be hiding" -> Is ... hiding; "are believed to remain" -> Do ... remain."""
    tensed = next((c.lower_ for c in matrix.children if c.dep_ in ("auxpass", "aux") and c.lower_ in _DO_OF_BE), None)
    if tensed is None:
        return None, "", {}
    words = [a.lower_ for a in auxes]
    if words[:1] == ["be"]:
        return tensed, verb.text, {a.i: a.lower_ for a in auxes[1:]}
    if words[:1] == ["have"]:
        return "did", base_form(verb), {}
    return _DO_OF_BE[tensed], base_form(verb), {}


def _asks_identity(verb: Token, phrasing: Phrasing) -> bool:
    """ "who the attackers were", "what the cause was": the question word is what the copula says
    of its subject; the past stays past (the attack happened)."""
    return phrasing.wh is not None and phrasing.wh.head == verb and phrasing.wh.dep_ in ("attr", "acomp")


def _forward(word: str, phrasing: Phrasing, plural: bool) -> str:
    word = {"'s": "is", "'re": "are", "'m": "am", "'ve": "have"}.get(word, word)
    if phrasing.forward and word in _FORWARD_FRONT:
        word = _FORWARD_FRONT[word]
        if word == "has" and plural:
            word = "have"
    return word


def _predicate(verb: Token, subject: Token | None, phrasing: Phrasing, *, keep_aux: bool) -> list[Token]:
    """The clause without its subject, hedges, negation, auxiliaries and side clauses."""
    kept = []
    joined = [c for c in verb.children if c.dep_ == "conj" and not _has_subject(c)]
    for child in verb.children:
        if child == subject or child.i in phrasing.dropped or child == phrasing.wh:
            continue
        if child.dep_ == "cc" and any(c.i > child.i and not _is_aside(c, phrasing) for c in joined):
            kept.append(child)  # "embolden X and fend off Y"
            continue
        if _is_aside(child, phrasing) or (child.dep_ in ("aux", "auxpass") and not keep_aux):
            continue
        if child.dep_ == "advmod" and (child.lower_ in phrasing.hedges or child.lower_ in _DROPPED_ADVERBS):
            continue
        kept.extend(t for t in _subtree(child) if t.i not in phrasing.dropped)
    side_heads = [t for t in kept if (t.dep_ == "advcl" and _has_mark(t) and not _comparative(t))
                  or (t.dep_ == "prep" and t.lower_ in _SIDE_PREPOSITIONS)
                  or (t.dep_ == "advcl" and t.tag_ == "VBG" and not any(g.lower_ == "to" for g in t.children))
                  or (t.dep_ in ("relcl", "appos", "acl") and _after_comma(t))
                  or (t.dep_ == "npadvmod" and t.pos_ == "NOUN" and _after_comma(t))]  # ", a step the mayor ..."
    side = {inner.i for head in side_heads for inner in head.subtree}
    kept = [t for t in kept if t.i not in side]
    if keep_aux:
        kept.append(verb)
    return kept


def _shorten(tokens: list[Token], verb: Token) -> list[Token]:
    """Drop trailing phrases, the outermost first (the last prepositional phrase, joined verb, clause...),
    until the question is short enough to read in one go."""
    kept = sorted(tokens, key=lambda t: t.i)
    while _word_count(kept) > _MAX_PREDICATE_WORDS:
        last = kept[-1]
        chain = [a for a in [last, *last.ancestors] if a.i > verb.i and verb in a.ancestors]
        phrase = next((a for a in reversed(chain) if a.dep_ in _TRAILING_DEPS and a.left_edge.i > verb.i + 1
                       and _word_count([t for t in kept if t.i < a.left_edge.i]) >= _MIN_PREDICATE_WORDS), None)
        if phrase is None:
            break
        cut = {t.i for t in phrase.subtree}
        kept = [t for t in kept if t.i not in cut]
        while kept and (kept[-1].is_punct or kept[-1].dep_ in ("cc", "prep", "mark") or kept[-1].lower_ == "to"):
            kept.pop()
    return kept


def _comparative(clause: Token) -> bool:
    """ "as quickly as conditions permit": the clause completes "as quickly", it is not a side clause."""
    mark = next((c for c in clause.children if c.dep_ == "mark"), None)
    return mark is not None and mark.lower_ in ("as", "than") and clause.head.pos_ in ("ADV", "ADJ") \
        and any(c.lower_ in ("as", "more", "less") or c.tag_ in ("JJR", "RBR") for c in clause.head.children) \
        or (mark is not None and mark.lower_ == "than" and clause.head.tag_ in ("JJR", "RBR"))


def _word_count(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if not t.is_punct)


def _after_comma(phrase: Token) -> bool:
    """A phrase set off by a comma is an aside: "a patrol boat, which sustained minor damage"."""
    start = phrase.left_edge.i
    return start > 0 and phrase.doc[start - 1].text == ","


def _is_aside(child: Token, phrasing: Phrasing) -> bool:
    """Parts of the clause a question leaves out: negation, side clauses, other questions' words."""
    if child.dep_ in _CLAUSE_DEPS or child.dep_ == "neg":
        return True
    if child.dep_ == "conj" and (_has_subject(child) or _other_tense(child)):
        return True  # a second clause with a subject of its own is another question
    if child.dep_ == "advcl" and (_has_mark(child) or not any(g.lower_ == "to" for g in child.children)) \
            and not _comparative(child):
        return True  # "because ...", "as ..."; a purpose ("to help defend Armenia") stays
    if child.dep_ == "prep" and child.lower_ in _SIDE_PREPOSITIONS:
        return True
    if child.dep_ not in ("prep", "advmod", "conj"):
        return False
    return any(t.tag_ in _WH_TAGS and t != phrasing.wh and t.i not in phrasing.dropped
               and not _in_relative(t, child) for t in child.subtree)  # "whether and [to what extent]"


def _other_tense(joined: Token) -> bool:
    """ "would remain closed ... and called on X": a finite verb joined to a verb under a modal or in a
    non-finite form belongs to the sentence's main clause, not to the clause asked about."""
    verb = joined.head
    if joined.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in joined.children):
        return False
    return verb.tag_ in ("VB", "VBG", "VBN") or any(c.tag_ == "MD" for c in verb.children)


def _in_relative(token: Token, top: Token) -> bool:
    """True for a word of a relative clause ("the man [who they say orchestrated]") under `top`."""
    return token.head.dep_ == "relcl" or any(a.dep_ == "relcl" for a in token.ancestors if a in top.subtree)


def _has_mark(clause: Token) -> bool:
    return any(c.dep_ == "mark" for c in clause.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _subtree(token: Token) -> list[Token]:
    return list(token.subtree)


def _render_clause(tokens: list[Token], phrasing: Phrasing, *, forward: bool = False,
                   base_of: Token | None = None, gerunds: bool = False) -> str:
    """The clause's words: hedges and negation of joined verbs left out, verbs joined to `base_of`
    in their base form ("did he plan and carry out"), tenses moved forward when `forward`."""
    names = dict(phrasing.names)
    for token in tokens:
        if token.dep_ in ("aux", "neg") and token.head.dep_ == "conj" and token.head.head == base_of \
                or _parallel_to(token, base_of) \
                or token.dep_ == "aux" and token.head.dep_ == "conj" and token.lower_ in _HEDGE_MODALS \
                or token.dep_ == "advmod" and token.lower_ in phrasing.hedges:
            names[token.i] = ""  # "will X explain ... and [to] hold ...", "did X plan and [not] carry out"
        elif base_of is not None and token.dep_ == "conj" and token.pos_ == "VERB" and (
                token.head == base_of or (gerunds and token.tag_ == "VBG")):
            names[token.i] = base_form(token)  # "did X control ... and disrupt ..."
        elif forward and token.lower_ in _FORWARD_FRONT and token.dep_ in ("aux", "ROOT", "ccomp", "pcomp", "conj"):
            names[token.i] = _FORWARD_FRONT[token.lower_]
    return render(tokens, names)


def _parallel_to(to: Token, base_of: Token | None) -> bool:
    """ "to explain how this happened and [to] hold those responsible": the "to" of an infinitive joined
    (by the parser, to the nearest verb) where it parallels the infinitive asked about."""
    if base_of is None or to.lower_ != "to" or to.dep_ != "aux" or to.head.dep_ != "conj":
        return False
    joined_to = to.head.head
    return any(c.lower_ == "to" for c in base_of.children) and not any(c.lower_ == "to" for c in joined_to.children)


def _lower_start(text: str, subject: Token | None) -> str:
    """"The conflict" inside a question is "the conflict"; names keep their capitals."""
    first = next(iter(subject.subtree)) if subject is not None else None
    opening = re.match(r"\S+", text)
    if first is None or opening is None or opening.group(0) != first.text:
        return text  # the subject was replaced ("He" by "Henrik Sondergaard"): its case is the name's
    if first.lower_ in ("the", "a", "an") or (first.pos_ != "PROPN" and first.ent_type_ not in _NAME_ENTITIES
                                              and first.text != "I" and not first.text.isupper()):
        return text[:1].lower() + text[1:]
    return text


def _finish(text: str) -> str | None:
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—.")
    text = DOUBLED_ARTICLE.sub(lambda m: m.group(1), text)  # "to the The United Nations" -> "to the United Nations"
    text = _PAIRED_ASIDE.sub(" ", text)
    aside = _ASIDE.search(text)
    if aside and len(text[:aside.start()].split()) >= _MIN_WORDS_BEFORE_ASIDE:
        text = text[:aside.start()]  # "... by Hamas – an allegation the agency refutes": the aside goes
    text = re.sub(r"\s+([,.;:!?’”)])", r"\1", text).strip(" ,;:")
    if sum(text.count(mark) for mark in '"“”') % 2 or text.count("“") != text.count("”"):
        text = "".join(char for char in text if char not in '"“”')
    if len(text.split()) < 3:
        return None
    return text[:1].upper() + text[1:].rstrip(" ,;:.?!") + "?"
