"""One exception root for the index package."""


class SearchIndexError(Exception):
    """Root of every error raised by `index`."""


class BackendUnavailable(SearchIndexError):
    """Temporary: the backend cannot be reached or is busy; retrying later may work."""


class QueryError(SearchIndexError):
    """Permanent: the request cannot be answered as given; the message is safe to show a user."""


class SchemaVersionError(SearchIndexError):
    """The archive was written by a newer schema than this code understands."""


class DocumentNotFound(SearchIndexError):
    """A review or lookup named a document id the archive does not hold."""


class RecordError(SearchIndexError):
    """A stored or imported record (JSONL line, Elasticsearch _source) has missing or bad fields."""
