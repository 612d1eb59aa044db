"""Actors: who is involved, as what.

`find_cast` reads an article in three steps:

1. detect (mentions.py): candidate mentions from the gazetteers, spaCy's entities,
   name-like runs of capitalised words and the text's acronym definitions, each with
   its use (a state named, an organ of a state, an adjective, a place);
2. merge: mentions of one actor get one key (gazetteer id, a person's name forms, an
   acronym and its long form), see aliases.merge_mentions;
3. build: each key with at least one mention that names an actor (not only an
   adjective or a place) becomes an Actor with its kind, aliases, role and affiliation.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace

from spacy.tokens import Doc, Span

from generator.extract import aliases, kinds, roles
from generator.extract.acronyms import find_definitions, renamings, tokens_at
from generator.extract.aliases import normalise
from generator.extract.article import Article
from generator.extract.cast import Cast, Mention
from generator.extract.lexicon import Entry, gazetteer, not_person_words, word_sets
from generator.extract.mentions import LEADER_ORGANS, POSSESSIVES, Candidate, detect, display_name
from generator.model import Actor
from generator.slugs import slugify, unique_slug

_GAZETTEER_KINDS = {"state": "state", "organization": "organization", "group": "group",
                    "media": "media", "people": "group"}


def find_cast(article: Article) -> Cast:
    doc = article.doc
    candidates = _with_headline_names(doc, detect(doc, publisher=article.source.publisher), article.source.title)
    keys = _keys(doc, candidates)
    return _build(article, candidates, keys)


def _with_headline_names(doc: Doc, candidates: list[Candidate], title: str | None) -> list[Candidate]:
    """A single name the headline gives in full ("President Volodymyr Zelenskyy") is that
    person, whatever the NER made of it, or missed."""
    full_names = roles.headline_names(title)
    if not full_names:
        return candidates
    for candidate in candidates:
        full = full_names.get(candidate.text)
        if full and candidate.entry is None:
            candidate.label, candidate.sure, candidate.full_name = "person", True, full
    taken = {i for c in candidates for i in range(c.start, c.end)}
    missed = [Candidate(t.i, t.i + 1, t.text, "person", sure=True, full_name=full_names[t.text])
              for t in tokens_at(doc, *(name.lower() for name in full_names))
              if t.i not in taken and t.text in full_names and t.pos_ == "PROPN"]
    return sorted(candidates + missed, key=lambda c: c.start)


# --- 2. merge -----------------------------------------------------------------------


def _keys(doc: Doc, candidates: list[Candidate]) -> list[str]:
    """The actor key of each candidate (see aliases.merge_mentions); relabels in place."""
    preset = [c.key or (c.entry.id if c.entry is not None else "") for c in candidates]
    sure = {normalise(c.text) for c in candidates if c.sure}
    keys, labels = aliases.merge_mentions([c.text for c in candidates], [c.label for c in candidates],
                                          preset, [c.start for c in candidates], _links(doc, candidates), sure)
    for candidate, label in zip(candidates, labels):
        if label == "person" and candidate.label != "person":
            candidate.label = "person"
            candidate.names_actor = candidate.names_actor or candidate.use != "adj"
    return keys


def _links(doc: Doc, candidates: list[Candidate]) -> list[tuple[int, int]]:
    """Pairs of candidates the text itself equates: an acronym and its long form,
    "X, formerly Y", "X known as Y"."""
    at = {token: i for i, c in enumerate(candidates) for token in range(c.start, c.end)}
    starts = {c.start: i for i, c in enumerate(candidates)}
    links = []
    for definition in find_definitions(doc, [doc[c.start:c.end] for c in candidates if c.label != "person"]):
        long = starts.get(definition.long.start, at.get(definition.long.end - 1))
        short = at.get(definition.short.start)
        if short is None:  # the NER missed "(CNE)" itself, not the "CNE" used later on
            short = next((i for i, c in enumerate(candidates) if c.text == definition.short.text), None)
        if long is not None and short is not None and long != short:
            links.append((long, short))
    for before, after in renamings(doc):
        if before in at and after in at and at[before] != at[after]:
            links.append((at[before], at[after]))
    return links


# --- 3. build -----------------------------------------------------------------------


def _build(article: Article, candidates: list[Candidate], keys: list[str]) -> Cast:
    doc = article.doc
    clusters: dict[str, list[Candidate]] = defaultdict(list)
    for candidate, key in zip(candidates, keys):
        candidate.key = key
        clusters[key].append(candidate)
    kept = {key: group for key, group in clusters.items()
            if any(c.names_actor for c in group) and not _only_things(doc, group)}
    _regimes_to_states(doc, candidates, kept)
    taken: set[str] = set()
    ids = {key: _actor_id(group, taken) for key, group in kept.items()}
    actors = [_actor(article, ids[key], group) for key, group in kept.items()]
    actors = _with_roles(doc, actors, kept, ids)
    mentions = tuple(Mention(c.start, c.end, ids[c.key]) for c in candidates if c.key in ids)
    return Cast(actors=tuple(sorted(actors, key=lambda a: (-a.mentions, a.name))), mentions=mentions)


def _regimes_to_states(doc: Doc, candidates: list[Candidate], kept: dict[str, list[Candidate]]) -> None:
    """"the Assad regime", its leader named nowhere else: the state whose regime or
    government the text speaks of most ("the Syrian regime"), as a mention of it."""
    leaders = [c for c in candidates if c.use == "leader" and c.key not in kept]
    if not leaders:
        return
    regimes = Counter(c.key for c in candidates if c.use == "organ" and c.key in kept and (
        getattr(kinds.organ_head(doc[c.start:c.end]), "lower_", doc[c.end - 1].lower_) in LEADER_ORGANS))
    if not regimes:
        return
    state = regimes.most_common(1)[0][0]
    for leader in leaders:
        head = doc[leader.start].head
        leader.key, leader.label, leader.entry = state, "state", _entry(kept[state])
        if head.i == leader.end or (head.i == leader.end + 1 and doc[leader.end].text in POSSESSIVES):
            leader.end = head.i + 1  # the mention covers "Assad regime"
        kept[state].append(leader)


def _only_things(doc: Doc, group: list[Candidate]) -> bool:
    """An unlisted name only ever used to qualify a thing or a place ("the Rukban camp",
    "an Oreshnik missile", "on Telegram", a river the NER took for a person: "along the
    Danube", "from the Chenab", "the Yarlung Tsangpo river") names no actor."""
    if any(c.entry is not None or c.sure or c.use == "group" or c.named_by_cue for c in group):
        return False
    body_words = word_sets("names")["body_words"]
    if any(c.end - c.start > 1 and doc[c.end - 1].lower_ in body_words and c.label != "person"
           and doc[c.end - 1].dep_ == "pobj" for c in group):
        return False  # "opponents in the Civic Bloc": a body's name, not a place
    places = [kinds.is_place_name(doc[c.start:c.end], person=c.label == "person") for c in group]
    if all(places):
        return True
    if any(c.label == "person" and " " in c.text.strip() for c in group):
        return False  # a full name is a person wherever it stands
    return all(place or kinds.is_thing_use(doc[c.start:c.end]) for c, place in zip(group, places))


def _entry(group: list[Candidate]) -> Entry | None:
    return next((c.entry for c in group if c.entry is not None and c.use != "group"), None)


def _actor_id(group: list[Candidate], taken: set[str]) -> str:
    entry = _entry(group)
    actor_id = unique_slug(entry.id if entry is not None else slugify(_actor_name(group)), taken)
    taken.add(actor_id)
    return actor_id


def _actor_name(group: list[Candidate]) -> str:
    entry = _entry(group)
    if entry is not None:
        return entry.name
    named = [c for c in group if c.use != "group" and c.names_actor] or group
    counts = Counter(display_name(c.text) for c in named)
    full_names = [c.full_name for c in group if c.full_name]
    if full_names and max(len(text.split()) for text in counts) == 1:
        return full_names[0]
    return max(counts, key=lambda text: (len(text.split()), counts[text], -len(text)))


def _actor(article: Article, actor_id: str, group: list[Candidate]) -> Actor:
    doc = article.doc
    name = _actor_name(group)
    entry = _entry(group)
    forms = [display_name(c.text) for c in group if c.use not in ("adj", "organ", "place")]
    forms += list(entry.short) if entry is not None else []
    first = next(c for c in group if c.names_actor)
    return Actor(id=actor_id, name=name, kind=_kind(doc, group, name),
                 aliases=tuple(sorted({f for f in forms if f and normalise(f) != normalise(name)})),
                 mentions=len(group), evidence=(article.evidence(doc[first.start:first.end]),))


def _kind(doc: Doc, group: list[Candidate], name: str) -> str:
    entry = _entry(group)
    spans = [doc[c.start:c.end] for c in group]
    if entry is None and any(c.use == "group" or (c.named_by_cue and c.label == "group") for c in group):
        return "group"
    if entry is not None and entry.kind != "media":
        return _GAZETTEER_KINDS[entry.kind]
    if entry is not None:
        return "organization" if any(map(kinds.is_party_context, spans)) else "media"
    labels = Counter(c.label for c in group)
    if any(c.label == "person" and " " in c.text.strip() for c in group):
        return "person"  # a full name
    not_person = not_person_words()
    if any(word in not_person for word in name.lower().split()[:1] + name.lower().split()[-1:]):
        return kinds.org_kind(name)  # "Operation Kleitos", whatever cue one bare "Kleitos" had
    if (any(c.sure for c in group) or labels["person"] * 2 > len(group)) and \
            sum(map(kinds.pronoun_vote, spans)) >= 0:
        return "person"  # a single name: the pronouns after it must not say "it"
    if labels["media"] or any(kinds.is_media_context(span, listed=False) for span in spans):
        return "organization" if any(map(kinds.is_party_context, spans)) else "media"
    if any(map(kinds.described_as_group, spans)) or kinds.is_community_name(name):
        return "group"  # "Serb List, the largest political party ...", "Kosovo Serbs"
    return kinds.org_kind(name)


def _with_roles(doc: Doc, actors: list[Actor], kept: dict[str, list[Candidate]], ids: dict[str, str]) -> list[Actor]:
    """Each person's role and affiliation, from the mention whose role phrase says most."""
    actor_at = {token: ids[c.key] for group in kept.values() for c in group for token in range(c.start, c.end)}
    kind_of = {actor.id: actor.kind for actor in actors}
    by_id = {ids[key]: group for key, group in kept.items()}
    result = []
    for actor in actors:
        if actor.kind != "person":
            result.append(actor)
            continue
        best, best_score = [], 0
        for candidate in by_id[actor.id]:
            spans = roles.role_spans(doc[candidate.start:candidate.end])
            score = max((roles.role_score(span) for span in spans), default=0)
            if score > best_score:
                best, best_score = spans, score
        affiliation = roles.affiliation(best, actor_at.get, lambda a: kind_of.get(a) == "person")
        affiliation = _state_of_body(doc, kept, ids, affiliation) or _governing_body(best, kind_of) or affiliation
        result.append(replace(actor, role=roles.role_text(best), affiliation=affiliation))
    return result


def _state_of_body(doc: Doc, kept: dict, ids: dict, body_id: str | None) -> str | None:
    """The state of a body named "... of <State>" ("Committee of the Majilis of Kazakhstan")."""
    group = next((g for key, g in kept.items() if ids[key] == body_id), None)
    if not group or _entry(group) is not None:
        return None
    span = doc[group[0].start:group[0].end]
    ofs = [t.i for t in span if t.lower_ == "of"]
    form = gazetteer().lookup(doc[ofs[-1] + 1: span.end].text.removeprefix("the ")) if ofs else None
    state = form.entry.id if form is not None and form.entry.kind == "state" else None
    return state if state in ids.values() else None


def _governing_body(spans: list[Span], kind_of: dict[str, str]) -> str | None:
    """"Palestinian chief negotiator": the adjective's state speaks through its government
    (the Palestinian Authority) when the text names it and not the state."""
    gaz = gazetteer()
    for span in spans:
        for token in span:
            form = gaz.lookup(token.text)
            body = gaz.governing_body(form.entry.id) if form and form.entry.kind == "state" else None
            if body is not None and body.id in kind_of and form.entry.id not in kind_of:
                return body.id
    return None
