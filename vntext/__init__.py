"""Vietnamese text analysis shared by the crawlers, the classifier and the archive.

One concept per module: `normalize` (NFC, tone placement, folding), `deobfuscate` (disguised
text read back), `segment` (sentences), `provinces` (gazetteer and attribution), `lead` (where
the sapo ends), `stories` (near-duplicate fingerprints), and the Vietnamese wording of
configuration problems every package reports: `validation_text` (pydantic errors) and
`syntax_text` (YAML/TOML syntax and unreadable files). Imports nothing else of ours.
"""
