"""One exception root for the index package."""


class SearchIndexError(Exception):
    """Root of every error raised by `index`."""


class BackendUnavailable(SearchIndexError):
    """Temporary: the backend cannot be reached or is busy; retrying later may work."""


class ArchiveBusy(BackendUnavailable):
    """Temporary: another connection (often another pressmon process) held the SQLite archive's
    lock for longer than the busy timeout; raised by the SQLite backend."""


class ElasticsearchUnreachable(BackendUnavailable):
    """Temporary: no answer from the Elasticsearch server (refused, timed out, TLS failed);
    raised by the Elasticsearch backend."""


class TimezoneError(SearchIndexError):
    """Permanent: the archive timezone is unknown, or changes its UTC offset (daylight saving),
    which the SQLite backend's fixed-offset weeks cannot follow; raised when an archive opens."""


class QueryError(SearchIndexError):
    """Permanent: the request cannot be answered as given; the message is safe to show a user."""


class SchemaVersionError(SearchIndexError):
    """The archive was written by a newer schema than this code understands."""


class DocumentNotFound(SearchIndexError):
    """A review or lookup named a document id the archive does not hold."""


class RecordError(SearchIndexError):
    """A stored or imported record (JSONL line, Elasticsearch _source) has missing or bad fields."""
