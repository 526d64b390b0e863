"""Vietnamese text analysis shared by the crawlers, the classifier and the archive.

One concept per module: `normalize` (NFC, tone placement, folding), `deobfuscate` (disguised
text read back), `segment` (sentences), `provinces` (gazetteer and attribution), `lead` (where
the sapo ends) and `stories` (near-duplicate fingerprints). Imports nothing else of ours.
"""
