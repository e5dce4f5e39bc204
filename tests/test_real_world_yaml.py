"""article.yml as editors and tools really write it: every YAML feature ends in an Article or in
one located line per problem, never a traceback, a silent choice or the machine's memory (issue 13)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from scholarpage.errors import SourceError
from scholarpage.model import Article
from scholarpage.sources.article_yml import load_article, parse_article

VALID = (ROOT / "tests/fixtures/small/article.yml").read_text("utf-8")
MINIMAL = "title: T\njournal: {title: J}\nyear: 2020\nlanguage: en\n"


def _problems(source: str) -> list[str]:
    with pytest.raises(SourceError) as raised:
        parse_article(source)
    return [str(problem) for problem in raised.value.problems]


def test_a_field_given_twice_is_reported_not_silently_replaced():
    assert _problems(MINIMAL + "title: Other\n") == ["article.yml:5: title: given twice (first on line 1); delete one"]
    assert _problems(MINIMAL.replace("{title: J}", "{title: J, title: K}")) == [
        "article.yml:2: title: given twice (first on line 2); delete one"]


@pytest.mark.parametrize("blank", ['" "', '"\\t"', '"  \\n "'])
def test_a_blank_title_is_refused(blank):
    assert _problems(MINIMAL.replace("title: T", f"title: {blank}")) == [f"article.yml:1: title: {blank.strip(chr(34))!r} is blank".replace("\\\\", "\\")]


@pytest.mark.parametrize(("text", "expected"), [
    ("title: Bell\x07\n", "article.yml:1: control character U+0007 is not text (delete it)"),
    ("title: a\ufffeb\n", "article.yml:1: control character U+FFFE is not text (delete it)"),
    ("title: a\x85b\n", "article.yml:1: control character U+0085 is not text (delete it)"),
])
def test_a_control_character_is_one_located_line(text, expected):
    assert _problems(text + "journal: {title: J}\nyear: 2020\nlanguage: en\n") == [expected]


@pytest.mark.parametrize(("value", "tag"), [("!!binary aGVsbG8=", "!!binary"), ("!!set {a, b}", "!!set"),
                                            ("!!timestamp 2020-01-01", "!!timestamp"), ("!!omap [a: 1]", "!!omap")])
def test_yaml_types_json_does_not_know_are_refused_with_their_tag(value, tag):
    assert _problems(MINIMAL + f"section: {value}\n") == [
        f"article.yml:5: the tag {tag} is not allowed: article.yml holds text, numbers, true/false, lists and mappings"]


def test_a_field_name_that_is_not_text_is_refused():
    assert _problems(MINIMAL + "1: x\n") == ["article.yml:5: a field name must be text, not int 1"]


def test_an_alias_bomb_is_refused_at_once_and_its_message_is_short():
    """A billion laughs: the loader never expands aliases; the message did (8 GB)."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    problems = _problems("\n".join(lines) + "\n" + MINIMAL.replace("title: T", "title: *a9"))
    assert problems == ["article.yml:5: more than 100,000 values once aliases are expanded (an article.yml holds "
                        "a few hundred; an alias bomb?)"]


def test_a_wrong_value_behind_an_alias_is_quoted_short():
    source = "big: &big [" + ", ".join(["word"] * 1000) + "]\n" + MINIMAL.replace("title: T", "title: *big")
    unknown, title = _problems(source)
    assert unknown == "article.yml:1: big: unknown field"
    assert title.startswith("article.yml:2: title: expected string, got list ['word', ") and len(title) < 200


def test_a_loop_of_aliases_is_refused():
    assert _problems(MINIMAL + "keywords: &k [a, *k]\n") == [
        "article.yml:5: an alias refers to a value it is part of (a loop)"]


def test_several_documents_are_refused_located():
    assert _problems(MINIMAL + "---\n" + MINIMAL) == ["article.yml:5: invalid YAML: but found another document"]


