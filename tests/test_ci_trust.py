"""A CI check that never goes green by mistake (issue 16): strict rule ids and config, quotes
never edited, front-matter dates, exact spans with any line ending, honest outputs, and
``rules``/``explain`` that say what runs."""

from __future__ import annotations

import json
import random
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from conftest import positions

# ---- 1. selection and config that cannot be wrong silently ---------------------------------

DRAFT = "He saw the the ad.\n"


@pytest.mark.parametrize(
    ("config", "flags", "expected"),
    [
        (
            "",
            ["--select", "SPELLL"],
            "copydesk: error: --select: 'SPELLL' matches no rule (did you mean 'SPELL'?)",
        ),
        ("", ["--ignore", "CORE01X"], "copydesk: error: --ignore: 'CORE01X' matches no rule"),
        (
            'select = ["SPELLL"]\n',
            [],
            ".copydesk.toml:1: key 'select' names an unknown rule: "
            "'SPELLL' matches no rule (did you mean 'SPELL'?)",
        ),
        ('fail-on = "error"\nignore = ["STYLX"]\n', [], ".copydesk.toml:2: key 'ignore'"),
        (
            '\n[severity]\nSTYLX040 = "info"\n',
            [],
            ".copydesk.toml:3: key 'severity.STYLX040' "
            "names an unknown rule: 'STYLX040' matches no rule (did you mean 'STYLE040'?)",
        ),
        (
            '[per-file-ignores]\n"opinion/*" = ["STYLE42"]\n',
            [],
            ".copydesk.toml:2: key 'per-file-ignores.opinion/*' names an unknown rule",
        ),
    ],
)
def test_unknown_rule_ids_stop_the_run(tmp_path, run_cli, config, flags, expected):
    (tmp_path / "a.txt").write_text(DRAFT)
    if config:
        (tmp_path / ".copydesk.toml").write_text(config)
    code, out, err = run_cli("check", *flags, "a.txt")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err


def test_known_prefixes_ids_and_all_are_accepted(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(DRAFT)
    (tmp_path / ".copydesk.toml").write_text('ignore = ["STYLE"]\n[severity]\nCORE001 = "info"\n')
    code, out, _ = run_cli("check", "--select", "ALL,CORE001,SPELL", "a.txt")
    assert code == 0 and "info CORE001" in out


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("[grammar]\nbogus = 1\n", ".copydesk.toml:2: key 'grammar.bogus' is unknown"),
        (
            '[style]\ngide = "ap"\n',
            ".copydesk.toml:2: key 'style.gide' is unknown (did you mean 'guide'?)",
        ),
        (
            '\n[style]\nguide = "apx"\n',
            ".copydesk.toml:3: key 'style.guide' must be ap or british, not 'apx'",
        ),
        (
            "[spelling]\ncodespel = false\n",
            ".copydesk.toml:2: key 'spelling.codespel' is unknown (did you mean 'codespell'?)",
        ),
        (
            'rule-dirs = ["house"]\n',
            ".copydesk.toml:1: key 'rule-dirs': house: rule folder not found",
        ),
        ("[harper]\nenabled = 1\n", ".copydesk.toml:2: key 'harper.enabled' must be true or false"),
        (
            "[languagetool]\ntimeout = -1\n",
            ".copydesk.toml:2: key 'languagetool.timeout' must be a positive number",
        ),
        ("[newsroom]\nx = 1\n", ".copydesk.toml:1: key 'newsroom' is unknown"),
        ("[cache]\nenabled = true\nfolder = 'x'\n", ".copydesk.toml:3: key 'cache.folder'"),
    ],
)
def test_one_schema_for_every_table_names_file_and_line(tmp_path, run_cli, config, expected):
    (tmp_path / "a.txt").write_text(DRAFT)
    (tmp_path / ".copydesk.toml").write_text(config)
    code, out, err = run_cli("check", "a.txt")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err


def test_pyproject_tables_are_checked_with_their_line(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(DRAFT)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.copydesk]\nselect = ["CORE"]\n\n'
        "[tool.copydesk.facts]\ngazeteer = false\n"
    )
    code, _, err = run_cli("check", "a.txt")
    assert code == 2
    assert "pyproject.toml:8: key 'facts.gazeteer' is unknown (did you mean 'gazetteer'?)" in err


