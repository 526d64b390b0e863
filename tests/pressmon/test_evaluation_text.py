"""`pressmon evaluate`'s terminal tables (issue #15, item 5): Vietnamese headers and names,
Vietnamese numbers; the full figures go to the JSON file."""

from __future__ import annotations

from pressmon.cli.evaluation_text import evaluation_text

REPORT = {
    "real": {
        "rows": [
            {
                "corpus": "vfnd",
                "form": "full",
                "cls": "1",
                "n": 1234,
                "flagged": 0.8123,
                "urgent": 0.5,
            },
            {
                "corpus": "vihsd",
                "form": "comment",
                "cls": "hate",
                "n": 20000,
                "flagged": 0.011,
                "urgent": 0.0,
            },
        ],
        "scores": [
            {
                "corpus": "vfnd",
                "form": "full",
                "n": 2000,
                "positives": 1234,
                "roc_auc": 0.91234,
                "pr_auc": 0.88,
                "precision": 0.9,
                "recall": None,
                "brier": 0.12,
            },
        ],
        "gates": [
            {
                "name": "bình luận sạch bị đánh dấu",
                "value": 0.011,
                "limit": 0.02,
                "kind": "max",
                "n": 20000,
                "holds": True,
            },
            {
                "name": "lừa đảo SMS được bắt",
                "value": 0.6,
                "limit": 0.7,
                "kind": "min",
                "n": 300,
                "holds": False,
            },
        ],
        "stance": {
            "confusion": {
                "asserts": {"asserts": 12, "reports-and-debunks": 3, "neutral": 1},
                "reports-and-debunks": {"asserts": 2, "reports-and-debunks": 1500, "neutral": 0},
                "neutral": {"asserts": 0, "reports-and-debunks": 0, "neutral": 4},
            }
        },
    }
}


def test_tables_are_vietnamese_with_names_and_numbers() -> None:
    text = evaluation_text(REPORT)
    assert "kho dữ liệu" in text and "đánh dấu (≥ cần xem xét)" in text
    assert "toàn văn" in text and "bình luận" in text and "sai sự thật / lừa đảo" in text
    assert "1.234" in text and "20.000" in text and "81,2%" in text and "0,912" in text
    assert "≤ 2,0%" in text and "đạt" in text and "KHÔNG ĐẠT" in text
    assert "Đưa tin kèm bác bỏ, cảnh báo" in text and "1.500" in text
    for english in ("corpus", "flagged", "holds", "gate", "precision"):
        assert english not in text


def test_without_real_data_it_says_so_in_one_line() -> None:
    assert evaluation_text({"real": None}).startswith("Không có dữ liệu thật")
