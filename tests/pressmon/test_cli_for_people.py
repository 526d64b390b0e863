"""The CLI as staff use it (issue #15): filters by name without diacritics, pre-merger provinces
with a note, unknown values that fail with the closest valid ones, synonyms in search, Vietnamese
text for people and ids with labels for machines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner, Result

from index.sqlite_backend import SQLiteArchive
from index.types import Document
from pressmon.cli import main


def _doc(doc_id: str, title: str, body: str, **fields) -> Document:
    return Document(
        **{
            "id": doc_id,
            "url": f"https://vnexpress.net/{doc_id}.html",
            "canonical_url": f"https://vnexpress.net/{doc_id}.html",
            "outlet": "vnexpress",
            "outlet_name": "VnExpress",
            "kind": "national",
            "title": title,
            "body": body,
            "published_at": datetime(2026, 3, 7, 3, tzinfo=UTC),
            "crawled_at": datetime(2026, 3, 7, 4, tzinfo=UTC),
            **fields,
        }
    )


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with SQLiteArchive(path) as archive:
        archive.upsert(
            [
                _doc(
                    "phu-tho",
                    "Phú Thọ đẩy mạnh BHXH tự nguyện",
                    "Người dân Phú Thọ tham gia BHXH ngày càng đông.",
                    province="Phú Thọ",
                    provinces=("Phú Thọ",),
                    topics=("bhxh_tu_nguyen", "truyen_thong_chien_dich"),
                ),
                _doc(
                    "nghe-an",
                    "Nghệ An chi trả lương hưu",
                    "Bảo hiểm xã hội tỉnh Nghệ An chi trả lương hưu đúng hạn, như Hà Tĩnh.",
                    province="Nghệ An",
                    provinces=("Nghệ An", "Hà Tĩnh"),
                    topics=("luong_huu_chi_tra",),
                ),
                _doc(
                    "bhyt",
                    "Thẻ bảo hiểm y tế điện tử",
                    "Người bệnh dùng thẻ BHYT trên VssID khi khám chữa bệnh.",
                    outlet="tuoitre",
                    outlet_name="Tuổi Trẻ Online",
                    topics=("bhyt",),
                    risk=0.8,
                    tier="urgent",
                    category="C3",
                    stance="asserts",
                    flag_details={"reasons": [{"text": "Đường link lạ giả mạo VssID"}]},
                    date_source="visible-text",
                    date_reason="the visible byline (metadata: creation-time)",
                    date_disagreements=(
                        "json-ld:datePublished=2026-03-07T09:00:00+07:00 (-60 min): creation-time",
                    ),
                    seo_title="Dùng thẻ BHYT trên VssID",
                ),
            ]
        )
    return path


def _run(archive_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--archive", str(archive_path), *args])


def _ok(archive_path: Path, *args: str) -> Result:
    result = _run(archive_path, *args)
    assert result.exit_code == 0, result.output
    return result


def _ids(archive_path: Path, *args: str) -> set[str]:
    page = json.loads(_ok(archive_path, "search", *args, "--json").stdout)
    return {hit["document"]["id"] for hit in page["hits"]}


# --- 3. filters that understand people ---------------------------------------------------------


@pytest.mark.parametrize("typed", ["Nghe An", "nghệ an", "NGHỆ AN", "Tỉnh Nghệ An"])
def test_province_by_name_without_diacritics_or_case(archive_path: Path, typed: str) -> None:
    assert _ids(archive_path, "lương hưu", "--province", typed) == {"nghe-an"}


def test_pre_merger_province_maps_to_its_2025_province_with_a_note(archive_path: Path) -> None:
    result = _ok(archive_path, "counts", "--province", "Vĩnh Phúc")
    assert "Vĩnh Phúc → Phú Thọ" in result.stderr
    assert "Tổng: 1" in result.stdout


@pytest.mark.parametrize(
    ("option", "typed", "expected"),
    [
        ("--outlet", "Tuổi Trẻ", {"bhyt"}),
        ("--outlet", "tuoitre.vn", {"bhyt"}),
        ("--kind", "báo trung ương", {"phu-tho", "nghe-an", "bhyt"}),
        ("--topic", "bao hiem y te", {"bhyt"}),
        ("--topic", "BHYT", {"bhyt"}),
    ],
)
def test_outlet_kind_and_topic_by_name_or_id(
    archive_path: Path, option: str, typed: str, expected: set[str]
) -> None:
    assert _ids(archive_path, "", option, typed) == expected


@pytest.mark.parametrize(
    ("option", "typed", "suggested"),
    [
        ("--province", "Nge An", "Nghệ An"),
        ("--outlet", "vnexpres", "VnExpress"),
        ("--topic", "bhxh", "BHXH tự nguyện (bhxh_tu_nguyen)"),
        ("--kind", "nope", "Báo ngành (sector)"),
    ],
)
def test_unknown_value_fails_listing_the_closest(
    archive_path: Path, option: str, typed: str, suggested: str
) -> None:
    result = _run(archive_path, "counts", option, typed)
    assert result.exit_code != 0
    assert f"«{typed}»" in result.output
    assert suggested in result.output
    assert "Traceback" not in result.output


def test_web_search_filters_use_the_same_resolver(archive_path: Path) -> None:
    from pressmon.settings import load_settings
    from pressmon.web.app import create_app
    from pressmon.web.choices import ChoiceReader
    from pressmon.web.params import DateRange, FilterNames
    from pressmon.web.routes.search import search_query

    settings = load_settings(overrides={"archive": {"path": str(archive_path)}})
    with SQLiteArchive(archive_path) as archive:
        app = create_app(settings, archive=archive)
        choices, filters = ChoiceReader(strict=False), FilterNames(app.state.ctx.filters)
        query = search_query(DateRange(None, None), 1, choices, filters, tinh="vinh phuc")
        assert query.provinces == {"Phú Thọ"}
        assert filters.notes == ["Vĩnh Phúc → Phú Thọ (sáp nhập 2025)"]  # as the CLI notes it


# --- 6. one language for people ----------------------------------------------------------------


def test_counts_by_province_lists_all_34_once_per_article(archive_path: Path) -> None:
    # to a Sunday: a range open to today ends in a week under way on six days of seven, and
    # the table then gains a line saying so (red in CI run on a Monday in Vietnam)
    out = _ok(
        archive_path, "counts", "--by", "province", "--from", "2026-03-02", "--to", "2026-03-29"
    ).stdout
    assert out.startswith("Tỉnh/thành")
    assert "Cà Mau" in out and "Nghệ An" in out
    rows = out.splitlines()[2:-2]
    assert len([r for r in rows if not r.startswith("(không rõ)")]) == 34
    # each article under its main province: the rows add up to the articles, no overlap claimed
    assert out.splitlines()[-2] == "Tổng: 3 (mỗi bài tính một lần, ở tỉnh/thành chính của bài)"
    assert out.splitlines()[-1].startswith("Chỉ tính báo chí")
    assert [r.split()[-1] for r in rows if r.startswith(("Nghệ An", "Hà Tĩnh"))] == ["1", "0"]
    # ... while the filter finds every article about the province, main or not
    about = _ok(archive_path, "counts", "--province", "Hà Tĩnh", "--json").stdout
    assert json.loads(about)["total"] == 1


def test_counts_by_topic_shows_names_and_why_the_total_is_larger(archive_path: Path) -> None:
    out = _ok(archive_path, "counts", "--by", "topic", "--from", "2026-03-02").stdout
    assert "BHXH tự nguyện" in out and "bhxh_tu_nguyen" not in out
    assert "Tổng theo chủ đề: 4 (một bài có thể thuộc nhiều chủ đề); số bài: 3" in out


def test_counts_json_keeps_ids_with_labels(archive_path: Path) -> None:
    data = json.loads(_ok(archive_path, "counts", "--by", "outlet", "--json").stdout)
    assert data["labels"]["vnexpress"] == "VnExpress"
    assert set(data["rows"]) == {"vnexpress", "tuoitre"}


def test_flagged_shows_id_tier_category_reason_and_link(archive_path: Path) -> None:
    out = _ok(archive_path, "flagged").stdout
    assert "[cần xem ngay] bhyt  rủi ro 0,80  C3 Kênh giả" in out
    assert "Lý do chính: Đường link lạ giả mạo VssID" in out
    assert "Xem: http://127.0.0.1:8000/bai/bhyt" in out
    assert "07/03/2026" in out
    row = json.loads(_ok(archive_path, "flagged", "--json").stdout)
    assert (row["category"], row["category_label"]) == (
        "C3",
        "Kênh giả (website, ứng dụng, fanpage)",
    )


def test_index_export_and_import_summaries_are_vietnamese(
    archive_path: Path, tmp_path: Path
) -> None:
    dump = tmp_path / "dump.jsonl"
    assert "Xong: đã xuất 3 bài" in _ok(archive_path, "index", "export", str(dump)).stdout
    other = tmp_path / "other.sqlite3"
    assert "Xong: đã nhập 3 bài" in _ok(other, "index", "import", str(dump)).stdout


def test_errors_are_vietnamese_without_library_text(archive_path: Path) -> None:
    result = _run(archive_path, "counts", "--outlet", "nope")
    assert result.exit_code == 1
    assert result.output.startswith("Lỗi: ")
    assert "gợi ý:" in result.output


def test_json_says_why_the_date_was_chosen_with_vietnamese_labels(archive_path: Path) -> None:
    creation = (
        "Dữ liệu có cấu trúc JSON-LD (datePublished): 09:00 07/03/2026 (UTC+07:00), "
        "lệch -60 phút: thời điểm tạo bài chứ không phải lúc đăng"
    )
    (hit,) = json.loads(_ok(archive_path, "search", "VssID", "--json").stdout)["hits"]
    document = hit["document"]
    assert (document["date_source"], document["date_source_label"]) == (
        "visible-text",
        "Ngày giờ hiển thị trên trang",
    )
    assert document["date_reason_label"] == (
        "Ngày giờ hiển thị trên trang (siêu dữ liệu: thời điểm tạo bài chứ không phải lúc đăng)"
    )
    assert document["date_disagreement_labels"] == [creation]
    assert document["seo_title"] == "Dùng thẻ BHYT trên VssID"
    row = json.loads(_ok(archive_path, "flagged", "--json").stdout)
    assert row["date_source_label"] == "Ngày giờ hiển thị trên trang"
    assert row["date_disagreements"] == list(document["date_disagreements"])
    assert row["date_disagreement_labels"] == [creation]


def test_search_says_more_than_when_counting_stopped_at_the_limit(
    archive_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "pressmon.cli.archive_cmds.archive_from",
        lambda settings: SQLiteArchive(archive_path, count_limit=1),
    )
    assert _ok(archive_path, "search", "bảo hiểm").stdout.startswith("Hơn 1 kết quả\n")
    page = json.loads(_ok(archive_path, "search", "bảo hiểm", "--json").stdout)
    assert (page["total"], page["total_exact"]) == (1, False)
    assert (
        "bảo OR hiểm OR xyzzy (hơn 1 bài)" in _ok(archive_path, "search", "bảo hiểm xyzzy").stdout
    )


def test_search_json_says_its_total_is_exact(archive_path: Path) -> None:
    page = json.loads(_ok(archive_path, "search", "bảo hiểm", "--json").stdout)
    assert page["total_exact"] is True and page["total"] >= 2


@pytest.mark.parametrize("to", ["2026-03-15", "2026-04-30"])
def test_counts_with_targets_before_the_may_campaign(archive_path: Path, to: str) -> None:
    # The campaign counted from 01/05 to --to: a range ending before it began, once refused.
    out = _ok(archive_path, "counts", "--targets", "--to", to).stdout
    assert "(01/05/2026–31/05/2026): 0 / 3.000 (0%), dự báo 0 — chưa bắt đầu" in out
    # weeks in Vietnamese, as on the web: 31 days are 4,4 weeks
    assert "0 — chưa bắt đầu; cần 678 bài/tuần trong 4,4 tuần còn lại" in out


def test_counts_with_targets_to_the_year_end_reads_as_of_today(archive_path: Path) -> None:
    """`--to` the year's last day, asked before it, is progress to date as on /bao-cao: on
    pace or behind with weeks left, not a year already over ("không đạt", projection = count)."""
    today = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    year_end = _ok(archive_path, "counts", "--targets", "--to", f"{today.year}-12-31").stdout
    to_date = _ok(archive_path, "counts", "--targets", "--to", today.isoformat()).stdout
    targets = [line for line in year_end.splitlines() if line.startswith("Mục tiêu")]
    assert targets and targets == [
        line for line in to_date.splitlines() if line.startswith("Mục tiêu")
    ]
