"""What a mention is: how a state is referred to, and which kind a name is.

A state can be named ("Russia"), stand for its government ("Moscow said", "the
Kremlin"), be the owner of an organ ("the Afghan government", "Russia's Defense
Ministry"), qualify a thing ("Armenian infrastructure") or be a place ("in Kabul").
Only the first three make the state an actor of the story; see `state_use`.

For other names: a nationality with a group noun is a group ("Israeli settlers"), a
name only qualifying things is no actor ("the Rukban camp"), an outlet is `media` when
cited and a party when it acts ("Reuters Editor-in-Chief ... said").
"""
from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from generator.extract.lexicon import gazetteer, word_sets

StateUse = Literal["name", "organ", "adj", "place"]


def _names() -> dict[str, frozenset[str]]:
    return word_sets("names")


def _cues() -> dict[str, frozenset[str]]:
    return word_sets("cues")


def _organs() -> dict[str, frozenset[str]]:
    return word_sets("organs")


def organ_head(span: Span) -> Token | None:
    """The organ noun a state reference at `span` qualifies, if any: "government" in
    "the Afghan government", "Ministry" in "Russia's Defense Ministry" or "the Russian
    Ministry of Defense", "forces" in "US and Filipino forces"."""
    token = span.root
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head  # "Australian, British and Japanese forces": climb to the first
    conjoined_organ = next((c for c in token.conjuncts if c.i > token.i and _is_organ(c)
                            and not any(d.dep_ == "det" for d in c.children)), None)
    if conjoined_organ is not None:
        return conjoined_organ  # "numbers of Emirati and Greek forces", parsed as two nouns
    if token.dep_ == "pobj" and token.head.lower_ == "of" and _is_organ(token.head.head):
        return token.head.head  # "the Government of Syria"
    steps = 0
    while token.dep_ in ("amod", "compound", "nmod", "poss") and steps < 4:
        head = token.head
        if _is_organ(head):
            return head
        if head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "PROPN"):
            return None
        token, steps = head, steps + 1
    return None


def _is_organ(token: Token) -> bool:
    organs = _organs()
    words = {token.lower_, f"{token.nbor(-1).lower_} {token.lower_}" if token.i else token.lower_}
    if words & organs["civil"]:
        return True
    # Written in lower case, an armed body is the state's; capitalised, it is named.
    return bool(words & organs["military"]) and not token.text[:1].isupper()


