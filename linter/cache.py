"""Result cache: an unchanged file costs a read and a hash on the next run, nothing more.

Like Ruff's cache, results are keyed by what can change them:

- the run key (one cache file per key): copydesk's version, the settings' fingerprint, the
  stat (path, size, mtime) of every rule file, data file and engine module, the entry points
  of third-party packs, and today's date when no ``--date`` is set (a draft without a date is
  checked against today, so its facts can go stale overnight);
- the entry key (inside the file): a hash of the decoded text (so a BOM, UTF-16 or a rename
  keeps the entry), the format chosen by the extension, and the per-file ignores that apply.

Computing the run key never parses a rule: when every file hits, no rule is loaded or compiled.
The cache is data only (JSON), never pickle, since a cloned repository could ship a hostile
cache folder. Writes go to a temporary file renamed into place, so concurrent runs can lose
each other's new entries but never corrupt the file; a corrupt file or entry is a miss.

A cloned repository controls the cache folder's contents, so (docs/security.md):

- the folder must lie inside the repository (the configuration's folder) or the user's cache
  folder, below it, and no component from there down may be a symbolic link: a committed
  ``.copydesk_cache/v1 -> ../victim`` makes the cache unusable, never a way to write, create
  or prune elsewhere. Files are opened without following links, created exclusively, and only
  regular files inside the folder are ever pruned;
- the run key includes a secret kept in the user's cache folder, so an entry committed to the
  repository never matches (it cannot hide findings or show text of its author's choosing);
- a file is read with a size limit and entries are checked for shape, size and nesting before
  use: anything else is a miss, never a crash.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.finding import SEVERITIES, Finding
from linter.settings import Settings
from linter.userdir import user_cache_dir

CACHE_FORMAT = 1  # bump when the stored shape changes
DEFAULT_DIR = ".copydesk_cache"
KEEP_DAYS = 30  # entries and run files unused this long are dropped when the cache is written
OPTIONS = {"enabled": bool, "dir": str}
MAX_FILE_BYTES = 64 * 1024 * 1024  # a run file larger than this is a miss, never read
MAX_ENTRIES = 200_000  # entries in one run file
MAX_ROWS = 20_000  # findings in one entry (the engine caps a file's findings lower)
MAX_TEXT = 20_000  # characters of one stored message or suggestion
MAX_STAT_FILES = 50_000  # files stat'ed under one rule or knowledge folder for the run key
ENTRY_KEY_RE = re.compile(r"[0-9a-f]{40}:[a-z0-9_-]{1,32}:[A-Za-z0-9,]{0,4096}")
SECRET_NAME = "cache-secret"


class UnsafeCache(OSError):
    """The cache folder's path holds a symbolic link or a file where a folder should be."""


def cache_options(settings: Settings) -> tuple[bool, Path]:
    """``[tool.copydesk.cache]``: ``enabled`` (default true) and ``dir`` (default
    ``.copydesk_cache`` beside the config file, or in the current folder). ``dir`` must lie
    below the repository (the config's folder) or the user's cache folder: resolved as
    written, without following links, so ``..`` cannot climb out."""
    table = settings.table("cache")
    where = str(settings.config_path or "config")
    for key, value in table.items():
        expected = OPTIONS.get(key)
        if expected is None:
            raise ConfigError(f"key 'cache.{key}' is unknown (use enabled or dir)", where)
        if not isinstance(value, expected):
            raise ConfigError(f"key 'cache.{key}' must be {expected.__name__}", where)
    root = Path(os.path.realpath(settings.root))
    folder = Path(table.get("dir", DEFAULT_DIR))
    if not folder.is_absolute():
        folder = root / folder
    folder = Path(os.path.normpath(folder))
    if not any(folder != base and folder.is_relative_to(base) for base in (root, user_cache_dir())):
        raise ConfigError(
            f"key 'cache.dir' must name a folder inside {root} or {user_cache_dir()}, "
            f"not {table.get('dir')!r}",
            where,
        )
    return bool(table.get("enabled", True)), folder


