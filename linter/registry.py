"""Finding and loading rule packs: the built-in ``rules/``, folders named in the config,
Python entry points, and the code rules in ``linter/packs/``."""

from __future__ import annotations

import fnmatch
import importlib
from functools import lru_cache
from pathlib import Path

from linter.errors import RuleError
from linter.kinds import kind_class, kind_names
from linter.rule import Rule
from linter.rulecache import MISS, ParseCache
from linter.settings import Settings

ENTRY_POINT_PACKS = "copydesk.packs"  # value: a callable returning a folder path
ENTRY_POINT_RULES = "copydesk.rules"  # value: a Rule subclass or a callable returning rules


@lru_cache(maxsize=1)
def builtin_rules_dir() -> Path:
    """``linter/_rules`` inside a wheel; the repository's top-level ``rules/`` in a checkout.
    Found once per process: each call resolved the package's path and stat'ed the folder,
    and ``copydesk rules`` asked once per YAML rule (``Rule.defined_in``), the packs per table."""
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    return packaged if packaged.is_dir() else here.parent / "rules"


def load_rule_file(path: Path, pack: str, parsed: ParseCache | None = None) -> list[Rule]:
    """All rules in one YAML file: one mapping, or a list of mappings. With ``parsed`` (the
    built-in folder's parse cache) the file's kept parse is used when it is current, and the
    rules compile their patterns on first use (the test suite compiles every built-in one)."""
    origin = str(path)
    data = parsed.get(path) if parsed is not None else MISS
    if data is MISS:
        data = _parse(path)
        if parsed is not None:
            parsed.put(path, data)
    if data is None:
        return []
    items = data if isinstance(data, list) else [data]
    rules = []
    for item in items:
        if not isinstance(item, dict):
            raise RuleError("a rule must be a mapping of keys", origin)
        kind = item.get("kind")
        cls = kind_class(kind) if isinstance(kind, str) else None
        if cls is None:
            line = getattr(item, "key_lines", {}).get("kind", getattr(item, "line", None))
            raise RuleError(
                f"rule {item.get('id', '?')}: key 'kind' must be one of {', '.join(kind_names())}, "
                f"not {kind!r}",
                origin,
                line,
            )
        rules.append(cls(item, origin, pack, deferred=parsed is not None))
    return rules


def _parse(path: Path):
    """The YAML of one rule file, or ``RuleError`` naming the file and line."""
    import yaml  # here, not at import time: a run that parses no rule file skips it

    from linter import yamlload
    from linter.source import read_text_limited

    origin = str(path)
    try:
        text = read_text_limited(path)  # a regular file, bounded (issue 17)
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"cannot read rule file: {exc}", origin) from None
    try:
        return yamlload.load(text)
    except yaml.YAMLError as exc:
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise RuleError(f"invalid YAML: {problem}", origin, yamlload.error_line(exc)) from None


DATA_FOLDERS = frozenset({"knowledge", "data", "vocabulary"})  # packs' data, not rules


def load_folder(folder: Path, builtin: bool = False) -> list[Rule]:
    """Every ``*.yaml``/``*.yml`` under ``folder`` outside data folders (``knowledge/``,
    ``data/``, ``vocabulary/``); the pack is the folder below ``folder`` holding the file.
    ``builtin``: the folder that comes with copydesk, whose parse is kept between runs."""
    if not folder.is_dir():
        raise RuleError("rule folder not found", str(folder))
    rules: list[Rule] = []
    from linter.trust import within

    parsed = ParseCache.open(folder) if builtin else None

    for parts, linked in _rule_files(folder):
        path = folder.joinpath(*parts)
        # issue 17: a link out of the folder is not followed (a file reached through no link
        # is inside by construction; the walk does not enter linked folders, as rglob)
        if linked and not within(path, folder):
            raise RuleError("a link to a file outside the rule folder; refused", str(path))
        rules.extend(load_rule_file(path, parts[0] if len(parts) > 1 else folder.name, parsed))
    if parsed is not None:
        parsed.save()
    return rules


