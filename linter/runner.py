"""Running rules over documents: the one place where matches become positioned findings."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from itertools import islice
from pathlib import Path
from typing import Any

from linter.document import Document
from linter.errors import CopydeskError, InputError, display_path
from linter.escape import escape_control
from linter.finding import Finding
from linter.formats import build_document
from linter.literals import LITERALS
from linter.memo import release
from linter.phrases import PhraseMatcher
from linter.record import Record
from linter.regexsafe import RegexTimeout, end_document, start_document, time_limit
from linter.registry import (
    effective_severity,
    engine_rules,
    ignored_for_path,
    is_selected,
)
from linter.registry import rule_status as rule_status  # moved there; importable here too
from linter.rule import Rule
from linter.settings import Settings
from linter.source import SourceText, read_source
from linter.suppress import Suppressions

QUOTE_NOTE = " (in a quotation)"
# one share of a document's rules, linted: its findings (sorted) and its errors, each keyed
# by its place in the one-process run (``Engine.lint_rules``)
Part = tuple[list[Finding], list[tuple[tuple[int, ...], str]]]
# Caps on findings (issue 17): a draft of two million quotation marks gave one finding each
# and took 5 GB. No real draft comes near these; reaching one is reported as an error line.
MAX_PER_RULE = 1_000  # findings of one rule in one file, plus one per 100 characters
MAX_PER_FILE = 10_000  # findings in one file, plus one per 20 characters


# a document this long (characters) hands the memory its dropped analyses held back to the
# system at once (``give_back``): on 10 MB, glibc otherwise kept ~100 MB of freed pages
GIVE_BACK_AT = 1_000_000
_TRIM: list = []  # glibc's malloc_trim once looked up (None where there is none)


def give_back() -> None:
    """Return the C allocator's free pages to the system (glibc's ``malloc_trim``): a big
    document's freed analyses otherwise keep the process at its peak for the rest of the
    run. A no-op where the C library has no such call."""
    if not _TRIM:
        trim = None
        try:
            import ctypes

            trim = ctypes.CDLL(None).malloc_trim
        except (OSError, AttributeError):
            pass
        _TRIM.append(trim)
    if _TRIM[0] is not None:
        _TRIM[0](0)


def finding_caps(text: str) -> tuple[int, int]:
    """The caps for one document: a 1 MB novel may hold thousands of curly quotes among
    straight ones, while a run of quotation marks cannot make more findings than a linear
    share of its size (a 10 MB file at most about 100,000 a rule)."""
    return MAX_PER_RULE + len(text) // 100, MAX_PER_FILE + len(text) // 20


# how a file error that stopped the whole file ends (markdown front matter, article_date)
NOT_LINTED_ENDINGS = ("; skipped", "; file not linted")
# Findings of these packs inside a quotation are advice: the speaker's words are reported as
# said, so a stale title or a wrong date there is worth a look, never an error to fix.
QUOTE_INFO_PREFIXES = ("FACT",)
# ...except a garbled name: "Intrrnet Explorer" in a quote is the transcriber's slip, not the
# speaker's claim, as a misspelling there is (spelling keeps its severity inside quotes). It
# still carries no fix. (Dropping this exception costs 2 of 19 name catches on the dev set.)
QUOTE_KEEPS_SEVERITY = frozenset({"FACT001"})


def _without_line_ends(text: str, start: int, end: int) -> tuple[int, int]:
    """A span shrunk so that it neither starts nor ends on a line ending: a slip is never
    the line break after it (a rule that matched up to the break must not report it)."""
    while end > start and text[end - 1] in "\r\n":
        end -= 1
    while start < end and text[start] in "\r\n":
        start += 1
    return start, end


EDGE_PUNCTUATION = frozenset(",.;:!?")
QUOTE_MARKS = frozenset("\"'“”‘’«»")


def _touches_quoted_words(text: str, quotes, start: int, end: int, fix: str) -> bool:
    """True when a fix of ``[start, end)`` would change what someone said: the span
    overlaps the inside of a quotation (between its marks). One exception: house style
    moves punctuation across a closing mark (``"word",`` and ``"word,"``); a fix whose
    overlap with the quotation is only such punctuation at its edge, and whose text is only
    punctuation and quotation marks, changes no word and stays allowed."""
    i = bisect_right(quotes.ends, start)
    while i < len(quotes.starts) and quotes.starts[i] < end:
        inner_start, inner_end = quotes.starts[i] + 1, quotes.ends[i] - 1
        lo, hi = max(start, inner_start), min(end, inner_end)
        if lo < hi or (lo == hi and inner_start < lo < inner_end):
            inside = text[lo:hi]
            at_edge = hi == inner_end or lo == inner_start
            if not (
                at_edge
                and set(inside) <= EDGE_PUNCTUATION
                and set(fix) <= EDGE_PUNCTUATION | QUOTE_MARKS
            ):
                return True
        i += 1
    return False


class FileResult(Record):
    """What linting one file produced: findings, one-line errors, and the text for reporters."""

    def __init__(
        self,
        path: str,
        findings: list[Finding] | None = None,
        errors: list[str] | None = None,
        source: SourceText | None = None,
    ) -> None:
        self.path = path
        self.findings: list[Finding] = [] if findings is None else findings
        self.errors: list[str] = [] if errors is None else errors
        self.source = source


class Result(Record):
    """Every file's result, and the errors not tied to one file's content."""

    def __init__(
        self, files: list[FileResult] | None = None, errors: list[str] | None = None
    ) -> None:
        self.files: list[FileResult] = [] if files is None else files
        self.errors: list[str] = [] if errors is None else errors

    @property
    def findings(self) -> list[Finding]:
        return sorted((f for r in self.files for f in r.findings), key=Finding.sort_key)

    @property
    def all_errors(self) -> list[str]:
        return [*self.errors, *(e for r in self.files for e in r.errors)]

    @property
    def not_linted(self) -> list[tuple[str, str]]:
        """(path, reason) of each file that was not linted: unreadable, binary, too large,
        or refused (a front matter that is not valid, a date that is not a date)."""
        out = []
        for r in self.files:
            refused = [e for e in r.errors if e.endswith(NOT_LINTED_ENDINGS)]
            if r.source is None or refused:
                out.append((r.path, (refused or r.errors or ["not read"])[0]))
        return out

    @property
    def linted(self) -> int:
        return len(self.files) - len(self.not_linted)

    def text_of(self, path: str) -> str | None:
        for r in self.files:
            if r.path == path and r.source is not None:
                return r.source.text
        return None


class Engine:
    """Rules loaded, selected and prepared once; then any number of documents."""

    def __init__(self, settings: Settings, rules: list[Rule] | None = None) -> None:
        self.settings = settings
        candidates = rules if rules is not None else engine_rules(settings)
        self.rules = [
            r
            for r in candidates
            if is_selected(r, settings.select, settings.ignore) and r.applies_to(settings)
        ]
        self.severity = {r.id: self._severity(r) for r in self.rules}
        self.rules = [r for r in self.rules if self.severity[r.id] != "off"]
        self.rule_ids = frozenset(r.id for r in self.rules)
        for rule in self.rules:
            rule.prepare(settings)
        entries: list[tuple[str, tuple[Rule, Any]]] = []
        for rule in self.rules:
            entries.extend((phrase, (rule, payload)) for phrase, payload in rule.phrases())
        literals = frozenset().union(*(r.required_literals for r in self.rules))
        self.matcher = PhraseMatcher(entries, literals)
        # after which rule each pack's own analyses may go (``memo.release``): its last one
        last = {rule.pack: i for i, rule in enumerate(self.rules) if rule.pack}
        self.pack_ends: dict[int, str] = {i: pack for pack, i in last.items()}

    def _severity(self, rule: Rule) -> str:
        return effective_severity(rule, self.settings)

    # ---- documents ------------------------------------------------------------------------
    def lint_document(self, doc: Document, split: int = 1) -> tuple[list[Finding], list[str]]:
        """Findings and one-line errors for one document. A draft with CR or CRLF line
        endings is linted as its LF copy (same characters, one per line break) and the
        offsets mapped back, so every ending gives the same findings, messages and columns.
        ``split``: processes this document's rules may be shared among when it is big enough
        (``linter.bigdoc``); the findings are the same either way."""
        from linter.article_date import front_matter_date_error

        problem = front_matter_date_error(doc)
        if problem is not None:
            return [], [problem]
        if "\r" not in doc.text:
            found = self._lint_lf(doc, split)
            doc.release()
            if len(doc.text) >= GIVE_BACK_AT:
                give_back()
            return found
        from linter.lineends import LineEnds

        ends = LineEnds(doc.text)
        lf_doc = build_document(doc.path, ends.lf_text, doc.format, doc.date_override)
        findings, errors = self._lint_lf(lf_doc, split)
        lf_doc.release()
        doc.release()
        if len(doc.text) >= GIVE_BACK_AT:
            give_back()
        return [ends.to_original(f) for f in findings], errors

    def _lint_lf(self, doc: Document, split: int = 1) -> tuple[list[Finding], list[str]]:
        hits = self.scan(doc)
        parts: list[Part] | None = None
        if split > 1:
            from linter.bigdoc import lint_shared

            parts = lint_shared(self, doc, hits, split)
        if parts is None:
            parts = [self.lint_rules(doc, None, hits)]
        return self.finish(doc, parts)

    def scan(self, doc: Document) -> list:
        """The engine's one pass over the document: the phrases, and the literals the
        pattern rules require (kept on the document for them)."""
        phrase_hits, present = self.matcher.scan(doc.folded)
        if self.matcher.literals:
            LITERALS.remember(doc, self.matcher.literals, present)
        return phrase_hits

    def lint_rules(self, doc: Document, share: frozenset[int] | None, phrase_hits: list) -> Part:
        """The findings of the rules at the indices ``share`` (None: all) of ``self.rules``,
        sorted, and their errors, each keyed by where the one-process run reports it (by
        rule, then by phrase), so that shares linted apart merge into the same order."""
        errors: list[tuple[tuple[int, ...], str]] = []
        skip = ignored_for_path(doc.path, self.settings.per_file_ignores)
        active = (
            {r.id for r in self.rules if not any(r.id.startswith(p) for p in skip)}
            if skip
            else self.rule_ids
        )
        if share is not None:
            active = {r.id for i, r in enumerate(self.rules) if i in share} & active
        raw: list[tuple[Rule, object]] = []
        per_rule: dict[str, int] = {}
        rule_cap, _ = finding_caps(doc.text)
        start_document(doc.text)  # one regex time budget for all the rules on this document
        pack_ends = self.pack_ends
        big = len(doc.text) >= GIVE_BACK_AT
        for i, rule in enumerate(self.rules):
            if rule.id in active:
                found: list[str] = []
                self._check(doc, rule, rule_cap, raw, per_rule, found)
                errors.extend(((0, i), e) for e in found)
            if i in pack_ends:  # the pack's last rule: its own analyses are done with
                release(doc, pack_ends[i])
                if big:
                    give_back()
        for h, (start, end, payloads) in enumerate(phrase_hits):
            for rule, payload in payloads:
                if rule.id in active:
                    match = rule.on_phrase(doc, start, end, payload)
                    if match is not None:
                        count = per_rule[rule.id] = per_rule.get(rule.id, 0) + 1
                        if count <= rule_cap:
                            raw.append((rule, match))
                        elif count == rule_cap + 1:
                            errors.append(((1, h), _capped(doc.path, rule.id, rule_cap)))
        end_document()
        return self._findings(doc, raw), errors

    def finish(self, doc: Document, parts: list[Part]) -> tuple[list[Finding], list[str]]:
        """The document's findings and errors from its shares' (one share: the whole run),
        in the one-process order, with the file's cap applied."""
        if len(parts) == 1:
            findings, keyed = parts[0]
        else:
            # a finding's sort key is unique (no two rules share one, nor one rule two spans),
            # and each error's key is its place in the one-process run: so the merge is that
            # run's order
            findings = sorted((f for found, _ in parts for f in found), key=Finding.sort_key)
            keyed = sorted((e for _, errs in parts for e in errs), key=lambda e: e[0])
        errors = [escape_control(e) for _, e in keyed]  # a path or text may hold controls
        _, file_cap = finding_caps(doc.text)
        if len(findings) > file_cap:
            del findings[file_cap:]
            errors.append(
                f"{doc.path}: stopped after {file_cap:,} findings; "
                "fix these and run again to see the rest"
            )
        return findings, errors

    @staticmethod
    def _check(
        doc: Document,
        rule: Rule,
        rule_cap: int,
        raw: list[tuple[Rule, object]],
        per_rule: dict[str, int],
        errors: list[str],
    ) -> None:
        """One rule's matches on the document into ``raw`` (at most ``rule_cap``); what
        stops it, into ``errors``."""
        try:
            found = list(islice(rule.check(doc), rule_cap + 1))
            if len(found) > rule_cap:
                del found[rule_cap:]
                errors.append(_capped(doc.path, rule.id, rule_cap))
            per_rule[rule.id] = len(found)
            raw.extend((rule, m) for m in found)
        except RegexTimeout:
            limit = time_limit(doc.text)
            errors.append(
                f"{display_path(rule.origin)}: rule {rule.id}: its pattern ran over "
                f"{limit:.0f} s on {doc.path} (catastrophic backtracking?); rule skipped there"
            )
        except CopydeskError as exc:
            errors.append(str(exc))
        except Exception as exc:  # a bug in one rule must not cost the other findings
            errors.append(
                f"{doc.path}: internal error in rule {rule.id}: {type(exc).__name__}: {exc}"
            )

    def _findings(self, doc: Document, raw: list) -> list[Finding]:
        suppressions = Suppressions.from_text(doc.text, lambda off: doc.position(off)[0])
        seen: set[tuple[str, int, int]] = set()
        findings: list[Finding] = []
        for rule, m in raw:
            start, end = _without_line_ends(doc.text, m.start, m.end)
            if end <= start or (rule.id, start, end) in seen:
                continue
            seen.add((rule.id, start, end))
            region = doc.region(start, end)
            if region == "code" or region not in rule.scope or doc.masked.overlaps(start, end):
                continue
            line, column = doc.position(start)
            if suppressions and suppressions.silenced(rule.id, line):
                continue
            end_line, end_column = doc.end_position(end)
            in_quote = region == "quote" or doc.in_quote(start, end)
            severity = self.severity[rule.id]
            if in_quote and rule.quote_severity:
                severity = rule.quote_severity
            if (
                in_quote
                and rule.id.startswith(QUOTE_INFO_PREFIXES)
                and rule.id not in QUOTE_KEEPS_SEVERITY
            ):
                severity = "info"  # a fact inside what someone said is theirs, not ours
            fix = m.fix
            if (start, end) != (m.start, m.end):
                fix = None  # written for the span with its line break: no longer exact
            if fix is not None and _touches_quoted_words(doc.text, doc.quotes, start, end, fix):
                fix = None  # quotes are sacred: no byte between quotation marks is edited
            message = m.message or rule.message
            if in_quote:
                message += QUOTE_NOTE
            findings.append(
                Finding(
                    path=doc.path,
                    line=line,
                    column=column,
                    end_line=end_line,
                    end_column=end_column,
                    rule=rule.id,
                    severity=severity,
                    message=message,
                    suggestions=tuple(m.suggestions),
                    fix=fix if severity != "info" else None,  # advice is never auto-applied
                    start=start,
                    end=end,
                    in_quote=in_quote,
                )
            )
        findings.sort(key=Finding.sort_key)
        return findings

    def lint_text(self, text: str, path: str = "<text>", fmt: str | None = None) -> list[Finding]:
        doc = build_document(path, text, fmt, self.settings.date)
        return self.lint_document(doc)[0]

    def lint_file(self, path: str) -> FileResult:
        result = FileResult(path)
        try:
            result.source = read_source(path, self.settings.max_file_size)
            doc = build_document(path, result.source.text, None, self.settings.date)
        except InputError as exc:
            result.errors.append(str(exc))
            return result
        result.findings, result.errors = self.lint_document(doc)
        return result


