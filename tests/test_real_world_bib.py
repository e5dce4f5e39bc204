"""References as reference managers and hand-editors really write them (issue 13).

The seed hides these: every one of its entries carries `formatted`, so citeproc-py never sees
its keys or names. Every entry here is formatted from its fields.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scholarpage.errors import SourceError
from scholarpage.model import Person, Reference
from scholarpage.render.bibliography import CITE_STYLES, format_references, plain_text
from scholarpage.sources.bibtex import parse_references


# --- keys ---------------------------------------------------------------------------------------

def test_keys_with_capitals_from_reference_managers_are_formatted():
    """JabRef, Better BibTeX and BibDesk keys; citeproc-py lower-cases its ids (was a KeyError)."""
    bib = "".join(f"@book{{{key}, title = {{Title of {key}}}, year = 2013}}\n"
                  for key in ("Gorton2013", "smithSecuritization2020", "Smith:2020aa"))
    assert {key: plain_text(entry) for key, entry in format_references(parse_references(bib)).items()} == {
        "Gorton2013": "Title of Gorton2013. (2013).",
        "smithSecuritization2020": "Title of smithSecuritization2020. (2013).",
        "Smith:2020aa": "Title of Smith:2020aa. (2013).",
    }


def test_two_keys_differing_only_in_case_each_print_their_own_entry():
    bib = "@book{Gorton2013, title = {Alpha}, year = 2013}\n@book{gorton2013, title = {Beta}, year = 2014}\n"
    formatted = format_references(parse_references(bib))
    assert plain_text(formatted["Gorton2013"]) == "Alpha. (2013)."
    assert plain_text(formatted["gorton2013"]) == "Beta. (2014)."


# --- names ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("family", "given_name"), [("العلي", "أحمد"), ("כהן", "דוד")])
def test_given_names_in_scripts_without_case_are_kept_whole(family, given_name):
    """APA initialises given names; a script without case has no initials (was `العلي, . أحمد .`)."""
    reference = Reference(key="k", kind="book", title="T", year="2020", authors=(Person(family, given_name),))
    assert plain_text(format_references([reference])["k"]) == f"{family}, {given_name}. (2020). T."


@pytest.mark.parametrize("style", sorted(set(CITE_STYLES.values())))
def test_chinese_japanese_and_korean_names_print_family_first_unspaced_in_every_style(style):
    """王小明 as it is written, not "王, 小明" (a comma that reads as two people) nor "小明 王"."""
    for family, given_name in (("王", "小明"), ("山田", "太郎"), ("김", "민준")):
        for authors in ((Person(family, given_name),), (Person("Smith", "John"), Person(family, given_name))):
            reference = Reference(key="k", kind="book", title="T", year="2020", authors=authors)
            text = plain_text(format_references([reference], style)["k"])
            assert family + given_name in text, (style, text)
            assert f"{family}, {given_name}" not in text and f"{given_name} {family}" not in text, (style, text)


# --- URLs -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["https://example.org/a&", "https://example.org/a<", "https://example.org/a>",
                                 "https://example.org/?q=a&b=c"])
def test_a_url_is_linked_whole_and_followed_by_no_stray_semicolon(url):
    import lxml.html

    reference = Reference(key="k", kind="webpage", title="T", year="2020", url=url)
    entry = lxml.html.fromstring(f"<div>{format_references([reference])['k']}</div>")
    links = entry.findall(".//a")
    assert [(a.get("href"), a.text_content()) for a in links] == [(url, url)]
    assert not entry.text_content().endswith(";"), entry.text_content()


# --- hidden classes, generated -------------------------------------------------------------------

_KEY_STYLES = st.one_of(
    st.from_regex(r"[A-Z][a-z]{1,8}[0-9]{4}", fullmatch=True),                 # JabRef: Gorton2013
    st.from_regex(r"[a-z]{2,8}[A-Z][a-z]{2,10}[0-9]{4}", fullmatch=True),      # Better BibTeX
    st.from_regex(r"[A-Z][a-z]{1,8}:[0-9]{4}[a-z]{2}", fullmatch=True),        # BibDesk: Smith:2020aa
    st.from_regex(r"[a-z]{2,6}\.[A-Za-z]{2,6}-[0-9]{2}", fullmatch=True),      # dots and hyphens
    st.from_regex(r"[0-9]{4}[A-Za-z_]{1,8}", fullmatch=True),                  # digits first
)
_SCRIPTS = st.sampled_from([
    ("Smith", "John Paul"), ("Nguyễn", "Thị Minh"), ("Müller", "Jürgen"), ("Иванов", "Иван"),
    ("Παπαδόπουλος", "Γιώργος"), ("العلي", "أحمد"), ("כהן", "דוד"), ("王", "小明"), ("山田", "太郎"),
    ("김", "민준"), ("शर्मा", "राहुल"), ("สมชาย", "ใจดี"), ("Kowalski-Nowak", "Jan"), ("O'Brien", "Seán"),
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(st.tuples(_KEY_STYLES, _SCRIPTS, st.integers(1000, 9999),
                                  st.sampled_from(["article", "book", "incollection", "misc", "online"])),
                        min_size=1, max_size=6, unique_by=lambda entry: entry[0]))
def test_generated_bib_files_without_formatted_text_always_format(entries):
    """Any key a reference manager writes, any script, any year of the schema's range: every
    entry comes back under its own key with its own title, family name and year."""
    bib = "".join(
        f"@{kind}{{{key},\n  author = {{{family}, {given_name}}},\n  title = {{Title {number}}},\n"
        f"  journal = {{J}},\n  booktitle = {{B}},\n  year = {{{year}}},\n}}\n"
        for number, (key, (family, given_name), year, kind) in enumerate(entries)
    )
    formatted = format_references(parse_references(bib))
    assert set(formatted) == {key for key, *_ in entries}
    for number, (key, (family, given_name), year, _) in enumerate(entries):
        text = plain_text(formatted[key])
        assert f"Title {number}" in text and family in text and str(year) in text, text
        assert ". " + given_name[0] + " ." not in text and "  " not in text, text


def test_a_bib_file_cannot_carry_a_control_character_to_the_page():
    with pytest.raises(SourceError) as raised:
        parse_references("@book{a,\n  title = {Bell\x07 here},\n  year = 2020,\n}\n")
    assert [str(p) for p in raised.value.problems] == [
        "references.bib:2: control character U+0007 is not text (delete it)"]


# --- what a .bib holds that BibTeX reads one way and the page showed another -----------------------

def _problems(bib: str) -> list[str]:
    with pytest.raises(SourceError) as raised:
        parse_references(bib)
    return [str(problem) for problem in raised.value.problems]


def test_a_missing_comma_is_reported_where_the_swallowed_field_starts():
    """Was: exit 0, title "No comma year = 2020", year lost."""
    assert _problems("@article{a,\n  title = {No comma}\n  year = 2020,\n}\n") == [
        "references.bib:3: a: title: missing comma before 'year' (it was read as part of this field)"]


def test_an_undefined_string_is_reported_not_printed():
    assert _problems("@article{a,\n  title = {T},\n  journal = jgr,\n}\n") == [
        "references.bib:3: a: journal: undefined @string 'jgr' (define it, or put the text in braces)"]


def test_strings_months_and_concatenation_are_read_as_bibtex_reads_them():
    reference, = parse_references('@string{jgr = "J. Geophys." # { Res.}}\n'
                                  '@article{a, title = "Part " # {One}, journal = jgr, month = jan, year = 1999}\n')
    assert (reference.title, reference.container) == ("Part One", "J. Geophys. Res.")


def test_a_crossref_passes_on_the_fields_an_entry_lacks():
    """Was ignored: year "n.d.", no container."""
    bib = ("@inproceedings{paper, author = {Doe, Jane}, title = {A Paper}, pages = {1--9}, crossref = {Proc}}\n"
           "@proceedings{Proc, title = {Proceedings of X}, year = 1999, publisher = {ACM}, address = {Berlin}}\n")
    paper, proceedings = parse_references(bib)
    assert (paper.title, paper.container, paper.year, paper.publisher, paper.place) == (
        "A Paper", "Proceedings of X", "1999", "ACM", "Berlin")
    assert proceedings.title == "Proceedings of X"
    assert plain_text(format_references([paper])["paper"]) == (
        "Doe, J. (1999). A Paper. Proceedings of X, 1–9.")


def test_a_crossref_to_no_entry_is_reported():
    assert _problems("@inproceedings{paper, title = {A Paper},\n crossref = {nowhere}}\n") == [
        "references.bib:1: paper: crossref: 'nowhere': no entry with that key"]


@pytest.mark.parametrize(("field", "expected"), [
    (r"\url{https://example.org/a_b%20c~d#top}", "https://example.org/a_b%20c~d#top"),
    (r"Online at \url{https://example.org/x}.", "Online at https://example.org/x."),
    (r"\href{https://example.org/}{Caf\'e site}", "Café site (https://example.org/)"),
])
def test_url_macros_keep_the_url_as_written(field, expected):
    """Was `<https://example.org/a_b>`: the rest cut at `%` and a broken link."""
    reference, = parse_references(f"@online{{k, title = {{T}}, year = 2020, note = {{{field}}}, url = {{{field}}}}}\n")
    assert reference.note == expected


def test_a_url_field_written_with_the_url_macro_is_linked():
    import lxml.html

    reference, = parse_references(r"@online{k, title = {T}, year = 2020, url = {\url{https://example.org/a_b%20c}}}")
    links = lxml.html.fromstring(f"<div>{format_references([reference])['k']}</div>").findall(".//a")
    assert [(a.get("href"), a.text_content()) for a in links] == [("https://example.org/a_b%20c",) * 2]


def test_a_bib_over_100000_characters_with_an_at_sign_starting_a_line_inside_a_field_is_read():
    """Issue 13 item 11: was cut in two at the `@` by the (removed) two-process parser."""
    filler = "".join(f"@book{{k{n}, title = {{Title {n}}}, year = 2001}}\n" for n in range(3000))
    bib = filler + "@misc{at, title = {A title},\n  note = {first line\n@ second line}, year = 2002}\n"
    assert len(bib) > 100_000
    references = parse_references(bib)
    assert len(references) == 3001 and references[-1].note == "first line @ second line"


# --- an edit formats again only what it changed (issue 13 item 14) -------------------------------

def test_editing_one_entry_of_a_long_list_formats_only_that_entry(monkeypatch):
    """`mkdocs serve` rebuilds on every save: an edit to one of many entries without printed
    text formatted the whole list again (56 s at 10,000 entries)."""
    from scholarpage.render import bibliography, citeproc_fixes

    formatted_items = []
    real = citeproc_fixes.bibliography

    def counting(style, items):
        formatted_items.append(len(items))
        return real(style, items)

    monkeypatch.setattr(citeproc_fixes, "bibliography", counting)
    monkeypatch.setattr(bibliography, "_KEPT", type(bibliography._KEPT)())
    references = [Reference(key=f"Key{n}", kind="book", title=f"Title {n}", year="2001",
                            authors=(Person("Smith", "Jan"),)) for n in range(300)]
    first = format_references(references)
    edited = [*references[:150], Reference(key="Key150", kind="book", title="Edited title", year="2001",
                                           authors=(Person("Smith", "Jan"),)), *references[151:]]
    second = format_references(edited)
    assert formatted_items == [300, 1]
    assert plain_text(second["Key150"]) == "Smith, J. (2001). Edited title."
    assert {key: entry for key, entry in second.items() if key != "Key150"} == {
        key: entry for key, entry in first.items() if key != "Key150"}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=st.lists(st.tuples(_KEY_STYLES, _SCRIPTS, st.integers(1000, 9999)), min_size=2, max_size=5,
                        unique_by=lambda entry: entry[0]),
       style=st.sampled_from(["apa", "chicago-author-date", "modern-language-association", "harvard-cite-them-right",
                              "ieee", "nlm-citation-sequence"]))
def test_citeproc_formats_each_entry_as_it_does_in_a_list(entries, style):
    """What keeping entries one by one rests on: an entry comes out the same alone or in a list
    (same author and year included: citeproc-py adds no year suffix)."""
    from scholarpage.render.bibliography import _format

    references = tuple(Reference(key=key, kind="article-journal", title="Same title", container="J", year=str(year),
                                 authors=(Person(family, given_name),))
                       for key, (family, given_name), year in entries)
    together = _format(references, style)
    assert {reference.key: _format((reference,), style)[reference.key] for reference in references} == together


# --- what reference managers write that styles must read (a probe of Zotero, JabRef, BibDesk,
# Mendeley and Better BibTeX exports) ----------------------------------------------------------

def _apa(entry: str) -> str:
    references = parse_references(entry)
    return plain_text(format_references(references, "apa")[references[0].key])


@pytest.mark.parametrize(("entry", "printed"), [
    # "and others" is et al., never an author called "others" (Google Scholar writes it on most entries).
    ("@article{k, title={T}, journal={J}, year={2020}, author={Smith, John and Doe, Jane and others}}",
     "Smith, J., & Doe, J. (2020). T. J."),
    # "von Last, Jr, First": the suffix is not a given name to initialise.
    ("@article{k, title={T}, journal={J}, year={2020}, author={King, Jr., Martin Luther and Davis, III, Sammy}}",
     "King, M. L., Jr., & Davis, S., III. (2020). T. J."),
    # Better BibTeX's extended name format.
    ("@article{k, title={T}, journal={J}, year={2020}, author={family=Beethoven, given=Ludwig, prefix=van, "
     "useprefix=false}}", "van Beethoven, L. (2020). T. J."),
    # Years that are not four digits are printed as written, never as "n.d."; an unreadable
    # `date` leaves the `year`; `month` is printed where the style prints one.
    ("@book{k, author={Rembrandt}, title={Drawings}, year={c. 1650}}", "Rembrandt. (c. 1650). Drawings."),
    ("@article{k, author={Future, Fiona}, title={T}, journal={J}, year={forthcoming}}",
     "Future, F. (forthcoming). T. J."),
    ("@article{k, title={T}, author={S, J.}, journal={J}, year={2020}, date={2020/}}", "S, J. (2020). T. J."),
    ("@article{k, author={R, P.}, title={T}, journal={Daily}, year={2021}, month=mar, entrysubtype={newspaper}}",
     "R, P. (2021, March). T. Daily."),
    ("@misc{k, title={T}, author={A, B}, date={2020-05-04T12:00:00}}", "A, B. (2020, May 4). T."),
    # `urldate` is when the page was seen.
    ("@online{k, title={T}, url={https://example.org/page}, urldate={2023-12-01}}",
     "T. (n.d.). Retrieved December 1, 2023, from https://example.org/page"),
    # A report's or patent's number is its own, not a journal issue.
    ("@techreport{k, title={T}, author={Smith, J.}, year={2020}, institution={NBER}, number={w12345}, "
     "type={Working Paper}}", "Smith, J. (2020). T (Working Paper No. W12345). NBER."),
    ("@patent{k, title={T}, author={Smith, J.}, year={2020}, number={US1234567}}",
     "Smith, J. (2020). T (Patent No. US1234567)."),
    # Zotero's @software (a "computer program") with its version: as pandoc's citeproc prints it.
    ("@software{k, author={{R Core Team}}, title={R: A Language and Environment for Statistical Computing}, "
     "publisher={R Foundation for Statistical Computing}, year={2023}, version={4.3.1}}",
     "R Core Team. (2023). R: A Language and Environment for Statistical Computing (Version 4.3.1) "
     "[Computer software]. R Foundation for Statistical Computing."),
    # `howpublished = {\url{…}}` is the page's address, not a container printed "In …".
    ("@misc{k, title={T}, author={{Python Software Foundation}}, year={2023}, howpublished={\\url{https://www.python.org/}}}",
     "Python Software Foundation. (2023). T. https://www.python.org/"),
])
def test_fields_as_reference_managers_write_them_print_as_meant(entry, printed):
    assert _apa(entry) == printed


def test_others_stays_in_the_bibtex_and_leaves_every_other_listing():
    from scholarpage.metadata.downloads import to_ris
    from scholarpage.metadata.scholar_links import scholar_url
    from scholarpage.sources.bibtex_writer import dump_references

    references = parse_references("@article{k, title={T}, journal={J}, year={2020}, author={Smith, J. and others}}")
    assert "and others" in dump_references(references)
    assert "others" not in to_ris(references) and "others" not in scholar_url(references[0])


@pytest.mark.parametrize(("key", "message"), [
    ("", "references.bib:1: key: the entry has no key"),
    ("my key", "references.bib:1: key: 'my key' is not one word"),
])
def test_a_key_that_cannot_be_a_link_is_refused_where_it_stands(key, message):
    with pytest.raises(SourceError) as error:
        parse_references(f"@article{{{key}, title={{T}}, year={{2020}}}}")
    assert str(error.value).startswith(message)


# --- editors standing in for a missing author are printed once -----------------------------------

_EDITED = {
    "book": "@book{SmithDoe2020,\n  editor = {Smith, Jane and Doe, John},\n  title = {Edited Volume},\n"
            "  publisher = {Oxford University Press},\n  address = {Oxford},\n  year = {2020}\n}\n",
    "collection": "@collection{smithEditedVolume2020,\n  editor = {Smith, Jane and Doe, John},\n"
                  "  title = {Edited Volume},\n  publisher = {Oxford University Press},\n  year = {2020}\n}\n",
    "incollection": "@incollection{Smith:2020aa,\n  editor = {Smith, Jane and Doe, John},\n  title = {A Chapter},\n"
                    "  booktitle = {Edited Volume},\n  pages = {1--20},\n  publisher = {Oxford University Press},\n"
                    "  year = {2020}\n}\n",
}


@pytest.mark.parametrize("style", sorted(set(CITE_STYLES.values())))
@pytest.mark.parametrize("kind", _EDITED)
def test_editors_standing_in_for_the_author_are_printed_once(kind, style):
    """Was "Smith, J., & Doe, J. (eds.). (2020). Edited Volume (J. Smith & J. Doe, eds.)." and
    "In J. Smith & J. Doe (eds.), Edited Volume": CSL suppresses a substituted variable."""
    reference, = parse_references(_EDITED[kind])
    text = plain_text(format_references([reference], style)[reference.key])
    assert text.count("Smith") == 1 and text.count("Doe") == 1, text
    assert "Edited Volume" in text and "2020" in text, text


@pytest.mark.parametrize(("kind", "printed"), [
    ("book", "Smith, J., & Doe, J. (Eds.). (2020). Edited Volume. Oxford University Press."),
    ("incollection", "Smith, J., & Doe, J. (Eds.). (2020). A Chapter. In Edited Volume (pp. 1–20). "
                     "Oxford University Press."),
])
def test_apa_prints_editors_in_the_authors_place_only(kind, printed):
    assert _apa(_EDITED[kind]) == printed


def test_editors_are_still_printed_beside_an_author():
    text = _apa("@incollection{Doe2020, author = {Roe, Richard}, editor = {Smith, Jane and Doe, John},\n"
                " title = {A Chapter}, booktitle = {Edited Volume}, publisher = {OUP}, year = {2020}}\n")
    assert text == "Roe, R. (2020). A Chapter. In J. Smith & J. Doe (Eds.), Edited Volume. OUP."


# --- a thesis in APA: no stray "(Publication)" --------------------------------------------------

@pytest.mark.parametrize(("entry", "printed"), [
    ("@phdthesis{Owens2016,\n  author = {Owens-Richards, Marilee},\n  title = {Essays on Things},\n"
     "  school = {Queen Mary, University of London},\n  year = {2016}\n}\n",
     "Owens-Richards, M. (2016). Essays on Things [PhD thesis]. Queen Mary, University of London."),
    ("@phdthesis{owensEssays2016,\n  author = {Owens-Richards, Marilee},\n  title = {Essays on Things},\n"
     "  school = {MIT},\n  type = {Doctoral dissertation},\n  year = {2016}\n}\n",
     "Owens-Richards, M. (2016). Essays on Things [Doctoral dissertation]. MIT."),
    ("@mastersthesis{Owens:2016aa,\n  author = {Owens-Richards, Marilee},\n  title = {Essays on Things},\n"
     "  school = {MIT},\n  year = {2016}\n}\n",
     "Owens-Richards, M. (2016). Essays on Things [Master's thesis]. MIT."),
    # Better BibTeX: BibLaTeX's @thesis with a localisation key as its type.
    ("@thesis{owensEssays2016,\n  author = {Owens-Richards, Marilee},\n  title = {Essays on Things},\n"
     "  institution = {MIT},\n  type = {mathesis},\n  date = {2016}\n}\n",
     "Owens-Richards, M. (2016). Essays on Things [Master's thesis]. MIT."),
])
def test_a_thesis_prints_no_empty_publication_number_in_apa(entry, printed):
    """Was "Essays on Things (Publication) [PhD thesis]": a fixed value in a group whose number is empty."""
    assert _apa(entry) == printed


# --- bad .bib files: one located line a mistake, every mistake at once -----------------------------

def test_a_missing_comma_before_the_title_is_one_problem_where_the_title_starts():
    """Was two lines for one mistake: the missing comma, and "needs a 'title'" on the entry's line."""
    assert _problems("@article{Smith2020,\n  author = {Smith, John}\n  title = {A Title},\n"
                     "  journal = {J},\n  year = {2020},\n}\n") == [
        "references.bib:3: Smith2020: author: missing comma before 'title' (it was read as part of this field)"]