def is_place_use(span: Span) -> bool:
    """"in Kabul", "outside Moscow", "the Moscow region", "a London-based firm"; not "aid
    to Lebanon", where the state receives."""
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ in _cues()["locative_preps"]:
        return root.head.head.lemma_.lower() not in word_sets("alliances")["backing_nouns"]
    after = span.doc[span.end: span.end + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ == "based":
        return True
    return root.dep_ == "compound" and root.head.lower_ in _names()["place_heads"]


def is_agent_use(span: Span) -> bool:
    """A state written as an adjective or a place that still acts or is acted for: the
    "Russian-led" bloc, "pro-Israeli" steps, "Iranian military aid", "NATO member Estonia"."""
    doc = span.doc
    alliance_words = word_sets("alliances")
    after = doc[span.end: span.end + 2]
    if len(after) == 2 and after[0].text in ("-", "\u2013") and \
            after[1].lower_ in alliance_words["led_words"] | alliance_words["backed_words"]:
        return True
    if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ == "pro":
        return True
    root = span.root
    if root.dep_ in ("amod", "compound", "nmod", "poss") and \
            root.head.lemma_.lower() in alliance_words["backing_nouns"]:
        return True
    if any(_acts_in_relative(clause) for clause in root.children if clause.dep_ == "relcl"):
        return True  # "fled towards Burundi, whose own troops have been deployed ..."
    member_words = alliance_words["member_nouns"] | alliance_words["ally_nouns"]
    return any(c.dep_ == "compound" and c.lemma_.lower() in member_words for c in root.children)


def _acts_in_relative(clause: Token) -> bool:
    """ "..., whose troops were deployed", "..., which has closed its border": the clause's
    subject is the state itself."""
    if clause.lemma_.lower() in _names()["stative_verbs"]:
        return False  # "Chad, which is one of the poorest countries", "which borders Sudan"
    return any(t.lower_ == "whose" or (t.lower_ in ("which", "who") and t.dep_ == "nsubj")
               for t in clause.subtree if t.i < clause.i)


def state_use(span: Span, form_type: str) -> StateUse:
    """How the state gazetteer hit `span` (of form `form_type`) is used."""
    if organ_head(span) is not None:
        return "organ"
    if is_agent_use(span):
        return "name"
    if form_type == "adj":
        return "adj"
    if is_place_use(span):
        return "place"
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.i > root.i and (
            (root.head.ent_type_ == "ORG" and root.head.lower_ not in _names()["not_actor_heads"])
            or any(t.lower_ in _names()["org_nouns"] for t in span.doc[span.end: root.head.i + 1])):
        return "adj"  # "U.K. think-tank Chatham House": the state only locates the body
    return "name"


def group_head(span: Span) -> Token | None:
    """The head of the group a nationality or people adjective qualifies: "settlers" in
    "Israeli settlers", "militia" in "Chinese maritime militia", "forces" in "Syrian
    opposition forces" (a group noun anywhere between the adjective and the head)."""
    group_nouns = _names()["group_nouns"]
    token = span.root
    steps = 0
    while token.dep_ in ("amod", "compound", "nmod", "poss") and steps < 3:
        token, steps = token.head, steps + 1
        between = span.doc[span.end: token.i + 1]
        found = [t for t in between if t.lower_ in group_nouns]
        if found:
            last = found[-1]
            tail = span.doc[last.i + 1] if last.i + 1 < len(span.doc) else None
            return tail if tail is not None and tail.lower_ in _names()["group_tails"] else last
    return None


def is_thing_use(span: Span) -> bool:
    """The name qualifies a thing ("the Rukban camp", "an Oreshnik missile") or is where
    something happens ("in al-Tanf", "on Telegram", "the town of Leposavic", "the
    crossings at Jarinje", "Zamzam and nearby camps"), not someone who acts."""
    root = span.root
    if any(c.lower_ in _geo_nouns() for c in root.conjuncts):
        return True  # "access to Zamzam and nearby camps"
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # "in Tyre and Nabatieh"
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.pos_ == "NOUN" and head.i > root.i:
        # "the Rukban camp" is a thing's; "the NCSO agency", "the Delta conglomerate" a body's name
        names = _names()
        return not any(head.lower_ in names[key] for key in ("person_nouns", "body_words", "org_nouns"))
    if root.dep_ == "pobj" and head.lower_ == "at":
        # "met at the Monastery", "crossings at Jarinje"; not "an analyst at Stratfor"
        return head.head.pos_ in ("VERB", "AUX") or head.head.lower_ in _geo_nouns()
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _geo_nouns():
        return True  # "the besieged city of El Fasher", "the Russian port of Ust-Luga"
    if root.dep_ == "dobj" and head.lemma_.lower() in _names()["place_verbs"] and \
            not any(c.dep_ == "prep" and c.lower_ == "for" for c in head.children):
        return True  # "fled El Fasher", "could reach El Fasher"; not "could not reach Okafor for comment"
    if root.dep_ == "dobj" and head.lemma_.lower() in _names()["commodity_verbs"]:
        return True  # "which still import Russian LNG"
    if root.dep_ == "pobj" and head.lower_ == "of" and (
            head.head.lower_ in _names()["commodity_heads"] or
            span.doc[max(head.head.left_edge.i, head.head.i - 2): head.head.i + 1].text.lower() in
            _names()["commodity_heads"]):
        return True  # "imports of Russian LNG", "a phase-out of Russian LNG"
    return root.dep_ == "pobj" and head.lower_ in _names()["thing_preps"]


def _geo_nouns() -> frozenset[str]:
    """Nouns of places ("city", "river", "crossing"), singular and plural."""
    return _names()["place_heads"] | _names()["geo_nouns"]


def is_place_name(span: Span, person: bool = False) -> bool:
    """A name written like a place: qualifying a place noun ("the Yarlung Tsangpo river",
    "the Jarinje crossing"), or, for a name the NER took for a `person`, a lone word
    after "the" ("from the Chenab"), which a person's name does not take."""
    doc = span.doc
    root = span.root
    if person and len(span) == 1 and span.start and doc[span.start - 1].lower_ == "the" \
            and root.dep_ not in ("compound", "poss"):
        return True
    return root.dep_ in ("compound", "nmod") and root.head.i > root.i and root.head.lower_ in _geo_nouns()


def people_head(span: Span) -> Token | None:
    """"civilians" in "Palestinian civilians": the adjective names the people itself."""
    head = span.root.head
    if span.root.dep_ in ("amod", "compound", "nmod") and head.lower_ in _names()["people_nouns"]:
        return head
    return None


def org_kind(name: str) -> str:
    """`group` for a party, movement or armed group by the head word of its name (the last
    word, or the one before "of"/"for": "Democratic Party for the People")."""
    words = name.lower().split()
    heads = {words[-1]} if words else set()
    heads |= {words[i - 1] for i, word in enumerate(words) if word in ("of", "for") and i}
    return "group" if heads & _names()["group_heads"] else "organization"


def is_not_actor_name(span: Span) -> bool:
    """A treaty, a law, an event or a place that the NER took for an organization."""
    return span.root.lower_ in _names()["not_actor_heads"] or span[-1].lower_ in _names()["not_actor_heads"]


def is_media_context(span: Span, listed: bool) -> bool:
    """Whether this mention cites its name as an outlet. Any name followed by a media
    word is one ("Govorit Moskva radio station", "a Kyiv Independent reporter"); a
    `listed` outlet (media.yml) also when cited: "told Reuters", "according to
    Bloomberg", "in a Reuters report", "ABC News reported"."""
    doc = span.doc
    root = span.root
    cues = _cues()
    outlet_words = _names()["media_heads"] | cues["media_staff"]
    after = doc[span.end] if span.end < len(doc) else None
    before = doc[span.start - 1] if span.start else None
    if after is not None and after.lower_ in outlet_words:
        return True
    if before is not None and before.lower_ in _names()["media_heads"] - {"news", "paper"}:
        return True  # "state broadcaster CCTV", "the newspaper Haaretz"
    if before is not None and before.lower_ == "agency" and span.start >= 2 and doc[span.start - 2].lower_ == "news":
        return True  # "the state news agency SUNA"
    if root.dep_ in ("compound", "nmod", "poss") and root.head.lower_ in outlet_words:
        return True
    if not listed:
        return "." in span.text and span.text.rsplit(".", 1)[-1].lower() in ("com", "org", "net", "info")
    if root.dep_ in ("compound", "nmod", "poss") and root.head.lower_ in cues["citation_nouns"]:
        return True
    if root.dep_ in ("dobj", "dative") and root.head.lemma_ == "tell":
        return True
    if root.dep_ == "pobj" and span.start >= 2 and doc[span.start - 2: span.start].text.lower() == "according to":
        return True
    return root.dep_ == "nsubj" and root.head.lemma_ in cues["journalism_verbs"]


def is_party_context(span: Span) -> bool:
    """Whether an outlet acts in the story rather than reports it: its executives speak
    ("Reuters Editor-in-Chief ... said"), it commissions or is harmed ("contracted by
    Reuters", "at the request of Reuters"), or it does what reporting does not."""
    doc = span.doc
    root = span.root
    cues = _cues()
    following = doc[span.end: span.end + 5]
    title = [t for t in following if t.lower_ in cues["media_executives"]]
    if title and following and following[0].is_alpha and \
            not any(t.text in "(),.;:" for t in doc[span.end: title[0].i]) and \
            any(t.ent_type_ == "PERSON" for t in doc[title[0].i: title[0].i + 7]):
        return True  # "Reuters Editor-in-Chief Anna Berg", not "(Reuters) - Ukrainian President ..."
    if root.dep_ == "poss" and root.head.lower_ in cues["media_executives"]:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
        return root.head.head.lemma_ not in cues["journalism_verbs"]
    if root.dep_ == "pobj" and root.head.head.lower_ in ("request", "behalf", "belonging"):
        return True
    if root.dep_ == "nsubj" and root.head.pos_ == "VERB":
        return root.head.lemma_ not in cues["journalism_verbs"] and root.head.lemma_ not in cues["speech_verbs"]
    return False


def named_body(span: Span) -> str | None:
    """What a name the NER took for a person is when the text says it is a body: "firm
    Verisk Maplecroft", "Govorit Moskva radio station", "Inherent Resolve, the U.S.
    military operation"."""
    names = _names()
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in names["media_heads"]:
        return "media"
    if before is not None and before.lower_ in names["media_heads"] - {"news"}:
        return "media"  # "the newspaper Kathimerini"
    if before is not None and before.lower_ in names["org_nouns"]:
        return "organization"
    if after is not None and after.text == "," and after.i + 1 < len(doc):
        head = _phrase_head(doc[after.i + 1])  # the noun of the apposition after the comma
        if head is not None and head.lower_ in names["not_person"] | names["org_nouns"]:
            return "organization"
    return None


def described_as_group(span: Span) -> bool:
    """"Serb List, the largest political party of Kosovo Serbs": the apposition after the
    name says it is a party, movement or armed group."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    head = _phrase_head(doc[span.end + 1])
    return head is not None and head.lower_ in _names()["group_heads"]


def is_community_name(name: str) -> bool:
    """"Kosovo Serbs", "Syrian Kurds", "Crimean Tatars": a state or its adjective, then a
    capitalised plural that is no body word (not "Kosovo Forces"), names a community."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper() or not words[-1].endswith("s"):
        return False
    form = gazetteer().lookup(" ".join(words[:-1]))
    names = _names()
    if form is None or form.entry.kind not in ("state", "people"):
        return False
    last = words[-1].lower()
    return last not in names["body_words"] | names["not_person"] | word_sets("organs")["military"]


def _phrase_head(token: Token, reach: int = 8) -> Token | None:
    """The noun a phrase starting at `token` is about ("the U.S. military operation")."""
    start = token.i
    while token.head.i > token.i and token.head.i - start <= reach and \
            token.dep_ in ("det", "compound", "amod", "nmod", "nummod", "punct", "poss", "case"):
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN") else None


def pronoun_vote(span: Span) -> int:
    """+1 when the first personal pronoun after a mention, in its sentence, is "he",
    "his", "she"..., -1 when it is "it"/"its": ConocoPhillips "signaled it will"."""
    for token in span.doc[span.end: span.sent.end]:
        if token.lower_ in ("he", "his", "him", "she", "her", "hers"):
            return 1
        if token.lower_ in ("it", "its") and token.dep_ != "expl":
            return -1
    return 0
