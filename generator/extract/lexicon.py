"""Language data for finding actors: gazetteers and word lists, read once per process.

The gazetteers live in data/ as YAML (states, organizations, groups, peoples, media);
pycountry supplies the ISO names of states. Everything here is looked up by exact
surface form: a PhraseMatcher finds the forms in a Doc, `Gazetteer.forms` tells what
each form names and how (by name, acronym, adjective or capital).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml

from generator.slugs import slugify

EntryKind = Literal["state", "organization", "group", "media", "people"]
FormType = Literal["name", "short", "adj", "capital"]
"""How a surface form points at its entry: its name, an acronym, an adjective, a capital."""


@dataclass(frozen=True)
class Entry:
    """One thing the gazetteers know: a state, an international body, a group, an outlet."""

    id: str
    name: str
    kind: EntryKind
    short: tuple[str, ...] = ()
    iso: str | None = None
    governs: str | None = None
    """Id of the state this body is the government of (the Palestinian Authority -> palestine)."""
    home: str | None = None
    """Id of the state an armed group fights inside, against its army (the RSF -> sudan)."""


@dataclass(frozen=True)
class Form:
    entry: Entry
    type: FormType


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[str, Entry]
    forms: dict[str, Form]
    """Surface form, exactly as written ("U.S.", "Kremlin", "Armenian") -> what it names."""
    lower_forms: dict[str, Form] = field(default_factory=dict)
    """The same, lower-cased, for forms longer than three letters (repairs "russian")."""
    people_by_adj: dict[str, Entry] = field(default_factory=dict)
    """Adjectives of peoples ("Palestinian" -> Palestinians), which a state may also claim."""

    def lookup(self, text: str) -> Form | None:
        """What `text` names: by its exact form, else (beyond three letters) lower-cased."""
        text = text.strip()
        form = self.forms.get(text)
        if form is None and len(text) > 3:
            form = self.lower_forms.get(text.lower())
        return form

    def governing_body(self, state_id: str) -> Entry | None:
        """The listed body that is the government of state `state_id`, if any."""
        return next((e for e in self.entries.values() if e.governs == state_id), None)


def _data_text(name: str) -> str:
    return resources.files("generator.extract").joinpath("data", name).read_text(encoding="utf-8")


def _yaml(name: str):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader is ten times faster
    return yaml.load(_data_text(name), Loader=loader)


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """The lines of data/`name`.txt that are not blank or comments."""
    lines = (line.strip() for line in _data_text(f"{name}.txt").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def not_person_words() -> frozenset[str]:
    """Words no person's name holds: places, bodies and things (not_person), company tails."""
    names = word_sets("names")
    return names["not_person"] | names["company_tails"]


@lru_cache(maxsize=1)
def shared_names() -> dict[str, tuple[str, ...]]:
    """Short names two states share ("Congo") -> the ids of the states, the usual one first."""
    ids = {entry.iso: entry.id for entry in gazetteer().entries.values() if entry.kind == "state" and entry.iso}
    return {name: tuple(ids[code] for code in codes) for name, codes in _yaml("shared_names.yml").items()}


