"""The shortcuts that make text hygiene cheap must give exactly the slow path's result.

`clean.text` skips ftfy for text its trigger search finds nothing in, and
`dedup.hashing` folds punctuation runs with regexes instead of a token loop;
both are checked here against the library / the plain algorithm on realistic
and on generated text.
"""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from axis_ingest.clean.text import _FTFY_CONFIG, _needs_ftfy, fix_mojibake, normalise_paragraphs, repair_text
from axis_ingest.dedup.hashing import _TOKEN, _unified, normalise_for_hash

# Characters mojibake and ftfy's other fixers are made of, mixed with prose.
_ALPHABET = st.sampled_from(
    list("abcXYZ 019.,!?'\"-_\n\t")
    + list("ÃÂâ€œ™šžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÉéèêëîïôöüßçñœŒ")
    + list("’‘“”—–…•€\u00a0\u00ad\u0085\u0092\u2028\ufb01\ufeff\u200b\x1b\x07")
    + list("αβγδКирилицаВГРСЂ√≈×ØÙà")
)
_TEXTS = st.lists(_ALPHABET, max_size=24).map("".join)


def _ftfy(text: str) -> str:
    return ftfy.fix_text(text, _FTFY_CONFIG)


@settings(max_examples=1500, deadline=None)
@given(_TEXTS)
def test_text_without_triggers_is_what_ftfy_returns(text: str) -> None:
    if not _needs_ftfy(text):
        assert _ftfy(text) == text
    assert fix_mojibake(text) == _ftfy(text)


def test_fast_path_on_news_prose() -> None:
    clean = "The council’s plan — announced on Tuesday — was “welcome”, said café owner Zoë Müller."
    assert not _needs_ftfy(clean)
    assert repair_text(clean) == clean
    broken = "The councilâ€™s plan was â€œwelcomeâ€\x9d, said cafÃ© owner."
    assert _needs_ftfy(broken)
    assert repair_text(broken) == _ftfy(broken) == "The council’s plan was “welcome”, said café owner."


def test_multi_line_text_is_fixed_line_by_line_like_ftfy() -> None:
    page = "Home | News\nThe mayorâ€™s office said\nCœ\nŒuvre complète\nno change here"
    assert fix_mojibake(page) == _ftfy(page)


def test_repeated_normalisation_returns_the_same_paragraphs() -> None:
    paragraphs = ["  • First   point ", "cafÃ©\u00ad society", "It’s — fine."]
    once = normalise_paragraphs(paragraphs)
    assert once == ["- First point", "café society", "It’s — fine."]
    assert normalise_paragraphs(once) == once


def _hash_by_token_loop(text: str) -> str:
    tokens: list[str] = []
    for token in _TOKEN.findall(_unified(text)):
        if tokens and len(token) == 1 and not token.isalnum() and tokens[-1] == token:
            continue
        tokens.append(token)
    return " ".join(tokens)


_PUNCTUATED = st.lists(st.sampled_from([*"ab_ .!-—…’'\"\n\t\u00a0é1²,;«»\u00ad", "...", "_ _", "a_"]), max_size=16)


@settings(max_examples=1500, deadline=None)
@given(_PUNCTUATED.map("".join))
def test_hash_normalisation_matches_the_token_loop(text: str) -> None:
    assert normalise_for_hash(text) == _hash_by_token_loop(text)


def test_hash_normalisation_folds_runs_and_keeps_words() -> None:
    assert normalise_for_hash("Wait... what?!! _ _ it__is") == "wait . what ? ! _ it__is"
    assert normalise_for_hash("very very good") == "very very good"