def _anchor(folder: Path, settings: Settings) -> Path:
    """The trusted folder the cache hangs from: the user's cache folder when the cache lies
    in it, else the repository (the settings' root), as ``cache_options`` checked."""
    user = user_cache_dir()
    return user if folder.is_relative_to(user) else Path(os.path.realpath(settings.root))


def safe_folder(folder: Path, anchor: Path, create: bool) -> Path:
    """``folder`` after checking every component below ``anchor``: each a real folder, never
    a symbolic link (``UnsafeCache``); missing ones are made when ``create``, else
    ``FileNotFoundError``."""
    if not folder.is_relative_to(anchor):
        raise UnsafeCache(f"{folder} is outside {anchor}; the cache is not used")
    current = anchor
    for part in folder.relative_to(anchor).parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            if not create:
                raise
            with contextlib.suppress(FileExistsError):
                os.mkdir(current)
            mode = os.lstat(current).st_mode
        if stat.S_ISLNK(mode):
            raise UnsafeCache(f"{current} is a symbolic link; the cache is not used")
        if not stat.S_ISDIR(mode):
            raise UnsafeCache(f"{current} is not a folder; the cache is not used")
    return folder


def _read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """A regular file's bytes, opened without following a link, at most ``limit`` long."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            raise UnsafeCache(f"{path} is not a regular file within the size limit")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeCache(f"{path} is over the size limit")
    return data


def _secret() -> str:
    """A random value kept in the user's cache folder (made on first use, readable by the
    user alone) and mixed into every run key: a cache committed to a repository was made with
    another secret, so none of its entries can match. Without a usable folder each run gets a
    fresh one (the cache then only misses)."""
    folder = user_cache_dir()
    path = folder / SECRET_NAME
    with contextlib.suppress(OSError, ValueError):
        value = _read_file(path, 1024).decode("ascii").strip()
        if re.fullmatch(r"[0-9a-f]{64}", value):
            return value
    value = os.urandom(32).hex()
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(value + "\n")
    return value


def _stat_lines(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Path, size and modification time of the files under ``folder`` (at most
    ``MAX_STAT_FILES``: a rule folder is not a file system)."""
    lines: list[str] = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if suffixes is None or name.endswith(suffixes):
                path = os.path.join(base, name)
                with contextlib.suppress(OSError):
                    st = os.stat(path)
                    lines.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
                if len(lines) >= MAX_STAT_FILES:
                    return [*lines, f"{folder}\0truncated"]
    return lines


def _file_line(path: Path) -> str:
    try:
        st = os.stat(path)
    except OSError as exc:
        return f"{path}\0{type(exc).__name__}"
    return f"{path}\0{st.st_size}\0{st.st_mtime_ns}"


def _knowledge_lines(settings: Settings) -> list[str]:
    """The user's knowledge files (``[facts] knowledge``, files or folders relative to the
    root): editing one changes facts findings, so it changes the key. Read from the table
    without validating it, which the facts pack does when it loads."""
    items = settings.table("facts").get("knowledge", [])
    items = [items] if isinstance(items, str) else items
    if not isinstance(items, list):
        return [repr(items)]
    lines = []
    for item in items:
        path = Path(settings.root) / str(item)
        if path.is_dir():
            lines.extend(_stat_lines(path, (".yaml", ".yml")))
        else:
            lines.append(_file_line(path))
    return lines


def _scan_entry_points() -> tuple[list[str], list[str]]:
    from linter.registry import ENTRY_POINT_PACKS, pack_entry_points

    lines, folders = [], []
    for ep in pack_entry_points():
        dist = getattr(ep, "dist", None)
        version = getattr(dist, "version", "") if dist else ""
        lines.append(f"{ep.group}\0{ep.name}\0{ep.value}\0{version}")
        if ep.group == ENTRY_POINT_PACKS:
            with contextlib.suppress(Exception):  # a broken pack fails later, when loaded
                folders.append(str(ep.load()()))
    return sorted(lines), sorted(folders)


