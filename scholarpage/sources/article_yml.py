"""article.yml → Article, validated against the declared schema (schema/article.schema.yml).

Every problem is collected and reported at once as `article.yml:LINE: field: message`.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from scholarpage.errors import Problem, SourceError
from scholarpage.identifiers import bare_orcid
from scholarpage.model import Article, Author, Journal, License


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
def _validator(schema_file: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(schema_file))


@lru_cache(maxsize=4)
def schema(schema_file: str = "article.schema.yml") -> dict[str, Any]:
    """A JSON Schema shipped inside the package (schema/)."""
    text = resources.files(__package__).joinpath("schema", schema_file).read_text("utf-8")
    return yaml.load(text, Loader=_LOADER)


def load_article(path: Path) -> Article:
    """Read and validate article.yml; raise SourceError listing every problem."""
    if not path.is_file():
        raise SourceError(Problem(path.name, 0, "", "file not found"))
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise SourceError(Problem(path.name, line, "", "not valid UTF-8 text")) from None
    return _parse_cached(source, path.name)


@lru_cache(maxsize=4)
def _parse_cached(source: str, name: str) -> Article:
    """`mkdocs serve` rebuilds on every save; an unchanged file is not parsed again."""
    return parse_article(source, name)


def parse_article(source: str, name: str = "article.yml", defaults: dict[str, Any] | None = None) -> Article:
    """Parse article.yml source text into an Article; `defaults` fill fields it leaves out (a
    journal's articles take the journal from journal.yml)."""
    return _article(read_validated(source, name, "article.schema.yml", defaults))


def read_validated(source: str, name: str, schema_file: str, defaults: dict[str, Any] | None = None
                   ) -> dict[str, Any]:
    """A YAML mapping checked against one of the package's schemas; SourceError lists every problem."""
    try:
        node = yaml.compose(source, Loader=_LOADER)
        data = yaml.load(source, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise SourceError(Problem(name, line, "", f"invalid YAML: {error.problem}")) from None
    if not isinstance(data, dict):
        raise SourceError(Problem(name, 1, "", "must be a mapping of fields (title: …, journal: …)"))
    data = {**(defaults or {}), **data}
    problems = _schema_problems(data, node, name, schema_file)
    problems += _date_problems(data, node, name)
    if problems:
        raise SourceError(sorted(problems, key=lambda p: p.line))
    return data


def _schema_problems(data: dict[str, Any], node: yaml.Node, name: str, schema_file: str) -> list[Problem]:
    """Every schema violation, located and explained."""
    errors = sorted(_validator(schema_file).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return [_problem(error, node, name) for error in errors]


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


def _problem(error: Any, root: yaml.Node, name: str) -> Problem:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = error.message.split("'")[1]
        field = ".".join(map(str, [*path, missing]))
        return Problem(name, _line(root, path), field, "required field is missing")
    if error.validator == "additionalProperties":
        extra = error.message.split("'")[1]
        line = _line(root, [*path, extra])
        return Problem(name, line, ".".join(map(str, [*path, extra])), "unknown field")
    field = ".".join(map(str, path)) or "(top level)"
    return Problem(name, _line(root, path), field, _message(error))


def _message(error: Any) -> str:
    expected = error.schema.get("description")
    if error.validator == "pattern" and expected:
        return f"{error.instance!r} is not {expected}"
    if error.validator == "pattern":
        return f"{error.instance!r} is not in the expected form ({error.validator_value})"
    if error.validator == "type":
        kinds = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        wanted = " or ".join(k for k in kinds if k != "null")
        return f"expected {wanted}, got {type(error.instance).__name__} {error.instance!r}"
    return error.message


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
