"""The package's layers, lowest first: a module may import its own layer and the layers below, never above.

This is data, not a convention: tests/test_layers.py walks every module of the
package with `ast`, maps it to its layer by the longest prefix below, and fails
on any import of a higher layer (including imports inside functions, which run
just the same; only `if TYPE_CHECKING:` imports are exempt).  A new module must
be given a layer here, and "where does this go" is answered by what it needs.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Leaves: settings, the schema's base, text fingerprints.  Import nothing of ours but each other.
    (
        "leaves",
        (
            "axis_ingest.config",
            "axis_ingest.schema_base",
            "axis_ingest.dedup.hashing",
            "axis_ingest.dedup.minhash",
            "axis_ingest.data",
            # The marks that end a sentence in every script (Unicode's Sentence_Terminal).
            "axis_ingest.punctuation",
            # A pattern ignoring case, searched quickly in ASCII text.
            "axis_ingest.caseless",
            # Whether a process still runs (a killed run's leftovers carry its process id).
            "axis_ingest.processes",
            # SQL that differs between SQLite and PostgreSQL (sqlalchemy only): used by dedup and store.
            "axis_ingest.store.dialect",
        ),
    ),
    # What flows through the pipeline: InputRecord, ReadContext, Document, FileResult.
    ("records", ("axis_ingest", "axis_ingest.document", "axis_ingest.layers", "axis_ingest.fetched")),
    # Shared detectors and phrase tables, and names of people and organisations (byline parsing), used by
    # every stage below the pipeline.
    ("shared", ("axis_ingest.detectors", "axis_ingest.names")),
    # Bytes to text, format detection, text cleaning shared by readers.
    ("input", ("axis_ingest.decode", "axis_ingest.discover", "axis_ingest.sniff", "axis_ingest.clean")),
    ("readers", ("axis_ingest.readers",)),
    ("normalise", ("axis_ingest.normalise", "axis_ingest.titles")),
    # The pure per-file pipeline (stages), and the worker preload.
    ("prepare", ("axis_ingest.prepare", "axis_ingest.warmup")),
    # The near-duplicate index and its tables (below the store, which calls it in its transaction).
    ("dedup", ("axis_ingest.dedup",)),
    ("store", ("axis_ingest.store",)),
    # Running the pipeline over files, and fetching files to run it on.
    (
        "run",
        (
            "axis_ingest.run",
            "axis_ingest.options",
            "axis_ingest.summary",
            "axis_ingest.cluster",
            "axis_ingest.harvest",
        ),
    ),
    # Entry points.
    ("entry", ("axis_ingest.cli", "axis_ingest.query_commands", "axis_ingest.flows")),
)


def layer_of(module: str) -> int | None:
    """Index in LAYERS of the longest prefix naming `module` (None: the module has no layer).

    The package itself ("axis_ingest") names only its __init__, never its submodules.
    """
    best: tuple[int, int] | None = None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            below = module.startswith(prefix + ".") and prefix != "axis_ingest"
            if (module == prefix or below) and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return best[1] if best else None
