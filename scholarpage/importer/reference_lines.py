"""Lines of a copied reference list → one string per reference, each with the line it starts on.

A list copied from a web page or a PDF breaks entries where the page did: a page range split as
`pp. 5-` / `14.`, a URL cut after a slash, a hanging indent. The layout is decided once for the
whole list (numbered, one paragraph per entry, or one line per entry) and a line that cannot
begin a reference is joined to the one before it, so a break never becomes a second entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

from scholarpage.importer.page_labels import NOISE

_NUMBERED = re.compile(r"^\s*(?:\[(\d{1,5})\]|(\d{1,5})[.)])\s+(\S.*)$")
_URL_TOKEN = re.compile(r"(?:https?://|www\.|doi:|10\.\d{4,9}/)\S*$", re.I)
_OPEN_END = re.compile(r"(?:[,;:(&–—-]|\b(?:and|und|e|y|et|i|in|In|pp?\.|vol\.|no\.|nr|ed\.|eds\.))$")
_PARTICLE = re.compile(r"^(?:van|von|de|da|di|du|del|della|der|den|la|le|dos|das|do|ten|ter|bin|al|el|d')\b")


@dataclass(frozen=True)
class Entry:
    """One reference as printed (whitespace made single) and the 1-based line it starts on."""

    text: str
    line: int


def entries(lines: list[str], first_line: int = 1) -> list[Entry]:
    """Split the lines of a reference list (line `first_line` is lines[0]) into references."""
    kept = [(n, line) for n, line in enumerate(lines, first_line) if line.strip() and not _noise(line)]
    if not kept:
        return []
    enough = min(2, len(kept))
    marked = islice((s for _, s in kept if _NUMBERED.match(s)), enough)
    if _NUMBERED.match(kept[0][1]) and len(list(marked)) == enough:
        groups = _by_number(kept)
    elif _paragraphs(lines):
        groups = _by_paragraph(lines, first_line)
    else:
        groups = _by_line(kept)
    return [Entry(text, line) for line, text in (_joined(group) for group in groups) if text]


def _noise(line: str) -> bool:
    line = line.strip()
    return len(line) < 40 and bool(NOISE.match(line))


def _by_number(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """A numbered line starts an entry when its number follows the last one; others continue it."""
    groups: list[list[tuple[int, str]]] = []
    expected = 0
    for number, line in lines:
        match = _NUMBERED.match(line)
        value = int(match[1] or match[2]) if match else 0
        starts = match and (not groups or value == expected
                            or (value > expected and not continues(_flat(groups[-1][-3:]), line)))
        if starts:
            groups.append([(number, match[3])])
            expected = value + 1
        elif groups:
            groups[-1].append((number, line))
        else:
            groups.append([(number, line)])
    return groups


def _paragraphs(lines: list[str]) -> bool:
    """Entries are separated by blank lines: more than one paragraph, and short ones."""
    blocks = [b for b in re.split(r"\n\s*\n", "\n".join(lines)) if b.strip()]
    return len(blocks) > 1 and sum(b.count("\n") + 1 for b in blocks) <= 6 * len(blocks)


def _by_paragraph(lines: list[str], first_line: int) -> list[list[tuple[int, str]]]:
    groups: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, first_line):
        if not line.strip():
            if current:
                groups.append(current)
            current = []
        elif not _noise(line):
            current.append((number, line))
    if current:
        groups.append(current)
    return _merge_fragments(groups)


def _by_line(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """One line per entry, except lines indented past the list's margin (a hanging indent)."""
    margin = min(_indent(line) for _, line in lines)
    hanging = any(_indent(line) > margin for _, line in lines) and _indent(lines[0][1]) == margin
    groups: list[list[tuple[int, str]]] = []
    for number, line in lines:
        if groups and hanging and _indent(line) > margin:
            groups[-1].append((number, line))
        else:
            groups.append([(number, line)])
    return _merge_fragments(groups, broken=_ends_mid_sentence)


def _ends_mid_sentence(before: str, after: str) -> bool:
    """A full-width line that stops on a word (no full stop, bracket, number or URL) was cut by the page."""
    last = before.split()[-1] if before.split() else ""
    return (len(before) >= 40 and last[-1].isalpha() and not _URL_TOKEN.search(last)
            and not after.startswith("["))


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _merge_fragments(groups: list[list[tuple[int, str]]], broken=None) -> list[list[tuple[int, str]]]:
    merged: list[list[tuple[int, str]]] = []
    for group in groups:
        before, after = (_flat(merged[-1][-3:]), _flat(group)) if merged else ("", "")  # its end is enough
        if merged and (continues(before, after) or (broken is not None and broken(before, after))):
            merged[-1].extend(group)
        else:
            merged.append(list(group))
    return merged


def _flat(group: list[tuple[int, str]]) -> str:
    return " ".join(" ".join(line for _, line in group).split())


def continues(before: str, after: str) -> bool:
    """Whether `after` cannot begin a reference and so goes on from `before`."""
    before, after = before.rstrip(), after.strip()
    if not before or not after:
        return False
    last = before.split()[-1]
    if re.search(r"[-–‐]$", before) and after[0].isdigit():
        return True  # "pp. 5-" / "14."
    if _URL_TOKEN.search(last) and before[-1] in "/-_=&?#%~." and _url_rest(after):
        return True  # a URL cut where the line broke
    if after[0].islower() and not _PARTICLE.match(after):
        return True
    return bool(_OPEN_END.search(before))  # a page number alone after a full stop is the PDF's, not the entry's


def _url_rest(text: str) -> bool:
    """The start of `text` reads as the rest of a URL: one token with URL characters, no name."""
    token = text.split()[0]
    if _PARTICLE.match(text):
        return False
    return not token.endswith(",") and (bool(re.search(r"[/._=?&%#~-]", token.rstrip("."))) or token[0].islower()
                                        or token[0].isdigit())


def _joined(group: list[tuple[int, str]]) -> tuple[int, str]:
    """The group's lines as one string: a break after a dash or inside a URL adds no space."""
    if len(group) == 1:
        return group[0][0], " ".join(group[0][1].split())
    pieces: list[str] = []
    for _, line in group:
        piece = line.strip()
        if pieces and piece and not _glued(pieces[-1], piece):
            pieces.append(" ")
        pieces.append(piece)
    return group[0][0], " ".join("".join(pieces).split())


def _glued(before: str, after: str) -> bool:
    """Dash-broken numbers ("5-" "14."), words ("energy-" "efficient") and URLs join without a space."""
    if re.search(r"\d[-–‐]$", before) and after[:1].isdigit():
        return True
    if re.search(r"[^\W\d_]-$", before) and after[:1].islower():
        return True
    last = before.split()[-1] if before.split() else ""
    return bool(_URL_TOKEN.search(last)) and before[-1] in "/-_=&?#%~" and _url_rest(after)
