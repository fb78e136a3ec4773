"""What a cold start loads: ``--version`` and ``--help`` no rule pack, a cold check no YAML
parser once the built-in rules' parse is kept, and patterns compiled on first use. These are
behaviours (what is imported, what is parsed), not timings: bench/cold.py times them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import lazyre, registry, rulecache
from linter.errors import RuleError
from linter.formats import build_document
from linter.kinds import kind_class

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, os, runpy, sys
sys.argv = ["copydesk", *sys.argv[1:]]
def _exit(code):  # the command leaves with os._exit once its output is out: stop there
    raise SystemExit(code)
os._exit = _exit
try:
    runpy.run_module("linter", run_name="__main__")
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""

HEAVY = ("linter.packs", "linter.kinds", "linter.registry", "linter.runner", "yaml", "regex")


def loaded_by(*argv: str, cwd: Path, cache: Path) -> set[str]:
    """The modules a ``python -m linter ARGV`` process had imported when it ended."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cache), "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next(x for x in proc.stdout.splitlines() if x.startswith("MODULES "))
    return set(json.loads(line[len("MODULES ") :]))


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY))


def test_version_imports_no_rule_pack_nor_parser(tmp_path):
    modules = loaded_by("--version", cwd=tmp_path, cache=tmp_path / "cache")
    assert heavy(modules) == []
    assert "argparse" not in modules
    assert "linter.cli" in modules  # the probe did run copydesk


def test_help_lists_commands_without_loading_rules(tmp_path):
    modules = loaded_by("--help", cwd=tmp_path, cache=tmp_path / "cache")
    assert heavy(modules) == []
    assert "linter.commands.check" in modules  # its help line is listed


def test_a_named_command_loads_no_other_command(tmp_path):
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat.\n")
    modules = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=tmp_path / "c")
    assert "linter.commands.check" in modules
    assert not {"linter.commands.learn", "linter.commands.lsp", "linter.commands.init"} & modules


def test_second_cold_check_parses_no_yaml(tmp_path):
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat.\n")
    cache = tmp_path / "cache"
    first = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=cache)
    second = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=cache)
    assert "yaml" in first  # nothing kept yet: the built-in rule files were parsed
    assert "linter.packs.spelling.unknown_words" in second  # the rules did run
    assert "yaml" not in second
    assert list(cache.glob("copydesk/parsed-rules-*.marshal"))


RULE = """\
id: HOUSE001
name: no-utilize
kind: pattern
severity: warning
message: "Write 'use'."
why: House style prefers plain words.
source: Our style sheet.
pattern: '{pattern}'
examples:
  - bad: We utilize data.
  - good: We use data.
"""


def _house(tmp_path: Path, pattern: str) -> Path:
    folder = tmp_path / "rules"
    (folder / "house").mkdir(parents=True, exist_ok=True)
    (folder / "house" / "words.yaml").write_text(RULE.format(pattern=pattern))
    return folder


def _patterns(folder: Path) -> list[str]:
    return [r._source for r in registry.load_folder(folder, builtin=True)]


def test_kept_parse_is_used_and_an_edited_file_parsed_again(tmp_path, cache_home):
    folder = _house(tmp_path, r"\butilize\b")
    assert _patterns(folder) == [r"\butilize\b"]
    (store,) = cache_home.glob("parsed-rules-*.marshal")
    kept = store.read_bytes()
    assert _patterns(folder) == [r"\butilize\b"]
    assert store.read_bytes() == kept  # a hit writes nothing
    _house(tmp_path, r"\butili[sz]e\b")  # a different size: parsed again
    assert _patterns(folder) == [r"\butili[sz]e\b"]


def test_kept_parse_keeps_lines_for_errors(tmp_path, cache_home):
    folder = _house(tmp_path, "(unclosed")
    registry.load_folder(folder, builtin=True)  # deferred: the bad pattern is not compiled
    (rule,) = registry.load_folder(folder, builtin=True)  # from the kept parse
    doc = build_document("d.txt", "We utilize data.\n", None, None)
    with pytest.raises(RuleError) as caught:
        list(rule.check(doc))
    assert "words.yaml:8: rule HOUSE001: key 'pattern' invalid regular expression" in str(
        caught.value
    )


def test_corrupt_store_is_a_miss(tmp_path, cache_home):
    folder = _house(tmp_path, r"\butilize\b")
    registry.load_folder(folder, builtin=True)
    (store,) = cache_home.glob("parsed-rules-*.marshal")
    store.write_bytes(b"\x00not marshal at all")
    assert _patterns(folder) == [r"\butilize\b"]


def test_a_rule_folder_of_a_repository_is_checked_in_full_as_it_loads(tmp_path, cache_home):
    folder = _house(tmp_path, "(unclosed")
    with pytest.raises(RuleError, match="invalid regular expression"):
        registry.load_folder(folder)
    assert not cache_home.exists()  # and nothing of it is kept


