"""The flagger's evaluation as Vietnamese tables for the terminal; the full figures stay in the
JSON file `evaluate` writes (the model card keeps its own Markdown tables)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from classifier.card import FORM_NAMES
from pressmon.cli.output import table
from pressmon.review.labels import STANCE_LABELS
from pressmon.web.formatting import number

# Evaluation classes: 1 is misinformation or a scam, 0 is genuine; corpora may name their own.
CLASS_NAMES = {"1": "sai sự thật / lừa đảo", "0": "thật"}
STANCES = ("asserts", "reports-and-debunks", "neutral")


def percent(value: float | None) -> str:
    """12,5%: one decimal, decimal comma; '–' when there is no value."""
    return "–" if value is None or value != value else f"{value * 100:.1f}%".replace(".", ",")


def decimal(value: float | None) -> str:
    return "–" if value is None or value != value else f"{value:.3f}".replace(".", ",")


def evaluation_text(report: Mapping[str, Any]) -> str:
    """Tables of an evaluation report (`classifier.evaluation.RealReport.as_dict()` under
    "real", the research model under "research")."""
    real = report.get("real")
    if not real:
        return (
            "Không có dữ liệu thật (../shared/data/raw) để đánh giá; "
            "chỉ có phụ lục trên ví dụ tự viết (trong tệp JSON)."
        )
    parts = [
        "Tỉ lệ bài được đánh dấu, theo kho dữ liệu thật và dạng văn bản:",
        _reach_table(real["rows"]),
    ]
    if real.get("scores"):
        parts += ["", "Chất lượng xếp hạng (kho có cả hai nhãn):", _score_table(real["scores"])]
    parts += ["", "Ngưỡng kiểm tra:", _gate_table(real["gates"])]
    if real.get("stance"):
        parts += [
            "",
            "Lập trường trên cảnh báo / lừa đảo thật (nhãn tay theo hàng, máy phát hiện theo cột):",
            _stance_table(real["stance"]),
        ]
    if research := report.get("research"):
        parts += [
            "",
            "Mô hình nghiên cứu (thêm dữ liệu thật, 5 phần theo nhóm):",
            _reach_table(research["rows"]),
        ]
    return "\n".join(parts)


def _form(code: str) -> str:
    return FORM_NAMES.get(code, code)


def _reach_table(rows: Sequence[Mapping[str, Any]]) -> str:
    return table(
        ["kho dữ liệu", "dạng", "lớp", "số mẫu", "đánh dấu (≥ cần xem xét)", "khẩn cấp"],
        [
            (
                r["corpus"],
                _form(r["form"]),
                CLASS_NAMES.get(str(r["cls"]), r["cls"]),
                number(r["n"]),
                percent(r["flagged"]),
                percent(r["urgent"]),
            )
            for r in rows
        ],
    )


def _score_table(scores: Sequence[Mapping[str, Any]]) -> str:
    return table(
        ["kho dữ liệu", "dạng", "số mẫu (dương tính)", "ROC-AUC", "PR-AUC", "độ chính xác"]
        + ["độ phủ", "Brier"],
        [
            (
                s["corpus"],
                _form(s["form"]),
                f"{number(s['n'])} ({number(s['positives'])})",
                decimal(s["roc_auc"]),
                decimal(s["pr_auc"]),
                percent(s["precision"]),
                percent(s["recall"]),
                decimal(s["brier"]),
            )
            for s in scores
        ],
    )


def _gate_table(gates: Sequence[Mapping[str, Any]]) -> str:
    return table(
        ["ngưỡng kiểm tra", "giá trị", "giới hạn", "số mẫu", "kết quả"],
        [
            (
                g["name"],
                percent(g["value"]),
                f"{'≤' if g['kind'] == 'max' else '≥'} {percent(g['limit'])}",
                number(g["n"]),
                "đạt" if g["holds"] else "KHÔNG ĐẠT",
            )
            for g in gates
        ],
    )


def _stance_table(stance: Mapping[str, Any]) -> str:
    confusion = stance["confusion"]
    return table(
        ["nhãn tay", *(STANCE_LABELS[s] for s in STANCES)],
        [
            (STANCE_LABELS[truth], *(number(confusion[truth][found]) for found in STANCES))
            for truth in STANCES
        ],
    )
