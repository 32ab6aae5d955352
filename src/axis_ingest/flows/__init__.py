"""The Prefect shell of axis-ingest: the only part of the package that imports Prefect.

`flows/ingest.py` at the repository root re-exports the flow for `prefect.yaml`
(`flows/ingest.py:ingest`); `axis-ingest ingest --prefect` imports it from here,
so it works from any working directory.
"""
