"""A cloned repository as an attacker would craft it: its cache folder, its config, its
symbolic links, FIFOs and file names must not make copydesk touch anything outside it, run
a program, hang, or lose a writer's work (issue 17, docs/security.md). Each case runs in a
subprocess under a memory and time limit (``test_hostile_support``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from test_hostile_support import ROOT, environment, run, snapshot

DOUBLED = "Headline\n\nHe saw the the ad.\n"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file kinds")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git work tree with one draft holding one error (CORE001 at 3:8)."""
    folder = tmp_path / "repo"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "a.md").write_text(DOUBLED)
    return folder


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the repository, standing for the victim's files."""
    folder = tmp_path / "victim"
    folder.mkdir()
    old = folder / "old.json"
    old.write_text('{"keep": true}')
    past = time.time() - 60 * 86400
    os.utime(old, (past, past))
    (folder / "notes.md").write_text("Private notes with a a doubled word.\n")
    return folder


def cache_files(repo: Path) -> list[Path]:
    return sorted((repo / ".copydesk_cache").glob("v*/*.json"))


# ---- code in the repository -----------------------------------------------------------


def test_entry_point_committed_in_the_repository_is_not_run(repo):
    """``python -m linter`` puts the current folder on ``sys.path``; a ``*.dist-info`` entry
    point and a module committed there must not become a rule pack that runs."""
    info = repo / "evil-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil\nVersion: 0\n")
    (info / "entry_points.txt").write_text("[copydesk.rules]\nx = evilmod:RULES\n")
    (repo / "evilmod.py").write_text("open('PWNED', 'w').write('ran')\nRULES = []\n")
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 1  # the draft's own finding, as without the planted files
    assert not (repo / "PWNED").exists()


# ---- the cache ------------------------------------------------------------------------


def test_cache_link_to_outside_neither_prunes_nor_writes_there(repo, outside):
    (repo / ".copydesk_cache").mkdir()
    (repo / ".copydesk_cache" / "v1").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 1
    assert snapshot(outside) == before  # old.json kept, no run file written there


def test_dangling_gitignore_link_in_the_cache_creates_nothing(repo, outside):
    (repo / ".copydesk_cache").mkdir()
    (repo / ".copydesk_cache" / ".gitignore").symlink_to(outside / "created")
    (repo / ".copydesk_cache" / "CACHEDIR.TAG").symlink_to(outside / "tag")
    result = run("check", "a.md", cwd=repo)
    assert result.code == 1
    assert not (outside / "created").exists() and not (outside / "tag").exists()


@pytest.mark.parametrize("where", ["../..", "..", "ABSOLUTE", "."])
def test_cache_dir_outside_the_repository_is_refused(repo, outside, where):
    value = str(outside) if where == "ABSOLUTE" else where
    (repo / ".copydesk.toml").write_text(f'[cache]\ndir = "{value}"\n')
    before = snapshot(repo.parent)
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2
    (line,) = result.err_lines
    assert "key 'cache.dir' must name a folder inside" in line
    after = snapshot(repo.parent)
    assert {k: v for k, v in after.items() if "repo-home" not in k} == {
        k: v for k, v in before.items() if "repo-home" not in k
    }


def test_committed_cache_entries_are_never_trusted(repo, tmp_path):
    """An attacker runs copydesk on their copy, empties the findings in the cache and
    commits it: a victim's run must still find the error."""
    first = run("check", "a.md", cwd=repo, home=tmp_path / "attacker-home")
    assert first.code == 1
    for file in cache_files(repo):
        data = json.loads(file.read_text())
        for entry in data["entries"].values():
            entry[1] = []  # no findings: the error would be hidden
        file.write_text(json.dumps(data))
    victim = run("check", "--format", "json", "a.md", cwd=repo, home=tmp_path / "victim-home")
    assert victim.code == 1
    found = json.loads(victim.out)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in found] == [("CORE001", 3, 8)]


def test_deeply_nested_cache_file_is_a_miss(repo):
    assert run("check", "a.md", cwd=repo).code == 1
    (file,) = cache_files(repo)
    file.write_text("[" * 200_000 + "]" * 200_000)
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 1


def test_editing_a_knowledge_file_changes_the_cache_key(repo):
    (repo / "facts.yaml").write_text("entities: []\n")
    (repo / ".copydesk.toml").write_text('[facts]\nknowledge = ["facts.yaml"]\n')
    assert run("check", "a.md", cwd=repo).code == 1
    (repo / "facts.yaml").write_text("entities: [\n")  # now invalid: must be read again
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2
    assert any("facts.yaml" in line and "invalid YAML" in line for line in result.err_lines)


# ---- the trust boundary ----------------------------------------------------------------


