"""Harvest raw inputs from the sources a user lists: WordPress REST APIs and RSS/Atom feeds.

What is fetched is written into the raw folder as the bytes served (never
re-encoded, never overwritten) and ingested like any other raw file; the
harvest's own state (cursors, feed validators, links fetched, failures) lives
in the database next to the articles.  Modules: `sources` (settings),
`http` (the polite client), `rawfiles` (writing raw files), `state` (the
database tables), `wordpress`, `feed`, and `run` (harvest every source).
"""
