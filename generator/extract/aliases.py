"""When two names are the same actor: within one document, and across the sources of a briefing.

Names are compared after `normalise` (accents, case, punctuation, a leading "the" and a
possessive dropped). People are matched by name structure: a surname alone joins the
full name it ends ("Putin" -> "Vladimir Putin"), a spelling variant joins when the first
names agree and one surname is the other with letters added, as transliterations differ
("Vladimir Poutine", "Zelenskyy", "Gorbatchev"); two people who only share a surname
("Anas Haqqani", "Sirajuddin Haqqani") stay apart, and so do surnames with a letter
changed ("Smith"/"Smyth", "Hansen"/"Hanson", "Peterson"/"Pedersen") or an English
suffix added ("Brown"/"Browne", "Connor"/"Connors"), which are other families' names.
Variants need names of some length: short strings are too alike by chance.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache

from generator.extract.acronyms import initials
from generator.extract.lexicon import gazetteer
from generator.model import Actor

NAME_PARTICLES = frozenset({"al", "el", "abu", "umm", "bin", "ibn", "bint", "van", "von", "de", "da", "di",
                            "del", "della", "der", "den", "du", "la", "le", "dos", "das", "ter", "st"})
"""Words that belong to the surname that follows them ("Abu Amer", "Al Saadouni", "van der Berg")."""
_MAX_ADDED_LETTERS = 2
"""A spelling variant of a surname adds at most this many letters ("putin" -> "poutine")."""
_FAMILY_SUFFIXES = ("s", "e", "es")
"""Letters that, added at the end only, make another family's name ("Brown"/"Browne")."""
_MIN_FUZZY_CHARS = 5


@lru_cache(maxsize=8192)
def normalise(name: str) -> str:
    """"The European Union's" -> "european union"; "Hammarskjöld" -> "hammarskjold"."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['\u2019]s\b", "", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text.replace("'", "").replace(".", ""))
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(the )+", "", text)


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_parts(name: str) -> tuple[list[str], str]:
    """(given names, surname) of a person's name; particles stay with the surname, a
    generational suffix goes ("Martin Luther King Jr." -> king)."""
    words = normalise(name).split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    if not words:
        return [], ""
    surname_start = len(words) - 1
    while surname_start > 0 and words[surname_start - 1] in NAME_PARTICLES:
        surname_start -= 1
    return words[:surname_start], " ".join(words[surname_start:])


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


@lru_cache(maxsize=65536)
def same_person_name(a: str, b: str) -> bool:
    """Whether two written names can be one person ("Putin" / "Vladimir Poutine")."""
    given_a, surname_a = name_parts(a)
    given_b, surname_b = name_parts(b)
    if not surname_a or not surname_b:
        return False
    if normalise(a) == normalise(b):
        return True
    if is_surname_of(a, b, fuzzy=False) or is_surname_of(b, a, fuzzy=False):
        return True  # "Ben-Gvir" ends "Itamar Ben-Gvir"
    if not given_a or not given_b:
        alone, full = (a, b) if not given_a else (b, a)
        return is_surname_of(alone, full)
    if not _given_names_agree(given_a, given_b):
        return False
    return _bare(surname_a) == _bare(surname_b) or spelling_variant(surname_a, surname_b)


def is_surname_of(short: str, full: str, fuzzy: bool = True) -> bool:
    """"Putin" of "Vladimir Putin"; "Abu Amer" and "Amer" of "Sadeq Abu Amer"."""
    short_words = normalise(short).split()
    full_words = normalise(full).split()
    while len(full_words) > 1 and full_words[-1] in _NAME_SUFFIXES:
        full_words.pop()
    if not short_words or len(short_words) >= len(full_words):
        return False
    if full_words[-len(short_words):] == short_words:
        return True
    _, surname = name_parts(full)
    return fuzzy and len(short_words) == 1 and spelling_variant(short_words[0], surname.split()[-1])


def _given_names_agree(a: list[str], b: list[str]) -> bool:
    """"Tim"/"Timothy" agree, "Anas"/"Sirajuddin" do not; a missing middle name is fine."""
    first_a, first_b = a[0], b[0]
    return first_a == first_b or (min(len(first_a), len(first_b)) >= 3 and
                                  (first_a.startswith(first_b) or first_b.startswith(first_a)))


def spelling_variant(a: str, b: str) -> bool:
    """Whether surnames `a` and `b` (normalised) are one name spelled two ways: the
    longer is the shorter with one or two letters added and none changed ("putin" /
    "poutine", "zelensky" / "zelenskyy", "gorbachev" / "gorbatchev"), the same first
    letter, and not only an English -s or -e at the end ("connor" / "connors")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < _MIN_FUZZY_CHARS or short[:1] != long[:1] or len(long) - len(short) > _MAX_ADDED_LETTERS:
        return False
    operations = [op for op in SequenceMatcher(None, short, long, autojunk=False).get_opcodes() if op[0] != "equal"]
    if any(tag != "insert" for tag, *_ in operations):
        return False  # a letter changed: "smith" / "smyth"
    if long.startswith(short) and long[len(short):] in _FAMILY_SUFFIXES:
        return False
    return True


