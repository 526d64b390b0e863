"""The Scrapy project: discovery (feeds, sitemaps, listings), extraction, the crawl state.

Imports nothing of pressmon: components read their keys from `crawler.settings`, and pressmon
adds the item pipeline that archives what the spider yields.
"""
