"""The learned reference tagger (issue 16): a linear-chain CRF over whitespace tokens.

`tag(text)` labels one reference string, `tag_list(texts)` a whole list read in its majority
style, `review(tagged)` ranks the uncertain ones. The model (model.crfsuite) is package data,
trained by scripts/train_tagger.py on AnyStyle's corpus and synthetic CSL-rendered strings.
"""

from .review import Doubt, review
from .tagging import Field, Tagged, tag, tag_list

__all__ = ["Doubt", "Field", "Tagged", "review", "tag", "tag_list"]