def test_two_missing_commas_in_a_row_are_two_problems_each_where_it_is():
    assert _problems("@article{Smith2020,\n  title = {A Title}\n  year = {2020}\n  journal = {J}\n}\n") == [
        "references.bib:3: Smith2020: title: missing comma before 'year' (it was read as part of this field)",
        "references.bib:4: Smith2020: year: missing comma before 'journal' (it was read as part of this field)"]


def test_a_duplicate_key_hides_no_other_problem():
    """Was the duplicate alone: the entry set aside, and every problem inside it, went unreported."""
    bib = ("@book{Gorton2013, title = {Alpha}, year = 2013}\n"
           "@book{Gorton2013,\n  title = {Beta}\n  year = 2014,\n  publisher = oup\n}\n"
           "@article{smithTitle2020,\n  title = {T},\n  journal = jgr,\n}\n")
    assert _problems(bib) == [
        "references.bib:2: key: duplicate key 'Gorton2013' (first used on line 1)",
        "references.bib:4: Gorton2013: title: missing comma before 'year' (it was read as part of this field)",
        "references.bib:5: Gorton2013: publisher: undefined @string 'oup' (define it, or put the text in braces)",
        "references.bib:9: smithTitle2020: journal: undefined @string 'jgr' (define it, or put the text in braces)"]


