"""`pressmon classify --json` on the forms users paste: outlet resolved, bad lines explained."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pressmon.cli import main


def classify(model_file: Path, lines: list[object]) -> tuple[int, list[dict]]:
    stdin = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    result = CliRunner().invoke(
        main, ["classify", "--json"], input=stdin + "\n", env={"PRESSMON_MODEL": str(model_file)}
    )
    rows = [json.loads(row) for row in result.stdout.splitlines() if row.startswith("{")]
    return result.exit_code, rows


PRESS = {
    "title": "BHXH Việt Nam cảnh báo giả danh cơ quan BHXH gọi điện lừa đảo",
    "text": "Cơ quan BHXH khuyến cáo người dân không cung cấp mã OTP, không bấm vào đường link lạ.",
}


@pytest.mark.parametrize(
    ("given", "outlet", "kind"),
    [
        ({"outlet": "vnexpress"}, "vnexpress", "national"),
        ({"outlet": "VnExpress"}, "vnexpress", "national"),
        ({"outlet": "Tuổi Trẻ"}, "tuoitre", "national"),
        ({"url": "https://dantri.com.vn/an-sinh/bhxh.htm"}, "dantri", "national"),
    ],
)
def test_outlet_resolved_from_id_name_or_url(
    model_file: Path, given: dict, outlet: str, kind: str
) -> None:
    code, [row] = classify(model_file, [{**PRESS, **given}])
    assert code == 0
    assert (row["outlet"], row["outlet_kind"]) == (outlet, kind)
    assert row["outlet_name"]
    assert not any("sources.yaml" in reason["text"] for reason in row["reasons"])


def test_unknown_outlet_is_said_in_reasons(model_file: Path) -> None:
    _, [row] = classify(model_file, [{**PRESS, "outlet": "Trang Lạ"}])
    assert row["outlet_name"] is None
    assert any("sources.yaml" in reason["text"] for reason in row["reasons"])


def test_obfuscated_sms_is_flagged_with_its_link(model_file: Path) -> None:
    sms = {
        "text": "B.H.X.H thong bao: tai_khoan cua ban bi kh0a, "
        "c4p nhat ngay tai bhxh-vn[.]top de nh4n tien"
    }
    _, [row] = classify(model_file, [sms])
    assert (row["tier"], row["tier_label"]) in (("review", "nên xem"), ("urgent", "cần xem ngay"))
    assert row["article11_clause"]
    assert any("bhxh-vn.top" in reason["text"] for reason in row["reasons"])


def test_warning_article_carries_no_article11_clause(model_file: Path) -> None:
    _, [row] = classify(model_file, [{**PRESS, "outlet": "vnexpress"}])
    assert (row["tier"], row["tier_label"]) == ("low", "không ưu tiên")
    assert row["article11_clause"] is None


def test_bad_lines_are_explained_in_vietnamese_and_others_still_scored(model_file: Path) -> None:
    code, rows = classify(model_file, ["{not json", {"title": "x"}, PRESS])
    assert code != 0
    assert "không phải JSON hợp lệ" in rows[0]["error"]
    assert "thiếu trường 'text'" in rows[1]["error"]
    assert rows[2]["line"] == 3 and "risk" in rows[2]


def test_a_kind_that_is_not_an_outlet_kind_is_refused_as_ingest_refuses_it(
    model_file: Path,
) -> None:
    """`kind: tabloid` was taken as the outlet's kind and echoed back as `outlet_kind`."""
    code, rows = classify(model_file, [{**PRESS, "kind": "tabloid"}, {**PRESS, "kind": "other"}])
    assert code == 1
    refused, scored = rows
    assert refused["line"] == 1 and refused["error"].startswith(
        "trường 'kind': phải là một trong: 'sector' (Báo ngành), 'national' (Báo trung ương), "
        "'provincial' (Báo địa phương), 'other' (Nguồn khác (diễn đàn, mạng xã hội)); "
        "nhận được 'tabloid'"
    )
    assert scored["outlet_kind"] == "other" and "tier" in scored


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("Báo địa phương", "provincial"), ("bao nganh", "sector"), ("NATIONAL", "national")],
)
def test_a_kind_is_also_read_by_the_name_the_product_shows(
    model_file: Path, typed: str, kind: str
) -> None:
    """The web pages and `counts` show "Báo địa phương"; a line saying so was refused."""
    code, [row] = classify(model_file, [{**PRESS, "kind": typed}])
    assert code == 0 and row["outlet_kind"] == kind


def test_output_fields_are_those_readme_documents(model_file: Path) -> None:
    """The output is a contract: README's classify row names every field, unknown input
    fields are ignored, not echoed."""
    _, [row] = classify(model_file, [{**PRESS, "source_id": "abc", "ghi_chu": 1}])
    assert set(row) == {
        "line",
        "risk",
        "tier",
        "tier_label",
        "category",
        "article11_clause",
        "stance",
        "reasons",
        "url",
        "outlet",
        "outlet_name",
        "outlet_kind",
        "model_version",
        "html",
        "truncated",
    }
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [documented] = [line for line in readme.splitlines() if line.startswith("| `pressmon classify")]
    assert all(f"`{field}`" in documented for field in row)
