"""The partner directory validator: every mistake a partner can make gets a message
that names the file, the line, the field and what was expected.

Each test copies a real actor file (directory/frk-borga.yml) into a temporary folder,
breaks it in one way and checks the wording a partner would read.
"""
from __future__ import annotations

import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from hooks.directory import DirectoryResult, Problem, load_directory  # noqa: E402

DIRECTORY = REPO / "directory"
BASE_FILE = DIRECTORY / "frk-borga.yml"
TODAY = date(2024, 6, 1)

REQUIRED_IDS = {
    "invandrartjansterna", "moi", "meeting-point", "kombi", "luckan-integration", "navigatorn",
    "mll-borga", "multicultural-association-of-porvoo", "polisen", "fpa", "frk-borga",
    "lutherska-forsamlingarna", "careeria", "borga-folkakademi", "linnankosken-lukio-vuxenlinjen",
    "testipiste", "posintra", "a-bolagen", "ntm-centralen", "kommunforsoket-med-sysselsattning",
    "helsingfors-diakonissanstalt-fadderfamiljer", "sos-centret", "rehabiliteringscentret-for-torterade",
    "vi-laser-tillsammans", "nuotta", "rodret", "borga-stadsbibliotek", "ungdomstjansterna",
    "barn-och-familjetjansterna", "vuxensocialarbetet", "handikappservice", "social-rehabilitering",
    "halsovardstjansterna", "smabarnspedagogik-och-forskoleundervisning", "grundlaggande-utbildning",
    "kultur-och-fritidstjansterna", "boendeforvaltningen", "te-byran", "tolk-och-oversattningstjanster",
}


# --- helpers ----------------------------------------------------------------------------

