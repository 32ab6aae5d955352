"""NearDuplicateIndex on real SQLite and PostgreSQL databases: variants, hard negatives, runs, params, clusters."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Connection, Engine, create_engine, insert, select, text

from axis_ingest.dedup import index as dedup_index
from axis_ingest.dedup.clusters import CLUSTERS_SQL, format_clusters, list_clusters
from axis_ingest.dedup.compare import compared_text, containment_and_jaccard, own_tail_words
from axis_ingest.dedup.hashing import content_hash, words_for_shingling
from axis_ingest.dedup.index import (
    MinHashParamsMismatch,
    NearDuplicateIndex,
    params_for,
    rebuild,
    stored_params,
)
from axis_ingest.dedup.minhash import MinHashParams, Signature, signature_for
from axis_ingest.store.schema import (
    Article,
    Base,
    MinHashBucket,
    MinHashBucketHot,
    MinHashSignature,
    MinHashStopBucket,
)

# A story written for these tests: a regional flood-defence decision.
FLOOD = [
    "Councillors in the Vale of Arden voted on Wednesday night to build a 2.3-kilometre flood wall along "
    "the River Leam, ending a four-year dispute over how to protect the low-lying Brookside estate.",
    "The scheme, estimated at 38 million pounds, was approved by 31 votes to 9 after a three-hour debate in "
    "which residents who had been flooded twice since 2020 filled the public gallery.",
    "“People on Mill Lane have been bailing out their kitchens with buckets while we argued about "
    "drawings,” said council leader Priya Ramsden. “Tonight we stopped arguing.”",
    "Opponents had pushed for a cheaper plan that would have let farmland upstream flood deliberately, "
    "storing water on the fields of three tenant farms owned by the council. Engineers told the meeting "
    "that option would have cut peak levels in the town by only 20 centimetres.",
    "The Environment Agency, which will contribute 12 million pounds, said construction could begin next "
    "spring if planning consent is granted by the autumn. Work is expected to take two years, with the "
    "riverside footpath closed in sections.",
    "Local business owners welcomed the decision but asked for the works to be phased so that the Saturday "
    "market on Bridge Street, which draws about 4,000 visitors, can continue throughout.",
    "Insurance brokers in the town said some households had been refused cover since the floods of "
    "February 2022, when the Leam rose 1.8 metres in twelve hours and 214 homes were evacuated.",
    "A final design will be published for consultation in June, and the council said it would hold drop-in "
    "sessions at the library and the community centre on Hawthorn Road.",
]

# Same subject, different story: another council's flood plan.
OTHER_FLOOD = [
    "Engineers in Kellsford have begun surveying the banks of the River Tay Beck ahead of a planned "
    "flood barrier that the town council hopes will protect 600 homes in the Northgate area.",
    "The barrier, which would be raised only when river levels pass a warning mark, is expected to cost "
    "about 21 million pounds, a third of it from a national flood-defence fund.",
    "Residents were told at a meeting in the town hall that the survey would take eight weeks and that "
    "some garden fences near the water would have to be moved temporarily.",
    "“We know people are tired of consultations,” said deputy mayor Tom Okafor. “This is the last step "
    "before we can put a spade in the ground.”",
    "The town flooded in 2019 and again in 2023, when a blocked culvert under the railway sent water "
    "into the station car park and closed the line for three days.",
    "Network Rail said it was replacing the culvert this summer and would coordinate its work with the "
    "council so that the barrier and the new culvert are finished within months of each other.",
    "A planning application is expected in the autumn. Objections so far have come mainly from anglers, "
    "who fear the foundations will disturb a stretch of the river used for fishing competitions.",
]

# Shares FLOOD's lead paragraphs, then tells a different story (a round-up, a follow-up on another topic).
SHARED_LEDE = [
    *FLOOD[:2],
    "In other business, the council confirmed that the leisure centre on Station Road will close for "
    "refurbishment in September, with swimming lessons moved to the secondary school pool.",
    "Parking charges in the town centre will rise by 20 pence an hour from April, the first increase in "
    "five years, which officers said was needed to pay for new ticket machines that accept cards.",
    "The meeting also approved a grant of 45,000 pounds to the Arden Valley Heritage Trust to repair the "
    "roof of the old corn exchange, which has been on the at-risk register since 2017.",
    "A motion to rename the bandstand in Victoria Park after a local wartime nurse, Edith Carrow, was "
    "carried unanimously, and a plaque will be unveiled on the anniversary of her death in November.",
    "Councillors deferred a decision on a proposed 24-hour licence for a supermarket on the ring road "
    "after residents complained about delivery lorries arriving before six in the morning.",
    "The budget for road repairs was increased by 600,000 pounds after a survey found more than 1,100 "
    "potholes across the district, many of them on rural lanes used by school buses.",
]

BOILERPLATE_TOP = ["Share this article: Facebook | X | WhatsApp | Email", "Sign up for our morning newsletter"]
BOILERPLATE_END = [
    "© 2026 Arden Courier Media. All rights reserved. This material may not be republished without permission.",
    "Related: Council tax to rise 4.9% | New bus timetable from May | Your letters",
]


def body(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


def edit_words(paragraphs: list[str], share: float, seed: int) -> list[str]:
    """Replace a share of words with other words, as copy editors and OCR do."""
    rng = random.Random(seed)
    replacements = ["council", "river", "local", "new", "said", "week", "plan", "town", "the", "its"]
    out = []
    for paragraph in paragraphs:
        words = paragraph.split(" ")
        for i in range(len(words)):
            if rng.random() < share:
                words[i] = rng.choice(replacements)
        out.append(" ".join(words))
    return out


def truncate(paragraphs: list[str], share: float) -> list[str]:
    """Keep whole paragraphs from the top until `share` of the words are kept (a shortened reprint)."""
    total = sum(len(p.split()) for p in paragraphs)
    kept: list[str] = []
    for paragraph in paragraphs:
        if sum(len(p.split()) for p in kept) + len(paragraph.split()) > total * share and kept:
            break
        kept.append(paragraph)
    return kept


VARIANTS: dict[str, str] = {
    "whitespace_quotes": body(FLOOD).replace("“", '"').replace("”", '"').replace(". ", ".  ").replace("\n\n", "\n\n\n"),
    "boilerplate": body(BOILERPLATE_TOP + FLOOD + BOILERPLATE_END),
    "headline_dateline": body(
        [
            "Vale of Arden approves 38m flood wall after four-year row",
            "ARDEN, England (Courier) — " + FLOOD[0],
            *FLOOD[1:],
        ]
    ),
    "truncated_40pct": body(truncate(FLOOD, 0.4)),
    "reorder_drop": body([FLOOD[0], FLOOD[2], FLOOD[1], FLOOD[4], FLOOD[3], FLOOD[6], FLOOD[7]]),
    "edits_2pct": body(edit_words(FLOOD, 0.02, seed=11)),
    "edits_5pct": body(edit_words(FLOOD, 0.05, seed=12)),
    "editors_note": body(
        ["Editor’s note: This article has been updated to correct the length of the flood wall.", *FLOOD]
    ),
}


@pytest.fixture()
def engine(db_url: str) -> Iterator[Engine]:
    """A fresh database of each kind (SQLite file, PostgreSQL), with the schema."""
    eng = create_engine(db_url)
    Base.metadata.create_all(eng)
    yield eng
    eng.dispose()


def store(
    conn: Connection, index: NearDuplicateIndex, text_body: str, publisher: str, published: str
) -> tuple[int, int | None, float | None]:
    """Store one article the way the pipeline does; return (id, duplicate_of, similarity)."""
    sig = signature_for(text_body, index.params)
    match = index.match_batch([sig])[0]
    duplicate_of = match.article_id if match else None
    similarity = match.similarity if match else None
    article_id = conn.execute(
        insert(Article)
        .values(
            title=text_body.split("\n\n")[0][:60],
            body=text_body,
            published=published,
            publisher=publisher,
            word_count=len(text_body.split()),
            source_format="plain_text",
            content_hash=content_hash(text_body),
            duplicate_of=duplicate_of,
            similarity=similarity,
            ingested_utc="2026-03-01T00:00:00Z",
        )
        .returning(Article.id)
    ).scalar_one()
    index.add_batch([(article_id, sig)], [match])
    return article_id, duplicate_of, similarity


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_each_reprint_variant_is_a_duplicate_of_the_original(engine: Engine, variant: str) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        original, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        match = index.match_batch([signature_for(VARIANTS[variant], index.params)])[0]
    assert match is not None and match.article_id == original, variant
    assert 0.5 < match.similarity <= 1.0
    # Only spacing and quotes differ: the exact key already catches it (the pipeline stores no new article).
    assert (content_hash(VARIANTS[variant]) == content_hash(body(FLOOD))) == (variant == "whitespace_quotes")


def test_shared_lede_different_story_is_not_a_duplicate(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        # Also a copy cut down to the lead, which overlaps the shared-lede story almost entirely.
        store(conn, index, body(truncate(FLOOD, 0.3)), "Arden Weekly", "2026-02-12")
        _, duplicate_of, _ = store(conn, index, body(SHARED_LEDE), "Arden Courier", "2026-02-12")
    assert duplicate_of is None


def test_distinct_stories_on_the_same_subject_do_not_merge(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        _, duplicate_of, _ = store(conn, index, body(OTHER_FLOOD), "Kellsford Echo", "2026-02-11")
    assert duplicate_of is None


def test_copy_of_a_copy_points_at_the_earliest_canonical(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        original, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        _, first, _ = store(conn, index, VARIANTS["boilerplate"], "Midlands Daily", "2026-02-12")
        _, second, _ = store(conn, index, body(BOILERPLATE_TOP + FLOOD[:5]), "Valley Post", "2026-02-13")
    assert first == original and second == original


def test_later_run_on_a_separate_connection_finds_an_earlier_copy(engine: Engine) -> None:
    with engine.begin() as conn:
        original, _, _ = store(conn, NearDuplicateIndex(conn), body(FLOOD), "Arden Courier", "2026-02-11")
        store(conn, NearDuplicateIndex(conn), body(OTHER_FLOOD), "Kellsford Echo", "2026-02-11")
    engine.dispose()
    later = create_engine(engine.url)
    try:
        with later.begin() as conn:
            index = NearDuplicateIndex(conn)
            _, duplicate_of, _ = store(conn, index, VARIANTS["edits_5pct"], "Shire Gazette", "2026-02-20")
            _, unrelated, _ = store(conn, index, body(SHARED_LEDE[2:]), "Shire Gazette", "2026-02-20")
    finally:
        later.dispose()
    assert duplicate_of == original
    assert unrelated is None


def test_batch_matches_earlier_entries_of_the_same_batch(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        sigs = [signature_for(t, index.params) for t in (body(FLOOD), body(OTHER_FLOOD), VARIANTS["edits_2pct"])]
        matches = index.match_batch(sigs)
    assert matches[0] is None and matches[1] is None
    assert matches[2] is not None and matches[2].article_id is None and matches[2].batch_index == 0


def test_stored_rows_are_signatures_and_buckets(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        article_id, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        buckets = conn.execute(select(MinHashBucketHot.band).where(MinHashBucketHot.article_id == article_id)).scalars()
        assert sorted(buckets) == list(range(index.params.bands + index.params.lead_bands))  # lead bands follow
        assert conn.execute(select(MinHashBucket.band)).first() is None  # reaches the main table at a merge
        count = conn.execute(select(MinHashSignature.shingle_count)).scalar_one()
        assert count > 200


def test_hot_buckets_merge_into_main_table_and_matches_span_both(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles indexed before and after a merge of the hot table are found, whichever table holds them."""
    # one article's bucket rows fit, a second one's do not
    monkeypatch.setattr(dedup_index, "HOT_MAX_ROWS", MinHashParams().bands + MinHashParams().lead_bands + 8)
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        flood, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        assert conn.execute(select(MinHashBucket.article_id)).first() is None
        other, _, _ = store(conn, index, body(OTHER_FLOOD), "Kellsford Echo", "2026-02-11")
        merged = conn.execute(select(MinHashBucket.article_id).distinct()).scalars().all()
        assert sorted(merged) == [flood, other]
        assert conn.execute(select(MinHashBucketHot.article_id)).first() is None
        lede, lede_dup, _ = store(conn, index, body(SHARED_LEDE), "Arden Courier", "2026-02-12")
        assert lede_dup is None
        assert set(conn.execute(select(MinHashBucketHot.article_id)).scalars()) == {lede}
    with engine.begin() as conn:  # a later transaction sees main and hot rows alike
        index = NearDuplicateIndex(conn)
        matches = index.match_batch(
            [signature_for(t, index.params) for t in (VARIANTS["edits_5pct"], body(SHARED_LEDE[:1] + SHARED_LEDE[2:]))]
        )
    assert matches[0] is not None and matches[0].article_id == flood
    assert matches[1] is not None and matches[1].article_id == lede