@lru_cache(maxsize=None)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """Named word lists from data/`name`.yml (each key a list of lower-case words)."""
    return {key: frozenset(str(word).lower() for word in words) for key, words in _yaml(f"{name}.yml").items()}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Every entry of the data files and every surface form that names one."""
    entries: dict[str, Entry] = {}
    forms: dict[str, Form] = {}

    def add(entry: Entry, surface_forms: dict[str, FormType]) -> None:
        entries[entry.id] = entry
        for text, form_type in surface_forms.items():
            # The first entry to claim a form keeps it: states come first, then bodies.
            forms.setdefault(text, Form(entry, form_type))

    for entry, surface_forms in _cached_states():
        add(entry, surface_forms)
    for file_name, kind in (("organizations.yml", "organization"), ("groups.yml", "group"),
                            ("peoples.yml", "people"), ("media.yml", "media")):
        for item in _yaml(file_name):
            add(*_body_entry(item, kind))
    lower_forms = {text.lower(): form for text, form in forms.items() if len(text) > 3}
    people_by_adj = {adjective: entries[slugify(item["name"])] for item in _yaml("peoples.yml")
                     for adjective in item.get("adj", [])}
    return Gazetteer(entries=entries, forms=forms, lower_forms=lower_forms, people_by_adj=people_by_adj)


@lru_cache(maxsize=1)
def collective_states() -> dict[str, tuple[str, ...]]:
    """data/collectives.yml: a collective adjective ("baltic") -> the ids of its states."""
    ids = {entry.iso: entry.id for entry, _ in _cached_states()}
    return {adjective.lower(): tuple(ids[code] for code in codes if code in ids)
            for adjective, codes in _yaml("collectives.yml").items()}


@lru_cache(maxsize=1)
def _cached_states() -> tuple:
    return tuple(_state_entries())


def _state_entries():
    """(Entry, surface forms) for each state of states.yml, named as pycountry and the
    table name it."""
    import pycountry

    states = _yaml("states.yml")
    for code, extra in states.items():
        extra = extra or {}
        country = pycountry.countries.get(alpha_2=code)
        iso_names = _iso_names(country) if country else []
        name = extra.get("name") or (iso_names[0] if iso_names else code)
        names = [name, *iso_names, *extra.get("aka", [])]
        surface: dict[str, FormType] = {}
        for text in names:
            surface.setdefault(text, "short" if _is_acronym(text) else "name")
            if text.startswith("the "):
                surface.setdefault(text[4:], "name")
        for adjective in extra.get("adj", []):
            surface.setdefault(adjective, "adj")
        for seat in extra.get("cap", []):
            surface.setdefault(seat, "capital")
        yield Entry(id=slugify(name), name=name, kind="state", iso=code), surface


def _iso_names(country) -> list[str]:
    """The everyday name first: common name, ISO name (unless inverted), official name."""
    names = [getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)]
    clean = []
    for name in names:
        if not name or "," in name or "(" in name:
            continue  # "Korea, Republic of" and "Holy See (Vatican City State)" are not how text writes them
        clean.append(name.removeprefix("the "))
    return list(dict.fromkeys(clean))


def _body_entry(item: dict, kind: EntryKind) -> tuple[Entry, dict[str, FormType]]:
    """(Entry, surface forms) for one item of organizations/groups/peoples/media.yml."""
    short = tuple(item.get("short", []))
    entry_id = item.get("id") or slugify(short[0] if short else item["name"])
    state_ids = {e.iso: e.id for e, _ in _cached_states()}
    entry = Entry(id=entry_id, name=item["name"], kind=kind, short=short,
                  governs=state_ids.get(item.get("governs")), home=state_ids.get(item.get("home")))
    surface: dict[str, FormType] = {}
    for text in item.get("match", [item["name"], *item.get("aka", [])]):
        surface[text] = "short" if _is_acronym(text) else "name"
    for text in short:
        surface[text] = "short"
    for adjective in item.get("adj", []):
        surface[adjective] = "adj"
    for seat in item.get("seat", []):
        surface[seat] = "capital"
    return entry, surface


def _is_acronym(text: str) -> bool:
    """"US", "U.S.", "CSTO", "OPEC+": capitals, one word."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1) and " " not in text


@lru_cache(maxsize=4)
def phrase_matcher(vocab):
    """A PhraseMatcher over every gazetteer form; a match's id is the form itself."""
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    tokenizer = English(vocab=vocab).tokenizer  # the English rules en_core_web_sm tokenises with
    matcher = PhraseMatcher(vocab, attr="ORTH")
    for text in gazetteer().forms:
        matcher.add(text, [tokenizer(text)])
    return matcher


@lru_cache(maxsize=4)
def title_matcher(vocab):
    """A PhraseMatcher (lower case) over the titles of data/titles.txt."""
    from spacy.lang.en import English
    from spacy.matcher import PhraseMatcher

    tokenizer = English(vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    matcher.add("TITLE", [tokenizer(title.lower()) for title in word_list("titles")])
    return matcher


@lru_cache(maxsize=1)
def titles_by_length() -> tuple[tuple[str, ...], ...]:
    """Titles as lower-case token tuples, longest first, for cutting them off names."""
    split = {tuple(title.lower().replace("-", " - ").split()) for title in word_list("titles")}
    return tuple(sorted(split, key=len, reverse=True))