def _capped(path: str, rule_id: str, cap: int) -> str:
    return (
        f"{path}: rule {rule_id} stopped after {cap:,} findings; "
        "fix these and run again to see the rest"
    )


_ENGINES: dict[str, Engine] = {}


def engine_for(settings: Settings) -> Engine:
    """One engine per distinct settings in this process (rules compile once)."""
    key = settings.fingerprint()
    if key not in _ENGINES:
        _ENGINES[key] = Engine(settings)
    return _ENGINES[key]


class LazyRules(Mapping):
    """Rule id -> Rule, loaded on first use: reporters that never look at rules (and runs
    where every file hit the cache) never load or compile a rule."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._rules: dict[str, Rule] | None = None

    def _load(self) -> dict[str, Rule]:
        if self._rules is None:
            self._rules = {r.id: r for r in engine_for(self._settings).rules}
        return self._rules

    def __getitem__(self, key: str) -> Rule:
        return self._load()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._load())

    def __len__(self) -> int:
        return len(self._load())


def _settings(
    settings: Settings | None,
    select: list[str] | None,
    ignore: list[str] | None,
    date: dt.date | None,
) -> Settings:
    settings = settings or Settings(root=Path.cwd())
    if select or ignore:  # a typo must not make the library lint nothing, either
        from linter.config import check_rule_ids

        check_rule_ids(settings, flags={"select": select, "ignore": ignore})
    changes: dict = {}
    if select is not None:
        changes["select"] = select
    if ignore is not None:
        changes["ignore"] = [*settings.ignore, *ignore]
    if date is not None:
        changes["date"] = date
    return settings.replace(**changes) if changes else settings


def lint_text(
    text: str,
    path: str = "<text>",
    *,
    format: str | None = None,
    settings: Settings | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    date: dt.date | None = None,
) -> list[Finding]:
    """Lint one text; pure (no I/O beyond loading rules) and picklable in and out."""
    return engine_for(_settings(settings, select, ignore, date)).lint_text(text, path, format)


def lint_paths(
    paths: list[str],
    *,
    settings: Settings | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    date: dt.date | None = None,
    cache: bool = False,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    own_process: bool = False,
) -> Result:
    """Lint files and folders as ``copydesk check`` does.

    ``cache``: reuse and store results in the cache folder (the CLI's default; off here so
    that the library stays free of side effects). ``jobs``: processes (None or 0: every core;
    small runs stay in one process). Rules are loaded only when some file misses the cache.
    ``progress(done, total)``: called as each file not found in the cache is linted.
    ``own_process``: the caller's process is copydesk's own (the CLI), so the garbage
    collector may be tuned for the run (``parallel.settle_gc``).
    """
    from linter.discovery import discover
    from linter.parallel import lint_many

    settings = _settings(settings, select, ignore, date)
    files, errors = discover(paths, settings)
    result = Result(errors=errors)
    store = None
    if cache:
        from linter.cache import ResultCache

        store = ResultCache.open(settings)
    todo: list[FileResult] = []

    def to_lint() -> Iterator[tuple[str, str]]:
        """Files read as the linting asks for them, so a pool starts on the first files
        while the rest are read; cache hits and unreadable files are settled here."""
        for path in files:
            file_result = FileResult(path)
            result.files.append(file_result)
            try:
                file_result.source = read_source(path, settings.max_file_size)
            except InputError as exc:
                file_result.errors.append(str(exc))
                continue
            hit = store.get(path, file_result.source.text) if store else None
            if hit is None:
                todo.append(file_result)
                yield path, file_result.source.text
            else:
                file_result.findings = hit

    outcomes = lint_many(
        settings, to_lint(), jobs, progress, own_process=own_process, expected=len(files)
    )
    for file_result, (findings, file_errors) in zip(todo, outcomes, strict=True):
        file_result.findings, file_result.errors = findings, file_errors
        if store and not file_errors and file_result.source:
            store.put(file_result.path, file_result.source.text, findings)
    if store:
        store.save()
    return result