def test_deferred_pattern_compiles_on_first_use():
    data = {
        "id": "HOUSE001",
        "name": "n",
        "kind": "pattern",
        "severity": "warning",
        "message": "m",
        "why": "w",
        "source": "s",
        "pattern": r"\butilize\b",
        "examples": [{"bad": "We utilize data."}, {"good": "We use data."}],
    }
    rule = kind_class("pattern")(data, "x.yaml", "house", deferred=True)
    assert rule._compiled is None
    doc = build_document("d.txt", "Headline\n\nWe utilize data.\n", None, None)
    assert [(m.start, m.end) for m in rule.check(doc)] == [(13, 20)]
    assert rule._compiled is not None


def test_lazy_pattern_compiles_on_first_use_and_matches_as_compiled():
    pattern = lazyre.lazy(r"(?P<word>\w+)-(\d+)")
    assert "_compiled" not in vars(pattern)
    assert pattern.search("see item-42 here").group("word") == "item"
    assert "_compiled" in vars(pattern)
    assert pattern.groups == 2 and pattern.groupindex == {"word": 1}
    assert [m.span() for m in pattern.finditer("a-1 b-2")] == [(0, 3), (4, 7)]


def test_store_keeps_each_rules_lines_and_refuses_what_marshal_cannot_hold(tmp_path, cache_home):
    import datetime as dt

    from linter.linedict import LineDict

    def rule(line: int) -> LineDict:
        item = LineDict(id="HOUSE001", examples=[{"bad": "x"}])
        item.line, item.key_lines = line, {"id": line, "examples": line + 1}
        return item

    one, many, dated = tmp_path / "one.yaml", tmp_path / "many.yaml", tmp_path / "d.yaml"
    for path in (one, many, dated):
        path.write_text("x")
    store = rulecache.ParseCache.open(tmp_path)
    store.put(one, rule(1))
    store.put(many, [rule(1), rule(9)])
    store.put(dated, [{"date": dt.date(2023, 2, 10)}])  # a YAML date: parsed every run
    store.save()
    kept = rulecache.ParseCache.open(tmp_path)
    back = kept.get(one)
    assert back == rule(1) and (back.line, back.key_lines) == (1, {"id": 1, "examples": 2})
    assert [(r.line, r.key_lines["examples"]) for r in kept.get(many)] == [(1, 2), (9, 10)]
    assert kept.get(dated) is rulecache.MISS


def test_rules_and_explain_import_no_rule_pack_once_indexed(tmp_path):
    cache = tmp_path / "cache"
    first = loaded_by("rules", cwd=tmp_path, cache=cache)
    assert "linter.packs.spelling.unknown_words" in first  # nothing kept yet: every pack
    listed = loaded_by("rules", cwd=tmp_path, cache=cache)
    explained = loaded_by("explain", "SPELL001", cwd=tmp_path, cache=cache)
    # the opt-in backends decide for themselves whether they run: their module is asked
    assert [m for m in heavy(listed) if m.startswith("linter.packs")] == [
        "linter.packs",
        "linter.packs.backends",
        "linter.packs.backends.rules",
    ]
    assert not [m for m in heavy(explained) if m.startswith("linter.packs")]
    assert "yaml" not in listed and "yaml" not in explained


def test_rule_index_is_rebuilt_when_a_module_changes(tmp_path, cache_home, monkeypatch):
    from linter import ruleindex
    from linter.registry import code_rules

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text("x = 1\n")
    monkeypatch.setattr(ruleindex, "PACKAGE", package)
    loads = []

    def load():
        loads.append(1)
        return code_rules()[:2]

    first = ruleindex.indexed_code_rules(load)
    again = ruleindex.indexed_code_rules(load)
    assert len(loads) == 1 and [r.id for r in again] == [r.id for r in first]
    assert [r.summary() for r in again] == [r.summary() for r in code_rules()[:2]]
    (package / "mod.py").write_text("x = 22\n")  # an edit: the kept index is stale
    ruleindex.indexed_code_rules(load)
    assert len(loads) == 2


def test_indexed_rules_list_and_explain_as_the_rules_do(cache_home):
    from linter.commands.explain import describe
    from linter.registry import all_rules, listed_rules, rule_status
    from linter.settings import Settings

    british = Settings(tables={"style": {"guide": "british"}})
    for listed, real in zip(listed_rules(Settings()), all_rules(Settings()), strict=True):
        assert listed.summary() == real.summary()
        for settings in (Settings(), british, Settings(select=["HARPER", "LT"])):
            assert describe(listed, settings) == describe(real, settings)
            assert rule_status(listed, settings) == rule_status(real, settings)


