"""A stand-in LanguageTool server for the tests: it speaks the real HTTP API
(``POST /v2/check`` with form fields text, language, enabledRules, disabledRules,
enabledOnly; ``GET /v2/languages``) and answers with LanguageTool's JSON, offsets counted
in UTF-16 code units as Java does. Its "rules" are a few fixed patterns."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# (rule id, category, issue type, pattern, message, replacement)
RULES = [
    ("COULD_OF", "GRAMMAR", "grammar", r"\b(?:could|would|should) of\b",
     "Did you mean 'could have'?", "could have"),
    ("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", r"\bteh\b",
     "Possible spelling mistake found.", "the"),
    ("EN_UNIQUE", "STYLE", "style", r"\bvery unique\b",
     "'Unique' cannot be graded.", "unique"),
]  # fmt: skip


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class FakeLanguageTool:
    """Run with ``with FakeLanguageTool() as server: server.url``; ``requests`` records
    every form received; ``delay`` makes each answer late; ``broken`` answers HTML."""

    def __init__(self, delay: float = 0.0, broken: bool = False) -> None:
        self.delay = delay
        self.broken = broken
        self.requests: list[dict[str, str]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, status: int, body: bytes, kind: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test): that is the point

            def do_GET(self) -> None:
                if self.path.rstrip("/") == "/v2/languages":
                    body = [{"name": "English (US)", "code": "en", "longCode": "en-US"}]
                    self._send(200, json.dumps(body).encode())
                else:
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode("utf-8")))
                owner.requests.append(form)
                if owner.delay:
                    time.sleep(owner.delay)
                if owner.broken:
                    self._send(500, b"<html>Internal error</html>", "text/html")
                    return
                if self.path.rstrip("/") != "/v2/check" or "text" not in form:
                    self._send(400, b"Error: Missing 'text' parameter", "text/plain")
                    return
                self._send(200, json.dumps(owner.check(form)).encode())

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def check(self, form: dict[str, str]) -> dict:
        text = form["text"]
        enabled = set(filter(None, form.get("enabledRules", "").split(",")))
        disabled = set(filter(None, form.get("disabledRules", "").split(",")))
        only = form.get("enabledOnly") == "true"
        matches = []
        for rule_id, category, issue, pattern, message, replacement in RULES:
            if rule_id in disabled or (only and rule_id not in enabled):
                continue
            for m in re.finditer(pattern, text, re.I):
                matches.append(
                    {
                        "message": message,
                        "shortMessage": "",
                        "replacements": [{"value": replacement}],
                        "offset": utf16_len(text[: m.start()]),
                        "length": utf16_len(m.group()),
                        "context": {"text": text[:40], "offset": 0, "length": 0},
                        "sentence": text,
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule_id,
                            "description": message,
                            "issueType": issue,
                            "category": {"id": category, "name": category.title()},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        return {
            "software": {"name": "LanguageTool", "version": "6.4", "apiVersion": 1},
            "warnings": {"incompleteResults": False},
            "language": {"name": "English (US)", "code": form.get("language", "en-US")},
            "matches": sorted(matches, key=lambda m: m["offset"]),
        }

    def __enter__(self) -> FakeLanguageTool:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
