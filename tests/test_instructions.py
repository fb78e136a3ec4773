"""The instructions work on a fresh machine (issue 16): the README's first command, its
pre-commit snippet (``repo: local``), the documented ``repo:``/``rev:`` form, and the CI files
in docs/ci, each run as written in a scratch copy of the repository with a fresh virtual
environment. Slow (pip builds copydesk three times); COPYDESK_SKIP_SLOW=1 skips it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from scratch import ROOT, clean_env, copy_repository, make_venv, outer_site_dirs

SLOW = pytest.mark.skipif(
    bool(os.environ.get("COPYDESK_SKIP_SLOW")) or shutil.which("git") is None,
    reason="slow (installs copydesk in scratch environments) or git missing",
)
DRAFT = "Headline\n\nMusk asked users to like a car ad on\non Friday.\n"
SLIP = "draft.md:3:35: error CORE001 'on' is written twice"
README = (ROOT / "README.md").read_text("utf-8")
INTEGRATIONS = (ROOT / "docs" / "integrations.md").read_text("utf-8")


def run(cmd, cwd: Path, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    shell = isinstance(cmd, str)
    return subprocess.run(
        ["bash", "-e", "-c", cmd] if shell else cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def blocks(markdown: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", markdown, re.S)


def git_repo(folder: Path, env: dict) -> str:
    """``folder`` as a git repository with everything committed; returns HEAD."""
    for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "x"]):
        proc = run(cmd, folder, env)
        assert proc.returncode == 0, proc.stderr
    return run(["git", "rev-parse", "HEAD"], folder, env).stdout.strip()


def git_env(tmp: Path, bindir: Path | None = None) -> dict:
    identity = {
        f"GIT_{who}_{what}": value
        for who in ("AUTHOR", "COMMITTER")
        for what, value in (("NAME", "T"), ("EMAIL", "t@example.com"))
    }
    return clean_env(bindir, PRE_COMMIT_HOME=str(tmp / "pre-commit-home"), **identity)


# ---- fast checks --------------------------------------------------------------------------


def test_readme_and_docs_name_seed_files_that_exist():
    texts = [README, *(p.read_text("utf-8") for p in (ROOT / "docs").glob("*.md"))]
    named = {m.rstrip(".,:;)`'\"") for t in texts for m in re.findall(r"seeds/[\w./-]+", t)}
    assert named, "the README names the seed drafts"
    missing = sorted(n for n in named if not (ROOT / n).exists())
    assert missing == []


def test_no_placeholder_that_cannot_work():
    places = [
        ROOT / "README.md",
        ROOT / "pyproject.toml",
        *(ROOT / "docs").rglob("*.md"),
        *(ROOT / "docs" / "ci").glob("*.yml"),
        *(ROOT / "linter").rglob("*.py"),
    ]
    for path in places:
        text = path.read_text("utf-8")
        for placeholder in ("example.invalid", "<your copydesk repository>", "rev: v0.1.0"):
            assert placeholder not in text, f"{path.relative_to(ROOT)}: {placeholder}"
        assert "pip install copydesk" not in text, path  # no registry has it


def test_ci_files_install_copydesk_from_its_repository():
    for path in (ROOT / "docs" / "ci").glob("*.yml"):
        text = path.read_text("utf-8")
        assert 'pip install --quiet "$COPYDESK_SOURCE"' in text or (
            'pip install "$COPYDESK_SOURCE"' in text
        ), path
        assert 'COPYDESK_SOURCE: "."' in text
        assert "|| true" not in text  # a config error must fail the job, not pass it


def test_scratch_venv_sees_the_outer_environment(tmp_path):
    """A venv made inside a venv sees the outer one's packages (``--system-site-packages``
    would show the base interpreter's instead, where copydesk's dependencies are not)."""
    probe = tmp_path / "outer-site" / "site-packages"
    probe.mkdir(parents=True)
    (probe / "outer_probe.py").write_text("VALUE = 42\n")
    outer = make_venv(tmp_path / "outer")
    purelib = run(
        [str(outer / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        tmp_path,
        clean_env(),
    ).stdout.strip()
    Path(purelib, "probe.pth").write_text(str(probe) + "\n")
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]); from scratch import make_venv; "
        "from pathlib import Path; print(make_venv(Path(sys.argv[2])))"
    )
    inner = Path(
        run(
            [str(outer / "python"), "-c", script, str(ROOT / "tests"), str(tmp_path / "inner")],
            tmp_path,
            clean_env(),
        ).stdout.strip()
    )
    got = run([str(inner / "python"), "-c", "import outer_probe, yaml"], tmp_path, clean_env())
    assert got.returncode == 0, got.stderr
    assert outer_site_dirs()


# ---- the README, on a fresh machine -------------------------------------------------------


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    """A copy of the repository, committed as a clone would be, and a venv where the
    README's first command has run."""
    tmp = tmp_path_factory.mktemp("fresh")
    clone = copy_repository(tmp / "copydesk")
    bindir = make_venv(tmp / "venv")
    env = git_env(tmp, bindir)
    head = git_repo(clone, env)
    first = blocks(README, "sh")[0].strip().splitlines()[0]
    assert first == 'pip install -e ".[dev]" && copydesk check seeds/'
    proc = run(first, clone, env)
    return tmp, clone, head, bindir, env, proc


