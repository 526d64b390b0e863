"""Every kind of reason the flagger gives (classifier.types.Reason) is named in Vietnamese on the
item page: the chip shows a word a reviewer reads, never the code the flagger files it under."""

from __future__ import annotations

import re

from classifier import types
from pressmon.web.formatting import REASON_LABELS
from tests.web.conftest import flagged, sign_in


def _documented_kinds() -> list[str]:
    found = re.search(r"`kind` is ([a-z| -]+)", types.Reason.__doc__ or "")
    assert found is not None, "Reason's docstring no longer lists its kinds"
    return [kind.strip() for kind in found.group(1).split("|")]


def test_every_reason_kind_has_a_vietnamese_name() -> None:
    kinds = _documented_kinds()
    assert "scam-cue" in kinds
    assert [k for k in kinds if k not in REASON_LABELS] == []


def test_a_scam_cue_is_named_on_the_item_page(client, archive) -> None:
    cue = {
        "kind": "scam-cue",
        "text": "Yêu cầu thanh toán, chuyển tiền hoặc đặt cọc: “đặt cọc”",
        "weight": 0.25,
        "detail": {"family": "payment", "excerpt": "đặt cọc", "start": 0, "end": 7},
    }
    archive.upsert(
        [flagged(40, "urgent", 0.9, flag_details={"reasons": [cue], "uncertainty": 0.1})]
    )
    sign_in(client, "an")
    page = client.get("/bai/doc040").text
    assert '<span class="chip">Dấu hiệu lừa đảo</span> Yêu cầu thanh toán' in page
    assert ">scam-cue<" not in page
