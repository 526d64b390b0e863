"""The one label table: every stored code has its Vietnamese text, and the names archives stored
before codes map back to the same codes."""

from __future__ import annotations

from classifier.types import TIER_LABELS, TIERS
from index.legacy_values import CODE_FOR_LEGACY
from pressmon.review.labels import FOLLOW_UP_LABELS, LABELS, STATUS_LABELS, label
from pressmon.review.statuses import FOLLOW_UPS, STATUSES
from pressmon.web.formatting import STATUS_CLASSES, TIER_CLASSES


def test_every_code_has_one_label_and_no_code_is_shared() -> None:
    assert tuple(TIER_LABELS) == TIERS
    assert tuple(STATUS_LABELS) == STATUSES
    assert tuple(FOLLOW_UP_LABELS) == FOLLOW_UPS
    assert len(LABELS) == len(TIERS) + len(STATUSES) + len(FOLLOW_UPS)
    assert TIER_CLASSES.keys() == set(TIERS) and STATUS_CLASSES.keys() == set(STATUSES)


def test_the_names_stored_before_codes_are_todays_labels() -> None:
    assert {name: code for code, name in LABELS.items()} == CODE_FOR_LEGACY


def test_label_shows_unknown_values_as_stored() -> None:
    assert label("urgent") == "cần xem ngay"
    assert label("reported_to_leadership") == "Đã báo cáo lãnh đạo"
    assert label(None) == ""
    assert label("khác") == "khác"
