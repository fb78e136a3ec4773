"""Reading one knowledge file: every entry is checked, and a mistake is a one-line
RuleError naming the file, the line and the key (users write these files by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from linter import yamlload
from linter.errors import RuleError
from linter.packs.facts.model import ENTITY_TYPES, Entity, Holder, Office, Renaming, Term
from linter.source import read_text_limited

TOP_KEYS = ("as_of", "description", "entities", "offices", "renamings")
ENTITY_KEYS = ("name", "type", "aliases", "source", "note")
OFFICE_KEYS = ("id", "title", "titles", "of", "qualifiers", "holders", "source", "note", "as_of")
HOLDER_KEYS = ("name", "aliases", "terms", "source", "note")
RENAMING_KEYS = ("old", "new", "date", "type", "source", "note")


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.origin = str(path)

    def fail(self, problem: str, node: Any = None, key: str | None = None) -> None:
        line = None
        if node is not None:
            line = getattr(node, "key_lines", {}).get(key, None) if key else None
            line = line or getattr(node, "line", None)
        raise RuleError(problem, self.origin, line)

    def mapping(self, node: Any, keys: tuple[str, ...], what: str, parent: Any, key: str) -> Any:
        if not isinstance(node, dict):
            self.fail(f"each item of '{key}' must be a mapping ({what})", parent, key)
        for k in node:
            if k not in keys:
                self.fail(f"{what}: key '{k}' is unknown (use {', '.join(keys)})", node, k)
        return node

    def text(self, node: Any, key: str, what: str, required: bool = True) -> str:
        value = node.get(key)
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{what}: key '{key}' must be a non-empty string", node, key)
        return value.strip()

    def texts(self, node: Any, key: str, what: str) -> tuple[str, ...]:
        value = node.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(f"{what}: key '{key}' must be a list of strings", node, key)
        return tuple(v.strip() for v in value)

    def date(self, value: Any, node: Any, key: str, what: str) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.fail(f"{what}: key '{key}' must be a date like 2023-02-10, not {value!r}", node, key)
        raise AssertionError  # unreachable

    def entity_type(self, node: Any, what: str) -> str:
        kind = node.get("type", "name")
        if kind not in ENTITY_TYPES:
            self.fail(f"{what}: key 'type' must be one of {', '.join(ENTITY_TYPES)}", node, "type")
        return kind

    def where(self, node: Any) -> str:
        return f"{self.origin}:{getattr(node, 'line', '?')}"


def read_file(path: Path) -> tuple[list[Entity], list[Office], list[Renaming], dt.date | None]:
    """Entities, offices and renamings of one knowledge file."""
    r = _Reader(path)
    try:
        text = read_text_limited(path)  # a regular file, bounded (issue 17)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read knowledge file: {exc}", str(path)) from None
    try:
        data = yamlload.load(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"invalid YAML: {problem}", str(path), yamlload.error_line(exc)) from None
    if data is None:
        return [], [], [], None
    if not isinstance(data, dict):
        r.fail("a knowledge file must be a mapping with entities, offices or renamings")
    for key in data:
        if key not in TOP_KEYS:
            r.fail(f"key '{key}' is unknown (use {', '.join(TOP_KEYS)})", data, key)
    as_of = r.date(data["as_of"], data, "as_of", "file") if "as_of" in data else None
    entities = [_entity(r, item, data) for item in _list(r, data, "entities")]
    offices = [_office(r, item, data) for item in _list(r, data, "offices")]
    renamings = [_renaming(r, item, data) for item in _list(r, data, "renamings")]
    return entities, offices, renamings, as_of


def _list(r: _Reader, data: Any, key: str) -> list:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        r.fail(f"key '{key}' must be a list", data, key)
    return value


def _entity(r: _Reader, node: Any, parent: Any) -> Entity:
    r.mapping(node, ENTITY_KEYS, "entity", parent, "entities")
    name = r.text(node, "name", "entity")
    what = f"entity '{name}'"
    kind = r.entity_type(node, what)
    return Entity(
        name=name,
        type=kind,
        aliases=r.texts(node, "aliases", what),
        source=r.text(node, "source", what),
        origin=r.where(node),
    )


def _office(r: _Reader, node: Any, parent: Any) -> Office:
    r.mapping(node, OFFICE_KEYS, "office", parent, "offices")
    oid = r.text(node, "id", "office")
    what = f"office '{oid}'"
    office = Office(
        id=oid,
        title=r.text(node, "title", what),
        of=r.text(node, "of", what),
        titles=r.texts(node, "titles", what),
        qualifiers=r.texts(node, "qualifiers", what),
        source=r.text(node, "source", what),
        origin=r.where(node),
        as_of=r.date(node["as_of"], node, "as_of", what) if "as_of" in node else None,
    )
    holders = node.get("holders")
    if not isinstance(holders, list) or not holders:
        r.fail(f"{what}: key 'holders' must be a non-empty list", node, "holders")
    for item in holders:
        r.mapping(item, HOLDER_KEYS, f"holder of {oid}", node, "holders")
        name = r.text(item, "name", f"holder of {oid}")
        hwhat = f"holder '{name}' of {oid}"
        office.holders.append(
            Holder(
                name=name,
                aliases=r.texts(item, "aliases", hwhat),
                terms=_terms(r, item, hwhat),
                source=r.text(item, "source", hwhat, required=False) or office.source,
                origin=r.where(item),
            )
        )
    return office


def _terms(r: _Reader, node: Any, what: str) -> list[Term]:
    raw = node.get("terms")
    if not isinstance(raw, list) or not raw:
        r.fail(f"{what}: key 'terms' must be a list of [start, end] pairs", node, "terms")
    terms = []
    for pair in raw:
        if not isinstance(pair, list) or len(pair) != 2 or pair[0] is None:
            r.fail(f"{what}: each term must be [start, end] (end may be null)", node, "terms")
        start = r.date(pair[0], node, "terms", what)
        end = None if pair[1] is None else r.date(pair[1], node, "terms", what)
        if end is not None and end < start:
            r.fail(f"{what}: a term ends ({end}) before it starts ({start})", node, "terms")
        terms.append(Term(start, end))
    return terms


def _renaming(r: _Reader, node: Any, parent: Any) -> Renaming:
    r.mapping(node, RENAMING_KEYS, "renaming", parent, "renamings")
    old = r.text(node, "old", "renaming")
    what = f"renaming of '{old}'"
    kind = r.entity_type(node, what)
    return Renaming(
        old=old,
        new=r.text(node, "new", what),
        date=r.date(node.get("date"), node, "date", what),
        type=kind,
        source=r.text(node, "source", what),
        origin=r.where(node),
    )