def _bare(surname: str) -> str:
    """A surname without its particles ("al assad" -> "assad"), which writers drop."""
    words = [w for w in surname.split() if w not in NAME_PARTICLES]
    return " ".join(words) or surname


@lru_cache(maxsize=65536)
def is_acronym_of(short: str, long: str) -> bool:
    """"LDP" of "Liberal Democratic Party" (initials, with or without "of", "the", "for")."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    capitals = sum(c.isupper() for c in letters)
    return len(letters) >= 2 and capitals >= 2 and letters.upper() in initials(long)


def names_of(actor: Actor) -> set[str]:
    return {normalise(name) for name in (actor.name, *actor.aliases) if name} - {""}


def same_actor(a: Actor, b: Actor) -> bool:
    """Whether `a` and `b`, found in two sources of one briefing, are the same actor.

    - The same id is the same actor (gazetteer ids are shared: "russia", "csto").
    - A person only matches a person: the full names agree, or one is the other's
      surname, or the first names agree and the surnames are spelling variants
      (`same_person_name`). Two people who share only a surname do not match, nor do
      two people whose names agree but whose affiliations are known and differ.
    - Any other pair matches when a name or alias is shared, or when one's acronym is
      the initials of the other's name. A state never matches a non-state by alias.
    An outlet listed as `media` in one source and as a party in another is one actor.
    """
    if a.id == b.id:
        return True
    if (a.kind == "person") != (b.kind == "person"):
        return False
    if a.kind == "person":
        if a.affiliation and b.affiliation and a.affiliation != b.affiliation:
            return False
        return any(same_person_name(x, y) for x in (a.name, *a.aliases) for y in (b.name, *b.aliases))
    if (a.kind == "state") != (b.kind == "state"):
        return False
    if names_of(a) & names_of(b):
        return True
    return any(is_acronym_of(x, y) or is_acronym_of(y, x)
               for x in (a.name, *a.aliases) for y in (b.name, *b.aliases))


def group_person_names(names: list[str], positions: list[int]) -> list[int]:
    """For each of `names` (people's names at token `positions`), the index of the name
    that stands for its person: full names first, then shorter forms join the person
    whose name they end. A short form that fits several people goes to the one whose
    surname it is exactly, then to the one mentioned most recently before it."""
    order = sorted(range(len(names)), key=lambda i: (-len(normalise(names[i]).split()), positions[i]))
    heads: list[int] = []
    members: dict[int, list[int]] = {}
    known: dict[int, list[str]] = {}
    head_of = list(range(len(names)))
    for i in order:
        fits = [h for h in heads if any(same_person_name(name, names[i]) for name in known[h])]
        if len(fits) > 1:
            fits = [h for h in fits if name_parts(names[h])[1] == normalise(names[i])] or fits
        if len(fits) > 1:
            fits = [_nearest(fits, members, positions, positions[i])]
        if not fits:
            fits = [h for h in heads if _is_inner_name(names[i], names[h])]
            fits = fits if len(fits) == 1 else []
        if fits:
            head_of[i] = fits[0]
            members[fits[0]].append(i)
            known[fits[0]].append(names[i])
        else:
            heads.append(i)
            members[i] = [i]
            known[i] = [names[i]]
    return head_of


def _is_inner_name(short: str, full: str) -> bool:
    """A single name that is another word of one full name: a name used alone ("Lula" of
    "Luiz Inácio Lula da Silva") or a family name written first ("Xi" of "Xi Jinping")."""
    words = normalise(short).split()
    full_words = normalise(full).split()
    return len(words) == 1 and len(full_words) > 1 and words[0] in full_words[:-1] \
        and words[0] not in NAME_PARTICLES


def _nearest(heads: list[int], members: dict[int, list[int]], positions: list[int], at: int) -> int:
    def distance(head: int) -> tuple[int, int]:
        before = [at - positions[m] for m in members[head] if positions[m] < at]
        return (0, min(before)) if before else (1, min(abs(positions[m] - at) for m in members[head]))
    return min(heads, key=distance)


# --- merging the mentions of one document -------------------------------------------


class _Sets:
    """Union-find over mention indexes."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def merge_mentions(texts: list[str], labels: list[str], preset: list[str], positions: list[int],
                   links: list[tuple[int, int]] = (), sure_people: set[str] = frozenset()
                   ) -> tuple[list[str], list[str]]:
    """One key per actor for each mention, and each mention's label after merging.

    `preset` holds the keys already known (a gazetteer id; "" when none); `links` are
    pairs the text itself equates (an acronym and its long form, "X, formerly Y").
    A name that is a known person's full name or surname, or a name in `sure_people`
    (normalised), becomes that person even when the NER labelled it otherwise ("Ishiba"
    as an organization).
    """
    size = len(texts)
    sets = _Sets(size)
    labels = list(labels)
    by_preset: dict[str, int] = {}
    for i, key in enumerate(preset):
        if key:
            sets.union(i, by_preset.setdefault(key, i))
    _merge_people(texts, labels, preset, positions, sets, sure_people)
    by_name: dict[str, int] = {}
    for i in range(size):  # one name in one text names one actor, whatever the NER's label
        if not preset[i]:
            sets.union(i, by_name.setdefault(normalise(texts[i]), i))
    for a, b in links:
        if preset[a] and preset[b] and preset[a] != preset[b] and ":" not in preset[a] + preset[b]:
            continue  # two listed actors are not one, whatever the sentence seems to say
        sets.union(a, b)
    _merge_short_forms(texts, labels, preset, sets)
    return _cluster_keys(texts, labels, preset, sets), labels


