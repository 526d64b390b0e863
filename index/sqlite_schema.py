"""SQLite schema as an ordered list of migrations, applied one transaction each.

Version N of the archive is the state after `MIGRATIONS[:N]`. Append new migrations; never edit
a released one. Two FTS5 indexes cover title, body, filter tags (`index.sqlite_tags`) and
(since version 6) the SEO title: `articles_fts` keeps diacritics (external content over
`articles`) and `articles_folded` holds the folded text for the no-diacritics fallback
(contentless; since version 9 its own tokenizer strips the diacritics). Since version 3 the
backend writes and deletes the rows of both itself (`index.sqlite_writes`), as it does
`daily_counts` and, since version 7, the province and topic rows of new articles.
Migrations may call the SQL functions `pressmon_fold`, `pressmon_tags`, `pressmon_code`,
`pressmon_has_invisible`, `pressmon_visible` and `pressmon_without_invisible`, which `migrate`
registers.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3

from index.errors import SchemaVersionError
from index.legacy_values import coded
from index.sqlite_tags import document_tags
from index.text import fold
from vntext.normalize import INVISIBLE, normalize_spelling, without_invisible
from vntext.scrub import scrub

_V1 = """
CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    canonical_url TEXT NOT NULL,
    outlet TEXT NOT NULL,
    outlet_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    published_us INTEGER NOT NULL,
    crawled_us INTEGER NOT NULL,
    province TEXT,
    provinces TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    relevance_reasons TEXT NOT NULL DEFAULT '[]',
    story_id TEXT,
    date_source TEXT,
    extraction TEXT NOT NULL DEFAULT '{}',
    risk REAL,
    tier TEXT,
    category TEXT,
    stance TEXT,
    flag_details TEXT NOT NULL DEFAULT '{}',
    model_version TEXT,
    review_status TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_us, province, outlet, kind);
-- The review queue (flagged articles) is small: a partial index keeps it cheap to maintain.
CREATE INDEX articles_flagged ON articles (published_us) WHERE risk IS NOT NULL;

-- Every province an article is about (doc.province and doc.provinces), and every topic.
-- Triggers delete through the primary key with the old values, so no index on doc is needed.
CREATE TABLE article_provinces (doc INTEGER NOT NULL, province TEXT NOT NULL,
                                PRIMARY KEY (province, doc)) WITHOUT ROWID;
CREATE TABLE article_topics (doc INTEGER NOT NULL, topic TEXT NOT NULL,
                             PRIMARY KEY (topic, doc)) WITHOUT ROWID;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, content='articles', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE articles_folded USING fts5 (
    title, body, content='', tokenize="unicode61 remove_diacritics 0"
);
-- A 16 MB in-memory buffer per index before flushing a segment (default 1 MB): bulk imports
-- write fewer, larger segments and merge far less.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('hashsize', 16777216);

CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
    INSERT OR IGNORE INTO article_provinces (doc, province)
        SELECT new.rowid, value FROM json_each(new.provinces)
        UNION SELECT new.rowid, new.province WHERE new.province IS NOT NULL;
    INSERT OR IGNORE INTO article_topics (doc, topic)
        SELECT new.rowid, value FROM json_each(new.topics);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
    DELETE FROM article_provinces WHERE doc = old.rowid AND province IN
        (SELECT value FROM json_each(old.provinces) UNION SELECT old.province);
    DELETE FROM article_topics WHERE doc = old.rowid AND topic IN
        (SELECT value FROM json_each(old.topics));
