"""YAML loading that remembers the line of every mapping key, for errors that name it.

A YAML file is composed into nodes first and measured before anything is built from it:
aliases make a few lines stand for billions of values (the "billion laughs"), which cost
8 GB once anything walks them, and deep nesting exhausts the stack. Both are refused with
one ``YAMLError`` naming the line."""

from __future__ import annotations

import re
from typing import Any

import yaml

from linter.linedict import LineDict

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 1_000_000  # values once every alias is expanded
MAX_DEPTH = 64  # nesting of sequences and mappings


class YamlTooLarge(yaml.YAMLError):
    """A document whose aliases expand past ``MAX_NODES`` or that nests past ``MAX_DEPTH``."""

    def __init__(self, problem: str, mark: Any) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class YamlBadValue(YamlTooLarge):
    """A scalar that cannot be built (a date like 2023-02-31, an int of 4,301+ digits): the
    document itself is well formed and measured, so a caller may re-read it as plain strings."""


class _LineLoader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: Any, node: yaml.MappingNode, deep: bool = False) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key here is not a plain value", key_node.start_mark
            ) from None
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def measure(node: Any) -> None:
    """``YamlTooLarge`` when ``node`` expands to over ``MAX_NODES`` values (an alias counts
    as often as it is used) or nests deeper than ``MAX_DEPTH``. Each distinct node is sized
    once, so the measuring itself stays linear in the text."""
    sizes: dict[int, int] = {}
    # iterative post-order walk: (node, depth, children done?)
    stack: list[tuple[Any, int, bool]] = [(node, 1, False)]
    while stack:
        current, depth, done = stack.pop()
        key = id(current)
        if key in sizes and not done:
            continue
        children = _children(current)
        if not done:
            if depth > MAX_DEPTH:
                raise YamlTooLarge(
                    f"nested deeper than {MAX_DEPTH} levels; refused", current.start_mark
                )
            stack.append((current, depth, True))
            stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)
            continue
        total = 1 + sum(sizes.get(id(c), 1) for c in children)
        if total > MAX_NODES:
            raise YamlTooLarge(
                f'expands to over {MAX_NODES:,} values through its aliases (a "billion '
                'laughs" bomb?); refused',
                current.start_mark,
            )
        sizes[key] = total


FLOW_LIMIT = 1_000  # open brackets counted before parsing; libyaml crashes near 10,000
BRACKET_RE = re.compile(r"[\[\]{}]")


def _flow_depth_check(text: str) -> None:
    """Refuse flow nesting (``[[[[...``) deep enough to overflow the C parser's stack, which
    kills the process rather than raising: counted on the raw text (quoted brackets
    included, which only errs on the side of refusing absurd text) before parsing."""
    if text.count("[") + text.count("{") <= FLOW_LIMIT:
        return
    depth = 0
    for m in BRACKET_RE.finditer(text):
        depth += 1 if m.group() in "[{" else -1
        if depth > FLOW_LIMIT:
            line = text.count("\n", 0, m.start())
            raise YamlTooLarge(
                f"nested deeper than {MAX_DEPTH} levels; refused", yaml.Mark("", 0, line, 0, "", 0)
            )
        depth = max(depth, 0)


def _children(node: Any) -> list[Any]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def load(text: str) -> Any:
    """Parse YAML safely; mappings come back as LineDict. Raises yaml.YAMLError (also for a
    document too large once its aliases are expanded, or nested too deep)."""
    _flow_depth_check(text)
    loader = _LineLoader(text)  # a SafeLoader subclass
    try:
        try:
            node = loader.get_single_node()
        except RecursionError:
            raise YamlTooLarge("nested too deeply to read; refused", None) from None
        if node is None:
            return None
        measure(node)
        try:
            return loader.construct_document(node)
        except ValueError as exc:  # int() of 4,301+ digits, a date like 2023-02-31
            problem = str(exc).split(":")[0].split(";")[0]
            raise YamlBadValue(f"a value cannot be read ({problem})", node.start_mark) from None
    finally:
        loader.dispose()


def error_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None
