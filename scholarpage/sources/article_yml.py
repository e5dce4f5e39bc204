"""article.yml → Article, validated against the declared schema (schema/article.schema.yml).

Every problem is collected and reported at once as `article.yml:LINE: field: message`.
"""

from __future__ import annotations

import datetime as dt
import json
import itertools
import re
import reprlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scholarpage.errors import Problem, SourceError
from scholarpage.identifiers import bare_orcid
from scholarpage.model import Article, Author, Journal, License
from scholarpage.sources.reading import CONTROL, check_text, read_source


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader when PyYAML was built with it (same results, several times faster),
    reading dates as text: the schema speaks JSON, where dates are strings, and PyYAML would
    crash on a well-formed impossible date such as 2025-02-30 before we could report it."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_LOADER = _Loader


@lru_cache(maxsize=4)
def _validator(schema_file: str = "article.schema.yml") -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(schema_file))


@lru_cache(maxsize=4)
def schema(schema_file: str = "article.schema.yml") -> dict[str, Any]:
    """A JSON Schema shipped inside the package (schema/)."""
    text = resources.files(__package__).joinpath("schema", schema_file).read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)


def load_article(path: Path) -> Article:
    """Read and validate article.yml; raise SourceError listing every problem."""
    return parse_article_kept(read_source(path), path.name)