@SLOW
def test_readme_first_command_installs_and_lints_the_seeds(fresh):
    _, clone, _, _, env, proc = fresh
    assert proc.returncode == 1, proc.stdout[-2000:] + proc.stderr[-2000:]  # the seeds' slips
    assert "Found " in proc.stdout and "in 2 files" in proc.stdout
    assert "seeds/musk-hyundai-ad.md:16:172: error SPELL002" in proc.stdout
    where = run(["python", "-c", "import linter; print(linter.__file__)"], clone, env)
    assert where.stdout.strip() == str(clone / "linter" / "__init__.py")


def drafts_repo(tmp: Path, name: str, config: str, env: dict) -> Path:
    repo = tmp / name
    repo.mkdir()
    (repo / ".pre-commit-config.yaml").write_text(config)
    (repo / "draft.md").write_text(DRAFT)
    (repo / "notes.py").write_text("x = 'the the'\n")  # not a draft: the hook skips it
    assert run(["git", "init", "-q"], repo, env).returncode == 0
    assert run(["git", "add", "-A"], repo, env).returncode == 0
    return repo


@SLOW
def test_readme_pre_commit_snippet_blocks_a_slip(fresh):
    tmp, _, _, _, env, _ = fresh
    (snippet,) = [b for b in blocks(README, "yaml") if "pre-commit" in b or "repo: local" in b]
    repo = drafts_repo(tmp, "newsroom-local", snippet, env)
    proc = run(["python", "-m", "pre_commit", "run", "--all-files"], repo, env)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output[-3000:]
    assert SLIP in output and "notes.py" not in output


@SLOW
def test_documented_repo_and_rev_form_blocks_a_slip(fresh):
    tmp, clone, head, _, env, _ = fresh
    (snippet,) = [b for b in blocks(INTEGRATIONS, "yaml") if "rev:" in b]
    rev = re.search(r"rev: (\S+)", snippet)[1]
    config = snippet.replace("/path/to/copydesk", str(clone)).replace(rev, head)
    repo = drafts_repo(tmp, "newsroom-clone", config, env)
    proc = run(["python", "-m", "pre_commit", "run", "--all-files"], repo, env)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 1, output[-3000:]
    assert SLIP in output and "notes.py" not in output


# ---- the CI files ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ci_machine(fresh):
    """A drafts repository and a fresh venv, as a CI runner has them."""
    tmp, clone, _, _, _, _ = fresh
    bindir = make_venv(tmp / "ci-venv")
    env = git_env(tmp, bindir)
    drafts = tmp / "drafts"
    drafts.mkdir()
    (drafts / "draft.md").write_text(DRAFT)
    (drafts / "clean.md").write_text("Headline\n\nThe council met on Friday.\n")
    git_repo(drafts, env)
    return drafts, clone, env


@SLOW
def test_github_actions_steps_run_as_written(ci_machine):
    drafts, clone, env = ci_machine
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text())
    env = {**env, **workflow["env"], "COPYDESK_SOURCE": str(clone)}  # not copydesk's own repo
    ran = []
    for step in workflow["jobs"]["copydesk"]["steps"]:
        if "run" not in step or "pull_request" in str(step.get("if", "")):
            continue  # actions (checkout, upload) and the pull-request step: a push here
        proc = run(step["run"], drafts, env)
        assert proc.returncode == 0, (step["name"], proc.stdout[-2000:], proc.stderr[-2000:])
        ran.append(step["name"])
    assert len(ran) == 3
    sarif = json.loads((drafts / "copydesk.sarif").read_text())
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["CORE001"]
    assert "helpUri" not in json.dumps(sarif) and "Bad:" in json.dumps(sarif)
    assert "CORE001" in (drafts / "copydesk-review.html").read_text()


@SLOW
def test_github_actions_report_step_fails_on_a_config_error(ci_machine):
    drafts, _, env = ci_machine
    workflow = yaml.safe_load((ROOT / "docs" / "ci" / "github-actions.yml").read_text())
    (step,) = [s for s in workflow["jobs"]["copydesk"]["steps"] if "sarif" in s.get("run", "")]
    (drafts / ".copydesk.toml").write_text('select = ["SPELLL"]\n')
    try:
        proc = run(step["run"], drafts, env)
    finally:
        (drafts / ".copydesk.toml").unlink()
    assert proc.returncode != 0 and "did you mean 'SPELL'?" in proc.stderr


@SLOW
def test_gitlab_ci_script_runs_as_written(ci_machine):
    drafts, clone, env = ci_machine
    job = yaml.safe_load((ROOT / "docs" / "ci" / "gitlab-ci.yml").read_text())["copydesk"]
    env = {**env, **job["variables"], "COPYDESK_SOURCE": str(clone)}
    for line in job["before_script"]:
        if line.startswith("apt-get"):
            continue  # the image's git; this machine has one
        proc = run(line, drafts, env)
        assert proc.returncode == 0, proc.stderr[-2000:]
    codes = [run(line, drafts, env).returncode for line in job["script"]]
    assert codes == [0, 1]  # the review page is written; the slip fails the job
    suite = ET.parse(drafts / "copydesk-junit.xml").getroot()
    assert suite.get("failures") == "1" and suite.get("errors") == "0"
