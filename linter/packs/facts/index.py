"""Lookup structures over the knowledge pack: exact names, near misses (a letter wrong, words
swapped, a middle word dropped) and office holders by title and name."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import chain

from linter.packs.facts.model import Entity, Holder, Office, Renaming
from linter.packs.facts.name_mentions import CONNECTORS, is_initial, near_spelling, strip_possessive
from linter.record import Frozen


def name_key(words: list[str] | tuple[str, ...] | str) -> tuple[str, ...]:
    """Lower-case content words of a name: connectors, initials and possessives left out.
    Keys are kept for the process by name (the same names recur in every document)."""
    if not isinstance(words, (str, tuple)):
        words = tuple(words)
    key = _KEYS.get(words)
    if key is None:
        if len(_KEYS) >= 200_000:
            _KEYS.clear()
        key = _KEYS[words] = _name_key(words)
    return key


_KEYS: dict[str | tuple[str, ...], tuple[str, ...]] = {}


def _name_key(words: tuple[str, ...] | str) -> tuple[str, ...]:
    tokens = words.replace("’", "'").split() if isinstance(words, str) else words
    out = []
    for w in tokens:
        if w.isalpha():  # the commonest word: nothing to strip
            low = w.lower()
            if low not in CONNECTORS and not (len(w) == 1 and w.isupper()):  # no initial
                out.append(low)
            continue
        w = strip_possessive(w.replace("’", "'")).rstrip(".,")
        if not w or w.lower() in CONNECTORS or is_initial(w + ".") or is_initial(w):
            continue
        out.append(w.lower())
    return tuple(out)


class Near(Frozen):
    """A known name that a mention seems to garble, and how."""

    __slots__ = ("dropped", "how", "name", "source")
    _fields = ("name", "how", "source", "dropped")

    name: str  # the canonical name
    how: str  # "misspelled", "swapped", "dropped"
    source: str
    dropped: str  # the word left out, for "dropped"

    def __init__(self, name: str, how: str, source: str, dropped: str = "") -> None:
        put = object.__setattr__
        put(self, "name", name)
        put(self, "how", how)
        put(self, "source", source)
        put(self, "dropped", dropped)


def tables(
    keys: dict[str, str], connected: set[str] | frozenset[str] = frozenset()
) -> tuple[dict, dict, dict]:
    """Near-miss tables over name keys ("new zealand" -> kind): one word wildcarded
    ("new * zealand"), words sorted (for swaps), an interior word dropped (not for people)."""
    wild: dict[str, list[str]] = defaultdict(list)
    swaps: dict[str, list[str]] = defaultdict(list)
    drops: dict[str, list[list]] = defaultdict(list)
    for joined, kind in keys.items():
        key = joined.split(" ")
        n = len(key)
        if n < 2:
            continue
        for i in range(n):
            wild[" ".join([*key[:i], "*", *key[i + 1 :]])].append(joined)
        swaps[" ".join(sorted(key))].append(joined)
        if n >= 3 and kind != "person" and joined not in connected:
            for i in range(1, n - 1):
                drops[" ".join([*key[:i], *key[i + 1 :]])].append([joined, i])
    return dict(wild), dict(swaps), dict(drops)


class Knowledge:
    """Every name the pack knows, every office and renaming, indexed for lookup.

    Names are looked up by key: the lower-case content words joined by spaces. Place names
    from the gazetteer come with their tables prebuilt (``linter.packs.facts.gazetteer``)."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.offices: list[Office] = []
        self.renamings: list[Renaming] = []
        self.as_of: dt.date | None = None
        self.exact: dict[str, tuple[str, str, str]] = {}  # key -> (name, type, source)
        self.single: set[str] = set()
        self.connected: set[str] = set()  # names with "of", "de"... (no middle-word drops)
        self.places: dict = {"names": {}, "wild": {}, "swaps": {}, "drops": {}}
        self._place_loader = None
        self._place_known: set[str] | frozenset[str] | None = None
        self.place_source = ""
        self.by_title: dict[str, list[Office]] = defaultdict(list)
        self.wild: dict[str, list[str]] = {}
        self.swaps: dict[str, list[str]] = {}
        self.drops: dict[str, list[list]] = {}
        # answers kept for the process (the pack does not change once frozen)
        self._near: dict[tuple[str, ...], Near | None] = {}
        self._near_words: frozenset[str] | None = None  # see ``_may_be_near``
        self._holders: dict[tuple[str, tuple[str, ...]], list[tuple[Office, Holder]]] = {}
        self._holder_keys: dict[int, list[tuple[str, ...]]] = {}

    # ---- building -------------------------------------------------------------------
    def add(self, entities: list[Entity], offices: list[Office], renamings: list[Renaming]) -> None:
        self.entities.extend(entities)
        self.offices.extend(offices)
        self.renamings.extend(renamings)

    def add_places(self, places: dict, source: str, known_loader=None) -> None:
        self.places = places
        self._near_words = None
        self.place_source = source
        self._place_loader = known_loader

    @property
    def place_known(self) -> set[str] | frozenset[str]:
        """Every place name's key, loaded on first use (only when a finding is at stake)."""
        if self._place_known is None:
            self._place_known = self._place_loader() if self._place_loader else frozenset()
        return self._place_known

    def _known(self, name: str, kind: str, source: str) -> None:
        key = name_key(name)
        if not key:
            return
        if len(key) < len(name.split()):
            self.connected.add(" ".join(key))
        self.exact[" ".join(key)] = (name, kind, source)
        if len(key) == 1:
            self.single.add(key[0])

    def freeze(self, names: tuple | None = None) -> None:
        """Index the curated entries (a few hundred: cheap at every start). ``names``: what
        ``name_tables`` returns for these entries, kept by an earlier run (``knowledge``)."""
        for office in self.offices:
            for title in office.all_titles:
                self.by_title[title.lower()].append(office)
        exact, single, connected, wild, swaps, drops = names or self.name_tables()
        self.exact, self.single, self.connected = exact, single, connected
        self.wild, self.swaps, self.drops = wild, swaps, drops
        self._near_words = None

    def name_tables(self) -> tuple:
        """The names' tables, as plain data: exact, single, connected, wild, swaps, drops."""
        self.exact, self.single, self.connected = {}, set(), set()
        for ren in self.renamings:
            self._known(ren.old, ren.type, ren.source)
            self._known(ren.new, ren.type, ren.source)
        for office in self.offices:
            for holder in office.holders:
                for n in holder.names:
                    self._known(n, "person", holder.source)
        for ent in self.entities:
            for n in ent.names:
                self._known(n, ent.type, ent.source)
        wild, swaps, drops = tables({k: v[1] for k, v in self.exact.items()}, self.connected)
        return self.exact, self.single, self.connected, wild, swaps, drops

    # ---- names ----------------------------------------------------------------------
    def lookup(self, key: tuple[str, ...]) -> tuple[str, str, str] | None:
        joined = " ".join(key)
        found = self.exact.get(joined)
        if found is None:
            if joined in self.places["names"]:
                return (self.places["names"][joined], "place", self.place_source)
            if joined in self.place_known:
                return (joined.title(), "place", self.place_source)
        return found

    def is_single_name(self, word: str) -> bool:
        """A one-word name the pack knows (a country, a city, a person's alias)."""
        w = word.lower()
        return w in self.single or w in self.place_known

    def known(self, key: tuple[str, ...]) -> bool:
        return self.lookup(key) is not None

    def near(self, key: tuple[str, ...]) -> Near | None:
        """The known multi-word name this unknown name garbles, if exactly one fits."""
        try:
            return self._near[key]
        except KeyError:
            if len(self._near) >= 100_000:
                self._near.clear()
            found = self._near[key] = self._find_near(key)
            return found

    def _may_be_near(self, key: tuple[str, ...]) -> bool:
        """A cheap test that ``_find_near`` can find something: every word of a target of
        its tables but one (the misspelt word, of four letters or more) is a word of some
        key of the pack. Most names of a draft have two words the pack never holds, so
        they are rejected by set lookups, without building any of their forms."""
        words = self._near_words
        if words is None:
            found: set[str] = set()
            for joined in chain(self.exact, self.places["names"]):
                found.update(joined.split(" "))
            words = self._near_words = frozenset(found)
        unknown = [w for w in key if w not in words]
        return not unknown or (len(unknown) == 1 and len(unknown[0]) >= 4)

    def _find_near(self, key: tuple[str, ...]) -> Near | None:
        if len(key) < 2 or " ".join(key) in self.exact or not self._may_be_near(key):
            return None
        found: dict[str, Near] = {}
        layers = (
            (self.wild, self.swaps, self.drops),
            (self.places["wild"], self.places["swaps"], self.places["drops"]),
        )
        forms = [" ".join([*key[:i], "*", *key[i + 1 :]]) for i in range(len(key))]
        swapped, joined = " ".join(sorted(key)), " ".join(key)
        for wild, swaps, drops in layers:
            for i, form in enumerate(forms):
                word = key[i]
                if len(word) < 4:
                    continue  # near_spelling refuses short words
                for cand in wild.get(form, ()):
                    # near_spelling first: is_single_name may load every place name
                    if near_spelling(cand.split(" ")[i], word) and not self.is_single_name(word):
                        found[cand] = Near(self._name(cand), "misspelled", self._source(cand))
            for cand in swaps.get(swapped, ()):
                if cand.split(" ") != list(key):
                    found[cand] = Near(self._name(cand), "swapped", self._source(cand))
            for cand, i in drops.get(joined, ()):
                found[cand] = Near(
                    self._name(cand), "dropped", self._source(cand), dropped=cand.split(" ")[i]
                )
        if len(found) != 1 or self.known(key):  # a real place of that name is no garble
            return None
        return next(iter(found.values()))

    def _name(self, joined: str) -> str:
        hit = self.exact.get(joined)
        return hit[0] if hit else self.places["names"][joined]

    def _source(self, joined: str) -> str:
        hit = self.exact.get(joined)
        return hit[2] if hit else self.place_source

    # ---- offices --------------------------------------------------------------------
    def holders(self, title: str, name_words: tuple[str, ...]) -> list[tuple[Office, Holder]]:
        """Holders of offices with this title whose name (full, alias or surname) matches."""
        key = name_key(name_words)
        if not key:
            return []
        memo = (title.lower(), key)
        found = self._holders.get(memo)
        if found is None:
            if len(self._holders) >= 100_000:
                self._holders.clear()
            found = self._holders[memo] = self._find_holders(memo[0], key)
        return list(found)

    def _keys_of(self, holder: Holder) -> list[tuple[str, ...]]:
        keys = self._holder_keys.get(id(holder))
        if keys is None:
            keys = self._holder_keys[id(holder)] = [name_key(n) for n in holder.names]
        return keys

    def _find_holders(self, title: str, key: tuple[str, ...]) -> list[tuple[Office, Holder]]:
        full, by_surname = [], []
        for office in self.by_title.get(title, ()):
            for holder in office.holders:
                keys = self._keys_of(holder)
                if key in keys:
                    full.append((office, holder))
                elif len(key) == 1 and any(k and k[-1] == key[0] for k in keys):
                    by_surname.append((office, holder))
                elif len(key) >= 2 and any(k and k[0] == key[0] and k[-1] == key[-1] for k in keys):
                    full.append((office, holder))  # a middle name or initial more or less
        return full or by_surname

    def person_offices(self, name_words: tuple[str, ...]) -> list[tuple[Office, Holder]]:
        """Every office a named person held, matched by full name or alias only."""
        key = name_key(name_words)
        out: list[tuple[Office, Holder]] = []
        if not key:
            return out
        for office in self.offices:
            for holder in office.holders:
                if any(k == key for k in self._keys_of(holder)):
                    out.append((office, holder))
        return out