END;
CREATE TRIGGER articles_au_text AFTER UPDATE OF title, body ON articles
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
        VALUES ('delete', old.rowid, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_au_provinces AFTER UPDATE OF province, provinces ON articles
    WHEN old.province IS NOT new.province OR old.provinces IS NOT new.provinces BEGIN
    DELETE FROM article_provinces WHERE doc = old.rowid AND province IN
        (SELECT value FROM json_each(old.provinces) UNION SELECT old.province);
    INSERT OR IGNORE INTO article_provinces (doc, province)
        SELECT new.rowid, value FROM json_each(new.provinces)
        UNION SELECT new.rowid, new.province WHERE new.province IS NOT NULL;
END;
CREATE TRIGGER articles_au_topics AFTER UPDATE OF topics ON articles
    WHEN old.topics IS NOT new.topics BEGIN
    DELETE FROM article_topics WHERE doc = old.rowid AND topic IN
        (SELECT value FROM json_each(old.topics));
    INSERT OR IGNORE INTO article_topics (doc, topic)
        SELECT new.rowid, value FROM json_each(new.topics);
END;

-- The audit log: rows are only ever appended, and survive the deletion of their article.
CREATE TABLE reviews (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    actor TEXT NOT NULL,
    at_us INTEGER NOT NULL,
    status_before TEXT NOT NULL,
    status_after TEXT NOT NULL,
    note TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX reviews_document ON reviews (document_id, at_us, seq);
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
"""

# articles_meta: a narrow copy of the filter columns keyed by rowid. Text matches arrive as
# rowids; checking their filters here reads ~100 entries per page instead of 2 whole articles.
# article_topics_doc: counting by topic joins each article to its topics.
# Both are keyed by ever-growing rowids, so maintaining them is an append.
_V2 = """
CREATE INDEX articles_meta ON articles
    (rowid, published_us, kind, outlet, province, tier, risk, review_status);
CREATE INDEX article_topics_doc ON article_topics (doc, topic);
"""

# v3: FTS5 fed by triggers costs twice as much per article as fed by the backend directly
# (measured), so the FTS triggers go and the backend writes both indexes. Both gain a tags
# column (filters narrow a text search inside FTS5). daily_counts holds articles per local day
# (UTC+7, SUMMARY_OFFSET_SECONDS), province, outlet and kind: a year of weekly counts reads a
# few thousand of its rows instead of every article.
_V3 = """
DROP TRIGGER articles_ai;
DROP TRIGGER articles_ad;
DROP TRIGGER articles_au_text;
CREATE TRIGGER articles_ai_filters AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO article_provinces (doc, province)
        SELECT new.rowid, value FROM json_each(new.provinces)
        UNION SELECT new.rowid, new.province WHERE new.province IS NOT NULL;
    INSERT OR IGNORE INTO article_topics (doc, topic)
        SELECT new.rowid, value FROM json_each(new.topics);
END;
CREATE TRIGGER articles_ad_filters AFTER DELETE ON articles BEGIN
    DELETE FROM article_provinces WHERE doc = old.rowid AND province IN
        (SELECT value FROM json_each(old.provinces) UNION SELECT old.province);
    DELETE FROM article_topics WHERE doc = old.rowid AND topic IN
        (SELECT value FROM json_each(old.topics));
END;

ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '';
UPDATE articles SET tags = pressmon_tags(outlet, kind, province, provinces, topics, published_us);

DROP TABLE articles_fts;
DROP TABLE articles_folded;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tags, content='articles', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE articles_folded USING fts5 (
    title, body, tags, content='', tokenize="unicode61 remove_diacritics 0"
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('hashsize', 16777216);
-- Merge 8 segments of a level at a time instead of 4: a fifth less merging during ingestion.
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_folded (rowid, title, body, tags)
    SELECT rowid, pressmon_fold(title), pressmon_fold(body), tags FROM articles;

CREATE TABLE daily_counts (
    day INTEGER NOT NULL,  -- days since 1970-01-01 in UTC+7
    province TEXT NOT NULL,  -- '' for none
    outlet TEXT NOT NULL,
    kind TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (day, province, outlet, kind)
) WITHOUT ROWID;
INSERT INTO daily_counts (day, province, outlet, kind, n)
    SELECT (published_us + 25200000000 - ((published_us + 25200000000) % 86400000000
                                          + 86400000000) % 86400000000) / 86400000000,
           coalesce(province, ''), outlet, kind, count(*)
    FROM articles GROUP BY 1, 2, 3, 4;
"""

# v4: tags begin with a private-use mark (`index.sqlite_tags.TAG_MARK`) that no user word can
# contain, so text matches drop their column filter, which cost twice as much per common word.
# The tags column is rewritten and both indexes are rebuilt from it.
_V4 = """
UPDATE articles SET tags = pressmon_tags(outlet, kind, province, provinces, topics, published_us);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_folded (articles_folded) VALUES ('delete-all');
INSERT INTO articles_folded (rowid, title, body, tags)
    SELECT rowid, pressmon_fold(title), pressmon_fold(body), tags FROM articles;
"""

# v5: tiers, review statuses and follow-ups are stored as codes ("urgent", "false",
# "reported_to_leadership") instead of the Vietnamese names shown to staff
# (`index.legacy_values`). The audit log is append-only for users, not for schema upgrades: its
# guard triggers step aside while its rows are rewritten. Tags and daily_counts hold neither.
_V5 = """
UPDATE articles SET tier = pressmon_code(tier) WHERE tier IS NOT pressmon_code(tier);
UPDATE articles SET review_status = pressmon_code(review_status)
    WHERE review_status IS NOT pressmon_code(review_status);
DROP TRIGGER reviews_no_update;
UPDATE reviews SET status_before = pressmon_code(status_before),
                   status_after = pressmon_code(status_after);
UPDATE reviews SET detail = json_set(detail, '$.follow_up',
                                     pressmon_code(json_extract(detail, '$.follow_up')))
    WHERE json_type(detail, '$.follow_up') = 'text';
CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
"""

# v6: the date's reasoning (why the chosen candidate won, the candidates that disagreed) and
# the page's SEO title when it differs from the headline shown. The SEO title is searchable: an
# FTS5 table cannot gain a column, so both indexes are made again with a seo_title column (last,
# so the columns before it keep their numbers) and rebuilt; existing articles have none.
_V6 = """
ALTER TABLE articles ADD COLUMN date_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_disagreements TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';

DROP TABLE articles_fts;
DROP TABLE articles_folded;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body, tags, seo_title, content='articles', content_rowid='rowid',
    tokenize="unicode61 remove_diacritics 0"
);
CREATE VIRTUAL TABLE articles_folded USING fts5 (
    title, body, tags, seo_title, content='', tokenize="unicode61 remove_diacritics 0"
);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 8);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('automerge', 8);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
INSERT INTO articles_folded (rowid, title, body, tags, seo_title)
    SELECT rowid, pressmon_fold(title), pressmon_fold(body), tags, pressmon_fold(seo_title)
    FROM articles;
"""

# v7: new articles' province and topic rows are written by the backend, one sorted
# `executemany` per batch (`index.sqlite_writes`), as their FTS5 rows are: the insert trigger
# decoded two JSON columns per article. The rows already stored stay as they are; updates and
# deletes keep their triggers.
_V7 = """
DROP TRIGGER articles_ai_filters;
"""

# v8: the review queue's triage columns (`sqlite_query.triage_sql`) in one partial index, which
# replaces articles_flagged (its first column is the same): the queue reads every flagged article
# again after each commit, and read from the table each one cost its whole row, text included.
# The uncertainty is the index's own copy of the expression the query names (the same text), so
# the query never visits the table.
_V8 = """
DROP INDEX articles_flagged;
CREATE INDEX articles_triage ON articles (
    published_us, rowid, id, outlet, tier, risk, category, review_status,
    json_extract(flag_details, '$.uncertainty')
) WHERE risk IS NOT NULL;
"""

# v9: the folded index strips diacritics in its own tokenizer (`remove_diacritics 2`), fed the
# article's text with only đ replaced (`FOLDED_VALUE`), instead of text folded in Python: the
# same terms for Vietnamese (checked letter by letter and on 20,419 real texts) for about a fifth
# less CPU per article ingested (Python folding was 0.07 of 0.35 ms, measured at 1M articles).
_V9 = """
DROP TABLE articles_folded;
CREATE VIRTUAL TABLE articles_folded USING fts5 (
    title, body, tags, seo_title, content='', tokenize="unicode61 remove_diacritics 2"
);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('hashsize', 16777216);
INSERT INTO articles_folded (articles_folded, rank) VALUES ('automerge', 8);
INSERT INTO articles_folded (rowid, title, body, tags, seo_title)
    SELECT rowid, replace(replace(title, 'đ', 'd'), 'Đ', 'D'),
           replace(replace(body, 'đ', 'd'), 'Đ', 'D'), tags,
           replace(replace(seo_title, 'đ', 'd'), 'Đ', 'D')
    FROM articles;
"""

# What the folded index is given for a text value (`?` or a column), as v9 feeds it: đ has no
# decomposition for the tokenizer to strip, so it becomes d first.
FOLDED_VALUE = "replace(replace({value}, 'đ', 'd'), 'Đ', 'D')"

# v10: ingestion removes the INVISIBLE characters from title, body and SEO title
# (`vntext.scrub.scrub`); articles stored before kept them, so "bả\u200bo" was two words
# to both indexes and "bảo" did not find it. Only the articles holding one change, found in one
# scan: out of both indexes with their old text, cleaned as an ingest now stores them (an SEO title
# equal to its cleaned headline is dropped, as `pressmon.processing` drops it), back in. Their flag
# reasons' strings lose them as the flagger now writes them, so the item page finds its quotes in
# the cleaned text (scam-cue offsets stay as counted then: the web app never reads them). Not a
# rebuild (the folded index is given the cleaned rows only, so no FTS_REBUILDS marker); tags,
# counts and filter rows do not depend on the text.
_CLEANED = "(SELECT doc FROM temp.invisible_rows)"
_V10 = f"""
CREATE TEMP TABLE invisible_rows AS SELECT rowid AS doc FROM articles
    WHERE pressmon_has_invisible(title, body, seo_title, flag_details);
INSERT INTO articles_fts (articles_fts, rowid, title, body, tags, seo_title)
    SELECT 'delete', rowid, title, body, tags, seo_title FROM articles WHERE rowid IN {_CLEANED};
INSERT INTO articles_folded (articles_folded, rowid, title, body, tags, seo_title)
    SELECT 'delete', rowid, {FOLDED_VALUE.format(value="title")},
           {FOLDED_VALUE.format(value="body")}, tags, {FOLDED_VALUE.format(value="seo_title")}
    FROM articles WHERE rowid IN {_CLEANED};
UPDATE articles SET
    title = pressmon_visible(title),
    body = pressmon_visible(body),
    seo_title = CASE WHEN pressmon_visible(seo_title) = pressmon_visible(title) THEN ''
                     ELSE pressmon_visible(seo_title) END,
    flag_details = pressmon_without_invisible(flag_details)
    WHERE rowid IN {_CLEANED};
INSERT INTO articles_fts (rowid, title, body, tags, seo_title)
    SELECT rowid, title, body, tags, seo_title FROM articles WHERE rowid IN {_CLEANED};
INSERT INTO articles_folded (title, body, tags, seo_title, rowid)
    SELECT {FOLDED_VALUE.format(value="title")}, {FOLDED_VALUE.format(value="body")}, tags,
           {FOLDED_VALUE.format(value="seo_title")}, rowid
    FROM articles WHERE rowid IN {_CLEANED};
DROP TABLE temp.invisible_rows;
"""
# v11: the copies of a story (the review queue's "cùng nội dung", the item page's list) are found
# by their story_id; without an index that read every article. Only copies are indexed: an
# article that founds its own story (story_id = id, most of them) is found by its id, so ingestion
# writes this index for syndicated copies alone (`sqlite_query.story_sql` asks for both).
_V11 = """
CREATE INDEX articles_story_copies ON articles (story_id) WHERE story_id != id;
"""
# What re-reads every article into an index, which makes an upgrade slow: FTS5's rebuild of the
# exact index, or the folded index filled again from the articles.
FTS_REBUILDS = ("VALUES ('rebuild')", "INSERT INTO articles_folded (rowid")
MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, _V10, _V11)
SCHEMA_VERSION = len(MIGRATIONS)
logger = logging.getLogger(__name__)
# Finds an INVISIBLE character for v10's scan: 100,000 bodies of 3,300 characters took 1.1 s
# this way, 4.3 s with nested replace() and 17 s with GLOB and a character class (measured).
_INVISIBLE_RE = re.compile(f"[{''.join(sorted(INVISIBLE))}]")
# The fixed UTC offset of daily_counts' days: the Center's zone, Asia/Ho_Chi_Minh.
SUMMARY_OFFSET_SECONDS = 7 * 3600


def current_version(conn: sqlite3.Connection) -> int:
    conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(conn: sqlite3.Connection, migrations: tuple[str, ...] = MIGRATIONS) -> int:
    """Bring the archive to the newest version; returns the version reached.

    Raises:
        SchemaVersionError: the file was written by newer code than this.
    """
    conn.create_function("pressmon_fold", 1, fold, deterministic=True)
    conn.create_function("pressmon_tags", 6, _tags_of_row, deterministic=True)
    conn.create_function("pressmon_code", 1, _code_of, deterministic=True)
    conn.create_function("pressmon_has_invisible", -1, _has_invisible, deterministic=True)
    conn.create_function("pressmon_visible", 1, _visible, deterministic=True)
    conn.create_function("pressmon_without_invisible", 1, without_invisible, deterministic=True)
    version = current_version(conn)
    if version > len(migrations):
        raise SchemaVersionError(
            f"kho lưu trữ có phiên bản lược đồ {version}, mới hơn bản pressmon này hiểu "
            f"({len(migrations)}); hãy nâng cấp pressmon trước khi mở"
        )
    if 0 < version < len(migrations):
        # Some upgrades rebuild the FTS indexes: about four minutes for 1M articles (v3 -> v4).
        rebuilds = any(
            marker in script for script in migrations[version:] for marker in FTS_REBUILDS
        )
        logger.warning(
            "Nâng cấp kho lưu trữ từ phiên bản lược đồ %d lên %d%s",
            version,
            len(migrations),
            "; việc dựng lại chỉ mục tìm kiếm có thể mất vài phút với kho lớn" if rebuilds else "",
        )
    for number, script in _steps(migrations, version):
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nCOMMIT;")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.rollback()
            # Another process opening the same new archive may have applied it first: it held
            # the write lock while this one waited, so its version row is visible now.
            if current_version(conn) >= number:
                continue
            raise
    return len(migrations)


def _steps(migrations: tuple[str, ...], version: int) -> list[tuple[int, str]]:
    """(version reached, script) for each transaction from `version` on. A new file is built in
    one, so another process opening it meanwhile finds it empty or whole, never half built (and
    "upgrading" it); an older archive is upgraded one version per transaction."""
    steps = [
        (number, f"{script}\nINSERT INTO schema_version (version) VALUES ({number});")
        for number, script in enumerate(migrations[version:], start=version + 1)
    ]
    if version == 0:
        return [(len(migrations), "\n".join(script for _, script in steps))]
    return steps


def _has_invisible(*texts: str) -> bool:
    return any(_INVISIBLE_RE.search(text) for text in texts)


def _visible(text: str) -> str:
    """Stored text as an ingest and `index import` now store it: `vntext.scrub.scrub`
    (invisible characters out, ends trimmed) and then `index.sqlite_rows.normalized` (NFC, modern
    tone placement, which a syllable split by an invisible character escaped)."""
    return normalize_spelling(scrub(text).text)


def _code_of(value: str | None) -> str | None:
    return None if value is None else coded(value)


def _tags_of_row(
    outlet: str, kind: str, province: str | None, provinces: str, topics: str, published_us: int
) -> str:
    named = json.loads(provinces) + ([province] if province is not None else [])
    return document_tags(
        outlet=outlet,
        kind=kind,
        provinces=named,
        topics=json.loads(topics),
        published_us=published_us,
    )
