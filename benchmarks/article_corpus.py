"""Synthetic but realistic archive articles for benchmarks.

Sentences and titles come from the real VietNews BHXH subset in ../shared (read at run time,
never copied into the repo) and are recombined at random, so term frequencies, sentence lengths
and diacritics look like real press text. Without ../shared a tiny built-in vocabulary is used
and a warning is printed: its figures are not comparable.
"""

from __future__ import annotations

import json
import os
import random
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from classifier.types import TIERS
from index.types import Document

# ../shared beside the checkout; BENCH_SHARED_DIR names it for checkouts elsewhere (worktrees).
SHARED = Path(
    os.environ.get("BENCH_SHARED_DIR") or Path(__file__).resolve().parents[1] / "../shared"
)
VIETNEWS = SHARED / "data/raw/vietnews-bhxh"

PROVINCES = (
    "Hà Nội",
    "Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Cao Bằng",
    "Tuyên Quang",
    "Lào Cai",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đắk Lắk",
    "Đồng Nai",
    "Tây Ninh",
    "Vĩnh Long",
    "Đồng Tháp",
    "Cà Mau",
    "An Giang",
)
TOPICS = (
    "bhxh_bat_buoc",
    "bhxh_tu_nguyen",
    "bhyt",
    "bhtn",
    "luong_huu_chi_tra",
    "thu_no_dong",
    "truc_loi_lua_dao",
    "chuyen_doi_so_vssid",
    "truyen_thong_chien_dich",
)
_FALLBACK_SENTENCES = (
    "Bảo hiểm xã hội tỉnh đã chi trả lương hưu cho hơn mười nghìn người.",
    "Người lao động cần kiểm tra quá trình đóng bảo hiểm trên ứng dụng VssID.",
    "Cơ quan chức năng cảnh báo tin giả về việc rút bảo hiểm xã hội một lần.",
    "Tỷ lệ bao phủ bảo hiểm y tế đạt hơn chín mươi phần trăm dân số.",
    "Doanh nghiệp chậm đóng bảo hiểm thất nghiệp sẽ bị xử lý theo quy định.",
    "Sổ bảo hiểm được cấp lại khi người lao động chuyển nơi làm việc.",
)
# VietNews text is word-segmented with spaces around punctuation: undo that.
_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]])")
_SPACE_AFTER = re.compile(r"([(\[]) ")


@dataclass(frozen=True)
class Outlet:
    id: str
    name: str
    kind: str
    province: str | None


def _clean(line: str) -> str:
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", line.strip()))


def load_material() -> tuple[list[str], list[str]]:
    """(sentences, titles) from ../shared, or the fallback with a warning."""
    files = sorted(VIETNEWS.glob("*.jsonl")) if VIETNEWS.is_dir() else []
    if not files:
        print(
            f"WARNING: {VIETNEWS} not found; using a tiny built-in vocabulary, "
            "figures are not representative",
            file=sys.stderr,
        )
        return list(_FALLBACK_SENTENCES), [s.rstrip(".") for s in _FALLBACK_SENTENCES]
    sentences: list[str] = []
    titles: list[str] = []
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                article = json.loads(line)
                titles.append(_clean(article["title"]))
                sentences.extend(
                    _clean(s) for s in article["body"].split("\n") if len(s.split()) >= 5
                )
    return sentences, titles


def outlets() -> list[Outlet]:
    national = [Outlet(f"national{i}", f"Báo quốc gia {i}", "national", None) for i in range(23)]
    sector = [Outlet(f"sector{i}", f"Tạp chí ngành {i}", "sector", None) for i in range(2)]
    provincial = [
        Outlet(f"province{i}", f"Báo {name}", "provincial", name)
        for i, name in enumerate(PROVINCES)
    ]
    return national + sector + provincial


def articles(count: int, *, seed: int = 20240601, years: int = 5) -> Iterator[Document]:
    """`count` documents published over `years` years ending 2025-12-31 (local press weighted)."""
    rng = random.Random(seed)
    sentences, titles = load_material()
    sources = outlets()
    weights = [3 if o.kind == "provincial" else 2 if o.kind == "national" else 1 for o in sources]
    end = datetime(2026, 1, 1, tzinfo=UTC) - timedelta(hours=7)
    span = int(timedelta(days=365 * years).total_seconds())
    for i in range(count):
        outlet = rng.choices(sources, weights)[0]
        province = outlet.province or (rng.choice(PROVINCES) if rng.random() < 0.5 else None)
        published = end - timedelta(seconds=rng.randrange(span))
        flagged = rng.random() < 0.05
        yield Document(
            id=f"bench-{i:08d}",
            url=f"https://{outlet.id}.example.vn/tin/{i}.html",
            canonical_url=f"https://{outlet.id}.example.vn/tin/{i}.html",
            outlet=outlet.id,
            outlet_name=outlet.name,
            kind=outlet.kind,
            title=rng.choice(titles),
            body=" ".join(rng.choices(sentences, k=rng.randint(6, 18))),
            published_at=published,
            crawled_at=published + timedelta(hours=rng.randint(1, 48)),
            province=province,
            provinces=tuple({province} if province else ()),
            topics=tuple(rng.sample(TOPICS, rng.randint(0, 3))),
            risk=rng.random() if flagged else None,
            tier=rng.choice(TIERS) if flagged else None,
        )