def test_repository_config_cannot_start_languagetool(repo, tmp_path):
    """``[languagetool] path`` made copydesk start Java from a committed folder: a fake
    ``java`` first on PATH shows whether anything was started."""
    (repo / "lt").mkdir()
    (repo / "lt" / "languagetool-server.jar").write_text("not really a jar")
    (repo / ".copydesk.toml").write_text('[languagetool]\npath = "lt"\n')
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    marker = tmp_path / "java-started"
    java = bin_dir / "java"
    java.write_text(f"#!/bin/sh\ntouch {marker}\necho 'openjdk version \"17.0.1\"' >&2\n")
    java.chmod(0o755)
    path = f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}"
    result = run("check", "--select", "LT,CORE", "a.md", cwd=repo, PATH=path)
    result.assert_honest()
    assert not marker.exists()
    assert "[languagetool] path is ignored in a repository's config" in result.err


def test_repository_config_cannot_send_drafts_to_a_server(repo):
    sys.path.insert(0, str(Path(__file__).parent))
    from fake_languagetool import FakeLanguageTool

    with FakeLanguageTool() as server:
        (repo / ".copydesk.toml").write_text(f'[languagetool]\nurl = "{server.url}"\n')
        result = run("check", "--no-cache", "a.md", cwd=repo)
        assert server.requests == []
    assert result.code == 1
    assert "[languagetool] url is ignored" in result.err


def test_user_config_may_name_the_server(repo, tmp_path):
    from fake_languagetool import FakeLanguageTool

    home = tmp_path / "home"
    (home / ".config" / "copydesk").mkdir(parents=True)
    with FakeLanguageTool() as server:
        (home / ".config" / "copydesk" / "config.toml").write_text(
            f'[languagetool]\nurl = "{server.url}"\n'
        )
        (repo / "b.md").write_text("He could of won.\n")
        result = run("check", "--no-cache", "--format", "json", "b.md", cwd=repo, home=home)
        assert server.requests
    assert "LT" in {f["rule"][:2] for f in json.loads(result.out)["findings"]}