def test_a_field_given_twice_hides_no_other_problem_of_its_entry():
    assert _problems("@book{Smith:2020aa,\n  title = {A},\n  title = {B},\n  publisher = oup\n}\n") == [
        "references.bib:1: Smith:2020aa: field given twice: title",
        "references.bib:4: Smith:2020aa: publisher: undefined @string 'oup' (define it, or put the text in braces)"]


def test_the_bibtex_library_logs_nothing_of_a_block_reported_here(caplog):
    """bibtexparser's "Parsing of `@book` block (line 1) aborted…" (its lines counted from 0) was
    printed beside "references.bib:2: BibTeX syntax error"."""
    with caplog.at_level("DEBUG"):
        assert _problems("@article{a, title = {A}, year = {2020}}\n@book{b,\n  title = {Unclosed\n") == [
            "references.bib:2: BibTeX syntax error: the entry is not closed or not well formed"]
    assert [record.getMessage() for record in caplog.records if record.name.startswith("bibtexparser")] == []


def test_a_thesis_number_is_its_publication_number_not_an_issue():
    """ProQuest's dissertation number, as Zotero exports it (`number`), is the thesis's own
    number: APA prints "(Publication No. …)", and no "Issue"."""
    bib = """@phdthesis{Kim2019Thesis,
  author = {Kim, Soo-Jin},
  title = {Essays on Patent Finance},
  school = {Seoul National University},
  year = {2019},
  number = {10158416},
  type = {Doctoral dissertation}
}
"""
    text = plain_text(format_references(parse_references(bib))["Kim2019Thesis"])
    assert text == ("Kim, S.-J. (2019). Essays on Patent Finance (Publication No. 10158416) [Doctoral dissertation]. "
                    "Seoul National University.")


