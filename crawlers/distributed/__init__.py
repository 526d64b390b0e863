"""Distributed crawling on Redis (scrapy-redis): a shared frontier, leases, global politeness.

Single-machine `pressmon crawl` does not import this package and needs no Redis.
"""