@pytest.mark.parametrize(
    "config, key",
    [
        ('rule-dirs = ["/"]\n', "rule-dirs"),
        ('[facts]\nknowledge = ["/etc/passwd"]\n', "facts.knowledge"),
        ('[vocabulary]\naccept = ["../victim/words.txt"]\n', "vocabulary.accept"),
        ('rule-dirs = ["linked"]\n', "rule-dirs"),
    ],
)
def test_repository_config_names_only_files_inside_it(repo, outside, config, key):
    (outside / "words.txt").write_text("teh\n")
    (repo / "linked").symlink_to(outside, target_is_directory=True)
    (repo / ".copydesk.toml").write_text(config)
    result = run("check", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2
    (line,) = result.err_lines
    assert f"key '{key}'" in line and "outside the repository" in line


def test_config_named_on_the_command_line_is_trusted(repo, outside):
    (outside / "words.txt").write_text("teh\n")
    (repo / "b.md").write_text("Headline\n\nWe saw teh cat.\n")
    (outside / "user.toml").write_text(f'[vocabulary]\naccept = ["{outside / "words.txt"}"]\n')
    result = run("check", "--config", str(outside / "user.toml"), "b.md", cwd=repo)
    result.assert_honest()
    assert result.code in (0, 1) and "outside the repository" not in result.err


# ---- files that are not what they seem -----------------------------------------------------


@posix_only
@pytest.mark.parametrize("with_git", [True, False])
def test_fifo_in_the_tree_is_skipped(tmp_path, with_git):
    """git does not list a FIFO; without git the walk skips it with a notice."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    if with_git:
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
    (folder / "a.md").write_text(DOUBLED)
    os.mkfifo(folder / "pipe.md")
    result = run("check", ".", cwd=folder)
    result.assert_honest()
    assert result.code == 1  # a.md's error; the FIFO is no error
    if not with_git:
        assert "pipe.md: not a regular file (a FIFO); skipped" in result.err


@posix_only
def test_fifo_named_on_the_command_line_is_one_line(repo):
    os.mkfifo(repo / "pipe.md")
    result = run("check", "pipe.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2
    assert result.err_lines == ["copydesk: error: pipe.md: not a regular file (a FIFO); skipped"]


@posix_only
@pytest.mark.parametrize("target", ["/dev/stdin", "/dev/zero", "/dev/urandom"])
def test_committed_link_to_a_device_is_not_read(repo, target):
    (repo / "dev.md").symlink_to(target)
    result = run("check", ".", cwd=repo)
    result.assert_honest()
    assert result.code == 1
    assert "dev.md" in result.err and "skipped" in result.err


def test_links_out_of_the_repository_are_not_followed(repo, outside):
    (repo / "notes.md").symlink_to(outside / "notes.md")
    (repo / "docs").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    result = run("check", "--fix", "--format", "json", ".", cwd=repo)
    result.assert_honest()
    assert {f["path"] for f in json.loads(result.out)["findings"]} <= {"a.md"}
    assert "notes.md: a link to" in result.err
    assert snapshot(outside) == before  # not rewritten by --fix


@pytest.mark.parametrize("target", ["/dev/zero"])
@pytest.mark.parametrize(
    "name, config",
    [
        (".gitignore", ""),
        ("rules/x.yaml", 'rule-dirs = ["rules"]\n'),
        ("facts.yaml", '[facts]\nknowledge = ["facts.yaml"]\n'),
        ("words.txt", '[vocabulary]\naccept = ["words.txt"]\n'),
    ],
)
def test_link_to_an_endless_device_is_not_read(repo, name, config, target):
    (repo / name).parent.mkdir(exist_ok=True)
    (repo / name).symlink_to(target)
    if config:
        (repo / ".copydesk.toml").write_text(config)
    result = run("check", "--no-cache", "a.md", cwd=repo)
    result.assert_honest()
    if name != ".gitignore":
        assert result.code == 2
        # refused as a link out of the repository, or as no regular file: never read
        assert any(
            "not a regular file" in line or "outside the" in line for line in result.err_lines
        ), result.err


def test_baseline_linked_to_an_endless_device_is_one_line(repo):
    (repo / "base.json").symlink_to("/dev/zero")
    result = run("check", "--baseline", "base.json", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2 and "not a regular file" in result.err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_fails_the_run(tmp_path):
    (tmp_path / "drafts" / "locked").mkdir(parents=True)
    (tmp_path / "drafts" / "ok.md").write_text("Fine.\n")
    (tmp_path / "drafts" / "locked").chmod(0)
    try:
        result = run("check", "drafts", cwd=tmp_path)
    finally:
        (tmp_path / "drafts" / "locked").chmod(0o755)
    assert result.code == 2 and "locked" in result.err


def test_unreadable_folder_is_reported(tmp_path, monkeypatch):
    """Root reads every folder, so the refusal is simulated where the walk lists one."""
    from linter import discovery
    from linter.settings import Settings

    (tmp_path / "drafts" / "locked").mkdir(parents=True)
    (tmp_path / "drafts" / "ok.md").write_text("Fine.\n")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    files, errors = discovery.discover(["drafts"], Settings(root=tmp_path))
    assert files == [os.path.join("drafts", "ok.md")]
    assert errors == [f"{os.path.join('drafts', 'locked')}: cannot read folder: Permission denied"]


# ---- option injection through file names ---------------------------------------------------


def hook_entry(hook_id: str) -> list[str]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == hook_id]
    return [*hook["entry"].split(), *hook.get("args", [])]


@pytest.mark.parametrize("hook_id", ["copydesk", "copydesk-fix"])
@pytest.mark.parametrize("name", ["--out=README.md", "--output=README.md", "--sel=X.md"])
def test_hook_passes_file_names_after_a_double_dash(repo, name, hook_id):
    """pre-commit runs ``entry`` and ``args`` followed by the staged file names."""
    (repo / "README.md").write_text("The project's readme.\n")
    (repo / name).write_text(DOUBLED)
    entry = hook_entry(hook_id)
    assert entry[0] == "copydesk"
    result = run(*entry[1:], name, "a.md", cwd=repo)
    result.assert_honest()
    assert (repo / "README.md").read_text() == "The project's readme.\n"
    assert result.code == 1
    if hook_id == "copydesk":
        assert result.out.count("CORE001") == 2
    else:  # both files were named, so both were fixed
        assert (
            (repo / name).read_text()
            == (repo / "a.md").read_text()
            == DOUBLED.replace("the the", "the")
        )


# ---- --fix keeps the writer's work -------------------------------------------------------


def test_fix_keeps_classic_mac_line_endings(repo):
    (repo / "cr.txt").write_bytes(b"Headline\r\rHe saw the the ad.\rSecond line here.\r")
    result = run("check", "--fix", "cr.txt", cwd=repo)
    result.assert_honest()
    assert (repo / "cr.txt").read_bytes() == b"Headline\r\rHe saw the ad.\rSecond line here.\r"


def test_fix_keeps_hard_links(repo):
    (repo / "b.txt").write_text(DOUBLED)
    os.link(repo / "b.txt", repo / "c.txt")
    run("check", "--fix", "b.txt", cwd=repo).assert_honest()
    assert (
        (repo / "c.txt").read_text()
        == (repo / "b.txt").read_text()
        == ("Headline\n\nHe saw the ad.\n")
    )
    assert os.stat(repo / "b.txt").st_nlink == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_as_root_keeps_the_owner_and_mode(repo):
    path = repo / "b.txt"
    path.write_text(DOUBLED)
    os.chown(path, 12345, 23456)
    path.chmod(0o640)
    run("check", "--fix", "b.txt", cwd=repo).assert_honest()
    st = os.stat(path)
    assert (st.st_uid, st.st_gid, st.st_mode & 0o777) == (12345, 23456, 0o640)
    assert path.read_text() == "Headline\n\nHe saw the ad.\n"


def test_fix_never_loses_a_save_made_while_it_writes(tmp_path, monkeypatch):
    """An editor saves the file while --fix is writing its temporary file: the save wins."""
    sys.path.insert(0, str(ROOT))
    from linter import fixer
    from linter.runner import lint_text

    path = tmp_path / "a.txt"
    path.write_text(DOUBLED)
    real_fsync = os.fsync
    saved = "Headline\n\nThe writer's newer text.\n"

    def fsync_during_save(fd):
        if not path.read_text().startswith(saved):
            path.write_text(saved)  # the editor's save lands now
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_during_save)
    result = fixer.fix_file(str(path), lambda text: lint_text(text, "a.txt"), write=True)
    assert path.read_text() == saved
    assert result.error and "changed by another process" in result.error
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_fix_growth_is_bounded(repo):
    (repo / "rules").mkdir()
    (repo / "rules" / "grow.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "GROW001",
                "name": "grow",
                "kind": "pattern",
                "severity": "error",
                "message": "grows",
                "why": "a hostile pack",
                "source": "test",
                "pattern": "x",
                "replacement": r"\g<0>\g<0>",
                "examples": [{"bad": "x", "fixed": "xx"}, {"good": "y"}],
            }
        )
    )
    (repo / ".copydesk.toml").write_text('rule-dirs = ["rules"]\nselect = ["GROW"]\n')
    (repo / "big.txt").write_text(("x " * 50 + "\n") * 100)  # 10 KB
    result = run("check", "--no-cache", "--fix", "big.txt", cwd=repo)
    result.assert_honest()
    assert (repo / "big.txt").stat().st_size < 3 * 10_100 + 64 * 1024
    assert not [p for p in repo.iterdir() if p.name.endswith(".tmp")]


# ---- control characters -------------------------------------------------------------------


def test_control_characters_are_escaped_in_every_output(repo):
    name = "evil\x1b[2Jname.md"
    (repo / name).write_text("Headline\n\nHe saw \x1b]0;pwned\x07the the ad.\n")
    for fmt in ("text", "compact", "github"):
        result = run("check", "--no-cache", "--format", fmt, ".", cwd=repo)
        assert "\x1b" not in result.out and "\x07" not in result.out, fmt
        assert "\\x1b" in result.out, fmt
    junit = run("check", "--no-cache", "--format", "junit", ".", cwd=repo)
    import xml.etree.ElementTree as ET

    ET.fromstring(junit.out.split("\n", 1)[1])  # valid XML


def test_control_characters_in_error_lines_are_escaped(repo):
    (repo / "bad\x1b[31m.md").write_bytes(b"\x80\x81 not text")
    result = run("check", "--no-cache", ".", cwd=repo)
    assert result.code == 2 and "\x1b" not in result.err and "bad\\x1b[31m.md" in result.err


def test_environment_helper_isolates_home(tmp_path):
    env = environment(tmp_path / "h")
    assert env["XDG_CACHE_HOME"].startswith(str(tmp_path))


@pytest.mark.parametrize(
    "layout, config",
    [("rules", 'rule-dirs = ["rules"]\n'), ("facts", '[facts]\nknowledge = ["facts"]\n')],
)
def test_files_in_named_folders_may_not_link_out(repo, outside, layout, config):
    (outside / "x.yaml").write_text("id: NOPE001\n")
    (repo / layout).mkdir()
    (repo / layout / "x.yaml").symlink_to(outside / "x.yaml")
    (repo / ".copydesk.toml").write_text(config)
    result = run("check", "--no-cache", "a.md", cwd=repo)
    result.assert_honest()
    assert result.code == 2
    (line,) = result.err_lines
    assert "x.yaml" in line and ("outside the rule folder" in line or "links outside" in line)


@pytest.mark.parametrize("named", ["docs/notes.md", "docs", "docs/", "notes.md"])
def test_named_paths_through_links_out_are_not_followed(repo, outside, named):
    (repo / "notes.md").symlink_to(outside / "notes.md")
    (repo / "docs").symlink_to(outside, target_is_directory=True)
    before = snapshot(outside)
    result = run("check", "--fix", named, "a.md", cwd=repo)
    result.assert_honest()
    assert "outside" in result.err and "skipped" in result.err
    assert snapshot(outside) == before