def _merge_people(texts, labels, preset, positions, sets: _Sets, sure_people: set[str]) -> None:
    people = [i for i in range(len(texts)) if labels[i] == "person" and not preset[i]]
    full_names = {normalise(texts[i]) for i in people if len(normalise(texts[i]).split()) > 1}
    # Every full name, every ending of one ("Vladimir Putin", "Putin"; "Abu Amer", "Amer")
    # and every word of one ("Wang" of "Wang Yi", "Lula" of "Luiz Inacio Lula da Silva").
    name_forms = {" ".join(name.split()[k:]) for name in full_names for k in range(len(name.split()))}
    name_forms |= {word for name in full_names for word in name.split()} - NAME_PARTICLES
    for i in range(len(texts)):
        # "Ishiba" labelled ORG, "Yahya Sinwar'" labelled LOC: a known person's name is that person.
        if labels[i] != "person" and not preset[i] and normalise(texts[i]) in name_forms | sure_people:
            labels[i] = "person"
            people.append(i)
    first_at: dict[str, int] = {}
    for i in sorted(people, key=lambda i: positions[i]):
        first_at.setdefault(normalise(texts[i]), i)
    distinct = list(first_at)
    heads = group_person_names(distinct, [positions[first_at[name]] for name in distinct])
    head_name = {name: distinct[head] for name, head in zip(distinct, heads)}
    for i in people:
        sets.union(i, first_at[head_name[normalise(texts[i])]])


def _merge_short_forms(texts, labels, preset, sets: _Sets) -> None:
    """An acronym joins the one long name whose initials it is ("LDP", "Liberal Democratic
    Party"); a one-word name joins the one longer body name it begins or ends ("Exxon",
    "the Commission"), even when the NER took it for a person ("Kleitos" of "Operation
    Kleitos"), unless a person the text names in full bears it."""
    person_words = {word for i, text in enumerate(texts) if labels[i] == "person" and len(text.split()) > 1
                    for word in normalise(text).split()}
    long_names: dict[str, int] = {}
    for i in range(len(texts)):
        if len(texts[i].split()) > 1:
            long_names.setdefault(normalise(texts[i]), i)
    by_initials: dict[str, set[int]] = {}
    by_edge_word: dict[str, set[int]] = {}
    for name, j in long_names.items():
        for letters in initials(texts[j]):
            by_initials.setdefault(letters, set()).add(j)
        if labels[j] != "person":
            for word in {name.split()[0], name.split()[-1]}:
                by_edge_word.setdefault(word, set()).add(j)
    for i in range(len(texts)):
        text = texts[i]
        if len(text.split()) != 1:
            continue
        if labels[i] == "person" and not preset[i] and normalise(text) not in person_words:
            related = by_edge_word.get(normalise(text), set())
            if len(related) == 1:
                j = next(iter(related))
                sets.union(i, j)
                labels[i] = labels[j]
            continue
        if labels[i] not in ("organization", "group", "media"):
            continue
        letters = re.sub(r"[^A-Za-z]", "", text)
        # A listed acronym ("UN") knows its long forms; initials would also make it the
        # "Ukrainian Navy".
        by_letters = not preset[i] and sum(c.isupper() for c in letters) >= 2
        expanded = by_initials.get(letters.upper(), set()) if by_letters else set()
        if len(expanded) == 1:
            sets.union(i, next(iter(expanded)))
            continue
        entry = gazetteer().entries.get(preset[i]) if preset[i] else None
        if entry is not None and normalise(entry.name) in long_names and not preset[long_names[normalise(entry.name)]]:
            sets.union(i, long_names[normalise(entry.name)])  # "LDP", listed by its acronym only, and its name
            continue
        # "Exxon" for "Exxon Mobil"; "the Commission" for "the European Commission".
        related = by_edge_word.get(normalise(text), set())
        if len(related) == 1 and not preset[i]:
            sets.union(i, next(iter(related)))


def _cluster_keys(texts, labels, preset, sets: _Sets) -> list[str]:
    members: dict[int, list[int]] = {}
    for i in range(len(texts)):
        members.setdefault(sets.find(i), []).append(i)
    keys = [""] * len(texts)
    for root, indexes in members.items():
        presets = Counter(preset[i] for i in indexes if preset[i])
        if presets:
            key = presets.most_common(1)[0][0]
        else:
            longest = max(indexes, key=lambda i: (len(normalise(texts[i])), -i))
            key = f"{labels[longest]}:{normalise(texts[longest])}"
        for i in indexes:
            keys[i] = key
    return keys
