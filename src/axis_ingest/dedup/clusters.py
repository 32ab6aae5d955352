"""Duplicate clusters as stored: each canonical article with the near-duplicate copies pointing at it.

Read-only over the contract tables, so the same query works from any SQL
client (docs/schema.md quotes CLUSTERS_SQL); `axis-ingest duplicates` prints
`format_clusters(list_clusters(conn))`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection, text

# One row per member of every cluster that has at least one near-duplicate
# copy, the canonical (earliest) article first, then copies by similarity.
# `sources` counts the raw inputs that gave exactly this text (exact copies).
# Clusters come largest first.
CLUSTERS_SQL = """
SELECT m.canonical_id, a.id AS article_id, a.publisher, a.published, a.title, a.similarity,
       (SELECT count(*) FROM article_sources s WHERE s.article_id = a.id) AS sources
FROM (
    SELECT duplicate_of AS canonical_id, id FROM articles WHERE duplicate_of IS NOT NULL
    UNION ALL
    SELECT id, id FROM articles
    WHERE duplicate_of IS NULL
      AND id IN (SELECT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL)
) AS m
JOIN articles a ON a.id = m.id
ORDER BY count(*) OVER (PARTITION BY m.canonical_id) DESC, m.canonical_id,
         a.id <> m.canonical_id, a.similarity DESC, a.id
""".strip()


@dataclass(frozen=True)
class ClusterMember:
    article_id: int
    publisher: str | None
    published: str | None
    title: str | None
    similarity: float | None  # None for the canonical article
    sources: int  # raw inputs that gave exactly this text


@dataclass
class Cluster:
    canonical: ClusterMember
    members: list[ClusterMember] = field(default_factory=list)  # the copies, canonical excluded

    @property
    def size(self) -> int:
        return 1 + len(self.members)

    def as_dict(self) -> dict[str, object]:
        """The cluster as JSON values (`axis-ingest duplicates --json`)."""
        return {
            "canonical": asdict(self.canonical),
            "copies": [asdict(m) for m in self.members],
            "size": self.size,
        }


def list_clusters(conn: Connection) -> list[Cluster]:
    """Every story stored more than once (as near-duplicate copies), largest cluster first."""
    clusters: list[Cluster] = []
    for row in conn.execute(text(CLUSTERS_SQL)).mappings():
        member = ClusterMember(
            article_id=row["article_id"],
            publisher=row["publisher"],
            published=row["published"],
            title=row["title"],
            similarity=None if row["article_id"] == row["canonical_id"] else row["similarity"],
            sources=row["sources"],
        )
        if member.article_id == row["canonical_id"]:
            clusters.append(Cluster(member))
        else:
            clusters[-1].members.append(member)
    return clusters


def _cell(value: str | None, width: int) -> str:
    value = value or "-"
    return value if len(value) <= width else value[: width - 1] + "…"


def _line(member: ClusterMember, label: str) -> str:
    sources = f"  ({member.sources} sources)" if member.sources > 1 else ""
    return (
        f"  {member.article_id:>7}  {_cell(member.publisher, 28):<28}  {_cell(member.published, 25):<25}  "
        f"{label}{sources}"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def format_clusters(clusters: list[Cluster], total_clusters: int | None = None) -> str:
    """A plain-text listing: one block per story, canonical first, then each copy's similarity.

    Similarities are printed with the 4 decimals they are stored with: 0.9977 is
    not an identical copy, and `1.00` would say it is.  `total_clusters` (when only
    the first clusters are listed) adds how many there are in all.
    """
    if not clusters:
        return "No near-duplicate clusters."
    blocks: list[str] = []
    for cluster in clusters:
        title = _cell(cluster.canonical.title, 90)
        copies = len(cluster.members)
        lines = [f"{title}  [{copies} cop{'y' if copies == 1 else 'ies'}]"]
        lines.append(_line(cluster.canonical, "canonical"))
        for member in cluster.members:
            similarity = "-" if member.similarity is None else f"{member.similarity:.4f}"
            lines.append(_line(member, f"similarity {similarity}"))
        blocks.append("\n".join(lines))
    total = sum(c.size for c in clusters)
    footer = f"{_plural(len(clusters), 'cluster')}, {_plural(total, 'article')}"
    if total_clusters is not None and total_clusters > len(clusters):
        footer += f" (the first {len(clusters)} of {total_clusters} clusters; --limit 0 lists all)"
    blocks.append(footer)
    return "\n\n".join(blocks)
