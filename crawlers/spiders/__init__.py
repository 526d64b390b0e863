"""Spiders. One generic spider crawls every configured source; sites differ by `Source.parser`."""