def test_a_folder_an_unreadable_file_and_utf16_each_say_what_they_are(tmp_path):
    folder = tmp_path / "article.yml"
    folder.mkdir()
    with pytest.raises(SourceError, match=r"^article.yml: is a folder, not a file$"):
        load_article(folder)
    utf16 = tmp_path / "utf16" / "article.yml"
    utf16.parent.mkdir()
    utf16.write_text(MINIMAL, encoding="utf-16")
    with pytest.raises(SourceError, match=r"^article.yml: UTF-16 text, not UTF-8: save the file as UTF-8$"):
        load_article(utf16)
    bom = tmp_path / "bom" / "article.yml"
    bom.parent.mkdir()
    bom.write_bytes("\ufeff".encode() + MINIMAL.encode())
    assert load_article(bom).title == "T"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_file_says_so(tmp_path):
    path = tmp_path / "article.yml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(SourceError, match=r"^article.yml: cannot be read: permission denied$"):
        load_article(path)


def test_an_unreadable_file_says_so_as_root_too(tmp_path):
    """Root reads files whatever their mode; a dangling symlink fails to open like an unreadable file."""
    path = tmp_path / "article.yml"
    path.symlink_to(tmp_path / "gone.yml")
    with pytest.raises(SourceError, match=r"^article.yml: file not found$"):
        load_article(path)


# --- generated: every YAML feature --------------------------------------------------------------

_SCALARS = st.sampled_from([
    "T", "'quoted'", '"dq \\u00e9"', "|\n  block\n", ">-\n  folded\n", "2020", "0x1F", "1e3", "~", "null",
    "true", "yes", ".inf", "!!str 2020", "!!int '7'", "!!float 1", "!!binary aGk=", "!!set {a}", "!custom x",
    "2024-02-30", "&s anchored", "*s", "'a''b'", "\"\\t\"", '" "', "[]", "{}", "[a, [b, {c: d}]]", "{x: *s}",
    "!!python/object:os.system x", "<<: {a: b}", "*undefined",
])
_FIELDS = st.sampled_from(["title", "subtitle", "year", "language", "volume", "keywords", "abstract", "journal",
                           "authors", "dates", "pages", "doi", "x", "<<", "? complex"])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_FIELDS, _SCALARS, st.booleans()), max_size=8), st.booleans(), st.booleans())
def test_any_yaml_gives_an_article_or_located_lines(fields, flow, documents):
    body = "".join(f"{name}: {value}\n" for name, value, _ in fields)
    if flow:
        body = "{" + ", ".join(f"{name}: {value.strip()}" for name, value, _ in fields if "\n" not in value) + "}\n"
    source = MINIMAL + body if not flow else body
    if documents:
        source = "--- \n" + source + "...\n"
    try:
        article = parse_article(source)
    except SourceError as error:
        lines = str(error).splitlines()
        assert lines and all(line.startswith("article.yml:") for line in lines), lines
        assert len(lines) == len(error.problems)
    else:
        assert isinstance(article, Article) and article.title.strip()


# --- memory -----------------------------------------------------------------------------------------

_MEMORY_CASES = {
    "a flow list of 500,000 values": "keywords: [" + "a," * 499_990 + "a]\n",
    "a mapping of 90,000 fields": "x: {" + ", ".join(f"k{n}: v" for n in range(90_000)) + "}\n",
    "an alias bomb": "\n".join(["a0: &a0 [x,x,x,x,x,x,x,x,x,x]"] + [
        f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 12)]) + "\ntitle: *a11\n",
    "90,000 unknown fields": "".join(f"k{n}: v\n" for n in range(90_000)),
    "one long line": "title: " + "x" * 999_000 + "\n",
    "nesting to the limit": "keywords: " + "[" * 900 + "]" * 900 + "\n",
}


@pytest.mark.parametrize("case", _MEMORY_CASES)
def test_any_article_yml_under_1_mb_is_read_in_under_500_mb(case, tmp_path):
    source = _MEMORY_CASES[case]
    assert len(source.encode()) < 1_000_000
    path = tmp_path / "article.yml"
    path.write_text(source, encoding="utf-8")
    script = ("import resource, sys\nfrom pathlib import Path\nfrom scholarpage.errors import SourceError\n"
              "from scholarpage.sources.article_yml import load_article\n"
              "try:\n    load_article(Path(sys.argv[1]))\nexcept SourceError as error:\n    print(error)\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    result = subprocess.run([sys.executable, "-c", script, str(path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    *messages, peak_kb = result.stdout.splitlines()
    assert messages and all(line.startswith("article.yml") for line in messages) and len(messages) <= 60
    assert int(peak_kb) < 500 * 1024, f"{int(peak_kb) // 1024} MB"
