"""What a run did, in one model that every view renders: the CLI table, `--json` and the Prefect artifacts.

The counts are listed once (`RunSummary.file_counts` and `article_counts`,
each with a stable key for JSON and a label for people); the views only lay
them out.  To report something new, add it here and every view shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from axis_ingest.store.load import BatchOutcome

# What makes a run (or a harvest) fail without a bug in axis-ingest: the database (SQLAlchemy's errors), the
# file system or the network (OSError: a full disk, a folder that is not writable, a Dask scheduler that does
# not answer), and what the run raises itself (RuntimeError: DatabaseError, a flow whose chunks failed, a
# missing extra).  The commands print these in one line and exit 1; anything else is a bug, which propagates
# with its traceback (Python exits 1 all the same).
RUN_FAILURES: tuple[type[Exception], ...] = (SQLAlchemyError, OSError, RuntimeError)

# Most rows per list in the markdown summary: a run over 100,000 files must
# not make a multi-megabyte artifact; the counts above each list stay exact.
MAX_MARKDOWN_ROWS = 200


@dataclass(frozen=True)
class FailedChunk:
    """A chunk of files whose processing failed and that the run went on without (Prefect flow runs)."""

    number: int
    files: int
    error: str


@dataclass(frozen=True)
class Count:
    key: str  # stable name: the JSON key and the Prefect table's status
    label: str  # what a person reads
    value: int
    optional: bool = False  # the table and the markdown leave it out while it is zero
    part_of: str | None = None  # the key of the count this one is a part of (not a status of its own)

    @property
    def shown(self) -> bool:
        return bool(self.value) or not self.optional


@dataclass
class RunSummary:
    paths: list[str]
    db: str
    clean_dir: str
    files_seen: int = 0
    outcome: BatchOutcome = field(default_factory=BatchOutcome)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    chunks: int = 0  # units of work the files were split into (one per Prefect task)
    failed_chunks: list[FailedChunk] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rejected(self) -> list[tuple[str, str]]:
        return self.outcome.rejected

    def file_counts(self) -> list[Count]:
        """Files by what happened to them (seen first, then one row per status)."""
        o = self.outcome
        return [
            Count("files_seen", "seen", self.files_seen),
            Count("loaded", "loaded", len(o.loaded)),
            Count("duplicates", "duplicates", len(o.duplicates)),
            Count("rejected", "rejected", len(o.rejected)),
            # Rejected because the program failed on them (reason "internal error: ..."): bugs to report.
            Count("internal_errors", "  of which internal errors (bugs)", o.internal_errors, True, "rejected"),
            Count("unchanged", "unchanged", len(o.unchanged)),
            Count("rejected_before", "  of which rejected before", len(o.rejected_before), True, "unchanged"),
            Count("copies", "copies", len(o.copies), optional=True),
            Count("not_stored", "not stored (chunk failed)", sum(c.files for c in self.failed_chunks), optional=True),
        ]

    def article_counts(self) -> list[Count]:
        o = self.outcome
        return [
            Count("new_articles", "new articles", len(o.new_article_ids)),
            Count("near_duplicate_articles", "  of which near-duplicates", len(o.near_duplicates)),
            Count("exact_duplicate_articles", "exact duplicate copies", o.exact_duplicates),
            Count("edited_articles", "  new versions of stored stories", o.edited_articles, optional=True),
        ]

    def as_dict(self) -> dict[str, object]:
        """The summary as JSON values (`--json`, the flow's logs, bench scripts)."""
        return {
            "paths": self.paths,
            "db": self.db,
            "clean_dir": self.clean_dir,
            **{c.key: c.value for c in self.file_counts() + self.article_counts()},
            "rejections": [{"path": p, "reason": r} for p, r in self.rejected],
            "earlier_rejections": [{"path": p, "reason": r} for p, r in self.outcome.rejected_before],
            "failed_chunks": [{"chunk": c.number, "files": c.files, "error": c.error} for c in self.failed_chunks],
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "seconds": round(self.seconds, 3),
        }

    def failure(self) -> str | None:
        """Why the run cannot count as complete (chunks that failed), or None."""
        if not self.failed_chunks:
            return None
        first = self.failed_chunks[0]
        return (
            f"{len(self.failed_chunks)} of {self.chunks} chunks failed "
            f"(first: chunk {first.number}, {first.files} files: {first.error}); the other chunks are stored, "
            "run again to retry the failed files"
        )

    def to_markdown(self) -> str:
        """The summary as a markdown page (the Prefect `ingest-summary` artifact)."""
        o = self.outcome
        counts = ", ".join(f"{c.label.strip()}: **{c.value}**" for c in self.file_counts() if c.shown)
        articles = ", ".join(f"{c.label.strip()}: **{c.value}**" for c in self.article_counts() if c.shown)
        stages = [f"| {stage} | {seconds:.3f} |" for stage, seconds in sorted(self.stage_seconds.items())]
        sections = [
            ("Rejected files", ["file", "reason"], [f"| `{_cell(p)}` | {_cell(r)} |" for p, r in o.rejected]),
            (
                "Duplicate files (everything in them was already stored)",
                ["file"],
                [f"| `{_cell(p)}` |" for p in o.duplicates],
            ),
            (
                "Near-duplicate articles found",
                ["article", "duplicate of", "similarity"],
                [f"| {a} | {c} | {s:.3f} |" for a, c, s in o.near_duplicates],
            ),
            (
                "Failed chunks (their files are not stored; run again to retry them)",
                ["chunk", "error"],
                [f"| {c.number} ({c.files} files) | {_cell(c.error)} |" for c in self.failed_chunks],
            ),
            ("Time per stage (seconds, summed over files)", ["stage", "seconds"], stages),
        ]
        parts = [
            "# axis-ingest run",
            "",
            f"Files {counts}; {articles}; took {self.seconds:.2f} s.",
            f"Database: `{_cell(self.db)}`, clean files: `{_cell(self.clean_dir)}`.",
        ]
        for heading, columns, rows in sections:
            parts += ["", f"## {heading}", _markdown_table(columns, rows)]
        return "\n".join(parts) + "\n"


def _cell(value: object) -> str:
    """A markdown table cell: pipes and line breaks would break the table."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _markdown_table(columns: list[str], rows: list[str]) -> str:
    blank = "| " + " | ".join(["none"] + [""] * (len(columns) - 1)) + " |"
    shown = rows[:MAX_MARKDOWN_ROWS] or [blank]
    if len(rows) > MAX_MARKDOWN_ROWS:
        shown.append(
            "| " + " | ".join([f"... {len(rows) - MAX_MARKDOWN_ROWS} more"] + [""] * (len(columns) - 1)) + " |"
        )
    head = "| " + " | ".join(columns) + " |\n|" + "---|" * len(columns)
    return head + "\n" + "\n".join(shown)
