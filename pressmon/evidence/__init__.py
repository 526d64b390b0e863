"""Evidence: what was fetched for a flagged article, kept as WARC beside the archive, so a page
deleted by its author stays on record (and can be shown inert, with its SHA-256)."""