def test_a_house_pack_declares_its_own_table(tmp_path, monkeypatch):
    """A table no built-in pack knows is accepted when a loaded rule declares it, and its
    keys are checked against that declaration."""
    from linter import config, config_schema
    from linter.errors import ConfigError

    class HouseRule:
        id = "HOUSE001"

        def __init__(self) -> None:
            self.config_tables = {"house": {"strict": config_schema.BOOL}}

    monkeypatch.setattr("linter.registry.all_rules", lambda settings: [HouseRule()])
    path = tmp_path / ".copydesk.toml"
    path.write_text("[house]\nstrict = true\n")
    assert config.load_config(path).table("house") == {"strict": True}
    path.write_text("[house]\nstrict = 'yes'\n")
    with pytest.raises(ConfigError, match=r":2: key 'house.strict' must be true or false"):
        config.load_config(path)


# ---- 2. quotes are never edited ------------------------------------------------------------

QUOTED = (
    "---\ndate: 2023-02-10\n---\n\n"
    'He said: "I told President Donald Trump that we would win," at the rally.\n\n'
    "President Donald Trump spoke on Friday.\n"
)


def test_facts_inside_a_quotation_are_info_without_a_fix(tmp_path, run_json):
    (tmp_path / "q.md").write_text(QUOTED)
    _, report, _ = run_json("--select", "FACT002", "q.md")
    inside, outside = report["findings"]
    assert (inside["line"], inside["column"], inside["severity"]) == (5, 18, "info")
    assert "fix" not in inside and inside["message"].endswith("(in a quotation)")
    assert (outside["line"], outside["severity"], outside["fix"]) == (
        7,
        "error",
        "Former President Donald Trump",
    )


def test_fix_never_changes_a_byte_inside_quotation_marks(tmp_path, run_cli):
    text = QUOTED + '\nShe said: "the the plan is is good," and left left early.\n'
    (tmp_path / "q.md").write_text(text)
    run_cli("check", "--fix", "q.md")
    fixed = (tmp_path / "q.md").read_text()
    assert '"I told President Donald Trump that we would win,"' in fixed
    assert '"the the plan is is good,"' in fixed
    assert "Former President Donald Trump spoke" in fixed and "left early" in fixed


def test_no_finding_inside_a_quotation_carries_a_fix():
    from linter.formats import build_document
    from linter.runner import lint_text

    text = 'The mayor said "we will will win the the vote" today today.\n'
    doc = build_document("q.txt", text)
    findings = lint_text(text, "q.txt", select=["CORE"])
    assert [(f.rule, f.column) for f in findings] == [
        ("CORE001", text.index("will will") + 1),
        ("CORE001", text.index("the the") + 1),
        ("CORE001", text.index("today today") + 1),
    ]
    for f in findings:
        assert (f.fix is None) == (doc.quotes.containing(f.start, f.end) is not None)


def test_punctuation_at_a_closing_mark_is_still_fixed():
    from linter.runner import lint_text
    from linter.settings import Settings

    settings = Settings(select=["STYLE001"], tables={"style": {"guide": "ap"}})
    (finding,) = lint_text('She called it a "disaster", then left.', settings=settings)
    assert finding.fix == ',"'


# ---- 3. dates in front matter --------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stale"),
    [
        ("February 10, 2023", True),
        ("10 Feb 2023", True),
        ("2023-02-10", True),
        ("Friday, February 10, 2023", True),
        ("2017-06-01", False),
    ],
)
def test_written_front_matter_dates_date_the_article(tmp_path, run_json, written, stale):
    (tmp_path / "d.md").write_text(f"---\ndate: {written}\n---\n\nPresident Donald Trump spoke.\n")
    _, report, _ = run_json("--select", "FACT002", "d.md")
    assert bool(report["findings"]) is stale


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("2023-02-31", "'2023-02-31' is not a day of the calendar"),
        ("soon", "'soon' is not a date"),
        ("February 30, 2023", "'February 30, 2023' is not a day of the calendar"),
    ],
)
def test_a_bad_front_matter_date_is_one_line_and_the_run_goes_on(
    tmp_path, run_cli, written, problem
):
    (tmp_path / "bad.md").write_text(
        f"---\ntitle: Ad\ndate: {written}\n---\n\nHe saw the the ad.\n"
    )
    (tmp_path / "good.md").write_text("He saw the the ad.\n")
    code, out, err = run_cli("check", "bad.md", "good.md")
    assert code == 2
    assert err == f"copydesk: error: bad.md:3: front matter 'date': {problem}"[: len(err)] or (
        err.startswith(f"copydesk: error: bad.md:3: front matter 'date': {problem}")
    )
    assert err.count("\n") == 1
    assert "good.md:1:8: error CORE001" in out and "bad.md:" not in out
    assert "Not linted: 1 file (bad.md)" in out
    code, out, _ = run_cli("check", "--format", "json", "bad.md", "good.md")
    report = json.loads(out)
    assert [n["path"] for n in report["not_linted"]] == ["bad.md"]
    assert positions(report["findings"]) == [("CORE001", 1, 8)]


