"""pydantic problems in Vietnamese: every common type re-rendered, inputs short and never secret."""

from __future__ import annotations

import typing
from datetime import date, datetime
from enum import Enum
from typing import Any, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator
from pydantic_core import ErrorDetails

from vntext.validation_text import field_path, problem_line, problem_lines, problem_text

_ENGLISH = ("Input should", "Field required", "Value error", "errors.pydantic.dev", "should have")


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


class Inner(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: int = 0
    even: int = 0

    @field_validator("even")
    @classmethod
    def _even(cls, value: int) -> int:
        if value % 2:
            raise ValueError("phải là số chẵn")
        return value


class Everything(BaseModel):
    model_config = ConfigDict(extra="forbid")

    whole: int = 0
    number: float = 0
    flag: bool = False
    text: str = ""
    choice: Literal["sector", "national", "provincial"] = "sector"
    items: list[int] = []
    table: dict[str, int] = {}
    at_least_one: int = Field(1, ge=1)
    above_zero: float = Field(1, gt=0)
    at_most_ten: int = Field(1, le=10)
    below_one: float = Field(0, lt=1)
    name: str = Field("x", min_length=1)
    code: str = Field("ab", min_length=2, max_length=3)
    pair: list[int] = Field([1, 2], min_length=2, max_length=2)
    moment: datetime | None = None
    day: date | None = None
    colour: Colour = Colour.RED
    link: HttpUrl | None = None
    pattern: str = Field("http://x", pattern=r"^https?://")
    inner: Inner = Inner()
    required: int


def _problems(**data: Any) -> dict[str, ErrorDetails]:
    with pytest.raises(ValidationError) as caught:
        Everything.model_validate({"required": 1, **data})
    return {field_path(p["loc"]): p for p in caught.value.errors(include_url=False)}


CASES = [
    ({"whole": "abc"}, "whole", "phải là số nguyên; nhận được 'abc'"),
    ({"whole": 1.5}, "whole", "phải là số nguyên, không có phần thập phân; nhận được 1.5"),
    ({"number": "x"}, "number", "phải là số (dấu thập phân là dấu chấm); nhận được 'x'"),
    ({"flag": "maybe"}, "flag", "phải là true hoặc false; nhận được 'maybe'"),
    ({"text": 3}, "text", "phải là chuỗi văn bản (đặt trong dấu ngoặc kép); nhận được 3"),
    (
        {"choice": "local"},
        "choice",
        "phải là một trong: 'sector', 'national', 'provincial'; nhận được 'local'",
    ),
    ({"colour": "green"}, "colour", "phải là một trong: 'red', 'blue'; nhận được 'green'"),
    ({"items": "a"}, "items", "phải là một danh sách; nhận được 'a'"),
    (
        {"table": [1]},
        "table",
        "phải là một bảng các trường (tên và giá trị); nhận được một danh sách",
    ),
    ({"at_least_one": 0}, "at_least_one", "phải từ 1 trở lên; nhận được 0"),
    ({"above_zero": 0}, "above_zero", "phải lớn hơn 0; nhận được 0"),
    ({"at_most_ten": 11}, "at_most_ten", "phải không lớn hơn 10; nhận được 11"),
    ({"below_one": 1}, "below_one", "phải nhỏ hơn 1; nhận được 1"),
    ({"name": ""}, "name", "không được để trống"),
    ({"code": "a"}, "code", "cần ít nhất 2 ký tự"),
    ({"code": "abcd"}, "code", "chỉ được tối đa 3 ký tự"),
    ({"pair": [1]}, "pair", "cần ít nhất 2 phần tử (đang có 1)"),
    ({"pair": [1, 2, 3]}, "pair", "chỉ được tối đa 2 phần tử (đang có 3)"),
    ({"moment": "2025-13-01"}, "moment", "phải là ngày giờ dạng ISO 8601"),
    ({"day": "hôm qua"}, "day", "phải là ngày dạng YYYY-MM-DD"),
    ({"link": "vnexpress"}, "link", "phải là địa chỉ URL đầy đủ"),
    ({"pattern": "ftp://x"}, "pattern", "sai định dạng (mẫu yêu cầu: ^https?://)"),
    ({"inner": {"even": 3}}, "inner.even", "phải là số chẵn"),
    ({"inner": {"pasword": 1}}, "inner.pasword", "trường không có (viết sai"),
    ({"inner": {"password": "hunter2"}}, "inner.password", "phải là số nguyên"),
    ({"inner": "x"}, "inner", "phải là một bảng các trường"),
    ({"required": None}, "required", "phải là số nguyên; nhận được giá trị trống"),
]


@pytest.mark.parametrize(("data", "field", "expected"), CASES)
def test_each_problem_type_reads_in_vietnamese(data: Any, field: str, expected: str) -> None:
    problem = _problems(**data)[field]
    text = problem_text(problem)
    assert text.startswith(expected), text
    assert not any(english in text for english in _ENGLISH), text


def test_a_missing_field_and_the_line_format() -> None:
    with pytest.raises(ValidationError) as caught:
        Everything.model_validate({"whole": "x"})
    assert problem_lines(caught.value, "cfg/x.yaml") == [
        "cfg/x.yaml: whole: phải là số nguyên; nhận được 'x'",
        "cfg/x.yaml: required: thiếu trường bắt buộc",
    ]


def test_secrets_are_never_echoed() -> None:
    text = problem_text(_problems(inner={"password": "hunter2"})["inner.password"])
    assert "hunter2" not in text
    # A web form may hold a password under any name: its handler shows no input at all.
    problem = _problems(whole="hunter2")["whole"]
    assert problem_text(problem, show_input=False) == "phải là số nguyên"


def test_long_inputs_are_cut_and_stay_on_one_line() -> None:
    text = problem_text(_problems(whole="dòng\n" * 40)["whole"])
    assert "\n" not in text and text.endswith("…") and len(text) < 80


def test_a_list_position_is_named_in_brackets() -> None:
    assert field_path(("sources", 3, "feeds")) == "sources[3].feeds"


def test_a_whole_document_problem_has_no_field() -> None:
    with pytest.raises(ValidationError) as caught:
        Everything.model_validate([1])
    assert problem_line(caught.value.errors()[0]) == (
        "phải là một bảng các trường (tên và giá trị); nhận được một danh sách"
    )


def test_an_unknown_type_names_its_code_never_a_url() -> None:
    problem = typing.cast(
        ErrorDetails,
        {"type": "brand_new", "loc": ("a",), "msg": "Input should be new", "input": 1},
    )
    assert problem_line(problem) == "a: giá trị không hợp lệ (mã lỗi: brand_new)"
