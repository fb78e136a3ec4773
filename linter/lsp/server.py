"""The copydesk Language Server: diagnostics on open and change, fixes as code actions.

Each document is linted with the settings of the config file nearest to it (the same lookup
as ``copydesk check``), so editor and CI agree. Safe fixes are offered as quick fixes, one per
finding, and as one "fix all" source action that applies every safe fix until none is left.

Linting runs in one background thread, so requests are answered while a long draft is
linted. Changes are debounced (``DEBOUNCE_SECONDS`` after the last keystroke) and a lint
made stale by a newer change is dropped: queued ones never start, a running one is never
published. A text over the config's ``max-file-size`` is not linted, as in ``copydesk check``.
"""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.errors import CopydeskError
from linter.lsp.convert import lines_of, lsp_range, overlaps
from linter.settings import Settings

SOURCE = "copydesk"
DEBOUNCE_SECONDS = 0.3
FIX_ALL_KIND = "source.fixAll.copydesk"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
EXTENSIONS = {"markdown": ".md", "plaintext": ".txt"}


class CopydeskServer(LanguageServer):
    """A pygls server that remembers each document's latest findings for code actions."""

    def __init__(self) -> None:
        super().__init__("copydesk", __version__)
        self.findings: dict[str, list] = {}  # uri -> findings of the latest text
        self.config_errors: set[str] = set()
        self.settings: dict[str, Settings] = {}  # uri -> the settings of its latest lint
        self.generation: dict[str, int] = {}  # uri -> number of the latest change
        self.pending: dict[str, asyncio.Task] = {}  # uri -> the debounced lint
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="copydesk-lint")

    # ---- linting ---------------------------------------------------------------------------
    def path_for(self, uri: str, language_id: str | None = None) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        return "untitled" + EXTENSIONS.get(language_id or "", ".md")

    def lint(self, uri: str, text: str, language_id: str | None = None) -> list:
        """Findings of ``text``; a configuration problem or a text over the size limit is
        one message to the user (said once, not on every keystroke) and no findings."""
        findings, message = self.lint_quietly(uri, text, language_id)
        if message is not None:
            self.tell(message)
        return findings

    def lint_quietly(self, uri: str, text: str, language_id: str | None = None):
        """``(findings, message)``: safe to call from the lint thread (sends nothing)."""
        from linter.config import load_config
        from linter.runner import engine_for

        path = self.path_for(uri, language_id)
        folder = Path(path).parent if os.path.isabs(path) else Path(self.workspace.root_path or ".")
        try:
            settings = load_config(None, cwd=folder)
            self.settings[uri] = settings
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > settings.max_file_size:
                return [], (
                    f"copydesk: {os.path.basename(path)} is {size:,} bytes, over the "
                    f"max-file-size of {settings.max_file_size:,}; not linted"
                )
            findings = engine_for(settings).lint_text(text, path)
        except CopydeskError as exc:
            return [], f"copydesk: {exc}"
        return findings, None

    def tell(self, message: str | None) -> None:
        if message is None:
            self.config_errors.clear()
            return
        if message not in self.config_errors:  # say it once, not on every keystroke
            self.config_errors.add(message)
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=message)
            )

    # ---- scheduling ------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float, language_id: str | None = None) -> None:
        """Lint ``uri`` after ``delay`` seconds unless another change comes first; a lint
        of an older text is cancelled (or, already running, not published)."""
        self.generation[uri] = generation = self.generation.get(uri, 0) + 1
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(self._lint_later(uri, generation, delay, language_id))
        self.pending[uri] = task

    def current(self, uri: str, generation: int) -> bool:
        return self.generation.get(uri) == generation

    async def _lint_later(
        self, uri: str, generation: int, delay: float, language_id: str | None
    ) -> None:
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        text, version = document.source, document.version
        language_id = language_id or document.language_id

        def work():
            if not self.current(uri, generation):
                return None  # stale before it started: a newer lint is queued
            return self.lint_quietly(uri, text, language_id)

        outcome = await asyncio.get_running_loop().run_in_executor(self.executor, work)
        if outcome is None or not self.current(uri, generation):
            return
        findings, message = outcome
        self.tell(message)
        self.publish_findings(uri, text, findings, version)
        if self.pending.get(uri) is asyncio.current_task():
            del self.pending[uri]

    def encoding(self) -> str:
        """The negotiated position encoding: utf-16 unless the client offered another."""
        negotiated = self.workspace.position_encoding
        value = str(getattr(negotiated, "value", negotiated) or "utf-16")
        return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def publish_findings(self, uri: str, text: str, findings: list, version: int | None) -> None:
        self.findings[uri] = findings
        lines = lines_of(text)
        diagnostics = [self.diagnostic(f, lines) for f in findings]
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def diagnostic(self, finding, lines: list[str]) -> types.Diagnostic:
        r = lsp_range(finding, lines, self.encoding())
        return types.Diagnostic(
            range=types.Range(start=types.Position(**r["start"]), end=types.Position(**r["end"])),
            message=finding.message,
            severity=SEVERITY[finding.severity],
            code=finding.rule,
            source=SOURCE,
            data={"fix": finding.fix} if finding.fix is not None else None,
        )

    # ---- hover: the rule's help, inline (there is no website to link to) ---------------------
    def hover(self, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        findings = self.findings.get(uri, [])
        if not findings:
            return None
        lines = lines_of(self.workspace.get_text_document(uri).source)
        at = {
            "start": {"line": params.position.line, "character": params.position.character},
            "end": {"line": params.position.line, "character": params.position.character + 1},
        }
        parts = []
        for finding in findings:
            if overlaps(lsp_range(finding, lines, self.encoding()), at):
                text = rule_help(finding.rule, self.settings.get(uri) or Settings())
                if text and text not in parts:
                    parts.append(text)
        if not parts:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            )
        )

    # ---- code actions ----------------------------------------------------------------------
    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        findings = self.findings.get(uri, [])
        text = self.workspace.get_text_document(uri).source
        lines = lines_of(text)
        wanted = params.context.only
        asked = {
            "start": {"line": params.range.start.line, "character": params.range.start.character},
            "end": {"line": params.range.end.line, "character": params.range.end.character},
        }
        actions: list[types.CodeAction] = []
        if not wanted or any(k.startswith(types.CodeActionKind.QuickFix) for k in wanted):
            for finding in findings:
                r = lsp_range(finding, lines, self.encoding())
                if finding.fix is None or not overlaps(r, asked):
                    continue
                edit = types.TextEdit(
                    range=types.Range(
                        start=types.Position(**r["start"]), end=types.Position(**r["end"])
                    ),
                    new_text=finding.fix,
                )
                title = f"Replace with '{finding.fix}'" if finding.fix.strip() else "Fix spacing"
                if finding.fix == "":
                    title = "Delete"
                actions.append(
                    types.CodeAction(
                        title=f"{title} ({finding.rule})",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[self.diagnostic(finding, lines)],
                        edit=types.WorkspaceEdit(changes={uri: [edit]}),
                        is_preferred=True,
                    )
                )
        if (not wanted or any(FIX_ALL_KIND.startswith(k) for k in wanted)) and any(
            f.fix is not None for f in findings
        ):
            actions.append(self.fix_all(uri, text, lines))
        return actions

    def fix_all(self, uri: str, text: str, lines: list[str]) -> types.CodeAction:
        from linter.fixer import fix_until_stable

        language_id = self.workspace.get_text_document(uri).language_id
        fixed, applied, _ = fix_until_stable(
            text, lambda t: self.lint_quietly(uri, t, language_id)[0], self.findings.get(uri)
        )
        last = len(lines) - 1
        end = types.Position(line=last, character=int(_units(lines[last], self.encoding())))
        edit = types.TextEdit(
            range=types.Range(start=types.Position(line=0, character=0), end=end),
            new_text=fixed,
        )
        return types.CodeAction(
            title=f"Apply all safe copydesk fixes ({applied})",
            kind=FIX_ALL_KIND,
            edit=types.WorkspaceEdit(changes={uri: [edit]}),
        )


def rule_help(rule_id: str, settings) -> str | None:
    """The rule's help as Markdown (what ``copydesk explain`` prints), or None."""
    from linter.registry import all_rules
    from linter.reporters._util import rule_help_markdown

    for rule in all_rules(settings):
        if rule.id == rule_id:
            return rule_help_markdown(rule)
    return None


def _units(line_text: str, encoding: str) -> int:
    from linter.lsp.convert import to_units

    return to_units(line_text, len(line_text) + 1, encoding)


def build_server() -> CopydeskServer:
    server = CopydeskServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0, params.text_document.language_id)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)  # the config next to it may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.generation[uri] = ls.generation.get(uri, 0) + 1  # drop a lint under way
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.findings.pop(uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: CopydeskServer, params: types.HoverParams):
        return ls.hover(params)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    async def code_action(ls: CopydeskServer, params: types.CodeActionParams):
        # in the lint thread: a fix-all lints again, and lints never run side by side
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(ls.executor, ls.code_actions, params)

    return server
