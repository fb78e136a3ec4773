"""The copydesk Language Server: diagnostics on open and change, fixes as code actions.

Each document is linted with the settings of the config file nearest to it (the same lookup
as ``copydesk check``), so editor and CI agree. Safe fixes are offered as quick fixes, one per
finding, and as one "fix all" source action that applies every safe fix until none is left.
"""

from __future__ import annotations

import os
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from linter import __version__
from linter.errors import CopydeskError
from linter.lsp.convert import lines_of, lsp_range, overlaps
from linter.reporters._util import rule_url

SOURCE = "copydesk"
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

    # ---- linting ---------------------------------------------------------------------------
    def path_for(self, uri: str, language_id: str | None = None) -> str:
        path = to_fs_path(uri) if uri.startswith("file:") else None
        if path:
            return path
        return "untitled" + EXTENSIONS.get(language_id or "", ".md")

    def lint(self, uri: str, text: str, language_id: str | None = None) -> list:
        from linter.config import load_config
        from linter.runner import engine_for

        path = self.path_for(uri, language_id)
        folder = Path(path).parent if os.path.isabs(path) else Path(self.workspace.root_path or ".")
        try:
            settings = load_config(None, cwd=folder)
            findings = engine_for(settings).lint_text(text, path)
        except CopydeskError as exc:
            message = f"copydesk: {exc}"
            if message not in self.config_errors:  # say it once, not on every keystroke
                self.config_errors.add(message)
                self.window_show_message(
                    types.ShowMessageParams(type=types.MessageType.Error, message=message)
                )
            return []
        self.config_errors.clear()
        return findings

    def encoding(self) -> str:
        """The negotiated position encoding: utf-16 unless the client offered another."""
        negotiated = self.workspace.position_encoding
        value = str(getattr(negotiated, "value", negotiated) or "utf-16")
        return value if value in ("utf-8", "utf-16", "utf-32") else "utf-16"

    def publish(self, uri: str, version: int | None = None, language_id: str | None = None):
        document = self.workspace.get_text_document(uri)
        text = document.source
        findings = self.lint(uri, text, language_id or document.language_id)
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
            code_description=types.CodeDescription(href=rule_url(finding.rule)),
            source=SOURCE,
            data={"fix": finding.fix} if finding.fix is not None else None,
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
            text, lambda t: self.lint(uri, t, language_id), self.findings.get(uri)
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


def _units(line_text: str, encoding: str) -> int:
    from linter.lsp.convert import to_units

    return to_units(line_text, len(line_text) + 1, encoding)


def build_server() -> CopydeskServer:
    server = CopydeskServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
        doc = params.text_document
        ls.publish(doc.uri, doc.version, doc.language_id)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.publish(params.text_document.uri, params.text_document.version)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)  # the config next to it may have changed

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.findings.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    def code_action(ls: CopydeskServer, params: types.CodeActionParams):
        return ls.code_actions(params)

    return server
