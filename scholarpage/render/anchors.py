"""Anchor ids for references: `ref-N` by printed number, `cite-<key>` by citation key.

The key anchor is an injective encoding of the key: two different keys never share an
anchor, and a key's anchor never depends on the other keys, so links survive reordering.
"""

from __future__ import annotations


def number_anchor(number: int) -> str:
    return f"ref-{number}"


def key_anchor(key: str) -> str:
    """`cite-` + the key with ASCII letters and digits kept and everything else escaped.

    "-" becomes "--"; any other character becomes "-" + its code point in hex + "-", e.g.
    "smith:2020" → "cite-smith-3a-2020". Readable for ordinary keys, unique for all keys.
    """
    encoded = "".join(
        char if char.isascii() and char.isalnum() else "--" if char == "-" else f"-{ord(char):x}-"
        for char in key
    )
    return f"cite-{encoded}"