def _entry_points(folder: Path) -> list[str]:
    """Third-party packs' entry points and their folders' file stats. Scanning installed
    distributions costs ~35 ms, so the scan is remembered until a folder on ``sys.path``
    changes (installing or removing a package changes its folder). The remembered list only
    feeds this hash; rules are always loaded from a fresh scan."""
    stamp = []
    for entry in sys.path:
        with contextlib.suppress(OSError):
            stamp.append(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}")
    # kept in the user's own cache folder: a repository's cache folder could name any folder
    # here, and every file under it would be stat'ed on every run
    side = user_cache_dir() / f"entry-points-v{CACHE_FORMAT}.json"
    try:
        data = json.loads(_read_file(side, 4 * 1024 * 1024))
        if data["stamp"] != stamp:
            raise ValueError("stale")
        lines, folders = data["lines"], data["folders"]
        if not all(type(x) is str for x in (*lines, *folders)):
            raise ValueError("bad shape")
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        lines, folders = _scan_entry_points()
        with contextlib.suppress(OSError):
            _write_atomic(side, json.dumps({"stamp": stamp, "lines": lines, "folders": folders}))
    for pack in folders:
        lines.extend(_stat_lines(Path(pack)))
    return lines


def rules_fingerprint(settings: Settings, folder: Path) -> str:
    """What the loaded rules depend on, from file stats alone (no rule is parsed)."""
    from linter import __version__
    from linter.registry import builtin_rules_dir

    package = Path(__file__).resolve().parent
    parts = [__version__, *_stat_lines(package, (".py",)), *_stat_lines(builtin_rules_dir())]
    for rule_dir in settings.rule_dirs:
        parts.extend(_stat_lines(Path(rule_dir)))
    for files in settings.vocabulary.values():
        parts.extend(_file_line(Path(path)) for path in files)
    parts.extend(_knowledge_lines(settings))
    if settings.config_path is not None:
        parts.append(_file_line(Path(settings.config_path)))
    parts.extend(_entry_points(folder))
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: readers see old or new. The
    temporary file is created exclusively, and the rename replaces a link, never its target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def run_key(settings: Settings, folder: Path) -> str:
    """The run's cache file name: everything that is the same for every file of the run."""
    today = "" if settings.date is not None else dt.date.today().isoformat()
    rules = rules_fingerprint(settings, folder)
    text = "\n".join((str(CACHE_FORMAT), _secret(), settings.fingerprint(), rules, today))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _encode(f: Finding) -> list[Any]:
    return [
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        f.rule,
        f.severity,
        f.message,
        list(f.suggestions),
        f.fix,
        f.start,
        f.end,
        f.in_quote,
    ]


_INT = int


def _decode(path: str, row: Any) -> Finding:
    """A stored finding, or ``ValueError`` when the row is not exactly what we write (checked
    inline: this runs once per cached finding on every run)."""
    if type(row) is not list or len(row) != 12:
        raise ValueError("bad row")
    line, column, end_line, end_column, rule, severity, message, sugg, fix, start, end, q = row
    if not (
        type(line) is _INT
        and type(column) is _INT
        and type(end_line) is _INT
        and type(end_column) is _INT
        and type(start) is _INT
        and type(end) is _INT
        and 0 <= start <= end
        and line > 0
        and column > 0
        and type(rule) is str
        and severity in SEVERITIES
        and type(message) is str
        and len(message) <= MAX_TEXT
        and type(sugg) is list
        and len(sugg) <= 100
        and (fix is None or (type(fix) is str and len(fix) <= MAX_TEXT))
        and type(q) is bool
    ):
        raise ValueError("bad finding")
    suggestions = tuple(sugg)
    if not all(type(s) is str and len(s) <= MAX_TEXT for s in suggestions):
        raise ValueError("bad suggestions")
    return Finding(
        path, line, column, end_line, end_column, rule, severity, message, suggestions, fix,
        start, end, q,
    )  # fmt: skip


