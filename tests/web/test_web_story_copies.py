"""The queue shows stories: a row whose story (`Document.story_id`: the same post reposted) has
other copies in the same queue view says how many and links to them (?cau_chuyen=), counted
with the view's filters and the account's provinces, from one read for the whole page."""

from __future__ import annotations

import html
import re

import pytest

from tests.web.conftest import COPIED_STORY, first_arguments, flagged, sign_in, story_copy

STORY = COPIED_STORY
PROVINCE_PASSWORD = "matkhau-nghe-an-4"


def _copy(n: int, tier: str = "urgent", **overrides: object) -> object:
    return story_copy(n, "Dịch vụ hỗ trợ rút BHXH một lần nhanh", tier, **overrides)


@pytest.fixture
def copies(archive, accounts):
    nghe_an = {"province": "Nghệ An", "provinces": ("Nghệ An",)}
    archive.upsert(
        [
            _copy(40),
            _copy(41),
            _copy(42, "review"),
            _copy(43, **nghe_an),
            _copy(44, **nghe_an),
        ]
    )
    accounts.add("nghean", PROVINCE_PASSWORD, "reviewer", "Hồ Thị Nga", province="Nghệ An")
    return archive


def _row(page: str, document_id: str) -> str:
    found = re.search(rf'<tr[^>]*>(?:(?!</tr>).)*?/bai/{document_id}[?"].*?</tr>', page, re.S)
    assert found is not None, document_id
    return found.group(0)


def _copies_line(row: str) -> str | None:
    found = re.search(r'<div class="small story-copies"><a href="([^"]*)">([^<]*)</a>', row)
    return f"{html.unescape(found.group(1))} {found.group(2)}" if found else None


def test_a_row_says_how_many_copies_of_its_story_the_queue_lists(client, copies) -> None:
    sign_in(client, "an")
    page = client.get("/hang-doi").text
    assert _copies_line(_row(page, "doc040")) == (
        f"/hang-doi?cau_chuyen={STORY} Cùng nội dung với 4 bài khác"
    )
    assert _copies_line(_row(page, "doc003")) is None  # no story


def test_copies_are_counted_with_the_queues_filters(client, copies) -> None:
    sign_in(client, "an")
    page = client.get("/hang-doi?muc=urgent").text
    assert _copies_line(_row(page, "doc041")) == (
        f"/hang-doi?muc=urgent&cau_chuyen={STORY} Cùng nội dung với 3 bài khác"
    )


def test_a_province_counts_only_the_copies_it_may_see(client, copies) -> None:
    sign_in(client, "nghean", PROVINCE_PASSWORD)
    page = client.get("/hang-doi").text
    assert "doc040" not in page
    assert _copies_line(_row(page, "doc043")) == (
        f"/hang-doi?cau_chuyen={STORY} Cùng nội dung với 1 bài khác"
    )
    listed = client.get("/api/queue", params={"cau_chuyen": STORY}).json()
    assert sorted(i["document"]["id"] for i in listed["items"]) == ["doc043", "doc044"]


def test_the_story_filter_lists_its_copies_and_says_so(client, copies) -> None:
    sign_in(client, "an")
    page = client.get("/hang-doi", params={"cau_chuyen": STORY, "xep": "newest"}).text
    listed = set(re.findall(r'<td class="title"><a href="/bai/(doc\d+)[?"]', page))
    assert listed == {"doc040", "doc041", "doc042", "doc043", "doc044"}
    assert "5 bài phù hợp" in page
    line = page.split('<p class="alert story-filter">', 1)[1].split("</p>", 1)[0]
    assert "Chỉ hiện các bản cùng nội dung" in line
    assert 'href="/hang-doi?xep=newest">Bỏ lọc này</a>' in line
    assert "story-copies" not in page  # the line says it once, not every row
    # Filtering again keeps the story.
    assert f'name="cau_chuyen" value="{STORY}"' in page


