"""Every reader hands over final paragraphs: the pipeline does not clean them again.

Checked on every fixture of every format: paragraphs are fixed points of
`normalise_paragraphs` (one line, single spaces, repaired text, `- ` bullets)
and none is empty; titles and subtitles are single clean lines too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from axis_ingest.clean.text import normalise_paragraphs
from axis_ingest.decode import decode_bytes
from axis_ingest.document import RejectedInput
from axis_ingest.readers import read_text

FIXTURES = sorted(p for p in (Path(__file__).parent / "fixtures").rglob("*") if p.is_file())
RAW_SAMPLES = sorted(p for p in (Path(__file__).parents[1] / "raw").iterdir() if p.is_file() and p.stat().st_size > 64)


@pytest.mark.parametrize("path", FIXTURES + RAW_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_reader_output_is_already_clean(path: Path) -> None:
    text, _ = decode_bytes(path.read_bytes())
    try:
        docs = read_text(text)
    except RejectedInput as exc:  # a fixture of a page with no article: nothing to check
        pytest.skip(f"rejected: {exc}")
    assert docs
    for doc in docs:
        assert doc.paragraphs == normalise_paragraphs(doc.paragraphs)
        assert all(p.strip() for p in doc.paragraphs)
        for line in (doc.title, doc.subtitle):
            assert line is None or [line] == normalise_paragraphs([line])
