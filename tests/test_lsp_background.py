"""The language server lints in the background (issue 16): changes are debounced, stale lints
are dropped, requests are answered while a lint runs, the size limit holds, and the help of a
rule is shown on hover. Driven in-process with a real pygls workspace; what the server sends
is recorded instead of written to a client."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

pytest.importorskip("pygls")
from lsprotocol import types
from pygls.workspace import Workspace

from linter.lsp import server as lsp

TEXT = "He saw the the ad.\n"


@pytest.fixture
def server(tmp_path, monkeypatch):
    (tmp_path / ".copydesk.toml").write_text('select = ["CORE"]\nmax-file-size = 2000\n')
    ls = lsp.build_server()
    ls.protocol._workspace = Workspace(tmp_path.as_uri())
    ls.published = []
    ls.messages = []
    monkeypatch.setattr(
        ls, "text_document_publish_diagnostics", lambda params: ls.published.append(params)
    )
    monkeypatch.setattr(ls, "window_show_message", lambda params: ls.messages.append(params))
    ls.test_uri = (tmp_path / "draft.md").as_uri()
    return ls


def open_text(ls, text: str, version: int = 1) -> None:
    ls.workspace.put_text_document(
        types.TextDocumentItem(uri=ls.test_uri, language_id="markdown", version=version, text=text)
    )


def change(ls, text: str, version: int) -> None:
    ls.workspace.update_text_document(
        types.VersionedTextDocumentIdentifier(uri=ls.test_uri, version=version),
        types.TextDocumentContentChangeWholeDocument(text=text),
    )
    ls.schedule(ls.test_uri, lsp.DEBOUNCE_SECONDS)


async def settle(ls) -> None:
    while ls.pending:
        await asyncio.gather(*ls.pending.values(), return_exceptions=True)


def test_twenty_keystrokes_publish_once_with_the_last_text(server):
    async def scenario():
        open_text(server, "")
        for i in range(20):  # TEXT has 19 characters: the last change gives all of it
            change(server, TEXT[:i], i + 2)
            await asyncio.sleep(0.01)
        await settle(server)

    asyncio.run(scenario())
    assert len(server.published) == 1
    (params,) = server.published
    assert params.version == 21
    assert [d.code for d in params.diagnostics] == ["CORE001"]


def test_a_lint_made_stale_while_running_is_not_published(server, monkeypatch):
    started = threading.Event()
    real = server.lint_quietly

    def slow(uri, text, language_id=None):
        started.set()
        time.sleep(0.5)
        return real(uri, text, language_id)

    monkeypatch.setattr(server, "lint_quietly", slow)

    async def scenario():
        open_text(server, TEXT)
        server.schedule(server.test_uri, 0)
        while not started.is_set():
            await asyncio.sleep(0.01)
        change(server, "All fine now.\n", 2)  # arrives while the first lint runs
        await settle(server)

    asyncio.run(scenario())
    assert [p.version for p in server.published] == [2]
    assert server.published[0].diagnostics == []


def test_requests_are_answered_while_a_lint_runs(server, monkeypatch):
    real = server.lint_quietly

    def slow(uri, text, language_id=None):
        time.sleep(1.0)
        return real(uri, text, language_id)

    monkeypatch.setattr(server, "lint_quietly", slow)

    async def scenario():
        open_text(server, TEXT)
        server.schedule(server.test_uri, 0)
        began = time.monotonic()
        await asyncio.sleep(0.05)  # the lint starts; a lint on the event loop would block it
        answered = time.monotonic() - began
        await settle(server)
        return answered

    assert asyncio.run(scenario()) < 0.5
    assert len(server.published) == 1


def test_a_text_over_the_size_limit_is_not_linted(server):
    async def scenario():
        open_text(server, TEXT * 200)  # 3,800 bytes; the config allows 2,000
        server.schedule(server.test_uri, 0)
        await settle(server)

    asyncio.run(scenario())
    assert server.published[0].diagnostics == []
    (message,) = server.messages
    assert "over the max-file-size of 2,000; not linted" in message.message


def test_hover_shows_the_rule_help_inline(server):
    async def scenario():
        open_text(server, TEXT)
        server.schedule(server.test_uri, 0)
        await settle(server)

    asyncio.run(scenario())
    (diagnostic,) = server.published[0].diagnostics
    assert diagnostic.code_description is None
    hover = server.hover(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=server.test_uri),
            position=types.Position(line=0, character=8),
        )
    )
    assert "**CORE001** (doubled-word)" in hover.contents.value
    assert "Bad:" in hover.contents.value


def test_fix_all_leaves_quotations_alone(server):
    text = 'She said "the the plan works" and and left.\n'
    open_text(server, text)
    server.findings[server.test_uri] = server.lint(server.test_uri, text)
    lines = lsp.lines_of(text)
    action = server.fix_all(server.test_uri, text, lines)
    (edit,) = action.edit.changes[server.test_uri]
    assert edit.new_text == 'She said "the the plan works" and left.\n'
