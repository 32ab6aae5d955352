"""The place-name tables are derived from GeoNames once and then read from the user's cache folder.

Building them parses 17 MB of JSON (~1.1 s of CPU); every pool worker of every run paid that on HTML
pages.  The cache file must give exactly the built tables, and a missing, cut or unwritable cache
must never change an answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from axis_ingest.names import places

SMALL = (frozenset({"paris", "new york"}), frozenset({"paris", "new york", "den haag", "ciudad de méxico"}))


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places._tables.cache_clear()
    yield tmp_path
    places._tables.cache_clear()  # later tests read the real tables again


def test_the_cache_file_gives_exactly_the_built_tables(cache_home: Path) -> None:
    built = places.build_tables()
    assert places._tables() == built  # built and written
    path = places.cache_path()
    assert path is not None and path.is_relative_to(cache_home) and path.exists()
    places._tables.cache_clear()
    assert places._read_cache(path) == built
    assert places._tables() == built
    assert places.is_place_name("Den Haag") and not places.is_place_name("Lena")


def test_a_second_process_reads_the_file_instead_of_building(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "build_tables", lambda: SMALL)
    assert places._tables() == SMALL
    places._tables.cache_clear()

    def no_build() -> tuple[frozenset[str], frozenset[str]]:
        raise AssertionError("built again although the cache file is there")

    monkeypatch.setattr(places, "build_tables", no_build)
    assert places._tables() == SMALL


def test_a_cut_or_garbled_cache_file_is_built_again(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "build_tables", lambda: SMALL)
    path = places.cache_path()
    assert path is not None
    places._tables()
    whole = path.read_text(encoding="utf-8")
    for broken in (whole[: len(whole) // 2], "not a header\nparis\n", "", whole + "extra\n"):
        path.write_text(broken, encoding="utf-8")
        assert places._read_cache(path) is None
        places._tables.cache_clear()
        assert places._tables() == SMALL
        assert path.read_text(encoding="utf-8") == whole  # written again, whole


def test_an_unwritable_cache_folder_is_no_error(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (cache_home / "axis-ingest").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr(places, "build_tables", lambda: SMALL)
    assert places._tables() == SMALL
    assert not list(cache_home.glob("axis-ingest*.tmp"))
