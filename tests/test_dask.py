"""The Dask recipe of docs/scale.md, run as written on a local cluster of two worker
processes, gives the same findings as ``lint_paths`` in one process."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from linter import lint_text
from linter.runner import lint_paths
from linter.settings import Settings

pytestmark = pytest.mark.slow  # starts a dask cluster

DOC = Path(__file__).resolve().parent.parent / "docs" / "scale.md"


def recipe() -> dict:
    """The code block marked ``copydesk-dask-recipe`` in docs/scale.md, executed."""
    blocks = re.findall(r"```python\n(# copydesk-dask-recipe.*?)```", DOC.read_text(), re.S)
    assert len(blocks) == 1, "docs/scale.md lost its recipe block"
    namespace: dict = {}
    exec(compile(blocks[0], str(DOC), "exec"), namespace)
    return namespace


def test_library_inputs_and_outputs_pickle():
    settings = Settings(select=["CORE"])
    findings = lint_text("Title\n\nIt was was late.\n", "a.txt", settings=settings)
    assert findings and pickle.loads(pickle.dumps(findings)) == findings
    assert pickle.loads(pickle.dumps(settings)).fingerprint() == settings.fingerprint()


def test_dask_recipe_matches_one_process(tmp_path, monkeypatch):
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    for i in range(30):
        doubled = "the the" if i % 3 else "a a"
        (tmp_path / f"draft-{i:02}.txt").write_text(f"Headline {i}\n\nWe saw {doubled} ad {i}.\n")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00\x01 binary")
    (tmp_path / "notes.md").write_text("# Notes\n\n> He said said so.\n\n`the the` in code\n")
    monkeypatch.chdir(tmp_path)
    settings = Settings(root=tmp_path)
    paths = sorted(p.name for p in tmp_path.iterdir())

    expected = lint_paths(paths, settings=settings)
    code = recipe()
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        records = code["lint_archive"](paths, settings, partition_size=8)

    findings = [r for r in records if "error" not in r]
    errors = [r["error"] for r in records if "error" in r]
    assert findings == [f.to_json() for f in expected.findings]
    assert errors == expected.all_errors and len(errors) == 1
    doubled = sorted(f["path"] for f in findings if f["rule"] == "CORE001")
    assert doubled == sorted([*(p for p in paths if p.startswith("draft-")), "notes.md"])
