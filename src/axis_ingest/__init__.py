"""axis-ingest: turn folders of messy news inputs into one clean, deduplicated SQLite database."""

from axis_ingest.document import Author, Document, Evidence, RawInput, RejectedInput

__all__ = ["Author", "Document", "Evidence", "RawInput", "RejectedInput"]
__version__ = "0.1.0"
