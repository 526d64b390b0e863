"""Vietnamese text analysis shared by the crawlers, the classifier and the archive.

One concept per module: `normalize` (NFC, tone placement, folding), `deobfuscate` (disguised text
read back), `segment` (sentences), `provinces` (gazetteer and attribution) with `namesakes`
(province names inside people's and streets' names), `lead` (where the sapo ends), `stories`
(near-duplicate fingerprints), `jsonlines` (one record as tools write it), `unique_yaml` (YAML
refusing a key written twice), and the Vietnamese wording of problems every package reports:
`validation_text` (pydantic errors), `syntax_text` (YAML, TOML and JSON syntax, unreadable files)
and `sqlite_text` (SQLite's reasons).
Imports nothing else of ours.
"""
