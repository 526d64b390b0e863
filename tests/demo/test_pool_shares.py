"""The topic pools' percentages read as plausible for what they measure: a year's growth in
coverage is a few percent and BHYT covers most of the population, not any share from 12% to 96%
(a reviewer read "tăng 77,5% so với cùng kỳ" in the demo)."""

from __future__ import annotations

import random
import re
from datetime import datetime

from demo.content.compose import POOLS, fill_slots
from demo.model import TZ

# What each pool sentence's percentage measures, in a range a reporter could plausibly print.
RANGES = (
    (re.compile(r"tăng (\d+,\d)% so với cùng kỳ"), 0.5, 10.0),
    (re.compile(r"giảm (\d+,\d)% so với cùng kỳ"), 0.5, 20.0),
    (re.compile(r"BHYT trên địa bàn đạt (\d+,\d)% dân số"), 85.0, 99.0),
    (re.compile(r"lực lượng lao động trên địa bàn mới đạt khoảng (\d+,\d)%"), 1.0, 10.0),
    (re.compile(r"hơn (\d+,\d)% nhận qua tài khoản"), 50.0, 95.0),
    (re.compile(r"đã nộp (\d+,\d)% số tiền nợ"), 20.0, 80.0),
    (re.compile(r"Hiện (\d+,\d)% hồ sơ thủ tục hành chính"), 80.0, 99.5),
)
_SLOTTED = re.compile(r"\{pct\w*\}")


def test_every_pool_percentage_is_plausible_for_its_sentence() -> None:
    templates = [
        t for pool in POOLS.values() for part in pool.values() for t in part if _SLOTTED.search(t)
    ]
    assert len(templates) == 7
    for seed in range(400):
        slots = fill_slots("", None, datetime(2026, 5, 12, 9, tzinfo=TZ), random.Random(seed))
        for template in templates:
            text = template.format(**slots)
            found = [(m.group(1), low, high) for r, low, high in RANGES for m in r.finditer(text)]
            # Each drawn percentage is of a known kind (the fixed 4,5%, 70%... are not drawn).
            drawn = _SLOTTED.findall(template)
            assert len(found) == len(drawn), text
            for value, low, high in found:
                assert low <= float(value.replace(",", ".")) <= high, (value, text)
