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
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.finding import SEVERITIES, Finding
from linter.settings import Settings

CACHE_FORMAT = 1  # bump when the stored shape changes
DEFAULT_DIR = ".copydesk_cache"
KEEP_DAYS = 30  # entries and run files unused this long are dropped when the cache is written
OPTIONS = {"enabled": bool, "dir": str}


def cache_options(settings: Settings) -> tuple[bool, Path]:
    """``[tool.copydesk.cache]``: ``enabled`` (default true) and ``dir`` (default
    ``.copydesk_cache`` beside the config file, or in the current folder)."""
    table = settings.table("cache")
    where = str(settings.config_path or "config")
    for key, value in table.items():
        expected = OPTIONS.get(key)
        if expected is None:
            raise ConfigError(f"key 'cache.{key}' is unknown (use enabled or dir)", where)
        if not isinstance(value, expected):
            raise ConfigError(f"key 'cache.{key}' must be {expected.__name__}", where)
    folder = Path(table.get("dir", DEFAULT_DIR))
    if not folder.is_absolute():
        folder = settings.root / folder
    return bool(table.get("enabled", True)), folder


def _stat_lines(folder: Path, suffixes: tuple[str, ...] | None = None) -> list[str]:
    lines = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if suffixes is None or name.endswith(suffixes):
                path = os.path.join(base, name)
                with contextlib.suppress(OSError):
                    st = os.stat(path)
                    lines.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
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
    side = folder / f"v{CACHE_FORMAT}" / "entry-points.json"
    try:
        data = json.loads(side.read_bytes())
        if data["stamp"] != stamp:
            raise ValueError("stale")
        lines, folders = list(map(str, data["lines"])), list(map(str, data["folders"]))
    except (OSError, ValueError, KeyError, TypeError):
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
        for path in files:
            with contextlib.suppress(OSError):
                st = os.stat(path)
                parts.append(f"{path}\0{st.st_size}\0{st.st_mtime_ns}")
    parts.extend(_entry_points(folder))
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _write_atomic(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename: readers see old or new."""
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
    text = "\n".join((str(CACHE_FORMAT), settings.fingerprint(), rules, today))
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
        and type(sugg) is list
        and (fix is None or type(fix) is str)
        and type(q) is bool
    ):
        raise ValueError("bad finding")
    suggestions = tuple(sugg)
    if not all(type(s) is str for s in suggestions):
        raise ValueError("bad suggestions")
    return Finding(
        path, line, column, end_line, end_column, rule, severity, message, suggestions, fix,
        start, end, q,
    )  # fmt: skip


class ResultCache:
    """The findings of one run key, loaded from and saved to one JSON file."""

    def __init__(self, folder: Path, key: str, settings: Settings) -> None:
        self.folder = folder
        self.file = folder / f"v{CACHE_FORMAT}" / f"{key}.json"
        self.settings = settings
        self.today = int(time.time() // 86400)
        self.entries: dict[str, list[Any]] = self._load(self.file)
        self.new: dict[str, list[Any]] = {}
        self.used: set[str] = set()

    @classmethod
    def open(cls, settings: Settings) -> ResultCache | None:
        """The cache for these settings, or None when ``[tool.copydesk.cache]`` disables it."""
        enabled, folder = cache_options(settings)
        return cls(folder, run_key(settings, folder), settings) if enabled else None

    @staticmethod
    def _load(file: Path) -> dict[str, list[Any]]:
        try:
            data = json.loads(file.read_bytes())
        except (OSError, ValueError):
            return {}
        entries = data.get("entries") if isinstance(data, dict) else None
        if not isinstance(entries, dict):
            return {}
        return {
            k: v
            for k, v in entries.items()
            if isinstance(v, list) and len(v) == 2 and isinstance(v[1], list)
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
        except (ValueError, TypeError):
            del self.entries[key]
            return None
        self.used.add(key)
        return findings

    def put(self, path: str, text: str, findings: list[Finding]) -> None:
        self.new[self.entry_key(path, text)] = [self.today, [_encode(f) for f in findings]]

    def save(self) -> None:
        """Merge with what another run may have written meanwhile, prune, write atomically.
        A cache that cannot be written is skipped silently: it only costs speed."""
        if not self.new and all(self.entries[k][0] == self.today for k in self.used):
            return
        with contextlib.suppress(OSError):
            self._write()

    def _write(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        self._mark_folder()
        merged = self._load(self.file)
        merged.update(self.entries)
        for key in self.used:
            merged[key] = [self.today, merged[key][1]]
        merged.update(self.new)
        oldest = self.today - KEEP_DAYS
        kept = {k: v for k, v in merged.items() if isinstance(v[0], int) and v[0] >= oldest}
        data = json.dumps({"entries": kept}, separators=(",", ":"), ensure_ascii=False)
        _write_atomic(self.file, data)
        self._prune_runs()

    def _mark_folder(self) -> None:
        """Tell git and backup tools to leave the cache alone (as Ruff and pytest do)."""
        for name, text in (
            (".gitignore", "# created by copydesk\n*\n"),
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"),
        ):
            path = self.folder / name
            if not path.exists():
                path.write_text(text, "utf-8")

    def _prune_runs(self) -> None:
        """Drop other run files unused for KEEP_DAYS (old rules, old configs, old dates)."""
        limit = time.time() - KEEP_DAYS * 86400
        for other in self.file.parent.glob("*.json"):
            with contextlib.suppress(OSError):
                if other != self.file and other.stat().st_mtime < limit:
                    other.unlink()
