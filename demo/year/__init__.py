"""A generated demo year: ~60 outlets and a year of coverage near the 15,000/year pace.

`demo.year.outlets` lists the outlets, `demo.year.generate.build_year()` the articles (pure,
seeded), `demo.year.lines` writes them as `pressmon ingest` JSON lines and
`demo.year.expected` derives the exact figures the tests assert.
"""
