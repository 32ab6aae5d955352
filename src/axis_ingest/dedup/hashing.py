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
import re
import unicodedata

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

# A token is a run of word characters or one punctuation mark; whitespace only separates.
_TOKEN = re.compile(r"\w+|[^\w\s]")
_WORD = re.compile(r"\w+")


def _unified(text: str) -> str:
    """NFKC, case-folded, with quotes and dashes reduced to ASCII forms."""
    return unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES_DASHES)


def normalise_for_hash(text: str) -> str:
    """The text as the duplicate checks compare it.

    Words and punctuation marks become tokens separated by one space; a run of
    the same punctuation mark ("...", "--", "!!") becomes one mark.  So
    "It’s  here — now…" and "it's here -- now ..." normalise alike, while a
    changed, added or removed word does not.
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(_unified(text)):
        if tokens and len(token) == 1 and not token.isalnum() and tokens[-1] == token:
            continue
        tokens.append(token)
    return " ".join(tokens)


def words_for_shingling(text: str) -> list[str]:
    """The normalised words of a text, punctuation dropped (the input of word shingles)."""
    return _WORD.findall(_unified(text))


def content_hash(body: str) -> str:
    """sha256 hex of `normalise_for_hash(body)`: the value of articles.content_hash."""
    return hashlib.sha256(normalise_for_hash(body).encode("utf-8")).hexdigest()
