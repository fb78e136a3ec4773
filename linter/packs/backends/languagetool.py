"""LanguageTool through its HTTP API (``POST /v2/check``), with strict timeouts.

A server is given by ``url`` (``languagetool = { url = "http://localhost:8081" }``), or
started from a local installation by ``language-tool-python`` (``path`` = the folder of an
unpacked LanguageTool release). Requests use the standard library with a timeout on every
call, so a server that is down or slow ends the run with one clear line, never a hang.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from linter.errors import ConfigError, CopydeskError
from linter.packs.backends.mapping import check_keys, utf16_to_index

KEYS: dict[str, Any] = {
    "url": str,
    "path": str,
    "language": str,
    "enabled": bool,
    "enabled-rules": list,
    "disabled-rules": list,
    "enabled-only": bool,
    "disabled-categories": list,
    "timeout": float,
    "level": str,
}
DEFAULT_TIMEOUT = 10.0
# LanguageTool rules that repeat what copydesk's own packs do better on news copy, or that
# flag names: off unless the user enables them by id.
DEFAULT_DISABLED = ("MORFOLOGIK_RULE_EN_US", "MORFOLOGIK_RULE_EN_GB", "WHITESPACE_RULE")


class BackendError(CopydeskError):
    """The LanguageTool server cannot be reached, is too slow, or answers nonsense."""


@dataclass
class LTMatch:
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str
    issue_type: str


@dataclass
class LanguageToolClient:
    url: str  # the API root, ending in /v2/
    language: str = "en-US"
    timeout: float = DEFAULT_TIMEOUT
    enabled_rules: list[str] = field(default_factory=list)
    disabled_rules: list[str] = field(default_factory=list)
    enabled_only: bool = False
    disabled_categories: list[str] = field(default_factory=list)
    level: str = ""

    def _request(self, endpoint: str, data: dict[str, str] | None = None) -> Any:
        url = urllib.parse.urljoin(self.url, endpoint)
        body = urllib.parse.urlencode(data).encode("utf-8") if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:200].decode("utf-8", "replace").strip().splitlines()
            raise BackendError(
                f"LanguageTool server at {self.url} answered HTTP {exc.code}"
                + (f": {detail[0]}" if detail else "")
            ) from None
        except TimeoutError:
            raise BackendError(
                f"LanguageTool server at {self.url} did not answer within {self.timeout:g} s "
                "(raise [tool.copydesk.languagetool] timeout, or check the server)"
            ) from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError):
                raise BackendError(
                    f"LanguageTool server at {self.url} did not answer within "
                    f"{self.timeout:g} s (raise [tool.copydesk.languagetool] timeout)"
                ) from None
            raise BackendError(
                f"cannot reach the LanguageTool server at {self.url}: {reason} "
                "(start it, see docs/grammar.md, or unselect LT)"
            ) from None
        try:
            return json.loads(payload)
        except ValueError:
            raise BackendError(
                f"LanguageTool server at {self.url} did not answer with JSON"
            ) from None

    def ping(self) -> None:
        """Fail fast, once, when the server is not there (``GET /v2/languages``)."""
        languages = self._request("languages")
        if not isinstance(languages, list):
            raise BackendError(f"LanguageTool server at {self.url} gave an unexpected answer")

    def params(self, text: str) -> dict[str, str]:
        data = {"text": text, "language": self.language}
        if self.enabled_rules:
            data["enabledRules"] = ",".join(self.enabled_rules)
        if self.disabled_rules:
            data["disabledRules"] = ",".join(self.disabled_rules)
        if self.enabled_only:
            data["enabledOnly"] = "true"
        if self.disabled_categories:
            data["disabledCategories"] = ",".join(self.disabled_categories)
        if self.level:
            data["level"] = self.level
        return data

    def check(self, text: str) -> list[LTMatch]:
        result = self._request("check", self.params(text))
        matches = result.get("matches") if isinstance(result, dict) else None
        if not isinstance(matches, list):
            raise BackendError(f"LanguageTool server at {self.url} answered without 'matches'")
        to_index = utf16_to_index(text)
        out = []
        for m in matches:
            try:
                offset, length = int(m["offset"]), int(m["length"])
                rule = m.get("rule") or {}
                start, end = to_index(offset), to_index(offset + length)
                out.append(
                    LTMatch(
                        start,
                        end,
                        str(m.get("message", "")).strip(),
                        tuple(
                            str(r["value"])
                            for r in m.get("replacements") or ()
                            if isinstance(r, dict) and "value" in r
                        )[:5],
                        str(rule.get("id", "UNKNOWN")),
                        str((rule.get("category") or {}).get("id", "")),
                        str(rule.get("issueType", "")),
                    )
                )
            except (KeyError, TypeError, ValueError):
                raise BackendError(
                    f"LanguageTool server at {self.url} sent a match without offset/length"
                ) from None
        return out


def api_root(url: str) -> str:
    """``http://host:8081`` -> ``http://host:8081/v2/`` (an URL already ending in /v2 kept)."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ConfigError(f"[tool.copydesk.languagetool] url {url!r} is not an http(s) URL")
    path = parsed.path.rstrip("/")
    if not path.endswith("/v2"):
        path += "/v2"
    return urllib.parse.urlunparse(parsed._replace(path=path + "/"))


def client_from_settings(settings) -> LanguageToolClient:
    """The configured client; a local installation is started with language-tool-python."""
    table = dict(settings.table("languagetool"))
    check_keys(table, "languagetool", KEYS)
    language = table.get("language", settings.dialect)
    timeout = float(table.get("timeout", DEFAULT_TIMEOUT))
    if "url" in table:
        url = api_root(table["url"])
    elif "path" in table:
        url = _start_local(table["path"], language, timeout)
    else:
        raise ConfigError(
            "LanguageTool (LT) is selected but [tool.copydesk.languagetool] has no url "
            '(e.g. url = "http://localhost:8081") or path to a local installation'
        )
    level = table.get("level", "")
    if level not in ("", "default", "picky"):
        raise ConfigError("[tool.copydesk.languagetool] key 'level' must be default or picky")
    enabled = list(table.get("enabled-rules", []))
    disabled = [r for r in DEFAULT_DISABLED if r not in enabled]
    disabled += [r for r in table.get("disabled-rules", []) if r not in disabled]
    return LanguageToolClient(
        url=url,
        language=language,
        timeout=timeout,
        enabled_rules=enabled,
        disabled_rules=disabled,
        enabled_only=bool(table.get("enabled-only", False)),
        disabled_categories=list(table.get("disabled-categories", [])),
        level="" if level == "default" else level,
    )


def _start_local(path: str, language: str, timeout: float) -> str:
    """Start the LanguageTool server of a local installation with language-tool-python."""
    import os

    if not os.path.isdir(path):
        raise ConfigError(f"[tool.copydesk.languagetool] path {path!r} is not a folder")
    os.environ["LTP_PATH"] = path
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language)
    except Exception as exc:  # the library raises many kinds; the user needs one line
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BackendError(f"cannot start LanguageTool from {path}: {first}") from None
    return api_root(str(tool._url).split("/v2")[0])
