"""Anchor ids: unique, safe and stable for any set of citation keys."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from scholarpage.render.anchors import key_anchor, number_anchor

SAFE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
keys = st.text(min_size=1, max_size=30)


@given(st.sets(keys, max_size=40))
def test_different_keys_never_share_an_anchor(key_set):
    anchors = [key_anchor(key) for key in key_set]
    assert len(set(anchors)) == len(anchors)


@given(keys)
def test_key_anchors_are_simple_ids_that_never_look_like_number_anchors(key):
    anchor = key_anchor(key)
    assert SAFE_ID.match(anchor)
    assert not re.fullmatch(r"ref-\d+", anchor)


@given(keys, st.lists(keys, max_size=10))
def test_a_keys_anchor_does_not_depend_on_the_other_keys(key, others):
    assert key_anchor(key) == key_anchor(key)
    assert key_anchor(key) not in {key_anchor(other) for other in others if other != key}


def test_ordinary_keys_read_as_themselves():
    assert key_anchor("gorton2013securitization") == "cite-gorton2013securitization"
    assert key_anchor("smith:2020") == "cite-smith-3a-2020"
    assert key_anchor("van-zyl") == "cite-van--zyl"
    assert number_anchor(17) == "ref-17"
