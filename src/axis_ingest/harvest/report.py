"""What one harvest of one source did: printed by the CLI, returned by the Prefect flow."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SourceReport:
    """What one harvest of one source did (printed by the CLI, returned by the flow)."""

    kind: str
    url: str
    saved: list[str] = field(default_factory=list)  # raw files written
    items: int = 0  # posts (WordPress) or links (feed) fetched
    expected: int | None = None  # WordPress: posts changed since the cursor, as X-WP-Total states it
    skipped: int = 0  # feed links fetched before
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    not_modified: bool = False
    capped: bool = False  # stopped at max_pages_per_run; the next harvest goes on
    note: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "url": self.url,
            "saved": self.saved,
            "items": self.items,
            "expected": self.expected,
            "skipped": self.skipped,
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "not_modified": self.not_modified,
            "capped": self.capped,
            "note": self.note,
        }


def outcome_line(report: SourceReport) -> str:
    parts = [f"{report.items} items", f"{len(report.saved)} files saved"]
    if report.skipped:
        parts.append(f"{report.skipped} skipped")
    if report.failed:
        parts.append(f"{len(report.failed)} failed")
    if report.not_modified:
        parts.append("not modified")
    if report.capped:
        parts.append("stopped at max_pages_per_run")
    return ", ".join(parts)
