"""An offline demo press site that the project writes itself, served on loopback.

`demo.site.build_site()` builds every page in memory together with the ground truth;
`demo.server.serve_demo()` serves it; `demo.sources.demo_sources()` describes it as sources;
`demo.expected.expected_numbers()` derives the exact figures the end-to-end test asserts.
"""
