"""Markdown: markdown-it-py finds the blocks; inline markup is masked span by span.

markdown-it gives line maps for blocks but no offsets for inline tokens, so inline syntax
(code spans, link targets, HTML, emphasis markers) is located with patterns that run only
over the lines of prose blocks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.errors import InputError
from linter.formats.parsed import Parsed

FRONT_MATTER_RE = re.compile(
    r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)

INLINE_MASKS = [
    re.compile(r"<!--.*?-->", re.S),  # HTML comments
    re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.S),  # code spans (also marked as code)
    re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*|[^<>\s@]+@[^<>\s]+)>"),  # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # HTML tags
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.M),  # link reference definitions
    re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"),  # ](dest)
    re.compile(r"\]\[[^\]\n]*\]"),  # ][ref]
    re.compile(r"^ {0,3}#{1,6}(?=[ \t]|\r?$)|[ \t]+#+[ \t]*(?=\r?$)", re.M),  # ATX heading markers
    re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M),  # blockquote markers
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])(?:[ \t]+\[[ xX]\](?=[ \t]))?", re.M),
    re.compile(
        r"(?<![\w\\*_~])(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])|(?<=[^\s\\*_~])(?:\*{1,3}|_{1,3}|~~)(?![\w*_~])"
    ),
    re.compile(r"\\(?=[!-/:-@\[-`{-~])|\\(?=\r?$)", re.M),  # backslash escapes, hard breaks
    re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),  # entities
]
CODE_SPAN_RE = INLINE_MASKS[1]
TABLE_PIPE_RE = re.compile(r"\|")
TABLE_RULE_RE = re.compile(r"^[ \t|:-]+(?=\r?$)", re.M)
MASK_BLOCKS = {"fence", "code_block", "html_block", "hr"}
CODE_BLOCKS = {"fence", "code_block"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # only blocks and their line maps are used: inline markup is masked by INLINE_MASKS, so
    # the inline pass (quadratic on a line of unmatched "[") is switched off
    return MarkdownIt("commonmark").enable("table").disable("inline")


BRACKET_EVENT_RE = re.compile(r"[\[\]\n]")


def _link_openers(chunk: str) -> list[tuple[int, int]]:
    """The opening bracket (with its "!" for an image) of each link: a "[" whose next "]"
    on the same line is followed by "(" or "[". One pass over the brackets: a pattern that
    looked ahead from every "[" took quadratic time on a line of unmatched ones."""
    spans: list[tuple[int, int]] = []
    pending: list[int] = []
    for m in BRACKET_EVENT_RE.finditer(chunk):
        i, ch = m.start(), m.group()
        if ch == "[":
            pending.append(i)
            continue
        if ch == "]" and chunk[i + 1 : i + 2] in ("(", "["):
            for at in pending:
                spans.append((at - 1 if at and chunk[at - 1] == "!" else at, at + 1))
        pending.clear()
    return spans


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    offsets.extend(m.end() for m in re.finditer("\n", text))
    offsets.append(len(text))
    return offsets


# front matter of plain ``key: value`` lines is read without the YAML parser (~20 ms to
# import): a value that is a quoted string without escapes, a YYYY-MM-DD date or a word-like
# plain string; anything else, however common, goes to YAML
SIMPLE_LINE_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*): +(.*?) *")
PLAIN_VALUE_RE = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'’‘“”()/-]*")
ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# plain words YAML 1.1 reads as booleans or null
YAML_WORDS = frozenset(
    "yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF "
    "y Y n N null Null NULL".split()
)


def simple_front_matter(block: str) -> dict | None:
    """The mapping YAML makes of ``block`` when every line is ``key: value`` in one of the
    forms above (or blank), else None (YAML reads it)."""
    import datetime as dt

    data: dict = {}
    for line in block.split("\n"):
        if not line.strip(" \t"):
            continue
        m = SIMPLE_LINE_RE.fullmatch(line)
        if m is None:
            return None
        key, value = m.groups()
        if key in YAML_WORDS:  # a key YAML reads as a boolean or null
            return None
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            inner = value[1:-1]
            if value[0] in inner or "\\" in inner or not inner.isprintable():
                return None
            data[key] = inner
        elif ISO_DATE_RE.fullmatch(value):
            try:
                data[key] = dt.date.fromisoformat(value)
            except ValueError:  # 2023-02-31: YAML's reading (and its error) decides
                return None
        elif PLAIN_VALUE_RE.fullmatch(value) and value not in YAML_WORDS:
            data[key] = value
        else:
            return None
    return data


def _front_matter(text: str, path: str) -> tuple[tuple[int, int] | None, dict]:
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return None, {}
    simple = simple_front_matter(m.group(1)) if "\r" not in m.group(1) else None
    if simple is not None:
        return (0, m.end()), simple
    import yaml

    from linter import yamlload

    try:  # measured before it is built: no alias bomb, no nesting that crashes the parser
        data = yamlload.load(m.group(1))
    except yamlload.YamlBadValue:  # an impossible date (2023-02-31): keep the values as
        # written (the document was measured already); article_date names the line
        data = yaml.load(m.group(1), Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", 0) + 2
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(
            f"front matter is not valid YAML: {problem}; skipped", path, line
        ) from None
    metadata = data if isinstance(data, dict) else {}
    return (0, m.end()), {str(k): v for k, v in metadata.items()}


def parse(text: str, path: str) -> Parsed:
    parsed = Parsed()
    front, parsed.metadata = _front_matter(text, path)
    body = text
    if front:
        parsed.masked.append(front)
        # keep line numbers: blank the front matter for the parser
        body = "".join("\n" if c == "\n" else " " for c in text[: front[1]]) + text[front[1] :]
    offsets = _line_offsets(text)
    last = len(offsets) - 1

    def lines(a: int, b: int) -> tuple[int, int]:
        return offsets[min(a, last)], offsets[min(b, last)]

    prose_blocks: list[tuple[int, int]] = []
    table_blocks: list[tuple[int, int]] = []
    covered = [False] * last
    first_block = True
    for token in _parser().parse(body):
        if not token.map or token.nesting == -1:
            continue
        for i in range(token.map[0], min(token.map[1], last)):
            covered[i] = True
        span = lines(*token.map)
        if token.type in MASK_BLOCKS:
            parsed.masked.append(span)
            if token.type in CODE_BLOCKS:
                parsed.code.append(span)
        elif token.type == "heading_open" and first_block and token.level == 0:
            start, end = span
            parsed.headline = (start, end - 1 if text[end - 1 : end] == "\n" else end)
        elif token.type == "table_open":
            table_blocks.append(span)
        elif token.type == "inline":
            prose_blocks.append(span)
        if token.level == 0 and token.type not in ("front_matter",):
            first_block = False

    # lines no block claims are link reference definitions (or front matter): not prose
    for i, is_covered in enumerate(covered):
        if not is_covered and text[offsets[i] : offsets[i + 1]].strip():
            parsed.masked.append((offsets[i], offsets[i + 1]))
    # a table row gives one inline token per cell, each mapped to the whole row's line: the
    # row is masked once, not once per cell (a row of thousands of cells was quadratic)
    for start, end in dict.fromkeys(prose_blocks):
        chunk = text[start:end]
        for pattern in INLINE_MASKS:
            for m in pattern.finditer(chunk):
                parsed.masked.append((start + m.start(), start + m.end()))
                if pattern is CODE_SPAN_RE:
                    parsed.code.append((start + m.start(), start + m.end()))
        parsed.masked.extend((start + s, start + e) for s, e in _link_openers(chunk))
    for start, end in table_blocks:
        chunk = text[start:end]
        for pattern in (TABLE_PIPE_RE, TABLE_RULE_RE):
            parsed.masked.extend(
                (start + m.start(), start + m.end()) for m in pattern.finditer(chunk)
            )
    return parsed
