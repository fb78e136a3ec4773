"""The Language Server, driven by a real LSP client session over stdio (pytest-lsp): it
publishes diagnostics on open and change, in UTF-16 positions, offers fixes as code actions,
and reads the same config files as ``copydesk check``."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp")
from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from linter.lsp.convert import from_units, to_units  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Hi 😀 the the end.\nIt was  seen.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    base = tmp_path_factory.mktemp("lsp")
    (base / "configured").mkdir()
    (base / "configured" / ".copydesk.toml").write_text('select = ["CORE"]\nignore = ["CORE002"]\n')
    (base / "broken").mkdir()
    (base / "broken" / ".copydesk.toml").write_text("select = 3\n")
    (base / "plain").mkdir()
    (base / "plain" / ".copydesk.toml").write_text('select = ["CORE"]\n')
    return base


@pytest_lsp.fixture(
    scope="module",
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "linter", "lsp"],
        server_env={**os.environ, "PYTHONPATH": str(ROOT)},
    ),
)
async def client(lsp_client: LanguageClient, folder):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=folder.as_uri(),
        )
    )
    yield
    await lsp_client.shutdown_session()


async def open_doc(client: LanguageClient, path: Path, text: str) -> list[types.Diagnostic]:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text=text
            )
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60
    )
    return list(client.diagnostics[uri])


def spans(diagnostics):
    return [
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    ]


@pytest.mark.asyncio(loop_scope="module")
async def test_open_publishes_diagnostics_in_utf16(client, folder):
    diagnostics = await open_doc(client, folder / "plain" / "a.md", TEXT)
    # "Hi " is 3 units, the emoji 2 (one code point: copydesk's column 6 is UTF-16 char 6)
    assert spans(diagnostics) == [("CORE001", 0, 6, 0, 13), ("CORE002", 1, 6, 1, 8)]
    first = diagnostics[0]
    assert first.severity == types.DiagnosticSeverity.Error
    assert first.source == "copydesk"
    assert first.code_description is None  # no link to a site that does not exist
    assert "written twice" in first.message


@pytest.mark.asyncio(loop_scope="module")
async def test_change_republishes(client, folder):
    path = folder / "plain" / "b.md"
    assert len(await open_doc(client, path, TEXT)) == 2
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="All fine now.\n")],
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 60
    )
    assert list(client.diagnostics[path.as_uri()]) == []


@pytest.mark.asyncio(loop_scope="module")
async def test_reads_the_nearest_config(client, folder):
    diagnostics = await open_doc(client, folder / "configured" / "c.md", TEXT)
    assert [d.code for d in diagnostics] == ["CORE001"]  # CORE002 ignored there


def apply_edit(text: str, edit: types.TextEdit) -> str:
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        before = sum(len(line) + 1 for line in lines[: pos.line])
        return before + from_units(lines[pos.line], pos.character) - 1

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


@pytest.mark.asyncio(loop_scope="module")
async def test_quick_fix_code_action(client, folder):
    path = folder / "plain" / "d.md"
    diagnostics = await open_doc(client, path, TEXT)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=diagnostics[0].range,
            context=types.CodeActionContext(diagnostics=[diagnostics[0]]),
        )
    )
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["Replace with 'the' (CORE001)"]
    (edit,) = quick[0].edit.changes[path.as_uri()]
    assert apply_edit(TEXT, edit) == "Hi 😀 the end.\nIt was  seen.\n"
    fix_all = [a for a in actions if a.kind == "source.fixAll.copydesk"]
    (whole,) = fix_all[0].edit.changes[path.as_uri()]
    assert apply_edit(TEXT, whole) == "Hi 😀 the end.\nIt was seen.\n"


@pytest.mark.asyncio(loop_scope="module")
async def test_no_quick_fix_away_from_a_finding(client, folder):
    path = folder / "plain" / "e.md"
    await open_doc(client, path, TEXT)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=path.as_uri()),
            range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=0, character=2)
            ),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.QuickFix]),
        )
    )
    assert list(actions or []) == []


@pytest.mark.parametrize(
    ("encoding", "units"),
    [("utf-16", 6), ("utf-8", 8), ("utf-32", 5)],
)
def test_column_conversion_per_encoding(encoding, units):
    line = "Hi 😀 the the end."
    assert to_units(line, 6, encoding) == units  # column 6 is the "t" after the emoji
    assert from_units(line, units, encoding) == 6


@pytest.mark.asyncio(loop_scope="module")
async def test_bad_config_is_one_message_not_a_crash(client, folder):
    diagnostics = await open_doc(client, folder / "broken" / "f.md", TEXT)
    assert diagnostics == []
    assert any(
        "broken/.copydesk.toml:1: key 'select' must be a list of strings" in m.message
        for m in client.messages
    ), client.messages
    # the server is still alive and linting other documents
    assert len(await open_doc(client, folder / "plain" / "g.md", TEXT)) == 2