def base(*drop: str) -> str:
    """The real FRK entry, without the top-level fields named in drop (so a test can add its own)."""
    kept, skipping = [], False
    for line in BASE_FILE.read_text(encoding="utf-8").splitlines(keepends=True):
        if line[:1] not in (" ", "#", "\n", "-"):
            skipping = line.split(":", 1)[0] in drop
        if not skipping:
            kept.append(line)
    return "".join(kept)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, start: str, after: int = 0) -> int:
    """1-based number of the first line (after line `after`) that starts with `start`."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > after and line.startswith(start):
            return number
    raise AssertionError(f"no line starts with {start!r}")


def last_line(text: str) -> int:
    return len(text.splitlines())


def check(folder: Path, today: date = TODAY) -> DirectoryResult:
    return load_directory(folder, today)


def find(problems: list[Problem], file_name: str, line: int | None, field: str | None,
         *phrases: str) -> Problem:
    """The problem at that place whose text contains every phrase."""
    for problem in problems:
        if Path(problem.path).name == file_name and problem.line == line and problem.field == field \
                and all(phrase in str(problem) for phrase in phrases):
            return problem
    listing = "\n\n".join(str(p) for p in problems) or "(no problems)"
    raise AssertionError(f"no problem for {file_name} line {line} field {field!r}; got:\n{listing}")


def assert_error(result: DirectoryResult, file_name: str, line: int | None, field: str | None,
                 *phrases: str) -> str:
    """The error exists, and its text names the file, line, field and every phrase."""
    problem = find(result.errors, file_name, line, field, *phrases)
    text = str(problem)
    assert file_name in text
    if line is not None:
        assert f"line {line}" in text
    if field is not None:
        assert f'field "{field}"' in text
    for phrase in phrases:
        assert phrase in text, f"{phrase!r} not in:\n{text}"
    assert result.actors == [], "the site must get no actors while any file has an error"
    return text


def with_field(text: str, yaml_lines: str) -> tuple[str, int]:
    """Append top-level YAML; return the new text and the line where the addition starts."""
    return text + yaml_lines, last_line(text) + 1


# --- the real directory -----------------------------------------------------------------

def test_real_directory_has_no_errors():
    result = load_directory(DIRECTORY, date.today())
    assert result.errors == [], "\n\n".join(str(p) for p in result.errors)
    ids = {actor["id"] for actor in result.actors}
    assert REQUIRED_IDS <= ids, f"missing actors: {sorted(REQUIRED_IDS - ids)}"
    assert result.files_checked == len(result.actors) == len(list(DIRECTORY.glob("*.yml")))
    for actor in result.actors:
        assert actor.get("source"), f"{actor['id']} must say where its facts come from"
        assert "reviewed" not in actor, "no partner has confirmed an entry yet"
    # Every entry is flagged for review, but that does not fail the build.
    assert {p.field for p in result.warnings} == {"reviewed"}
    assert all(p.severity == "warning" for p in result.warnings)


def test_problem_reads_as_plain_language():
    problem = Problem("directory/frk-borga.yml", 12, "email", '"info(at)frk" is not an e-mail address',
                      "an e-mail address", "name@example.fi")
    assert str(problem) == ('directory/frk-borga.yml, line 12, field "email": "info(at)frk" is not an e-mail address.\n'
                            "  Expected: an e-mail address like name@example.fi")


# --- files that cannot be read ----------------------------------------------------------

def test_yaml_syntax_error(tmp_path):
    text, line = with_field(base("website"), "website: https://www.redcross.fi: Finland\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, None,
                 "YAML syntax error at column", "a colon (:) is in a place where it is not expected",
                 "Expected: valid YAML")


def test_unclosed_quote(tmp_path):
    text, _ = with_field(base("alternate_name"), 'alternate_name: "FRK\n')
    write(tmp_path, "frk-borga.yml", text)
    result = check(tmp_path)
    assert_error(result, "frk-borga.yml", result.errors[0].line, None, "YAML syntax error")


def test_tab_indentation(tmp_path):
    text = base()
    line = line_of(text, "  sv:")
    lines = text.splitlines(keepends=True)
    lines[line - 1] = "\t" + lines[line - 1].lstrip(" ")
    write(tmp_path, "frk-borga.yml", "".join(lines))
    assert_error(check(tmp_path), "frk-borga.yml", line, None,
                 "a tab character is used for indentation", "Expected: spaces at the start of the line")


@pytest.mark.parametrize(("text", "shape"), [
    ("- id: frk-borga\n- kind: organization\n", 'a list (lines starting with "- ")'),
    ("Finlands Röda Kors\n", "a single value"),
])
def test_not_a_mapping(tmp_path, text, shape):
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", 1, None, f"the file contains {shape}, not fields",
                 "Expected: fields written as name: value")


def test_empty_file(tmp_path):
    write(tmp_path, "frk-borga.yml", "# nothing yet\n")
    assert_error(check(tmp_path), "frk-borga.yml", None, None, "the file is empty")


def test_multiple_documents(tmp_path):
    text = base() + "---\nid: second\n"
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", last_line(text) - 1, None, "more than one document")


def test_duplicate_keys(tmp_path):
    text, line = with_field(base(), "kind: parish\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, None,
                 f'the field "kind" appears twice (first on line {line_of(text, "kind:")})',
                 "Expected: each field only once")


def test_oversized_file(tmp_path):
    text = base() + "# " + "x" * (64 * 1024) + "\n"
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", None, None, "larger than 64 KiB", "Expected: a file of at most 64 KiB")


def test_non_utf8_file(tmp_path):
    text = base()
    name = "Finlands Röda Kors, Borgå avdelning"
    raw = text.encode("utf-8").replace(name.encode("utf-8"), name.encode("latin-1"), 1)
    write(tmp_path, "frk-borga.yml", raw)
    assert_error(check(tmp_path), "frk-borga.yml", line_of(text, f"  sv: {name}"), None,
                 "byte 0xF6", "is not UTF-8", '"ö"', "Expected: a file saved with the encoding UTF-8")


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ['id: frk-borga', 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    write(tmp_path, "frk-borga.yml", "\n".join(lines) + "\n")
    started = time.perf_counter()
    result = check(tmp_path)
    assert time.perf_counter() - started < 5
    assert_error(result, "frk-borga.yml", 2, None, "aliases are not allowed")


def test_single_alias_is_refused(tmp_path):
    text, line = with_field(base("alternate_name"), "alternate_name: &short FRK\nextra: *short\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, None, "aliases are not allowed",
                 "Expected: every value written out in full")


def test_python_tag_is_refused_and_never_executed(tmp_path):
    marker = tmp_path / "executed"
    text, line = with_field(base(), f'x: !!python/object/apply:os.system ["touch {marker}"]\n')
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, None,
                 'the tag "!!python/object/apply:os.system" is not allowed')
    assert not marker.exists()


def test_custom_tag_is_refused(tmp_path):
    text, line = with_field(base("alternate_name"), "alternate_name: !secret FRK\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, None, 'the tag "!secret" is not allowed')


def test_standard_scalar_tag_is_allowed(tmp_path):
    text, _ = with_field(base("alternate_name"), "alternate_name: !!str FRK\n")
    write(tmp_path, "frk-borga.yml", text)
    assert check(tmp_path).errors == []


# --- schema problems --------------------------------------------------------------------

def test_unknown_field_with_suggestion(tmp_path):
    text, line = with_field(base("email"), "emial: info@example.fi\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "emial",
                 'unknown field "emial"; did you mean "email"?', "Expected: one of the fields id, name")


def test_unknown_field_synonym(tmp_path):
    text, line = with_field(base("website"), "url: https://www.redcross.fi\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "url", 'unknown field "url"; did you mean "website"?')


@pytest.mark.parametrize(("code", "language", "other"), [("sv", "Swedish", "fi"), ("fi", "Finnish", "sv")])
def test_missing_name_in_required_language(tmp_path, code, language, other):
    text = base()
    name_line = line_of(text, "name:")
    lines = text.splitlines(keepends=True)
    drop = line_of(text, f"  {code}:", after=name_line) - 1
    del lines[drop]
    write(tmp_path, "frk-borga.yml", "".join(lines))
    assert_error(check(tmp_path), "frk-borga.yml", name_line, f"name.{code}",
                 f"the {language} name (name.{code}) is missing",
                 f'Expected: a line "{code}: …" under "name:" with the name in {language}')


def test_missing_kind(tmp_path):
    write(tmp_path, "frk-borga.yml", base("kind"))
    assert_error(check(tmp_path), "frk-borga.yml", None, "kind", 'the required field "kind" is missing',
                 "one of municipal_service", "kind: organization")


@pytest.mark.parametrize(("addition", "field", "found", "expected"), [
    ("languages: fi\n", "languages", 'found text ("fi"), but this field must be a list',
     'Expected: a list: each item on its own line starting with "- "'),
    ("alternate_name: [FRK, SPR]\n", "alternate_name", "found a list, but this field must be text", "Expected: text"),
    ("phones:\n  - number: +358195202111\n", "phones[0].number",
     "found a number (+358195202111), but this field must be text", "put the value in quotes"),
    ('programme_chapters: ["2.4", 4]\n', "programme_chapters[1]", "found a number (4)", "put the value in quotes"),
])
def test_wrong_type(tmp_path, addition, field, found, expected):
    key = addition.split(":", 1)[0]
    text, line = with_field(base(key), addition)
    if "\n  " in addition:
        line += 1  # the value is on the line after the field name
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, field, found, expected)


def test_name_given_as_text_instead_of_languages(tmp_path):
    text = base("name") + "name: Finlands Röda Kors\n"
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", last_line(text), "name",
                 'found text ("Finlands Röda Kors"), but this field must be a group of fields',
                 "one line per language under the field: sv: Swedish, fi: Finnish", "Example:")


def test_unknown_enum_value_with_suggestion(tmp_path):
    text = base("kind") + "kind: organisation\n"
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", last_line(text), "kind",
                 '"organisation" is not one of the allowed values; did you mean "organization"?',
                 "Expected: one of: municipal_service")


def test_unknown_language_code(tmp_path):
    text, line = with_field(base("languages"), "languages: [fi, swe]\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "languages[1]", '"swe" is not one of the allowed values',
                 "two-letter ISO 639-1 language code")


# --- checks beyond the schema -----------------------------------------------------------

def test_id_not_matching_file_name(tmp_path):
    text = base()
    write(tmp_path, "frk.yml", text)
    assert_error(check(tmp_path), "frk.yml", line_of(text, "id:"), "id",
                 'the id "frk-borga" is not the same as the file name "frk.yml"',
                 "Expected: the id to be the file name without .yml like id: frk")


def test_duplicate_ids(tmp_path):
    text = base()
    write(tmp_path, "frk-borga.yml", text)
    write(tmp_path, "frk-borga-copy.yml", text)
    result = check(tmp_path)
    assert_error(result, "frk-borga-copy.yml", line_of(text, "id:"), "id",
                 'the id "frk-borga" is already used in', "frk-borga.yml (line", "id: frk-borga-copy")
    # The file that is named after the id keeps it.
    assert not [p for p in result.errors if Path(p.path).name == "frk-borga.yml"]


def test_invalid_email(tmp_path):
    text, line = with_field(base("email"), "email: info(at)frk\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "email",
                 'field "email": "info(at)frk" is not an e-mail address.',
                 "Expected: an e-mail address like name@example.fi")


@pytest.mark.parametrize("email", ["info@redcross.fi", "borga.avdelning+info@example.fi"])
def test_valid_email(tmp_path, email):
    write(tmp_path, "frk-borga.yml", base("email") + f"email: {email}\n")
    assert check(tmp_path).errors == []


@pytest.mark.parametrize(("number", "reason"), [
    ("abc 123", '"abc 123" is not a phone number'),
    ("+358 (0)19 520 2111", "leave out (0) after +358"),
    ("12", '"12" is not a phone number'),
    ("+358 19 520 2111 2222 3333", "is not a phone number"),
])
def test_invalid_phone(tmp_path, number, reason):
    text, line = with_field(base("phones"), f'phones:\n  - number: "{number}"\n')
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line + 1, "phones[0].number", reason,
                 "Expected: a phone number with digits, spaces or hyphens")


@pytest.mark.parametrize("number", ["+358 19 520 2111", "019 520 2111", "040-123 4567", "116 117"])
def test_valid_phone(tmp_path, number):
    write(tmp_path, "frk-borga.yml", base("phones") + f'phones:\n  - number: "{number}"\n')
    assert check(tmp_path).errors == []


@pytest.mark.parametrize(("url", "reason"), [
    ("www.redcross.fi", 'the web address "www.redcross.fi" does not start with https://'),
    ('"https://www.red cross.fi"', "contains a space"),
    ("ftp://ftp.redcross.fi", 'only https:// and http:// addresses are allowed, not "ftp:"'),
    ("https://", "has no site name after https://"),
    ("https://localhost/", "is not valid"),
    ("https://user:secret@www.redcross.fi", "contains a user name or password"),
    ("mailto:info@redcross.fi", 'put the e-mail address in the field "email"'),
])
def test_invalid_url(tmp_path, url, reason):
    text, line = with_field(base("website"), f"website: {url}\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "website", reason,
                 "Expected: a web address starting with https:// (or http://) like https://www.porvoo.fi")


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JavaScript:alert(1)"])
def test_javascript_url(tmp_path, url):
    text, line = with_field(base("website"), f"website: {url}\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "website",
                 'web addresses starting with "javascript:" are not allowed')


def test_data_url(tmp_path):
    text, line = with_field(base("website"), "website: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "website", 'web addresses starting with "data:" are not allowed')


@pytest.mark.parametrize("scheme", ["vbscript", "file"])
def test_other_dangerous_urls(tmp_path, scheme):
    text, line = with_field(base("website"), f"website: {scheme}:x\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "website", f'"{scheme}:" are not allowed')


def test_service_url_is_checked_too(tmp_path):
    text = base()
    service_line = line_of(text, "    needs:")
    lines = text.splitlines(keepends=True)
    lines.insert(service_line, "    url: javascript:alert(1)\n")
    write(tmp_path, "frk-borga.yml", "".join(lines))
    assert_error(check(tmp_path), "frk-borga.yml", service_line + 1, "services[0].url", '"javascript:" are not allowed')


def test_future_date(tmp_path):
    text, line = with_field(base(), "reviewed: 2024-06-02\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path, today=date(2024, 6, 1)), "frk-borga.yml", line, "reviewed",
                 "the date 2024-06-02 is in the future (today is 2024-06-01)",
                 "Expected: the date when the partner actually checked the entry")


@pytest.mark.parametrize("value", ["2024-02-30", "31.12.2023", "2024-6-1", "yesterday"])
def test_unparsable_date(tmp_path, value):
    text, line = with_field(base(), f"reviewed: {value}\n")
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, "reviewed", f'"{value}" is not a valid date',
                 "Expected: a date written as YYYY-MM-DD like 2024-05-31")


def test_review_older_than_a_year_is_only_a_warning(tmp_path):
    text, line = with_field(base(), "reviewed: 2023-05-31\n")
    write(tmp_path, "frk-borga.yml", text)
    result = check(tmp_path, today=date(2024, 6, 1))
    assert result.errors == [] and len(result.actors) == 1
    warning = find(result.warnings, "frk-borga.yml", line, "reviewed")
    assert str(warning).startswith("Warning: ")
    assert "more than 12 months ago" in str(warning)


def test_recent_review_gives_no_warning(tmp_path):
    write(tmp_path, "frk-borga.yml", base() + "reviewed: 2024-05-31\n")
    result = check(tmp_path, today=date(2024, 6, 1))
    assert result.errors == [] and result.warnings == []


def test_missing_review_is_a_warning(tmp_path):
    write(tmp_path, "frk-borga.yml", base())
    result = check(tmp_path)
    assert result.errors == [] and [a["id"] for a in result.actors] == ["frk-borga"]
    assert "the partner has never confirmed this entry" in str(find(result.warnings, "frk-borga.yml", None, "reviewed"))


@pytest.mark.parametrize(("key", "value", "field", "shown"), [
    ("alternate_name", "<b>FRK</b>", "alternate_name", '"<b>FRK</b>"'),
    ("alternate_name", "FRK <img src=x onerror=alert(1)>", "alternate_name", '"<img src=x onerror=a'),
    ("source", "see <!-- comment -->", "source", '"<!-- comment -->"'),
    ("source", "click javascript:alert(1)", "source", '"javascript:alert(1)"'),
])
def test_html_in_text_field(tmp_path, key, value, field, shown):
    text, line = with_field(base(key), f'{key}: "{value}"\n')
    write(tmp_path, "frk-borga.yml", text)
    assert_error(check(tmp_path), "frk-borga.yml", line, field, f"the text contains {shown}",
                 "text fields are plain text; HTML is not allowed")


def test_script_in_translated_description(tmp_path):
    text = base()
    line = line_of(text, "  en: >-")
    lines = text.splitlines(keepends=True)
    rest = lines[line:]
    while rest and rest[0].startswith("    "):  # the folded lines of the old English text
        rest.pop(0)
    write(tmp_path, "frk-borga.yml", "".join(lines[:line - 1] + ['  en: "Hello <script>alert(1)</script>"\n'] + rest))
    assert_error(check(tmp_path), "frk-borga.yml", line, "description.en", '"<script>alert(1)</scri',
                 "HTML is not allowed")


def test_comparison_sign_is_not_html(tmp_path):
    write(tmp_path, "frk-borga.yml", base("alternate_name") + 'alternate_name: "barn < 7 år"\n')
    assert check(tmp_path).errors == []


# --- the whole folder and the command line ---------------------------------------------

def test_all_errors_in_all_files_are_reported(tmp_path):
    write(tmp_path, "frk-borga.yml", base("email", "website") + "email: nope\nwebsite: www.x.fi\n")
    write(tmp_path, "other.yml", "- not\n- a mapping\n")
    write(tmp_path, "ok.yml", base().replace("id: frk-borga", "id: ok"))
    result = check(tmp_path)
    fields = sorted((Path(p.path).name, p.field) for p in result.errors)
    assert fields == [("frk-borga.yml", "email"), ("frk-borga.yml", "website"), ("other.yml", None)]
    assert result.files_checked == 3 and result.actors == []


def test_yaml_extension_is_flagged(tmp_path):
    write(tmp_path, "frk-borga.yaml", base())
    result = check(tmp_path)
    assert any('ends in ".yaml"' in str(p) for p in result.errors)


def test_command_line_exit_status(tmp_path):
    command = [sys.executable, "-m", "hooks.directory"]
    ok = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 error(s)" in ok.stdout

    write(tmp_path, "frk-borga.yml", base("email") + "email: info(at)frk\n")
    bad = subprocess.run(command + [str(tmp_path), "--today", "2024-06-01"], cwd=REPO,
                         capture_output=True, text=True, check=False)
    assert bad.returncode == 1
    assert '"info(at)frk" is not an e-mail address.' in bad.stdout
    assert "FAILED: checked 1 files" in bad.stdout and "1 error(s)" in bad.stdout
