"""A review page for editors: one self-contained HTML file (no scripts, fonts or images
fetched from anywhere) that shows each article with its slips highlighted in place, coloured
by severity, with the explanation and the fix on hover or keyboard focus, and a summary by
rule at the top.

Slips are placed by line and column (code points) on the article's own text, so they land
exactly where the terminal output says. Overlapping slips are merged into one highlight whose
note lists each of them; the highlight takes the most severe colour.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from linter import __version__
from linter.finding import SEVERITY_RANK
from linter.reporters import Report

CSS = """
:root{--error:#c62828;--error-bg:#fde0dc;--warning:#b26a00;--warning-bg:#fff1c2;
--info:#1565c0;--info-bg:#dcecfd;--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);
background:#f6f6f8}
header,main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
h1{font-size:1.5rem;margin:.5rem 0}
.counts span{display:inline-block;margin-right:1rem;font-weight:600}
.counts .error{color:var(--error)}.counts .warning{color:var(--warning)}.counts .info{color:var(--info)}
table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0 1.5rem}
th,td{text-align:left;padding:.35rem .6rem;border-bottom:1px solid var(--rule);vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.sev{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}.sev.info{color:var(--info)}
article{background:#fff;border:1px solid var(--rule);border-radius:6px;margin:1.5rem 0;padding:0 1.25rem 1rem}
article h2{font-size:1.05rem;margin:0 -1.25rem 1rem;padding:.6rem 1.25rem;border-bottom:1px solid var(--rule);
font-family:ui-monospace,SFMono-Regular,Menlo,monospace}
article h2 small{font-family:system-ui,sans-serif;font-weight:400;color:var(--muted);margin-left:.5rem}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font:17px/1.7 Georgia,"Times New Roman",serif;margin:0}
mark.slip{position:relative;border-radius:2px;padding:0 1px;cursor:help;color:inherit;
text-decoration:underline wavy;text-decoration-skip-ink:none;text-underline-offset:3px}
mark.slip.error{background:var(--error-bg);text-decoration-color:var(--error)}
mark.slip.warning{background:var(--warning-bg);text-decoration-color:var(--warning)}
mark.slip.info{background:var(--info-bg);text-decoration-color:var(--info)}
mark.slip:focus{outline:2px solid var(--ink);outline-offset:1px}
.note{display:none;position:absolute;z-index:10;left:0;top:1.9em;width:max-content;max-width:26rem;
background:#202124;color:#fff;border-radius:6px;padding:.55rem .75rem;white-space:normal;
font:14px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25);text-align:left}
mark.slip:hover .note,mark.slip:focus .note,mark.slip:focus-within .note{display:block}
.note b{font-weight:700}.note .fix{display:block;margin-top:.25rem;color:#a8e6a1}
.note .why{display:block;margin-top:.25rem;color:#c9c9cf}
.note .item+.item{display:block;border-top:1px solid #444;margin-top:.4rem;padding-top:.4rem}
.note .sevtag{font-size:.72rem;font-weight:700;text-transform:uppercase;margin-right:.35rem}
.note .sevtag.error{color:#ff8a80}.note .sevtag.warning{color:#ffd180}.note .sevtag.info{color:#82b1ff}
.clean{color:var(--muted)}
footer{max-width:60rem;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.85rem}
"""


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def _offset(starts: list[int], text: str, line: int, column: int) -> int:
    if line - 1 >= len(starts):
        return len(text)
    return min(starts[line - 1] + column - 1, len(text))


def _clusters(findings: list, text: str) -> list[tuple[int, int, list]]:
    """Findings as (start, end, findings) highlights; overlapping spans merge into one."""
    starts = _line_starts(text)
    spans = []
    for f in findings:
        start = _offset(starts, text, f.line, f.column)
        end = max(_offset(starts, text, f.end_line, f.end_column), start + 1)
        spans.append((start, end, f))
    spans.sort(key=lambda span: (span[0], span[1]))
    merged: list[tuple[int, int, list]] = []
    for start, end, f in spans:
        if merged and start < merged[-1][1]:
            s, e, group = merged[-1]
            merged[-1] = (s, max(e, end), [*group, f])
        else:
            merged.append((start, min(end, len(text)), [f]))
    return merged


def _note(findings: list, rules) -> str:
    items = []
    for f in findings:
        rule = rules.get(f.rule) if rules else None
        name = f" ({escape(rule.name)})" if rule is not None and rule.name else ""
        parts = [
            f'<span class="item"><span class="sevtag {f.severity}">{f.severity}</span>',
            f"<b>{escape(f.rule)}</b>{name}: {escape(f.message)}",
        ]
        if f.fix is not None:
            parts.append(f'<span class="fix">Fix: {escape(repr(f.fix)[1:-1]) or "delete"}</span>')
        elif f.suggestions:
            parts.append(
                f'<span class="fix">Suggested: {escape(", ".join(f.suggestions[:3]))}</span>'
            )
        if rule is not None and rule.why:
            parts.append(f'<span class="why">{escape(rule.why)}</span>')
        parts.append("</span>")
        items.append("".join(parts))
    return "".join(items)


def _article(path: str, text: str, findings: list, rules, counter: list[int]) -> str:
    out = []
    pos = 0
    for start, end, group in _clusters(findings, text):
        if start < pos:
            continue
        worst = max(group, key=lambda f: SEVERITY_RANK[f.severity]).severity
        counter[0] += 1
        n = counter[0]
        rules_attr = " ".join(dict.fromkeys(f.rule for f in group))
        out.append(escape(text[pos:start]))
        out.append(
            f'<mark class="slip {worst}" tabindex="0" id="slip-{n}" data-rules="{rules_attr}" '
            f'aria-describedby="note-{n}">{escape(text[start:end])}'
            f'<span class="note" role="tooltip" id="note-{n}">{_note(group, rules)}</span></mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    counts = Counter(f.severity for f in findings)
    plural = {"error": "errors", "warning": "warnings", "info": "info"}
    summary = ", ".join(
        f"{counts[s]} {s if counts[s] == 1 else plural[s]}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    return (
        f'<article data-path="{escape(path)}"><h2>{escape(path)}<small>{summary}</small></h2>'
        f'<pre class="text">{"".join(out)}</pre></article>'
    )


def _help(rule) -> str:
    """The rule's help inline (why, source, examples), opened from the rule table."""
    if rule is None:
        return ""
    parts = [f"<p>{escape(rule.why)}</p>" if rule.why else ""]
    if rule.source:
        parts.append(f"<p>Source: {escape(rule.source)}</p>")
    items = []
    for example in rule.examples:
        dated = f" (article dated {escape(example.date)})" if example.date else ""
        if example.bad:
            items.append(f"<li>Bad{dated}: <q>{escape(example.bad)}</q></li>")
        if example.good:
            items.append(f"<li>Good{dated}: <q>{escape(example.good)}</q></li>")
    if items:
        parts.append(f"<ul>{''.join(items)}</ul>")
    return f'<div class="help">{"".join(parts)}</div>'


def _rule_table(findings: list, rules) -> str:
    by_rule = Counter(f.rule for f in findings)
    severity = {f.rule: f.severity for f in findings}
    rows = []
    for rule_id, count in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
        rule = rules.get(rule_id) if rules else None
        name = escape(rule.name) if rule is not None else ""
        sev = severity[rule_id]
        rows.append(
            f'<tr data-rule="{rule_id}"><td><details><summary>{rule_id}</summary>'
            f"{_help(rule)}</details></td>"
            f'<td>{name}</td><td class="sev {sev}">{sev}</td><td class="n">{count}</td></tr>'
        )
    return (
        '<table class="rules"><thead><tr><th>Rule</th><th>Name</th><th>Severity</th>'
        f'<th class="n">Slips</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render(report: Report) -> str:
    s = report.summary()
    by_path: dict[str, list] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    counter = [0]
    articles = []
    for path, findings in by_path.items():
        text = report.texts.get(path)
        if text is None:
            items = "".join(
                f"<li>{f.line}:{f.column} <b>{escape(f.rule)}</b> {escape(f.message)}</li>"
                for f in findings
            )
            articles.append(f"<article><h2>{escape(path)}</h2><ul>{items}</ul></article>")
        else:
            articles.append(_article(path, text, findings, report.rules, counter))
    clean = [p for p in report.paths if p not in by_path]
    clean_html = f'<p class="clean">No slips in: {escape(", ".join(clean))}.</p>' if clean else ""
    errors = "".join(f"<li>{escape(e)}</li>" for e in report.errors)
    counts = (
        f'<span class="error">{s["errors"]} errors</span>'
        f'<span class="warning">{s["warnings"]} warnings</span>'
        f'<span class="info">{s["infos"]} info</span>'
        f"<span>{s['files']} file{'s' * (s['files'] != 1)}</span>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>copydesk review: {s['findings']} slips</title><style>{CSS}</style></head><body>"
        f'<header><h1>copydesk review</h1><p class="counts">{counts}</p>'
        "<p>Hover over or tab to a highlighted slip to see what is wrong and how to fix it.</p>"
        f"{_rule_table(report.findings, report.rules) if report.findings else ''}"
        f"{f'<ul class=errors>{errors}</ul>' if errors else ''}</header>"
        f"<main>{''.join(articles)}{clean_html}</main>"
        f"<footer>copydesk {__version__}</footer></body></html>\n"
    )