def test_the_api_counts_copies_on_each_item(client, copies) -> None:
    sign_in(client, "an")
    items = {i["document"]["id"]: i for i in client.get("/api/queue").json()["items"]}
    assert items["doc040"]["story_copies"] == 4
    assert items["doc003"]["story_copies"] == 0
    one = client.get("/api/queue", params={"cau_chuyen": STORY, "muc": "review"}).json()
    assert [i["document"]["id"] for i in one["items"]] == ["doc042"]
    assert one["items"][0]["story_copies"] == 0


def test_the_page_counts_copies_in_one_read(client, copies, archive, monkeypatch) -> None:
    reads = first_arguments(monkeypatch, archive, "flagged_documents")
    # Two stories on the page: still one read.
    archive.upsert([flagged(45, "urgent", 0.7, story_id="s-khac")])
    sign_in(client, "an")
    assert client.get("/hang-doi").status_code == 200
    assert [query.stories for query in reads] == [frozenset({STORY, "s-khac"})]


# -- the item page ----------------------------------------------------------------------------


def _copies_section(page: str) -> list[str]:
    if 'id="ban-cung-noi-dung"' not in page:
        return []
    section = page.split('id="ban-cung-noi-dung"', 1)[1].split("</section>", 1)[0]
    assert "<h2>Các bản cùng nội dung</h2>" in section
    return re.findall(r'<li><a href="/bai/(doc\d+)"', section)


def test_an_item_lists_the_other_copies_of_its_story_newest_first(client, copies) -> None:
    sign_in(client, "an")
    page = client.get("/bai/doc042").text
    assert _copies_section(page) == ["doc040", "doc041", "doc043", "doc044"]
    section = page.split('id="ban-cung-noi-dung"', 1)[1].split("</section>", 1)[0]
    assert "Chưa xử lý" in section and "Báo Mẫu" in section  # status label, outlet
    assert _copies_section(client.get("/bai/doc003").text) == []  # no story: no section


def test_each_copy_says_which_provinces_it_is_about(client, copies) -> None:
    # A scam reposted per province differs by little but the province it targets.
    copies.upsert(
        [
            _copy(40, province="Nghệ An", provinces=("Nghệ An", "Hà Tĩnh")),
            _copy(41, province=None, provinces=()),
        ]
    )
    sign_in(client, "an")
    section = client.get("/bai/doc042").text.split('id="ban-cung-noi-dung"', 1)[1]
    lines = dict(
        re.findall(r'<li><a href="/bai/(doc\d+)".*?copy-provinces">(.*?)</span></li>', section)
    )
    # None named: the muted "(không rõ)" of the queue and the item page (it read "—" before).
    assert lines == {
        "doc040": "· Nghệ An, Hà Tĩnh",
        "doc041": '· <span class="muted nowrap unknown-province">(không rõ)</span>',
        "doc043": "· Nghệ An",
        "doc044": "· Nghệ An",
    }


def test_a_province_sees_only_its_own_copies_on_an_item(client, copies) -> None:
    sign_in(client, "nghean", PROVINCE_PASSWORD)
    assert _copies_section(client.get("/bai/doc043").text) == ["doc044"]


def test_the_copies_listed_are_capped_and_the_rest_counted(copies) -> None:
    from pressmon.review.story_copies import other_copies

    oldest = other_copies(copies, copies.get("doc044"), limit=2)  # itself not on the page read
    assert [d.id for d in oldest.copies] == ["doc040", "doc041"] and oldest.more == 2
    newest = other_copies(copies, copies.get("doc040"), limit=2)
    assert [d.id for d in newest.copies] == ["doc041", "doc042"] and newest.more == 2


# -- one row per story (?gop=1) -----------------------------------------------------------


def _listed(page: str) -> list[str]:
    return re.findall(r'<td class="title"><a href="/bai/(doc\d+)[?"]', page)