# ---- 4. exact spans with every line ending -------------------------------------------------


def test_crlf_furniture_span_and_message_have_no_carriage_return(tmp_path, run_json):
    (tmp_path / "f.md").write_bytes(b"He left.\r\n\r\nLeave a Comment\r\n")
    _, report, _ = run_json("--select", "FURN001", "f.md")
    (finding,) = report["findings"]
    assert (finding["line"], finding["column"], finding["end_column"]) == (3, 1, 16)
    assert "'Leave a Comment'" in finding["message"]


WORDS = (
    "the the President Donald Trump said said recieve its it's an apple a apple "
    "Leave a Comment Share this: , ; . ! \u201c \u201d \" ' 2023 Friday, February 10, 2023 "
    "on on Needless to say miniscule only time will tell Hundreds 5 percent"
).split(" ")


def _random_document(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 8)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(0, 14))]
        lines.append(" ".join(w for w in words if w))
    return "\n".join(lines) + rng.choice(["", "\n"])


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_lf_crlf_and_cr_copies_give_the_same_findings(seed, fmt):
    from linter.runner import lint_text
    from linter.settings import Settings

    rng = random.Random(seed)
    text = _random_document(rng)
    settings = Settings(date=None, tables={"style": {"guide": "ap"}})

    def shape(findings):
        return [
            (f.rule, f.line, f.column, f.end_line, f.end_column, f.message, f.severity)
            for f in findings
        ]

    lf = lint_text(text, format=fmt, settings=settings)
    for ending in ("\r\n", "\r"):
        other_text = text.replace("\n", ending)
        other = lint_text(other_text, format=fmt, settings=settings)
        assert shape(other) == shape(lf), (ending, text)
        for f in other:  # offsets index the original text and never cover a line ending
            span = other_text[f.start : f.end]
            assert not span.endswith(("\r", "\n")) and not span.startswith(("\r", "\n"))


# ---- 5. outputs that tell the truth --------------------------------------------------------

# The common JUnit schema (Jenkins' junit.xsd, as GitLab and Azure read it): for each element
# the attributes it may carry and the children it may hold.
JUNIT_SCHEMA = {
    "testsuites": (
        {"name", "time", "tests", "failures", "disabled", "errors"},
        {"testsuite"},
    ),
    "testsuite": (
        {
            "name",
            "tests",
            "failures",
            "errors",
            "group",
            "time",
            "disabled",
            "skipped",
            "timestamp",
            "hostname",
            "id",
            "package",
            "file",
            "log",
            "url",
            "version",
        },
        {"testcase", "properties", "system-out", "system-err"},
    ),
    "testcase": (
        {"name", "assertions", "time", "classname", "status"},
        {"skipped", "error", "failure", "system-out", "system-err"},
    ),
    "failure": ({"message", "type"}, set()),
    "error": ({"message", "type"}, set()),
    "skipped": ({"message"}, set()),
    "system-out": (set(), set()),
    "system-err": (set(), set()),
}
REQUIRED = {"testsuite": {"name", "tests"}, "testcase": {"name"}}
COUNTS = ("tests", "failures", "errors")


def check_junit_schema(element: ET.Element) -> None:
    attributes, children = JUNIT_SCHEMA[element.tag]
    assert set(element.attrib) <= attributes, (element.tag, element.attrib)
    assert REQUIRED.get(element.tag, set()) <= set(element.attrib), element.tag
    for name in COUNTS:
        if name in element.attrib:
            assert element.attrib[name].isdigit()
    for child in element:
        assert child.tag in children, (element.tag, child.tag)
        check_junit_schema(child)


