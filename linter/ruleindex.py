"""What ``copydesk rules`` and ``copydesk explain`` show of the code rules, kept between runs
so that listing or explaining a rule imports no rule pack.

The code rules' metadata lives in their classes, so knowing it means importing every pack
(~50 ms, and their module-level tables). The first listing does that and keeps each rule's
metadata in the user's cache folder (``marshal``), keyed like bytecode: copydesk's and
Python's versions, and the size and modification time of every module of ``linter/``. Each
kept rule comes back as an ``IndexedRule``: it answers every metadata question as the rule
does, and a rule whose class decides ``applies_to`` itself is imported to answer that.
The engine asks them which rules run and imports only those. Only the ``copydesk`` command
writes the index; a library call uses a kept one.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linter import __version__
from linter.rule import Example, Rule
from linter.userdir import keeping, user_cache_dir

if TYPE_CHECKING:  # pragma: no cover
    from linter.settings import Settings

FORMAT = 1  # bump when the stored shape changes
TEXT_FIELDS = ("id", "name", "pack", "severity", "message", "why", "source", "origin")
PACKAGE = Path(__file__).resolve().parent


class IndexedRule(Rule):
    """A code rule as kept in the index: its metadata, without its module."""

    kind = "code"

    def __init__(self, record: dict[str, Any]) -> None:
        for name in TEXT_FIELDS:
            setattr(self, name, record[name])
        self.description = record["description"]
        self.enabled = record["enabled"]
        self.guides = frozenset(record["guides"]) if record["guides"] is not None else None
        self.scope = frozenset(record["scope"])
        self.quote_severity = record["quote_severity"]
        self.examples = tuple(Example(**e) for e in record["examples"])
        self.module = record["module"]
        self.class_name = record["class"]
        self._doc = record["doc"]
        self._defined_in = record["defined_in"]
        self._own_applies_to = record["own_applies_to"]

    @property
    def doc(self) -> str:
        return self._doc

    @property
    def defined_in(self) -> str:
        return self._defined_in

    def applies_to(self, settings: Settings) -> bool:
        if self._own_applies_to:  # decided by the rule's own code (a backend's config)
            return self.real().applies_to(settings)
        return super().applies_to(settings)

    def real(self) -> Rule:
        """The rule itself (its module imported), one instance per process as
        ``registry.code_rules`` makes them once per process."""
        rule = _REAL.get(self.id)
        if rule is None:
            import importlib

            module = importlib.import_module(self.module)
            cls = getattr(module, self.class_name, None)
            rule = cls() if cls is not None else None
            if rule is None or rule.id != self.id:  # a class made by a factory: by its id
                rule = next(r for r in (c() for c in module.RULES) if r.id == self.id)
            rule.origin = rule.origin or self.origin
            _REAL[self.id] = rule
        return rule


_REAL: dict[str, Rule] = {}


def _record(rule: Rule) -> dict[str, Any]:
    cls = type(rule)
    record: dict[str, Any] = {name: str(getattr(rule, name)) for name in TEXT_FIELDS}
    record.update(
        description=rule.description,
        enabled=bool(rule.enabled),
        guides=sorted(rule.guides) if rule.guides is not None else None,
        scope=sorted(rule.scope),
        quote_severity=rule.quote_severity,
        examples=[
            {k: getattr(e, k) for k in ("bad", "good", "fixed", "format", "date")}
            for e in rule.examples
        ],
        module=cls.__module__,
        **{"class": cls.__name__},
        doc=rule.doc if cls.__doc__ else "",
        defined_in=rule.defined_in,
        own_applies_to=cls.applies_to is not Rule.applies_to,
    )
    return record


def _stamp() -> list[tuple[str, int, int]]:
    """(path, size, mtime) of every module of the package: any edit makes a new index."""
    found: list[tuple[str, int, int]] = []
    folders = [str(PACKAGE)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    st = entry.stat()
                    found.append((entry.path, st.st_size, st.st_mtime_ns))
    return sorted(found)


def _store() -> Path:
    tag = f"{zlib.crc32(str(PACKAGE).encode('utf-8', 'surrogatepass')):08x}"
    name = f"code-rules-{FORMAT}-{__version__}-{sys.implementation.cache_tag}-{tag}.marshal"
    return user_cache_dir() / name


def indexed_code_rules(load) -> list[Rule]:
    """The code rules as ``IndexedRule``: kept ones when the package is unchanged, else
    ``load()`` (the real rules, every pack imported) recorded and kept for the next run."""
    stamp = _stamp()
    store = _store()
    with contextlib.suppress(Exception):  # missing, unreadable or stale: rebuilt below
        with open(store, "rb") as handle:  # ``load`` of a file reads it object by object:
            kept = marshal.loads(handle.read())  # ten times slower than one read
        if kept["stamp"] == stamp:
            return [IndexedRule(record) for record in kept["rules"]]
    records = [_record(rule) for rule in load()]
    if not keeping():  # a library call writes nothing
        return [IndexedRule(record) for record in records]
    temp = f"{store}.{os.getpid()}.tmp"
    try:
        os.makedirs(store.parent, exist_ok=True)
        with open(temp, "wb") as handle:
            marshal.dump({"stamp": stamp, "rules": records}, handle)
        os.replace(temp, store)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)
    from linter.rulecache import prune

    prune(store, "code-rules-")  # each checkout and version had one, kept for ever
    return [IndexedRule(record) for record in records]