def parse_article_kept(source: str, name: str = "article.yml", defaults: dict[str, Any] | None = None) -> Article:
    """parse_article, remembered: `mkdocs serve` rebuilds on every save, and a file that did not
    change (one of a journal's hundreds) is not read and validated again."""
    return _parse_kept(source, name, json.dumps(defaults or {}, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=2048)
def _parse_kept(source: str, name: str, defaults: str) -> Article:
    return parse_article(source, name, json.loads(defaults))


#: An article.yml holds a few hundred values (a few thousand for a large consortium's authors);
#: aliases may not multiply them past this: an "alias bomb" would take the memory of the machine.
MAX_VALUES = 100_000
#: Schema problems shown at most: a list of a thousand wrong values is one mistake, not a thousand.
MAX_PROBLEMS = 50
_YAML = "tag:yaml.org,2002:"
#: What JSON (and so the schema) knows: text, numbers, true/false, null, lists and mappings.
_JSON_TAGS = {_YAML + kind for kind in ("str", "int", "float", "bool", "null", "seq", "map")}
_SHORT = reprlib.Repr()
_SHORT.maxstring, _SHORT.maxother, _SHORT.maxlevel = 60, 60, 2


def parse_article(source: str, name: str = "article.yml", defaults: dict[str, Any] | None = None) -> Article:
    """Parse article.yml source text into an Article; `defaults` fill fields it leaves out (a
    journal's articles take the journal from journal.yml)."""
    return _article(read_validated(source, name, "article.schema.yml", defaults))


def read_validated(source: str, name: str, schema_file: str, defaults: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """A YAML mapping checked against one of the package's schemas; SourceError lists every problem."""
    data, node = load_yaml(source, name)
    if not isinstance(data, dict):
        raise SourceError(Problem(name, 1, "", "must be a mapping of fields (title: …, journal: …)"))
    data = {**(defaults or {}), **data}
    problems = _schema_problems(data, node, name, schema_file)
    problems += _date_problems(data, node, name)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return data


def load_yaml(source: str, name: str, *, number_keys: bool = False) -> tuple[Any, yaml.Node | None]:
    """YAML text → its data (dates as text) and node graph, or SourceError: one located line per
    problem, for YAML errors, control characters, tags JSON does not know, fields given twice,
    and alias bombs. Field names are text (or, with `number_keys`, numbers too)."""
    check_text(source, name)
    loader = _LOADER(source)
    try:
        node = _compose(loader, name)
        problems = _node_problems(node, name, number_keys) if node is not None else []
        if problems:
            raise SourceError(problems)
        return _construct(loader, node, name), node
    finally:
        loader.dispose()


def validate_fields(data: dict[str, Any], node: yaml.Node, name: str, prefix: str = "") -> list[Problem]:
    """Schema and calendar problems of the article.yml fields in `data`, found in another file
    (`prefix` names where they sit there): a missing field is no problem, the page may give it."""
    problems = _schema_problems(data, node, name) + _date_problems(data, node, name)
    return [Problem(p.path, p.line, f"{prefix}{p.field}", p.message) for p in problems
            if p.message != "required field is missing"]


def _compose(loader: yaml.SafeLoader, name: str) -> yaml.Node | None:
    """The document's node graph (aliases still shared), or SourceError locating why not."""
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise SourceError(Problem(name, line, "", f"invalid YAML: {error.problem}")) from None
    except yaml.YAMLError as error:
        raise SourceError(Problem(name, 0, "", f"invalid YAML: {str(error).splitlines()[0]}")) from None
    except RecursionError:
        raise SourceError(Problem(name, 0, "", "invalid YAML: nested too deeply")) from None


def _construct(loader: yaml.SafeLoader, node: yaml.Node | None, name: str) -> Any:
    if node is None:
        return None
    try:
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise SourceError(Problem(name, mark.line + 1 if mark else 0, "", f"invalid YAML: {error.problem}")) from None
    except (yaml.YAMLError, RecursionError, ValueError, TypeError) as error:
        raise SourceError(Problem(name, node.start_mark.line + 1, "", f"invalid YAML: {error}")) from None


def _node_problems(root: yaml.Node, name: str, number_keys: bool = False) -> list[Problem]:
    """Tags JSON does not know, field names that are not text, fields given twice, and aliases
    that loop or multiply the document past MAX_VALUES. Walks the graph once, never expanding it."""
    problems: list[Problem] = []
    size: dict[int, int] = {}  # a node's values once its aliases are expanded
    entered: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        children = _children(node)
        if leaving:
            size[id(node)] = 1 + sum(size[id(child)] for child in children)
        if size.get(id(node), 0) > MAX_VALUES or len(entered) > MAX_VALUES:
            return [Problem(name, node.start_mark.line + 1, "",
                            f"more than {MAX_VALUES:,} values once aliases are expanded (an article.yml holds "
                            "a few hundred; an alias bomb?)")]
        if leaving:
            continue
        if id(node) in size:
            continue  # an alias of a value already walked
        if id(node) in entered:  # only its own descendants lie above it on the stack
            return [Problem(name, node.start_mark.line + 1, "", "an alias refers to a value it is part of (a loop)")]
        entered.add(id(node))
        problems += _own_problems(node, name, number_keys)
        stack.append((node, True))
        for child in children:
            if id(child) not in size:
                stack.append((child, False))
    return sorted(problems, key=lambda p: p.line)
def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _own_problems(node: yaml.Node, name: str, number_keys: bool) -> list[Problem]:
    problems = []
    if node.tag not in _JSON_TAGS:
        tag = node.tag.replace(_YAML, "!!")
        problems.append(Problem(name, node.start_mark.line + 1, "", f"the tag {tag} is not allowed: article.yml holds "
                                                                    "text, numbers, true/false, lists and mappings"))
    if isinstance(node, yaml.ScalarNode) and CONTROL.search(node.value):
        # written escaped ("\a", "\x07"), so not in the text itself, but in the value all the same
        code = ord(CONTROL.search(node.value)[0])
        problems.append(Problem(name, node.start_mark.line + 1, "", f"control character U+{code:04X} is not text "
                                                                    "(delete it)"))
    if isinstance(node, yaml.MappingNode):
        first_line: dict[str, int] = {}
        for key, _ in node.value:
            line = key.start_mark.line + 1
            if key.tag == _YAML + "merge":
                continue  # `<<: *defaults`, YAML's merge key: the fields given beside it win
            key_tags = (_YAML + "str", _YAML + "int") if number_keys else (_YAML + "str",)
            if not isinstance(key, yaml.ScalarNode) or key.tag not in key_tags:
                shown = (f"{key.tag.replace(_YAML, '')} {_SHORT.repr(key.value)[1:-1]}"
                         if isinstance(key, yaml.ScalarNode) else "a list or mapping")
                problems.append(Problem(name, line, "", f"a field name must be text, not {shown}"))
            elif key.value in first_line:
                problems.append(Problem(name, line, key.value, f"given twice (first on line {first_line[key.value]}); "
                                                               "delete one"))
            else:
                first_line[key.value] = line
    return problems


def _schema_problems(data: dict[str, Any], node: yaml.Node, name: str,
                     schema_file: str = "article.schema.yml") -> list[Problem]:
    """Every schema violation (up to MAX_PROBLEMS), located and explained; one per field and line
    (an empty title breaks both `minLength` and `pattern`: one mistake, one line)."""
    errors = list(itertools.islice(_validator(schema_file).iter_errors(data), MAX_PROBLEMS + 1))
    found = {}
    for problem in (problem for error in errors for problem in _problems(error, node, name)):
        found.setdefault((problem.line, problem.field), problem)
    problems = list(found.values())
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + [Problem(name, 0, "", f"more problems follow: the first {MAX_PROBLEMS} "
                                                                   "are shown")]
    return problems


def _date_problems(data: dict[str, Any], node: yaml.Node, name: str) -> list[Problem]:
    """Dates of the right shape that do not exist, such as 2025-02-30."""
    dates = data.get("dates")
    problems = []
    for field, value in (dates.items() if isinstance(dates, dict) else ()):
        if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}$", value):
            continue  # the wrong shape is the schema's to report
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):  # Python's "$" also matches before a final newline
            problems.append(Problem(name, _line(node, ["dates", field]), f"dates.{field}",
                                    f"{value!r} is not a date (YYYY-MM-DD)"))
            continue
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            problems.append(Problem(name, _line(node, ["dates", field]), f"dates.{field}",
                                    f"{value!r} is not a date of the calendar"))
    return problems