def test_junit_fails_only_at_the_fail_level_and_fits_the_schema(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text("He saw the the ad.\nIt was  seen.\n")
    (tmp_path / ".copydesk.toml").write_text('[severity]\nCORE002 = "info"\n')
    code, out, _ = run_cli("check", "--format", "junit", "--select", "CORE", "a.txt")
    assert code == 1
    root = ET.fromstring(out)
    check_junit_schema(root)
    cases = {c.get("name"): c for c in root.iter("testcase")}
    assert cases["CORE001 at 1:8"].find("failure") is not None
    info = cases["CORE002 at 2:7"]
    assert info.find("failure") is None and "info CORE002" in info.find("system-out").text
    assert root.get("failures") == "1" and root.get("tests") == "2"


def test_junit_reports_a_file_not_linted_as_an_error(tmp_path, run_cli):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, _ = run_cli("check", "--format", "junit", "bin.txt")
    assert code == 2
    root = ET.fromstring(out)
    check_junit_schema(root)
    (case,) = root.iter("testcase")
    assert case.find("error") is not None and root.get("errors") == "1"


def test_json_lists_the_files_not_linted(tmp_path, run_json):
    (tmp_path / "ok.txt").write_text("Fine.\n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9\n".encode("latin-1"))
    code, report, _ = run_json("ok.txt", "bin.txt", "latin.txt")
    assert code == 2
    assert [n["path"] for n in report["not_linted"]] == ["bin.txt", "latin.txt"]
    assert "binary file" in report["not_linted"][0]["reason"]
    assert len(report["errors"]) == 2


def test_github_format_annotates_input_errors(tmp_path, run_cli):
    (tmp_path / "d.md").write_text("---\ndate: 2023-02-31\n---\n\nText.\n")
    code, out, _ = run_cli("check", "--format", "github", "d.md")
    assert code == 2
    assert out.startswith("::error file=d.md,line=2,title=copydesk%3A not checked::d.md:2: ")


# ---- 9. rules and explain -------------------------------------------------------------------


def test_rules_lists_every_rule_with_its_effective_severity(tmp_path, run_cli):
    from linter.registry import all_rules
    from linter.settings import Settings

    code, out, _ = run_cli("rules")
    assert code == 0 and "( guide only)" not in out
    lines = [line for line in out.splitlines() if line[:1].isupper() and " " in line]
    rows = {line.split()[0]: line.split() for line in lines if line.split()[0][-1].isdigit()}
    import re

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    stated = int(re.search(r"lists every rule \((\d+) today\)", readme)[1])
    assert len(rows) == len(all_rules(Settings())) == stated  # the README's count is true
    assert rows["CORE001"][1:4] == ["on", "error", "core"]
    assert rows["STYLE001"][1:3] == ["on", "info"]  # a guide's rule advises until chosen
    assert rows["STYLE002"][1:3] == ["off", "-"] and "british guide only" in out
    assert rows["HARPER001"][1] == "off" and "opt-in" in " ".join(rows["HARPER001"])
    (tmp_path / ".copydesk.toml").write_text('[style]\nguide = "ap"\n')
    _, out, _ = run_cli("rules")
    assert "STYLE001   on   warning  style" in out


def test_explain_shows_the_status_and_dated_examples_without_internals(run_cli):
    code, out, _ = run_cli("explain", "FACT002")
    assert code == 0 and "Status: on" in out and "Pack: facts" in out
    bad = [line for line in out.splitlines() if line.startswith("  bad")]
    good = [line for line in out.splitlines() if line.startswith("  good")]
    assert bad[0].startswith("  bad (article dated 2023-02-10):")
    assert not set(bad) & set(good)
    _, out, _ = run_cli("explain", "STYLE001")
    assert "Severity: info (warning by default)" in out
    _, out, _ = run_cli("explain", "CORE001")
    for internal in ("automaton", "Kind:", "``"):
        assert internal not in out


def test_a_garbled_name_inside_a_quotation_stays_an_error_without_a_fix():
    """The speaker's claims are theirs (info), but a misspelt name in a quote is the
    transcriber's slip, like a misspelling there: still an error, never fixed."""
    from linter.runner import lint_text

    text = (
        "Internet Explorer 6 was released in 2001.\n\n"
        '"Ten years ago a browser was born. Its name was Intrrnet Explorer 6," he said.\n'
    )
    (finding,) = lint_text(text, "q.txt", select=["FACT001"])
    assert (finding.line, finding.severity, finding.fix) == (3, "error", None)
    assert finding.message.endswith("(in a quotation)")


def test_github_format_annotates_a_config_error(tmp_path, run_cli):
    (tmp_path / "a.txt").write_text(DRAFT)
    (tmp_path / ".copydesk.toml").write_text('ignore = ["CORE"]\nselect = ["SPELLL"]\n')
    code, out, err = run_cli("check", "--format", "github", "a.txt")
    assert code == 2 and "did you mean 'SPELL'?" in err
    assert out.startswith("::error file=.copydesk.toml,line=2,title=copydesk%3A not checked::")
