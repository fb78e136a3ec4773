"""Which files a run checks: named files always; folders by extension, minus what
``.gitignore`` files and the config's ``exclude`` leave out."""

from __future__ import annotations

import os
from pathlib import Path

from linter.settings import Settings

ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})


def _spec(lines: list[str]):
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _read_ignore(folder: Path):
    path = folder / ".gitignore"
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return _spec(lines) if lines else None


def _ancestor_specs(folder: Path) -> list[tuple[Path, object]]:
    """.gitignore files above ``folder`` up to the repository root, outermost first."""
    specs = []
    current = folder.resolve()
    for parent in (current, *current.parents):
        if parent != current:
            spec = _read_ignore(parent)
            if spec is not None:
                specs.append((parent, spec))
        if (parent / ".git").exists():
            break
    return list(reversed(specs))


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, object]]) -> bool:
    for base, spec in specs:
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if spec.match_file(rel + ("/" if is_dir else "")):
            return True
    return False


def discover(paths: list[str], settings: Settings) -> tuple[list[str], list[str]]:
    """Files to lint (sorted, as the user would name them) and one-line errors."""
    files: list[str] = []
    errors: list[str] = []
    exclude = _spec(settings.exclude) if settings.exclude else None
    extensions = tuple(e.lower() for e in settings.extensions)
    for given in paths or ["."]:
        if os.path.isfile(given):
            files.append(given)
            continue
        if not os.path.isdir(given):
            errors.append(f"{given}: no such file or folder")
            continue
        root = Path(given)
        specs = _ancestor_specs(root)
        for folder, dirnames, filenames in os.walk(given, followlinks=False):
            here = Path(folder)
            real = _resolve(here)  # once per folder: entries are matched where they stand
            spec = _read_ignore(here)
            if spec is not None:
                specs = [*[(b, s) for b, s in specs if b != real], (real, spec)]
            local = [(b, s) for b, s in specs if _is_within(real, b)]
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in ALWAYS_SKIPPED
                and not d.startswith(".")
                and not (local and _ignored(real / d, True, local))
            )
            for name in sorted(filenames):
                if not name.lower().endswith(extensions) or name.startswith("."):
                    continue
                if local and _ignored(real / name, False, local):
                    continue
                shown = os.path.normpath(os.path.join(folder, name))
                if exclude is not None and _excluded(shown, exclude, settings):
                    continue
                files.append(shown)
    return sorted(dict.fromkeys(files)), errors


def _resolve(path: Path) -> Path:
    """The real path; a symlink loop stays as it is (Path.resolve raises RuntimeError on
    one), so that reading it fails later with one clear line."""
    return Path(os.path.realpath(path))


def _is_within(path: Path, base: Path) -> bool:
    try:
        path.relative_to(base)
        return True
    except ValueError:
        return False


def _excluded(shown: str, exclude, settings: Settings) -> bool:
    absolute = _resolve(Path(shown))
    try:
        rel = absolute.relative_to(settings.root.resolve()).as_posix()
    except ValueError:
        rel = Path(shown).as_posix()
    return bool(exclude.match_file(rel))