def test_check_imports_only_the_selected_rules_modules(tmp_path):
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat.\n")
    cache = tmp_path / "cache"
    loaded_by("rules", cwd=tmp_path, cache=cache)  # the index is kept
    modules = loaded_by(
        "check", "--no-cache", "--select", "SPELL001", "draft.txt", cwd=tmp_path, cache=cache
    )
    assert "linter.packs.spelling.unknown_words" in modules
    assert not [m for m in modules if m.startswith(("linter.packs.facts", "linter.packs.style"))]
    everything = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=cache)
    assert "linter.packs.facts.garbled_names" in everything
    assert "linter.packs.facts.renamed" not in everything  # FACT008 is opt-in


def test_a_library_call_keeps_nothing_but_uses_what_the_command_kept(tmp_path, monkeypatch):
    from linter import userdir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = _house(tmp_path, r"\butilize\b")
    assert not userdir.keeping()
    registry.load_folder(folder, builtin=True)
    assert not (tmp_path / "cache").exists()
    monkeypatch.setattr(userdir, "_keeping", True)
    registry.load_folder(folder, builtin=True)
    monkeypatch.setattr(userdir, "_keeping", False)
    monkeypatch.setattr(registry, "_parse", None)  # parsing now would fail: the kept parse is read
    assert _patterns(folder) == [r"\butilize\b"]


FRONT_MATTERS = [
    'title: "Elon Musk asks users to ‘like’ competing ads"\ndate: 2023-02-10',
    "title: Musk's plan - a review (part 2)\nauthor: Jane Doe\n\nslug: musk/plan",
    "title: 'single quoted'\ndate: 2023-2-10",
    "date: 2023-02-31",
    'title: "with \\"escapes\\""',
    "title: it's 'quoted' inside",
    "on: yes\ntitle: no",
    "title: yes",
    "title: null",
    "title: ~",
    "title: 12",
    "title: 1.5e3",
    "title: 12:30",
    "title: a: b",
    "title: x # comment",
    "title: [a, b]",
    "  title: indented",
    "title: first\n  continued",
    "date:",
    'title: "tab\there"',
    "title: Y",
    "Title_2-x: Über ‘quotes’ “and” more",
    "title: 'it''s'",
    "date: 2023-02-10 12:00:00",
    "title: x\ntitle: y",
]


@pytest.mark.parametrize("block", FRONT_MATTERS)
def test_simple_front_matter_reads_as_yaml_or_leaves_it_to_yaml(block):
    from linter import yamlload
    from linter.formats.markdown import simple_front_matter

    fast = simple_front_matter(block)
    if fast is None:
        return  # YAML reads it
    assert fast == {str(k): v for k, v in yamlload.load(block).items()}
    assert [type(v) for v in fast.values()] == [type(v) for v in yamlload.load(block).values()]


def test_simple_front_matter_takes_the_seed_and_leaves_the_rest():
    from linter.formats.markdown import simple_front_matter

    taken = [b for b in FRONT_MATTERS if simple_front_matter(b) is not None]
    # the plain forms; a line YAML reads otherwise (a number, a boolean, a comment, a flow
    # list, an escape, a continuation, a letter outside ASCII to start) goes to YAML
    assert taken == [FRONT_MATTERS[0], FRONT_MATTERS[1], FRONT_MATTERS[5]]
    seed = (ROOT / "seeds" / "musk-hyundai-ad.md").read_text("utf-8").split("---\n")[1]
    assert simple_front_matter(seed.rstrip("\n"))["date"].isoformat() == "2023-02-10"


def test_markdown_draft_with_plain_front_matter_parses_no_yaml(tmp_path):
    (tmp_path / "d.md").write_text('---\ntitle: "A title"\ndate: 2023-02-10\n---\n\nThe the cat.\n')
    cache = tmp_path / "cache"
    loaded_by("check", "--no-cache", "d.md", cwd=tmp_path, cache=cache)  # keeps the rules
    assert "yaml" not in loaded_by("check", "--no-cache", "d.md", cwd=tmp_path, cache=cache)


@pytest.mark.parametrize("config", ["", '[tool.copydesk]\nignore = ["STYLE001"]\n'])
def test_cold_check_imports_no_dataclasses_nor_inspect(tmp_path, config):
    """The classes on a check's path are plain (``linter.record``): ``dataclasses`` and the
    ``inspect``, ``dis`` and ``tokenize`` it imports cost a cold run ~15 ms. (The run that
    first indexes the code rules reads their docstrings with ``inspect.cleandoc``.)"""
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat on Monday.\n")
    if config:  # a config file is checked against ``config_schema``
        (tmp_path / "pyproject.toml").write_text(config)
    cache = tmp_path / "cache"
    first = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=cache)
    again = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=cache)
    assert "linter.runner" in first and "linter.runner" in again  # the check did run
    assert "dataclasses" not in first
    assert not {"dataclasses", "inspect", "dis", "tokenize"} & again