class ResultCache:
    """The findings of one run key, loaded from and saved to one JSON file."""

    def __init__(self, folder: Path, key: str, settings: Settings) -> None:
        self.folder = folder
        self.anchor = _anchor(folder, settings)
        self.file = folder / f"v{CACHE_FORMAT}" / f"{key}.json"
        self.settings = settings
        self.today = int(time.time() // 86400)
        self.entries: dict[str, list[Any]] = self._load_safely()
        self.new: dict[str, list[Any]] = {}
        self.used: set[str] = set()

    @classmethod
    def open(cls, settings: Settings) -> ResultCache | None:
        """The cache for these settings, or None when ``[tool.copydesk.cache]`` disables it."""
        enabled, folder = cache_options(settings)
        return cls(folder, run_key(settings, folder), settings) if enabled else None

    def _load_safely(self) -> dict[str, list[Any]]:
        try:
            safe_folder(self.file.parent, self.anchor, create=False)
        except OSError:
            return {}
        return self._load(self.file)

    @staticmethod
    def _load(file: Path) -> dict[str, list[Any]]:
        """The valid entries of a run file: a missing, oversized, linked, malformed or too
        deeply nested file is empty, and an entry of the wrong shape is dropped."""
        try:
            data = json.loads(_read_file(file))
        except (OSError, ValueError, RecursionError):
            return {}
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, dict) or len(entries) > MAX_ENTRIES:
            return {}
        return {
            k: v
            for k, v in entries.items()
            if ENTRY_KEY_RE.fullmatch(k)
            and isinstance(v, list)
            and len(v) == 2
            and type(v[0]) is int
            and isinstance(v[1], list)
            and len(v[1]) <= MAX_ROWS
        }

    def entry_key(self, path: str, text: str) -> str:
        from linter.formats import format_for
        from linter.registry import ignored_for_path

        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20)
        ignored = ",".join(sorted(ignored_for_path(path, self.settings.per_file_ignores)))
        return f"{digest.hexdigest()}:{format_for(path)}:{ignored}"

    def get(self, path: str, text: str) -> list[Finding] | None:
        """The stored findings for this text at this path, or None (a miss, or corrupt)."""
        key = self.entry_key(path, text)
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            findings = [_decode(path, row) for row in entry[1]]
            if any(f.end > len(text) for f in findings):
                raise ValueError("a finding beyond the text")
        except (ValueError, TypeError):
            del self.entries[key]
            return None
        self.used.add(key)
        return findings

    def put(self, path: str, text: str, findings: list[Finding]) -> None:
        self.new[self.entry_key(path, text)] = [self.today, [_encode(f) for f in findings]]

    def save(self) -> None:
        """Merge with what another run may have written meanwhile, prune, write atomically.
        A cache that cannot be written (or is unsafe) is skipped silently: it only costs
        speed."""
        if not self.new and all(self.entries[k][0] == self.today for k in self.used):
            return
        with contextlib.suppress(OSError):
            self._write()

    def _write(self) -> None:
        safe_folder(self.folder, self.anchor, create=True)
        self._mark_folder()
        safe_folder(self.file.parent, self.anchor, create=True)
        merged = self._load(self.file)
        merged.update(self.entries)
        for key in self.used:
            merged[key] = [self.today, merged[key][1]]
        merged.update(self.new)
        oldest = self.today - KEEP_DAYS
        kept = {k: v for k, v in merged.items() if v[0] >= oldest}
        data = json.dumps({"entries": kept}, separators=(",", ":"), ensure_ascii=False)
        _write_atomic(self.file, data)
        self._prune_runs()

    def _mark_folder(self) -> None:
        """Tell git and backup tools to leave the cache alone (as Ruff and pytest do). Created
        exclusively and without following links: an existing name (a dangling link
        included) is left as it is."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        for name, text in (
            (".gitignore", "# created by copydesk\n*\n"),
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"),
        ):
            try:
                fd = os.open(self.folder / name, flags, 0o666)
            except OSError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)

    def _prune_runs(self) -> None:
        """Drop other run files unused for KEEP_DAYS (old rules, old configs, old dates):
        regular files directly in the cache's own folder, just checked for links."""
        folder = safe_folder(self.file.parent, self.anchor, create=False)
        limit = time.time() - KEEP_DAYS * 86400
        with os.scandir(folder) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    if (
                        entry.name.endswith(".json")
                        and entry.name != self.file.name
                        and entry.is_file(follow_symlinks=False)
                        and entry.stat(follow_symlinks=False).st_mtime < limit
                    ):
                        os.unlink(entry.path)