def test_the_grouped_queue_shows_one_row_per_story(client, copies) -> None:
    sign_in(client, "an")
    plain = _listed(client.get("/hang-doi").text)
    page = client.get("/hang-doi", params={"gop": "1", "muc": "urgent"}).text
    # The story's most urgent copy stands for it (urgent, then risk, then newest); the others
    # are left out, and items without a story stay as they were, in the same order.
    assert _listed(page) == [
        d for d in plain if d not in {"doc041", "doc042", "doc043", "doc044", "doc002", "doc004"}
    ]
    assert "doc040" in _listed(page)
    # Its copies are listed one per row, not grouped again.
    assert _copies_line(_row(page, "doc040")) == (
        f"/hang-doi?muc=urgent&cau_chuyen={STORY} Cùng nội dung với 3 bài khác"
    )
    assert f"{len(_listed(page))} nội dung khác nhau" in page
    assert 'name="gop" value="1" checked' in page
    assert 'name="gop" value="1" checked' not in client.get("/hang-doi").text


def test_the_grouped_api_reads_every_items_story_once(client, copies, archive, monkeypatch) -> None:
    reads = first_arguments(monkeypatch, archive, "story_ids")
    sign_in(client, "an")
    items = client.get("/api/queue", params={"gop": "1"}).json()["items"]
    copies_of = {i["document"]["id"]: i["story_copies"] for i in items}
    assert copies_of["doc040"] == 4 and copies_of["doc003"] == 0
    assert not {"doc041", "doc042", "doc043", "doc044"} & set(copies_of)
    assert len(reads) == 1 and len(reads[0]) == len(items) + 4


def test_one_per_story_keeps_each_storys_first_entry() -> None:
    from datetime import UTC, datetime

    from index.types import TriageEntry
    from pressmon.review.queue import one_per_story

    at = datetime(2026, 1, 1, tzinfo=UTC)
    entries = [TriageEntry(i, at, "urgent", 0.5, 0.0, None, "unstarted") for i in "abcde"]
    kept, copies = one_per_story(entries, {"a": None, "b": "s", "c": "t", "d": "s", "e": "s"})
    assert [e.id for e in kept] == ["a", "b", "c"]
    assert copies == {"b": 2}


def _tab(page: str, label: str) -> int:
    found = re.search(rf">{label} <b>([\d.]+)</b>", page)
    assert found is not None, label
    return int(found.group(1).replace(".", ""))


def test_the_grouped_queues_tabs_count_stories(client, copies) -> None:
    from datetime import UTC, datetime

    from index.types import ReviewEvent

    at = datetime(2026, 1, 1, tzinfo=UTC)
    copies.record_review(ReviewEvent("doc041", "an", at, "unstarted", "in_progress"))
    sign_in(client, "an")
    plain = client.get("/api/queue").json()["status_counts"]
    grouped = client.get("/api/queue", params={"gop": "1"}).json()
    # Copies 40, 42, 43, 44 are one story not started; 41, decided apart, puts it in progress
    # too: a story counts in each status its copies are in, and once among all.
    assert grouped["status_counts"]["unstarted"] == plain["unstarted"] - 3
    assert grouped["status_counts"]["in_progress"] == plain["in_progress"]
    page = client.get("/hang-doi", params={"gop": "1"}).text
    assert _tab(page, "Tất cả") == sum(plain.values()) - 4 == grouped["total"]
    assert _tab(client.get("/hang-doi").text, "Tất cả") == sum(plain.values())


def test_stories_per_status_counts_a_story_once_per_status() -> None:
    from datetime import UTC, datetime

    from index.types import TriageEntry
    from pressmon.review.queue import stories_per_status

    at = datetime(2026, 1, 1, tzinfo=UTC)
    statuses = {"a": "unstarted", "b": "unstarted", "c": "false", "d": "unstarted"}
    entries = [TriageEntry(i, at, "urgent", 0.5, 0.0, None, s) for i, s in statuses.items()]
    counts, total = stories_per_status(entries, {"a": "s", "b": "s", "c": "s", "d": None})
    assert (counts["unstarted"], counts["false"], counts["in_progress"], total) == (2, 1, 0, 2)