def _rule_files(folder: Path) -> list[tuple[tuple[str, ...], bool]]:
    """The rule files under ``folder`` as ``rglob("*.yaml")`` and ``rglob("*.yml")`` find them
    (any entry so named; linked folders not entered), data folders left out, in the order
    of their sorted paths: each as its parts below ``folder`` and whether it is a link.
    One ``os.scandir`` walk, where two rglobs and a ``realpath`` of each file cost ~2 ms."""
    import os

    found: list[tuple[tuple[str, ...], bool]] = []
    pending: list[tuple[str, tuple[str, ...]]] = [(str(folder), ())]
    while pending:
        where, parts = pending.pop()
        try:
            with os.scandir(where) as scan:
                entries = list(scan)
        except PermissionError:
            continue
        for entry in entries:
            if os.path.normcase(entry.name).endswith((".yaml", ".yml")):
                found.append(((*parts, entry.name), entry.is_symlink()))
            if entry.name not in DATA_FOLDERS and entry.is_dir(follow_symlinks=False):
                pending.append((entry.path, (*parts, entry.name)))
    return sorted(found, key=lambda item: Path(*item[0]))


def code_rules() -> list[Rule]:
    """Instances of every code rule: each pack in ``linter.packs.PACKS`` names its rule modules
    in ``RULE_MODULES`` and each module lists its rule classes in ``RULES``."""
    from linter.packs import PACKS

    rules: list[Rule] = []
    for pack in PACKS:
        package = importlib.import_module(f"linter.packs.{pack}")
        for name in package.RULE_MODULES:
            module = importlib.import_module(f"linter.packs.{pack}.{name}")
            for cls in module.RULES:
                rule = cls()
                rule.origin = rule.origin or module.__name__
                rules.append(rule)
    return rules


def pack_entry_points() -> tuple:
    """Entry points of third-party packs and rules, found in one scan of the installed
    distributions (each ``entry_points(group=...)`` call rescans them all), remembered
    while ``sys.path`` stays the same."""
    import sys

    return _scan_entry_points(tuple(sys.path))


def _may_declare_packs(path: tuple[str, ...]) -> bool:
    """True when some installed distribution's entry_points.txt mentions copydesk. Reading
    those small files directly takes a few milliseconds, and the answer is kept between runs
    (``linter.entryscan``); ``importlib.metadata`` takes ~40 ms to import and scan, which a
    run with no third-party pack (the usual case) then skips."""
    from linter.entryscan import may_declare_packs

    return may_declare_packs(path)


@lru_cache(maxsize=4)
def _scan_entry_points(path: tuple[str, ...]) -> tuple:
    if not _may_declare_packs(path):
        return ()
    from importlib.metadata import entry_points

    found = entry_points()
    return (*found.select(group=ENTRY_POINT_PACKS), *found.select(group=ENTRY_POINT_RULES))


def entry_point_rules() -> list[Rule]:
    rules: list[Rule] = []
    for ep in pack_entry_points():
        if ep.group != ENTRY_POINT_PACKS:
            continue
        try:
            folder = ep.load()()
        except Exception as exc:  # a third-party pack must not crash the run
            raise RuleError(f"entry point '{ep.name}' failed to load: {exc}", ep.value) from None
        rules.extend(load_folder(Path(folder)))
    for ep in pack_entry_points():
        if ep.group != ENTRY_POINT_RULES:
            continue
        try:
            obj = ep.load()
            made = obj() if callable(obj) else obj
        except Exception as exc:
            raise RuleError(f"entry point '{ep.name}' failed to load: {exc}", ep.value) from None
        rules.extend(made if isinstance(made, (list, tuple)) else [made])
    return rules


@lru_cache(maxsize=8)
def _all_rules_cached(extra: tuple[Path, ...]) -> tuple[Rule, ...]:
    return _gather(extra, code_rules())


def _gather(extra: tuple[Path, ...], code: list[Rule]) -> tuple[Rule, ...]:
    rules = [*load_folder(builtin_rules_dir(), builtin=True), *code]
    for folder in extra:
        rules.extend(load_folder(folder))
    rules.extend(entry_point_rules())
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise RuleError(
                f"rule id {rule.id} is defined twice (also in {seen[rule.id]})", rule.origin
            )
        seen[rule.id] = rule.origin
    return tuple(rules)


