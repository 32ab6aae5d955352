"""Full-text search over articles: an FTS5 index on SQLite, a tsvector column on PostgreSQL.

SQLite: `articles_fts` is an external-content FTS5 table over `title`,
`subtitle` and `body`, declared `content="articles"` with the double quotes:
that exact spelling (or `content=[articles]`) is what sqlite-utils and
Datasette look for to find a table's index; a bare `content=articles` works in
SQLite but is invisible to both.  Triggers on `articles` keep it current inside
the same transaction as every insert, update and delete, whoever writes (this
version of axis-ingest, an older one, or a person in the sqlite3 shell).

PostgreSQL: a stored generated `search_vector` column (weights A/B/C for title,
subtitle, body) with a GIN index, kept current by the database itself.

Both stem English words (`strikes` finds `strike`): SQLite with the `porter`
tokenizer over `unicode61` (accents folded, so `Gdansk` finds `Gdańsk`),
PostgreSQL with the `english` configuration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

FTS_TABLE = "articles_fts"

# Relevance weights of title, subtitle and body for bm25 (SQLite) and setweight A/B/C (PostgreSQL):
# a word in the headline says more about what an article is about than the same word deep in its body.
# Chosen by reading `axis-ingest search` results on raw/ and the seeds, not tuned on a benchmark.
TITLE_WEIGHT = 4.0
SUBTITLE_WEIGHT = 2.0
BODY_WEIGHT = 1.0

# Words of the body shown around the best match in search results.
SNIPPET_WORDS = 16

_SQLITE_CREATE = f"""
CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(
    title, subtitle, body,
    content="articles", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
)
"""

# External-content FTS5 tables are told what changed: 'delete' takes the old values.
_SQLITE_TRIGGERS = (
    f"""
CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ai AFTER INSERT ON articles BEGIN
    INSERT INTO {FTS_TABLE} (rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END
""",
    f"""
CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_ad AFTER DELETE ON articles BEGIN
    INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, subtitle, body)
    VALUES ('delete', old.id, old.title, old.subtitle, old.body);
END
""",
    f"""
CREATE TRIGGER IF NOT EXISTS {FTS_TABLE}_au AFTER UPDATE OF title, subtitle, body ON articles BEGIN
    INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, title, subtitle, body)
    VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    INSERT INTO {FTS_TABLE} (rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END
""",
)

_POSTGRES_VECTOR = """
ALTER TABLE articles ADD COLUMN IF NOT EXISTS search_vector tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(subtitle, '')), 'B')
    || setweight(to_tsvector('english', coalesce(body, '')), 'C')
) STORED
"""
_POSTGRES_INDEX = "CREATE INDEX IF NOT EXISTS ix_articles_search_vector ON articles USING GIN (search_vector)"


def ensure_fulltext(conn: Connection) -> None:
    """Create the index if it is missing, filling it from the stored articles (inside the caller's transaction)."""
    if conn.dialect.name == "sqlite":
        exists = conn.execute(text("SELECT 1 FROM sqlite_master WHERE name = :n"), {"n": FTS_TABLE}).first()
        conn.execute(text(_SQLITE_CREATE))
        for trigger in _SQLITE_TRIGGERS:
            conn.execute(text(trigger))
        if not exists:
            rebuild_fulltext(conn)
    elif conn.dialect.name == "postgresql":
        conn.execute(text(_POSTGRES_VECTOR))  # a generated column fills itself for existing rows
        conn.execute(text(_POSTGRES_INDEX))


def rebuild_fulltext(conn: Connection) -> None:
    """Re-read every article into the index (after a restore, or if it was edited by hand)."""
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')"))


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str | None
    published: str | None
    published_utc: str | None
    publisher: str | None
    url: str | None
    snippet: str
    score: float  # higher is more relevant

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "published_utc": self.published_utc,
            "publisher": self.publisher,
            "url": self.url,
            "snippet": self.snippet,
            "score": round(self.score, 4),
        }


def fts5_query(query: str) -> str:
    """A user's words as an FTS5 query: every word must occur, punctuation is not syntax.

    Each word is quoted, so `U.S. strike` or `don't` never raise an FTS5 syntax
    error; a trailing `*` keeps its meaning (prefix search: `strik*`).
    """
    terms = []
    for match in re.finditer(r"(\w+(?:['’]\w+)*)(\*?)", query):
        word, star = match.group(1), match.group(2)
        terms.append('"' + word.replace('"', '""') + '"' + star)
    return " ".join(terms)


def search_articles(conn: Connection, query: str, limit: int = 20) -> list[SearchHit]:
    """Unique articles (not near-duplicate copies) matching every word of `query`, most relevant first."""
    if conn.dialect.name == "sqlite":
        match = fts5_query(query)
        if not match:
            return []
        sql = f"""
            SELECT a.id, a.title, a.published, a.published_utc, a.publisher, a.url,
                   snippet({FTS_TABLE}, 2, '[', ']', '…', {SNIPPET_WORDS}) AS snippet,
                   -bm25({FTS_TABLE}, {TITLE_WEIGHT}, {SUBTITLE_WEIGHT}, {BODY_WEIGHT}) AS score
            FROM {FTS_TABLE}
            JOIN articles a ON a.id = {FTS_TABLE}.rowid
            WHERE {FTS_TABLE} MATCH :match AND a.duplicate_of IS NULL
            ORDER BY score DESC, a.id
            LIMIT :limit
        """
        rows = conn.execute(text(sql), {"match": match, "limit": limit})
    elif conn.dialect.name == "postgresql":
        sql = f"""
            SELECT a.id, a.title, a.published, a.published_utc, a.publisher, a.url,
                   ts_headline('english', a.body, q, 'StartSel=[, StopSel=], MaxWords={SNIPPET_WORDS},
                               MinWords={SNIPPET_WORDS // 2}') AS snippet,
                   ts_rank(a.search_vector, q) AS score
            FROM articles a, websearch_to_tsquery('english', :query) AS q
            WHERE a.search_vector @@ q AND a.duplicate_of IS NULL
            ORDER BY score DESC, a.id
            LIMIT :limit
        """
        rows = conn.execute(text(sql), {"query": query, "limit": limit})
    else:
        raise NotImplementedError(f"full-text search is not built for {conn.dialect.name} databases")
    return [SearchHit(*row) for row in rows]
