"""Exact-duplicate key and MinHash signatures (pure functions)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from axis_ingest.dedup.hashing import content_hash, content_hash_and_words, normalise_for_hash, words_for_shingling
from axis_ingest.dedup.minhash import (
    MinHashParams,
    Signature,
    estimate_containment,
    estimate_jaccard,
    lead_words,
    shingles,
    signature_for,
)

BODY = (
    "The harbour authority in Port Adair said on Tuesday it would close the eastern ferry terminal "
    "for six weeks from March while engineers replace the pontoon, which was damaged in January’s storm.\n\n"
    "“We have looked at every alternative — there isn’t one that keeps passengers safe,” said "
    "operations director Maren Holt. Sailings to the islands will leave from the western quay instead.\n\n"
    "The council expects the repairs to cost about 4.2 million pounds, most of it covered by insurance."
)


def test_whitespace_quote_dash_and_case_changes_hash_alike() -> None:
    variant = (
        "THE HARBOUR AUTHORITY in Port Adair said on Tuesday it would close the eastern ferry terminal\n"
        "for six weeks from March while engineers replace the pontoon , which was damaged in January's storm.\n\n\n"
        '"We have looked at every alternative -- there isn\'t one that keeps passengers safe," said  '
        "operations director Maren Holt.  Sailings to the islands will leave from the western quay instead.\n\n"
        "The council expects the repairs to cost about 4.2 million pounds, most of it covered by insurance."
    )
    assert content_hash(variant) == content_hash(BODY)


def test_unicode_compatibility_forms_hash_alike() -> None:
    # Full-width digits, a ligature, a non-breaking space and a soft hyphen are copy artefacts.
    assert content_hash("Ｍａｒｃｈ ２０２６: ﬁnal re\u00adport\u00a0due") == content_hash(
        "march 2026: final report due"
    )


def test_one_word_change_changes_the_hash() -> None:
    assert content_hash(BODY.replace("six weeks", "seven weeks")) != content_hash(BODY)
    assert content_hash(BODY.replace("4.2 million", "4.3 million")) != content_hash(BODY)


def test_normalised_text_keeps_words_and_punctuation_order() -> None:
    assert normalise_for_hash("Wait...  what?!  It’s — “fine”.") == 'wait . what ? ! it \' s - " fine " .'
    # Different punctuation is still a difference (a question is not a statement).
    assert normalise_for_hash("It is over.") != normalise_for_hash("It is over?")


def test_content_hash_is_sha256_hex() -> None:
    value = content_hash(BODY)
    assert len(value) == 64 and int(value, 16) >= 0


def test_shingles_are_word_k_grams_of_normalised_words() -> None:
    grams = shingles("The Mayor’s office, on Friday — said: no.", k=3)
    assert grams == {
        "the mayor s",
        "mayor s office",
        "s office on",
        "office on friday",
        "on friday said",
        "friday said no",
    }
    assert shingles("Two words", k=4) == {"two words"}
    assert shingles("  \n", k=4) == set()


def test_signature_is_pure_and_picklable() -> None:
    params = MinHashParams()
    first = signature_for(BODY, params)
    again = pickle.loads(pickle.dumps(signature_for(BODY, params)))
    assert first.values.dtype == np.uint64 and first.values.shape == (params.num_perm,)
    assert np.array_equal(first.values, again.values)
    assert first.shingle_count == len(shingles(BODY, params.k))
    assert pickle.loads(pickle.dumps(params)) == params


def test_signature_bytes_round_trip() -> None:
    params = MinHashParams()
    sig = signature_for(BODY, params)
    back = Signature.from_bytes(sig.to_bytes(), sig.shingle_count, params.num_perm)
    assert np.array_equal(back.values, sig.values) and back.shingle_count == sig.shingle_count
    wide = Signature(np.array([1, 2**40], dtype=np.uint64), 2)
    assert np.array_equal(Signature.from_bytes(wide.to_bytes(), 2, 2).values, wide.values)
    with pytest.raises(ValueError):
        Signature.from_bytes(b"\x00" * 12, 2, 4)


def test_estimates_track_exact_jaccard_and_containment() -> None:
    params = MinHashParams()
    paragraphs = BODY.split("\n\n")
    shortened = paragraphs[0]
    full, short = signature_for(BODY, params), signature_for(shortened, params)
    a, b = shingles(BODY, params.k), shingles(shortened, params.k)
    exact_j = len(a & b) / len(a | b)
    assert abs(estimate_jaccard(full, short) - exact_j) < 0.15
    # The first paragraph is entirely inside the full text.
    assert estimate_containment(full, short) > 0.8
    assert estimate_jaccard(full, full) == 1.0 and estimate_containment(full, full) == 1.0


def test_empty_text_matches_nothing() -> None:
    params = MinHashParams()
    empty = signature_for("", params)
    assert empty.shingle_count == 0
    assert estimate_jaccard(empty, empty) == 0.0
    assert estimate_containment(empty, signature_for(BODY, params)) == 0.0


def test_params_json_round_trip_and_validation() -> None:
    params = MinHashParams(num_perm=64, bands=16, rows=4, k=5, seed=3)
    assert MinHashParams.from_json(params.to_json()) == params
    with pytest.raises(ValueError):
        MinHashParams(num_perm=32, bands=16, rows=4)


def test_lead_words_skip_a_headline_line_and_datelines_and_keep_a_plain_lead() -> None:
    story = "Train drivers on the Northern Dales line will strike for 48 hours from Friday.\n\nThe operator said."
    plain = lead_words(story, 8)
    assert plain == ["train", "drivers", "on", "the", "northern", "dales", "line", "will"]
    reheadlined = "Dales line drivers to strike\n\nLEEDS, England (Reuters) — " + story
    assert lead_words(reheadlined, 8) == plain
    assert lead_words("(Reuters) - " + story, 8) == plain
    assert lead_words("LONDON (AP) — HARROWGATE — " + story, 8) == plain
    # A first paragraph that is a sentence is the lead, short or not.
    assert lead_words("Drivers walk out.\n\n" + story, 3) == ["drivers", "walk", "out"]


def test_hash_and_words_in_one_pass_are_the_two_separately() -> None:
    texts = [
        "It’s  here — now… and the U.S.-led talks (2026) resumed!!",
        "A line_with_underscores and _ _ _ rules, plus ﬁne ligatures and ² marks.",
        "Ⅻ ١٢ café naïve — “quoted” ... -- ! !",
        "",
    ]
    for text in texts:
        assert content_hash_and_words(text) == (content_hash(text), words_for_shingling(text))
