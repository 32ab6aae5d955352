"""Prefect flows of axis-ingest (`flows.ingest:ingest`); the pipeline itself lives in `axis_ingest`."""
