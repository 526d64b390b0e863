"""Issue 14 robustness: hostile archived text (NUL, ESC, huge articles) and hostile ingest files.

Ingest and crawl sanitise text on the way in (`pressmon.sanitize`); these tests also cover text
already in an archive from before, which the pages, exports and terminal must survive.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from crawlers.items import ExtractedArticle
from pressmon.cli import main
from pressmon.ingest import ingest_parsed, parse_lines
from pressmon.sanitize import (
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    InputRejected,
    clean_extracted,
    clean_text,
)
from pressmon.web.formatting import PAGE_BODY_CHARS, body_part
from pressmon.wiring import notifier_from

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 5, 20, 3, 0, tzinfo=UTC)


@pytest.fixture
def flagged(document_factory):
    def make(n: int, **overrides: object):
        return document_factory(n, risk=0.9, tier="urgent", category="C1", **overrides)

    return make


def test_nul_and_formula_titles_do_not_break_the_report_workbook(archive, as_lead, flagged) -> None:
    archive.upsert(
        [
            flagged(7, title="Tin giả\x00 về lương hưu\x1b[31m"),
            flagged(8, title='=HYPERLINK("http://x")'),
        ]
    )
    client, _ = as_lead
    response = client.get("/bao-cao.xlsx?tu=2026-04-01&den=2026-05-31")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = {str(row[2].value): row[2] for row in book["Bài cần xác minh"].iter_rows()}
    assert "Tin giả về lương hưu[31m" in cells
    assert cells['=HYPERLINK("http://x")'].data_type == "s"  # text, never run


def test_a_huge_article_is_shown_in_parts(archive, as_reviewer, flagged) -> None:
    body = "\n".join(f"Đoạn {i}: bảo hiểm xã hội chi trả lương hưu." * 20 for i in range(5000))
    archive.upsert([flagged(9, title="Lương hưu " * 10_000, body=body)])
    client, _ = as_reviewer
    first = client.get("/bai/doc009")
    assert first.status_code == 200
    assert len(first.content) < 3 * PAGE_BODY_CHARS + 200_000
    assert "đang hiển thị phần 1/" in first.text and "?phan=2" in first.text
    last = client.get("/bai/doc009?phan=10000")  # past the end: the last part
    assert last.status_code == 200 and "Phần trước" in last.text
    assert client.get("/bai/doc009?phan=0").status_code == 422


def test_body_parts_cover_the_text_exactly() -> None:
    body = "\n".join("x" * 997 for _ in range(300))
    parts = body_part(body, 1, size=10_000).parts
    assert "".join(body_part(body, i, size=10_000).text for i in range(1, parts + 1)) == body
    assert body_part("ngắn", 5).text == "ngắn"


def test_terminal_output_escapes_control_characters(archive, settings, flagged) -> None:
    archive.upsert([flagged(10, title="Lương hưu\x1b]0;pwned\x07\x1b[2J giả")])
    archive.close()  # the CLI opens its own
    result = CliRunner().invoke(
        main, ["--archive", str(settings.archive.path), "search", "lương hưu"]
    )
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;pwned\\x07" in result.output


def test_clean_text_removes_controls_and_escapes_and_caps() -> None:
    cleaned = clean_text("a\x00b\x1b[1;31mc\x1b]0;t\x07d\te\r\nf\ud800", limit=100)
    assert cleaned.text == "abcd\te\nf\ufffd"
    assert len(cleaned.notes) == 3
    assert clean_text(cleaned.text).notes == ()  # idempotent
    long = clean_text("x" * (MAX_TITLE_CHARS + 5), limit=MAX_TITLE_CHARS, field="title")
    assert len(long.text) == MAX_TITLE_CHARS and "cắt từ" in long.notes[0]


def _line(n: int, **fields: object) -> bytes:
    values: dict[str, object] = {
        "title": f"Bảo hiểm xã hội chi trả lương hưu {n}",
        "text": "Bảo hiểm xã hội Việt Nam chi trả lương hưu đúng hạn.",
        "url": f"https://baomau.vn/bai-{n}.html",
        "published_at": "2026-05-01T08:00:00+07:00",
    }
    values.update(fields)
    return json.dumps(values, ensure_ascii=False).encode() + b"\n"


def test_ingest_rejects_bad_lines_one_by_one_and_names_them() -> None:
    lines = [
        _line(1, title="Tiêu đề\x1b[2J có\x00 ký tự lạ"),
        _line(2, published_at="9999-12-31T00:00:00"),
        _line(3, published_at="0001-01-01"),
        b"{not json\n",
        _line(5)[:-1].replace("lương".encode(), b"l\xffng") + b"\n",
        _line(6, text="y" * (MAX_BODY_CHARS + 10)),
        _line(7, title="\x00\x01"),
    ]
    parsed = parse_lines(lines, TZ)
    assert [line.url[-7:] for line in parsed.lines] == ["-1.html", "-5.html", "-6.html"]
    assert parsed.lines[0].title == "Tiêu đề có ký tự lạ"
    assert "\ufffd" in parsed.lines[1].title
    assert len(parsed.lines[2].text) == MAX_BODY_CHARS
    assert [r.split(":")[0] for r in parsed.rejected] == ["dòng 2", "dòng 3", "dòng 4", "dòng 7"]
    assert "9999-12-31 nằm ngoài 1990–2100" in parsed.rejected[0]
    assert [c.split(":")[0] for c in parsed.cleaned] == ["dòng 1", "dòng 5", "dòng 6"]
    assert "không phải UTF-8" in parsed.cleaned[1]


class _Keep:
    """A processor that keeps every article unchanged (the models are tested elsewhere)."""

    def prepare(self, article, source, crawled_at, received=None):
        from index.types import Document

        return Document(
            id=article.url.rsplit("/", 1)[-1],
            url=article.url,
            canonical_url=article.url,
            outlet=source.id,
            outlet_name=source.name,
            kind=source.kind,
            title=article.title,
            body=article.body,
            published_at=article.published_at,
            crawled_at=crawled_at,
        )

    def flag(self, prepared):
        return list(prepared)

    def join_stories(self, prepared, state):
        return list(prepared)


class _State:
    """No state database: `_Keep` shares no stories."""


def test_ingest_stores_the_good_lines_of_a_file_with_bad_ones(archive, settings) -> None:
    report = ingest_parsed(
        parse_lines(
            [_line(11), _line(12, published_at="9999-12-31"), b"\xff\xfe\n", _line(14)],
            settings.tz,
        ),
        settings,
        _Keep(),  # type: ignore[arg-type]
        archive,
        _State(),  # type: ignore[arg-type]
        notifier_from(settings),
    )
    assert (report.read, report.stored) == (2, 2)  # the two bad lines are not articles
    assert [r.split(":")[0] for r in report.rejected] == ["dòng 2", "dòng 3"]
    assert archive.get("bai-11.html") is not None and archive.get("bai-14.html") is not None


def test_crawled_articles_are_cleaned_by_the_same_function() -> None:
    article = ExtractedArticle(
        url="https://baomau.vn/x.html",
        canonical_url="https://baomau.vn/x.html",
        title="Tiêu đề\x1b[2J",
        body="Nội dung\x00 bài",
        published_at=NOW,
        date_source="meta",
    )
    cleaned = clean_extracted(article).article
    assert (cleaned.title, cleaned.body) == ("Tiêu đề", "Nội dung bài")
    with pytest.raises(InputRejected):
        clean_extracted(replace(article, published_at=NOW.replace(year=9999)))
