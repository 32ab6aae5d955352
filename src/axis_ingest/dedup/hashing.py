"""The exact-duplicate key: a hash of the body after normalising away what copying changes.

Re-scrapes and reprints of the same text differ in Unicode form (ligatures,
full-width digits, non-breaking spaces), in curly versus straight quotes and
kinds of dash, in letter case of a headline, and in spacing around
punctuation.  None of that makes a different article, so it is folded away
before hashing; any change to a word still changes the hash.  The same
normalised text is the input of word shingling (`minhash.shingles`), so both
duplicate checks see a text the same way.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from functools import lru_cache
from itertools import islice

# Every quote-like and dash-like code point that survives NFKC, mapped to one
# ASCII form.  Listed explicitly (not by Unicode category) because category Pd
# also holds the hyphen inside words, which we keep as "-" too, and Pi/Pf hold
# guillemets, which we fold to '"' like other quotation marks.
_QUOTES_DASHES = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u02bb\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a\u301d\u301e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d", "-"),
        "\u00ad": None,  # soft hyphen: invisible, dropped
        "\u200b": None,  # zero-width space
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)

# str.translate with a dict looks up every character in Python objects (~0.2 ms per
# body); a regex finds the few quotes and dashes ten times faster.
_FOLD = {chr(code): value or "" for code, value in _QUOTES_DASHES.items()}
_FOLDABLE = re.compile("[" + re.escape("".join(_FOLD)) + "]")

# A token is a run of word characters or one punctuation mark; whitespace only separates.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")
# A run of one punctuation mark, possibly spaced ("...", "! !"), and of "_" standing
# alone (a one-character non-alphanumeric token too): each folds to one mark.  Most
# bodies hold no run, and the cheap search skips the substitution for them.
_MARK_PAIR = re.compile(r"([^\w\s])\s*\1")
_MARK_RUN = re.compile(r"([^\w\s])(?:\s*\1)+")
_UNDERSCORE_RUN = re.compile(r"(?<!\w)_(?!\w)(?:\s+_(?!\w))+")


@lru_cache(maxsize=4)
def _unified(text: str) -> str:
    """NFKC, case-folded, with quotes and dashes reduced to ASCII forms.

    Cached for the last few texts: the content hash and the shingles of one
    body both start here, and the body is normalised once instead of twice.
    """
    return _FOLDABLE.sub(_fold, unicodedata.normalize("NFKC", text).casefold())


def _fold(match: re.Match[str]) -> str:
    return _FOLD[match.group()]


def _fold_mark_runs(text: str) -> str:
    if _MARK_PAIR.search(text):
        text = _MARK_RUN.sub(r"\1", text)
    if "_" in text:
        text = _UNDERSCORE_RUN.sub("_", text)
    return text


def normalise_for_hash(text: str) -> str:
    """The text as the duplicate checks compare it.

    Words and punctuation marks become tokens separated by one space; a run of
    the same punctuation mark ("...", "--", "!!") becomes one mark.  So
    "It’s  here — now…" and "it's here -- now ..." normalise alike, while a
    changed, added or removed word does not.
    """
    return " ".join(_TOKEN.findall(_fold_mark_runs(_unified(text))))


def words_for_shingling(text: str) -> list[str]:
    """The normalised words of a text, punctuation dropped (the input of word shingles)."""
    return _WORD.findall(_unified(text))


def content_hash(body: str) -> str:
    """sha256 hex of `normalise_for_hash(body)`: the value of articles.content_hash."""
    return hashlib.sha256(normalise_for_hash(body).encode("utf-8")).hexdigest()


def content_hash_and_words(body: str) -> tuple[str, list[str]]:
    """`content_hash(body)` and `words_for_shingling(body)`, the body tokenised once for both.

    The body's tokens (`\\w+` or one mark) are the hash's unless two equal tokens follow each
    other: that is exactly where `_fold_mark_runs` changes the text (a run of one mark, spaced or
    not, or of "_" standing alone), and then the folded text is tokenised for the hash.  Testing
    the ~700 token pairs of a body costs ~0.02 ms, the search for mark runs ~0.09 ms.  The words
    are the word tokens (a token of one character is a word when it is alphanumeric or "_", as
    re's `\\w`): ~0.04 ms, a second `findall` ~0.2 ms (the 2,354 bodies of the generated corpus).
    """
    unified = _unified(body)
    tokens = _TOKEN.findall(unified)
    words = [token for token in tokens if len(token) > 1 or token.isalnum() or token == "_"]
    if any(map(operator.eq, tokens, islice(tokens, 1, None))):
        tokens = _TOKEN.findall(_fold_mark_runs(unified))
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest(), words
