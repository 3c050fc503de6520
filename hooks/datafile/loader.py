"""Read one hand-edited YAML data file safely and remember the line of every key and value.

Partners and staff edit these files by hand (directory entries, the goals and their
follow-up, statistics) and anyone may send one in a pull request, so the loader
trusts nothing: it never constructs Python objects from tags, refuses aliases before
they can expand, and turns every failure into a sentence a non-programmer can act on.
What differs between kinds of file (their name in messages, their size limit) is a
FileRules value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union

import yaml

# Real entries are 3-4 levels deep; a hard limit keeps the recursive builder safe.
MAX_DEPTH = 20

# Explicit tags a partner may legitimately write (e.g. !!str 06100). Everything else,
# above all !!python/..., is refused before the document is composed.
ALLOWED_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null")}

FieldPath = tuple[Union[str, int], ...]


@dataclass(frozen=True)
class FileRules:
    """How messages name one kind of data file, and how large it may be."""
    plural: str                 # "directory entries": what must be ordinary files
    size_hint: str              # why the limit is enough: "a directory entry needs only a few KiB"
    first_field: str            # the field a file starts with: "id"
    empty_expected: str         # what an empty file lacks: "fields like id: and name:"
    first_line_example: str     # "id: frk-borga"
    schema_name: str            # "directory/schema.json"
    document: str = "entry"     # "exactly one entry per file"
    max_bytes: int = 64 * 1024


class LoadError(Exception):
    """A file that cannot be read as a data file (line and column are 1-based)."""

    def __init__(self, message: str, line: int | None = None, expected: str | None = None,
                 example: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.expected = expected
        self.example = example


@dataclass
class LoadedFile:
    path: Path
    data: dict[str, Any]
    value_lines: dict[FieldPath, int] = field(default_factory=dict)
    key_lines: dict[FieldPath, int] = field(default_factory=dict)
    # What the partner typed, for messages: +358… becomes the number 358… once parsed.
    raw_text: dict[FieldPath, str] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """Line of a value, else of its key, else of the nearest enclosing field."""
        while True:
            if path in self.value_lines:
                return self.value_lines[path]
            if path in self.key_lines:
                return self.key_lines[path]
            if not path:
                return None
            path = path[:-1]

    def key_line_of(self, path: FieldPath) -> int | None:
        """Line where a field's name is written (for "missing" and "unknown" problems)."""
        return self.key_lines.get(path) if path else None


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2-style plain scalars.

    YAML 1.1 turns `no` (Norwegian) into False, `06100` into the octal number 3136 and
    `10:00` into 600. Here only true/false, null, plain decimal numbers are typed; all
    else, dates included, stays text so the validator sees what the partner wrote.
    """


_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?(?:0|[1-9][0-9]*)$", "-+0123456789"),
    ("float", r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$", "-+0123456789."),
):
    _StrictLoader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))
_StrictLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                    ["~", "n", "N", ""])

# The same rules on LibYAML's parser, which is about ten times faster than PyYAML's own (the
# benchmark found parsing to be 85 % of validating a directory). LibYAML words its errors
# differently, so a file it refuses is read again with the pure-Python loader, whose messages
# _PLAIN_WORDS rephrases; and a file with a character PyYAML's reader refuses goes there directly.
_FastStrictLoader: type | None = None
if yaml.__with_libyaml__:
    class _FastStrictLoader(yaml.CSafeLoader):
        """_StrictLoader's YAML 1.2-style typing on LibYAML's parser."""
    _FastStrictLoader.yaml_implicit_resolvers = _StrictLoader.yaml_implicit_resolvers


def _loader_for(text: str) -> type:
    if _FastStrictLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _StrictLoader
    return _FastStrictLoader

# PyYAML's own wording, rephrased for people who have never heard of a "scalar".
_PLAIN_WORDS = (
    ("mapping values are not allowed here",
     "a colon (:) is in a place where it is not expected. If a text contains \": \", put the whole text in quotes"),
    ("could not find expected ':'",
     "a line is missing the colon (:) after the field name, or a text goes on to the next line without quotes"),
    ("found unexpected end of stream",
     "the file ends before a quotation mark or bracket is closed"),
    ("expected <block end>",
     "the indentation (spaces at the start of the line) does not line up with the lines above"),
    ("did not find expected key",
     "the indentation (spaces at the start of the line) does not line up with the lines above"),
    ("did not find expected '-' indicator",
     "a list item is not indented like the items above it"),
    ("expected ',' or ']'", "a list in [ ] is not closed properly"),
    ("expected ',' or '}'", "a group in { } is not closed properly"),
    ("found unknown escape character",
     "a backslash (\\) in a text in double quotes; use single quotes or write \\\\"),
    ("that cannot start any token",
     "a character such as @, ` or % cannot start a value; put the value in quotes"),
    ("found undefined tag handle", "a word starting with ! is not allowed at the start of a value; put the value in quotes"),
)

_YAML_SHAPE = "valid YAML: one field per line written as name: value, indented with spaces"


def load_file(path: Path, rules: FileRules) -> LoadedFile:
    """Read and check one file; raise LoadError with a plain-language reason."""
    if path.is_symlink():
        raise LoadError(f"the file is a symbolic link; {rules.plural} must be ordinary files",
                        expected="an ordinary .yml file")
    limit = rules.max_bytes
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)  # never read more than the limit into memory
    if len(raw) > limit:
        raise LoadError(f"the file is larger than {limit // 1024} KiB",
                        expected=f"a file of at most {limit // 1024} KiB; {rules.size_hint}")
    text = _decode(raw)
    _reject_tab_indentation(text)
    _check_events(text, rules)
    root = _compose(text)
    loaded = LoadedFile(path=path, data={})
    if root is None:
        raise LoadError("the file is empty", expected=rules.empty_expected,
                        example=rules.first_line_example)
    if not isinstance(root, yaml.MappingNode):
        shape = "a list (lines starting with \"- \")" if isinstance(root, yaml.SequenceNode) else "a single value"
        raise LoadError(f"the file contains {shape}, not fields",
                        line=root.start_mark.line + 1,
                        expected=f"fields written as name: value, starting with {rules.first_field}:",
                        example=rules.first_line_example)
    loaded.data = _build(root, (), loaded)
    return loaded


def _decode(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        byte = raw[err.start]
        guess = bytes([byte]).decode("cp1252", errors="replace")
        hint = f" (probably \"{guess}\" saved in Windows-1252/Latin-1)" if guess.isprintable() and guess != "\ufffd" else ""
        raise LoadError(f"byte 0x{byte:02X} at column {column} is not UTF-8{hint}", line=line,
                        expected="a file saved with the encoding UTF-8 (in most editors: Save as → Encoding → UTF-8)") from None
    return text.removeprefix("\ufeff")  # a BOM from Windows editors is harmless


def _reject_tab_indentation(text: str) -> None:
    # YAML forbids tabs for indentation, but PyYAML's own message for them is cryptic.
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip(" \t")
        if stripped and "\t" in line[: len(line) - len(stripped)]:
            raise LoadError("a tab character is used for indentation", line=number,
                            expected="spaces at the start of the line (2 spaces per level), no tabs")


def _check_events(text: str, rules: FileRules, loader: type | None = None) -> None:
    """Refuse aliases, anchors, unknown tags, extra documents and deep nesting.

    Runs on the parser's event stream, before anything is composed, so a
    billion-laughs file is refused at its first anchor and never expanded.
    """
    loader = loader or _loader_for(text)
    documents = depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                raise LoadError("aliases are not allowed (&name and *name)", line=line,
                                expected="every value written out in full, without & or *")
            tag = getattr(event, "tag", None)
            if tag is not None and tag not in ALLOWED_TAGS:
                raise LoadError(f"the tag \"{_short_tag(tag)}\" is not allowed", line=line,
                                expected="plain values without tags (words starting with ! or !!); "
                                         "put text that starts with ! in quotes")
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise LoadError("the file contains more than one document (a second ---)", line=line,
                                    expected=f"exactly one {rules.document} per file, with no second --- line")
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise LoadError(f"the fields are nested more than {MAX_DEPTH} levels deep", line=line,
                                    expected=f"the structure described in {rules.schema_name}")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError as err:
        if loader is not _StrictLoader:
            return _check_events(text, rules, _StrictLoader)
        if isinstance(err, yaml.MarkedYAMLError):
            raise _syntax_error(err) from None
        raise _reader_error(err, text) from None  # ReaderError: control characters the reader refuses


def _compose(text: str, loader: type | None = None) -> yaml.Node | None:
    loader = loader or _loader_for(text)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError as err:
        if loader is not _StrictLoader:
            return _compose(text, _StrictLoader)
        if isinstance(err, yaml.MarkedYAMLError):
            raise _syntax_error(err) from None
        raise _reader_error(err, text) from None


def _build(node: yaml.Node, path: FieldPath, loaded: LoadedFile) -> Any:
    loaded.value_lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise LoadError("a field name is a list or a group; field names must be plain words",
                                line=key_line, expected="a field name like email:")
            key = key_node.value
            if key in result:
                first = loaded.key_lines[path + (key,)]
                raise LoadError(f"the field \"{key}\" appears twice (first on line {first})", line=key_line,
                                expected="each field only once; remove or merge one of them")
            loaded.key_lines[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), loaded)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), loaded) for index, item in enumerate(node.value)]
    loaded.raw_text[path] = node.value
    return _scalar(node)


def _scalar(node: yaml.ScalarNode) -> Any:
    kind = node.tag.rsplit(":", 1)[-1]
    value = node.value
    try:
        if kind == "str":
            return value
        if kind == "null" and re.fullmatch(r"~|null|Null|NULL|", value):
            return None
        if kind == "bool" and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except ValueError:
        pass
    raise LoadError(f"the value \"{value}\" does not match its tag !!{kind}", line=node.start_mark.line + 1,
                    expected="a plain value without a tag")


def _syntax_error(err: yaml.MarkedYAMLError) -> LoadError:
    mark = err.problem_mark or err.context_mark
    problem = err.problem or err.context or "unknown problem"
    words = next((plain for needle, plain in _PLAIN_WORDS if needle in problem), None)
    if words is None and "while scanning a quoted scalar" in (err.context or ""):
        words = "a quotation mark is not closed"
    words = words or f"the YAML structure is broken ({problem})"
    line = mark.line + 1 if mark else None
    column = f" at column {mark.column + 1}" if mark else ""
    return LoadError(f"YAML syntax error{column}: {words}", line=line, expected=_YAML_SHAPE)


def _reader_error(err: yaml.YAMLError, text: str) -> LoadError:
    position = getattr(err, "position", None)
    line = text.count("\n", 0, position) + 1 if isinstance(position, int) else None
    character = getattr(err, "character", None)
    code = ord(character) if isinstance(character, str) else character
    what = f"the invisible control character U+{code:04X}" if isinstance(code, int) else "a control character"
    return LoadError(f"the file contains {what}", line=line,
                     expected="ordinary text; delete the character (it often comes from copying from a PDF or Word)")


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
