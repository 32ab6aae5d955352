"""Common-word evidence for one-word bylines: is this word an everyday word of a major language?

A byline element sometimes holds an interface word ("Teilen", "Antworten", "Human", "Red") where a name belongs.
Blogs do print one word as the author (a first name, "Kathrin"; a handle, "reineckefuchs"), so one word is not
rejected by itself; what tells them apart is how often the word occurs in ordinary text.  The frequencies are
wordfreq's (PyPI `wordfreq`, its "small" lists, shipped inside the package: nothing is downloaded at run time).
Importing it (~0.15 s) and loading the lists of COMMON_WORD_LANGUAGES (~0.15 s, ~25 MB) happen in a process only
when its first one-word byline that is no given name is asked about, as `names.places` does for its table: most
runs have none, and the forkserver's warm-up would pay for it before any worker starts.
"""

from __future__ import annotations

from functools import lru_cache

# The languages of most pages the project reads (the dev sets are mostly German and English; the unseen sets add
# French, Spanish, Italian, Dutch, Portuguese, Polish and Turkish pages).  A word common in any of them counts.
COMMON_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "tr")
# Zipf frequency (log10 of occurrences per billion words) from which a word is an everyday word: "teilen" 4.9,
# "human" 5.4, "abonnieren" 3.5; names and handles of the authors dev set score lower ("Newsdesk" 1.8, "Kj" 3.0)
# unless they are given names, which the caller asks about first ("Andrea" 4.8, "Ulrike" 4.0).
COMMON_WORD_ZIPF = 4.0
# Zipf frequency of a language's articles, prepositions and auxiliaries ("el" 7.5, "le" 7.4, "van" 7.5, "al" 6.7),
# which the given-name dictionary also lists as rare names; common given names stay below it ("sam" 5.7, "ana" 5.5,
# "john" 5.4), except the few that are also such words ("Will", Turkish "Can").
FUNCTION_WORD_ZIPF = 6.0


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is an everyday word in one of COMMON_WORD_LANGUAGES."""
    import wordfreq  # imported on first use: see the module docstring

    key = word.casefold()
    return any(
        wordfreq.zipf_frequency(key, language, wordlist="small") >= COMMON_WORD_ZIPF
        for language in COMMON_WORD_LANGUAGES
    )


@lru_cache(maxsize=1024)
def is_function_word(word: str) -> bool:
    """Whether `word` (any case) is one of the most frequent words of one of COMMON_WORD_LANGUAGES: an article,
    a preposition ("El Colombiano" is no person named El)."""
    import wordfreq  # imported on first use: see the module docstring

    key = word.casefold()
    return any(
        wordfreq.zipf_frequency(key, language, wordlist="small") >= FUNCTION_WORD_ZIPF
        for language in COMMON_WORD_LANGUAGES
    )
