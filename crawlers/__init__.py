"""The Scrapy project: discovery (feeds, sitemaps, listings), extraction, the item pipeline."""