@pytest.mark.parametrize("pages", ["1--20", "5--52", "98--102", "9-10"])
@pytest.mark.parametrize("style", sorted(set(CITE_STYLES.values())))
def test_a_last_page_with_more_digits_than_the_first_is_printed_whole(style, pages):
    """citeproc-py cut "1–20" to "1–0" in MLA (minimal-two) and "5–52" to "5–2" (minimal)."""
    bib = f"@article{{Doe2020,\n  author = {{Doe, Jane}},\n  title = {{A Title}},\n  journal = {{J}},\n" \
          f"  year = {{2020}},\n  volume = {{3}},\n  pages = {{{pages}}}\n}}\n"
    first, last = pages.replace("--", "-").split("-")
    text = plain_text(format_references(parse_references(bib), style)["Doe2020"])
    assert f"{first}–{last}" in text, text


def test_a_dataset_is_cited_and_exported_as_a_dataset():
    """BibLaTeX's @dataset (Zotero, Better BibTeX and Zenodo write it) is CSL's `dataset`: APA labels
    it, and the exports say what it is (it was a `document`: RIS GEN, schema.org CreativeWork)."""
    import json

    import rispy

    from scholarpage.metadata.downloads import to_csl_json, to_ris
    from scholarpage.metadata.jsonld import cited_work
    from scholarpage.sources.bibtex_writer import dump_references

    entry = ("@dataset{Doe2019, author = {Doe, Jane}, title = {Station records}, year = {2019},"
             " publisher = {Zenodo}, doi = {10.5281/zenodo.123}}")
    references = parse_references(entry)
    assert "[Dataset]" in plain_text(format_references(references, "apa")["Doe2019"])
    assert json.loads(to_csl_json(references))[0]["type"] == "dataset"
    assert rispy.loads(to_ris(references))[0]["type_of_reference"] == "DATA"
    assert cited_work(references[0])["@type"] == "Dataset"
    assert parse_references(dump_references(references)) == references
