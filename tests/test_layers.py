"""The import rules of docs/architecture.md ("Layers"): data flows one way, so a lower layer
never imports a higher one, and a pack never imports another pack. Imports inside functions
count too: a lazy import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "linter"

# what each group may not import (prefixes of module names, after "linter.")
TOP = ("cli", "commands", "lsp", "docs_gen", "integrations", "reporters")
ENGINE = ("runner", "parallel", "bigdoc", "cache", "discovery", "config")
FORBIDDEN = {
    "foundation": (*TOP, *ENGINE, "registry", "kinds", "packs", "rule", "formats", "testing"),
    "formats": (*TOP, *ENGINE, "registry", "kinds", "packs", "rule", "testing"),
    "language": (*TOP, *ENGINE, "kinds", "packs", "rule", "formats", "testing"),
    "rules": (*TOP, *ENGINE, "testing"),
    "reporters": (*ENGINE, "cli", "commands", "lsp", "registry", "kinds", "packs", "runner"),
}
FOUNDATION = {
    "errors", "spans", "text", "finding", "settings", "yamlload", "regexsafe", "source",
    "memo", "escape", "document", "article_date", "phrases", "literals", "suppress",
    "linedict", "userdir", "lazyre",
}  # fmt: skip


def _group(module: str) -> str | None:
    head = module.split(".")[0]
    if head in FOUNDATION:
        return "foundation"
    if head == "formats":
        return "formats"
    if head == "language":
        return "language"
    if head in ("kinds", "packs", "rule"):
        return "rules"
    if head == "reporters":
        return "reporters"
    return None


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "linter":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("linter."):
                found.add(node.module[len("linter.") :])
        elif isinstance(node, ast.Import):
            found.update(a.name[7:] for a in node.names if a.name.startswith("linter."))
    return found


MODULES = sorted(
    (str(p.relative_to(PACKAGE).with_suffix("")).replace("/", "."), p)
    for p in PACKAGE.rglob("*.py")
)


@pytest.mark.parametrize("module,path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_follow_the_layers(module, path):
    group = _group(module)
    imported = _imports(path)
    if group is not None:
        bad = sorted(i for i in imported if i.split(".")[0] in FORBIDDEN[group])
        assert not bad, f"linter.{module} ({group}) imports {bad}"
    if module.startswith("packs."):
        pack = module.split(".")[1]
        others = sorted(i for i in imported if i.startswith("packs.") and i.split(".")[1] != pack)
        assert not others, f"linter.{module} imports another pack: {others}"


def test_the_check_finds_a_breach(tmp_path):
    bad = tmp_path / "x.py"
    bad.write_text("def f():\n    from linter.runner import Engine\n")
    assert _imports(bad) == {"runner"}
    assert "runner" in FORBIDDEN["rules"]