def _problems(error: Any, root: yaml.Node, name: str) -> list[Problem]:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]  # a name from the schema, never from the source
        field = ".".join(map(str, [*path, missing]))
        return [Problem(name, _line(root, path), field, "required field is missing")]
    if error.validator == "additionalProperties":
        extras = [key for key in error.instance if key not in error.schema.get("properties", {})]
        return [Problem(name, _line(root, [*path, extra]), ".".join(map(str, [*path, extra])), "unknown field")
                for extra in extras]
    field = ".".join(map(str, path)) or "(top level)"
    return [Problem(name, _line(root, path), field, _message(error))]


def _message(error: Any) -> str:
    """The problem in words, quoting at most a short piece of the value (never a whole alias's
    expansion)."""
    expected = error.schema.get("description")
    shown = _SHORT.repr(error.instance)
    if error.validator == "pattern" and error.validator_value == r"\S":
        return f"{shown} is blank"
    if error.validator == "pattern" and expected:
        return f"{shown} is not {expected}"
    if error.validator == "pattern":
        return f"{shown} is not in the expected form ({error.validator_value})"
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(k for k in kinds if k != "null")
        return f"expected {wanted}, got {type(error.instance).__name__} {shown}"
    if error.validator == "oneOf" and expected:
        return f"expected {expected}, got {type(error.instance).__name__} {shown}"
    if error.validator in ("minimum", "maximum"):
        return f"{shown} is not between {error.schema.get('minimum')} and {error.schema.get('maximum')}"
    message = error.message
    return message if len(message) <= 200 else message[:199] + "…"


def _line(node: yaml.Node, path: list[Any]) -> int:
    """The 1-based line of the value at `path` (or of its nearest existing parent)."""
    line = node.start_mark.line + 1
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = [(k, v) for k, v in node.value if k.value == step]
            if not match:
                break
            key, node = match[0]
            line = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _text(value: Any) -> str:
    """A one-line field: YAML line breaks and runs of spaces become single spaces."""
    return "" if value is None else " ".join(str(value).split())


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _abstract(value: Any) -> tuple[str, ...]:
    paragraphs = value if isinstance(value, list) else str(value or "").split("\n\n")
    return tuple(" ".join(p.split()) for p in paragraphs if p and p.strip())


def _article(data: dict[str, Any]) -> Article:
    journal = data["journal"]
    dates = data.get("dates") or {}
    first, _, last = _text(data.get("pages")).replace("–", "-").partition("-")
    return Article(
        title=_text(data["title"]),
        subtitle=_text(data.get("subtitle")),
        authors=tuple(
            Author(**{key: _text(person.get(key)) for key in ("family", "given", "affiliation", "email")},
                   orcid=bare_orcid(_text(person.get("orcid"))))
            for person in data.get("authors") or ()
        ),
        journal=Journal(**{key: _text(value) for key, value in journal.items()}),
        volume=_text(data.get("volume")),
        issue=_text(data.get("issue")),
        issue_label=_text(data.get("issue_label")),
        year=int(data["year"]),
        section=_text(data.get("section")),
        first_page=first.strip(),
        last_page=last.strip(),
        article_number=_text(data.get("article_number")),
        doi=_text(data.get("doi")),
        url=_text(data.get("url")),
        submitted=_date(dates.get("submitted")),
        accepted=_date(dates.get("accepted")),
        published=_date(dates.get("published")),
        language=_text(data["language"]),
        keywords=tuple(_text(k) for k in data.get("keywords") or ()),
        abstract=_abstract(data.get("abstract")),
        license=License(**{key: _text(value) for key, value in (data.get("license") or {}).items()}),
        pdf=_text(data.get("pdf")),
    )
