"""The user-cache stores' checked files (``linter.keptfile``): what is saved loads back, and a
torn, damaged or foreign file loads as nothing."""

from __future__ import annotations

import marshal

from linter import keptfile


def test_saved_value_loads_back(tmp_path):
    path = tmp_path / "sub" / "store.marshal"
    value = {("a", 1): (2, [3, 4], "five")}
    assert keptfile.save(path, value)
    assert keptfile.load(path) == value
    assert not list(path.parent.glob("*.tmp"))


def test_damaged_torn_or_unchecked_files_load_as_nothing(tmp_path):
    path = tmp_path / "store.marshal"
    keptfile.save(path, list(range(1000)))
    whole = path.read_bytes()
    flipped = bytearray(whole)
    flipped[len(whole) // 2] ^= 1
    for damaged in (bytes(flipped), whole[: len(whole) // 2], b"", marshal.dumps([1, 2, 3])):
        path.write_bytes(damaged)
        assert keptfile.load(path) is None
    assert keptfile.load(tmp_path / "missing") is None


def test_values_that_are_not_plain_data_are_not_saved(tmp_path):
    path = tmp_path / "store.marshal"
    assert not keptfile.save(path, {"x": object()})
    assert not path.exists() and not list(tmp_path.glob("*.tmp"))