def test_mismatched_params_are_refused_and_rebuild_switches(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        original, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
    other = MinHashParams(num_perm=128, bands=32, rows=2, k=5)
    with engine.begin() as conn, pytest.raises(MinHashParamsMismatch, match="rebuild"):
        NearDuplicateIndex(conn, other)
    with engine.begin() as conn:
        assert rebuild(conn, other) == 1
        assert stored_params(conn) == other
        index = NearDuplicateIndex(conn, other)
        _, duplicate_of, _ = store(conn, index, VARIANTS["boilerplate"], "Midlands Daily", "2026-02-12")
    assert duplicate_of == original
    with engine.begin() as conn, pytest.raises(MinHashParamsMismatch):
        NearDuplicateIndex(conn)


def test_clusters_list_canonical_first_with_members(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        original, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11T07:30:00+00:00")
        store(conn, index, VARIANTS["boilerplate"], "Midlands Daily", "2026-02-11T12:00:00+00:00")
        store(conn, index, VARIANTS["truncated_40pct"], "Valley Post", "2026-02-12")
        other, _, _ = store(conn, index, body(OTHER_FLOOD), "Kellsford Echo", "2026-02-11")
        store(conn, index, body(BOILERPLATE_TOP + OTHER_FLOOD), "Northgate News", "2026-02-13")
    with engine.connect() as conn:
        clusters = list_clusters(conn)
        rows = conn.execute(text(CLUSTERS_SQL)).all()
    assert [c.canonical.article_id for c in clusters] == [original, other]
    assert [m.publisher for m in clusters[0].members] == ["Midlands Daily", "Valley Post"] or [
        m.publisher for m in clusters[0].members
    ] == ["Valley Post", "Midlands Daily"]
    assert clusters[0].canonical.similarity is None
    assert all(m.similarity is not None and m.similarity > 0.5 for c in clusters for m in c.members)
    assert len(rows) == 5
    listing = format_clusters(clusters)
    assert "Midlands Daily" in listing and "canonical" in listing and "2 clusters, 5 articles" in listing


def test_no_clusters_message(engine: Engine) -> None:
    with engine.connect() as conn:
        assert format_clusters(list_clusters(conn)) == "No near-duplicate clusters."


def _signature_sharing_band_zero(seed: int, params: MinHashParams) -> Signature:
    """A signature whose first band equals every other such signature's, the rest random.

    What a phrase in most articles does on an unlucky permutation: its minimum is the
    same for all of them, so one band agrees while the stories have nothing else in common.
    """
    rng = np.random.default_rng(seed)
    values = rng.integers(1, 2**32, params.num_perm, dtype=np.uint64)
    values[: params.rows] = 7
    return Signature(values, shingle_count=400, lead=rng.integers(1, 2**32, params.lead_perm, dtype=np.uint64))


def _article(conn: Connection, n: int) -> int:
    return conn.execute(
        insert(Article)
        .values(body=f"story {n}", word_count=2, source_format="plain_text", content_hash=f"h{n}", ingested_utc="x")
        .returning(Article.id)
    ).scalar_one()


def test_a_bucket_past_its_size_limit_becomes_a_stop_bucket(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup_index, "STOP_BUCKET_SIZE", 3)
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        sigs = [_signature_sharing_band_zero(n, index.params) for n in range(6)]
        shared = int(dedup_index.band_keys(sigs[0].values, index.params)[0, 0])
        for n in range(3):
            assert index.match_batch([sigs[n]]) == [None]  # one agreeing band: a candidate, not a copy
            index.add_batch([(_article(conn, n), sigs[n])])
        assert not set(conn.scalars(select(MinHashStopBucket.bucket)))  # 3 articles: at the limit, not past
        index.add_batch([(_article(conn, 3), sigs[3])])
        assert set(conn.scalars(select(MinHashStopBucket.bucket))) == {shared}
        # the stop bucket gets no new rows, and lookups no longer ask for it
        later = _article(conn, 4)
        index.add_batch([(later, sigs[4])])
        rows = set(conn.scalars(select(MinHashBucketHot.bucket).where(MinHashBucketHot.article_id == later)))
        assert len(rows) == index.params.bands + index.params.lead_bands - 1 and shared not in rows
        db_candidates, batch_candidates = index._candidates([sigs[5], sigs[5]])
        assert db_candidates[0] == set() and batch_candidates[1] == {0}  # the batch still pairs true copies
    with engine.begin() as conn:  # a later transaction knows the stop buckets too
        assert NearDuplicateIndex(conn)._stop == {shared}


def test_a_nearly_identical_copy_adds_no_bucket_rows_and_its_copies_still_match(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        original, _, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        copy, duplicate_of, _ = store(
            conn, index, body(edit_words(FLOOD, 0.004, seed=5)), "Kellsford Echo", "2026-02-11"
        )
        assert duplicate_of == original
        assert conn.execute(select(MinHashBucketHot.bucket).where(MinHashBucketHot.article_id == copy)).first() is None
        assert conn.execute(select(MinHashSignature.article_id).where(MinHashSignature.article_id == copy)).first()
        # an edited copy is indexed: it differs enough to widen what the cluster catches
        edited, duplicate_of, _ = store(conn, index, VARIANTS["edits_5pct"], "Arden Courier", "2026-02-12")
        assert duplicate_of == original
        assert conn.execute(select(MinHashBucketHot.bucket).where(MinHashBucketHot.article_id == edited)).first()
        match = index.match_batch([signature_for(VARIANTS["edits_2pct"], index.params)])[0]
    assert match is not None and match.article_id == original


def test_a_database_keeps_the_lsh_banding_it_was_built_with(engine: Engine) -> None:
    older = replace(MinHashParams(), bands=32, rows=2)
    with engine.begin() as conn:
        NearDuplicateIndex(conn, older)
    with engine.begin() as conn:
        assert params_for(conn) == older  # only the banding differs: the stored one is kept
        assert params_for(conn, replace(MinHashParams(), k=5)) == replace(MinHashParams(), k=5)  # refused later


def test_an_ingest_run_on_a_database_with_the_older_banding_keeps_it(tmp_path: Path) -> None:
    """A database indexed before schema 3 (32 bands of 2 rows, no lead bands) is ingested into without a rebuild."""
    from axis_ingest.run import run_ingest
    from axis_ingest.store.db import open_database

    db = tmp_path / "old.sqlite"
    older = replace(MinHashParams(), bands=32, rows=2, lead_bands=0)
    engine = open_database(db)
    with engine.begin() as conn:
        NearDuplicateIndex(conn, older)
        # stored as that version wrote it: without the lead fields
        stored = {k: v for k, v in json.loads(older.to_json()).items() if not k.startswith("lead_")}
        conn.execute(text("UPDATE schema_info SET value = :v WHERE key = 'minhash_params'"), {"v": json.dumps(stored)})
    engine.dispose()
    fixtures = Path(__file__).parent / "fixtures" / "wire"
    summary = run_ingest(paths=[fixtures], db=db, clean_dir=tmp_path / "clean", workers=1)
    assert summary.outcome.loaded
    check = create_engine(f"sqlite:///{db}")
    with check.connect() as conn:
        assert stored_params(conn) == older
        rows = conn.execute(select(MinHashBucketHot.article_id, MinHashBucketHot.band)).all()
    check.dispose()
    assert rows and max(band for _, band in rows) == older.bands - 1


def test_exact_comparison_holds_a_cut_copy_and_finds_the_own_tail_of_a_shared_lede_story() -> None:
    full = compared_text(body(FLOOD))
    cut = compared_text(body(truncate(FLOOD, 0.4)))
    containment, jaccard = containment_and_jaccard(cut, full)
    assert containment == 1.0 and jaccard < 0.5
    assert own_tail_words(cut, full) == 0
    # A dropped paragraph or an editor's note is not at the end of what the other text holds.
    assert own_tail_words(compared_text(VARIANTS["reorder_drop"]), full) == 0
    assert own_tail_words(compared_text(VARIANTS["editors_note"]), full) == 0
    # The shared-lede story goes on for six paragraphs of its own after the two it shares.
    lede = compared_text(body(SHARED_LEDE))
    assert own_tail_words(lede, full) == len(words_for_shingling(body(SHARED_LEDE[2:])))


def test_with_texts_a_shared_lede_story_is_not_a_copy_even_of_a_copy_cut_to_the_lede(engine: Engine) -> None:
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        texts = [body(FLOOD), body(truncate(FLOOD, 0.3)), body(SHARED_LEDE[:4])]
        matches = index.match_batch([signature_for(t, index.params) for t in texts], texts)
    assert matches[1] is not None and matches[1].batch_index == 0
    assert matches[2] is None


def test_a_copy_cut_to_the_shared_lede_joins_the_story_more_copies_tell(engine: Engine) -> None:
    """A copy of FLOOD cut to its two lead paragraphs is held whole by FLOOD and by the shared-lede story,
    which opens with the same two paragraphs: it joined whichever came first, here the other story (seen on
    stories the dev set does not hold: bench/dedup_synthetic.py)."""
    texts = [body(SHARED_LEDE), body(FLOOD), body(BOILERPLATE_TOP + FLOOD), body(FLOOD[:2])]
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        matches = index.match_batch([signature_for(t, index.params) for t in texts], texts)
    assert matches[0] is None and matches[1] is None  # two stories
    assert matches[2] is not None and matches[2].batch_index == 1
    assert matches[3] is not None and matches[3].batch_index == 1 and matches[3].similarity > 0.95


def test_a_copy_held_by_one_story_only_still_joins_it(engine: Engine) -> None:
    """Left alone: with no second story holding it, a cut joins its story, however small the story's cluster."""
    texts = [body(OTHER_FLOOD), *(body([f"Copy {n} of the Kellsford story.", *OTHER_FLOOD]) for n in range(3))]
    texts += [body(FLOOD), body(truncate(FLOOD, 0.5))]
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        matches = index.match_batch([signature_for(t, index.params) for t in texts], texts)
    assert matches[4] is None and matches[5] is not None and matches[5].batch_index == 4


def test_a_cut_to_the_shared_lede_joins_the_stored_story_more_copies_tell(engine: Engine) -> None:
    """The same with the stories stored by earlier runs: the stored copies of each cluster are counted."""
    with engine.begin() as conn:
        index = NearDuplicateIndex(conn)
        store(conn, index, body(SHARED_LEDE), "Arden Weekly", "2026-02-12")
        story, story_dup, _ = store(conn, index, body(FLOOD), "Arden Courier", "2026-02-11")
        _, copy_of, _ = store(conn, index, body(BOILERPLATE_TOP + FLOOD), "Arden Post", "2026-02-11")
        cut = body(FLOOD[:2])
        [match] = index.match_batch([signature_for(cut, index.params)], [cut])
    assert story_dup is None and copy_of == story
    assert match is not None and match.article_id == story