def all_rules(settings: Settings) -> list[Rule]:
    """Every known rule, selected or not, in id order."""
    return sorted(_all_rules_cached(tuple(settings.rule_dirs)), key=lambda r: r.id)


def listed_rules(settings: Settings) -> list[Rule]:
    """Every known rule as ``all_rules`` has it, for listing and explaining: the code rules
    come from the kept index (``linter.ruleindex``), so no rule pack is imported when the
    package is unchanged since the last listing. Never linted with: the engine uses
    ``all_rules``."""
    return sorted(_gather(tuple(settings.rule_dirs), list(_indexed_code())), key=_id)


@lru_cache(maxsize=1)
def _indexed_code() -> tuple[Rule, ...]:
    from linter.ruleindex import indexed_code_rules

    return tuple(indexed_code_rules(code_rules))


def _id(rule: Rule) -> str:
    return rule.id


def engine_rules(settings: Settings) -> list[Rule]:
    """The rules a run lints with, in id order: those selected that apply under ``settings``
    (severity aside). A code rule's module is imported only when the rule is one of them:
    ``--select SPELL`` imports the spelling pack alone."""
    from linter.ruleindex import IndexedRule

    chosen = []
    for rule in listed_rules(settings):
        if is_selected(rule, settings.select, settings.ignore) and rule.applies_to(settings):
            chosen.append(rule.real() if isinstance(rule, IndexedRule) else rule)
    return chosen


def _matches(rule_id: str, prefixes: list[str]) -> int:
    """Length of the longest prefix that selects ``rule_id`` (0: none; ALL selects all)."""
    best = 0
    for prefix in prefixes:
        if prefix == "ALL":
            best = max(best, 1)
        elif rule_id.startswith(prefix):
            best = max(best, len(prefix) + 1)
    return best


def is_selected(rule: Rule, select: list[str] | None, ignore: list[str]) -> bool:
    """Ruff's rule: the more specific of select and ignore wins; without ``select`` every
    rule enabled by default is on."""
    if select is None:
        chosen = 1 if rule.enabled else 0
    else:
        chosen = _matches(rule.id, select)
        if chosen == 1 and not rule.enabled:
            chosen = 0  # ALL means every default rule; an opt-in rule is selected by its id
    return chosen > _matches(rule.id, ignore)


def severity_for(rule: Rule, overrides: dict[str, str]) -> str:
    best, level = -1, rule.severity
    for prefix, value in overrides.items():
        if rule.id.startswith(prefix) and len(prefix) > best:
            best, level = len(prefix), value
    return level


def ignored_for_path(path: str, per_file: dict[str, list[str]]) -> list[str]:
    prefixes: list[str] = []
    for pattern, ids in per_file.items():
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).name, pattern):
            prefixes.extend(ids)
    return prefixes


def effective_severity(rule: Rule, settings: Settings) -> str:
    """The severity a rule reports under ``settings`` ("off" when turned off). A breach of a
    style guide the newsroom has not chosen is advice: a guide-specific warning stays info
    until ``[style] guide`` is set."""
    level = severity_for(rule, settings.severity)
    overridden = any(rule.id.startswith(p) for p in settings.severity)
    if rule.guides and level == "warning" and not overridden and not settings.style_guide_chosen:
        return "info"
    return level


def rule_status(rule: Rule, settings: Settings) -> tuple[bool, str]:
    """Whether the rule runs under ``settings``, and why not (empty when it runs)."""
    if not is_selected(rule, settings.select, settings.ignore):
        if not rule.enabled and not any(
            p != "ALL" and rule.id.startswith(p) for p in settings.select or ()
        ):
            return False, f"opt-in: --select {rule.id} (or its prefix) turns it on"
        return False, "not selected by select/ignore"
    if not rule.applies_to(settings):
        if rule.guides:
            return False, (
                f"{' and '.join(sorted(rule.guides))} guide only; "
                f"this run uses the {settings.style_guide} guide"
            )
        return False, f"opt-in backend: --select {rule.id} or its config table turns it on"
    if severity_for(rule, settings.severity) == "off":
        return False, "turned off in [severity]"
    return True, ""
