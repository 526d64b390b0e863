"""A pydantic ValidationError told in Vietnamese: one line per problem, `file: field: what`.

pydantic's own `msg` is English and some carry a documentation URL, so every problem is
re-rendered from its `type`, `loc`, `ctx` and `input`. Our validators raise Vietnamese
ValueErrors; their text is kept as written. An unknown type still names the field and its
type code, so a new pydantic release degrades to a terse line, never to English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

UNKNOWN_FIELD = "trường không có (viết sai, hoặc không có ở phiên bản này)"
# Words of field names whose values may be secrets (SMTP password, session secret, URLs with
# credentials, webhook tokens): their input is never echoed back.
_SECRET_WORDS = frozenset({"password", "secret", "token", "key", "url", "urls", "webhooks"})
_INPUT_CHARS = 40

_Render = Callable[[Mapping[str, Any]], str]
_DATETIME = "phải là ngày giờ dạng ISO 8601, ví dụ 2025-03-01T08:30:00+07:00"
_DATE = "phải là ngày dạng YYYY-MM-DD, ví dụ 2025-03-01"
_MAPPING = "phải là một bảng các trường (tên và giá trị)"
_LIST = "phải là một danh sách"
_URL = "phải là địa chỉ URL đầy đủ, ví dụ https://baohiemxahoi.gov.vn"


def _one_of(ctx: Mapping[str, Any]) -> str:
    """pydantic's "'a', 'b' or 'c'" with the last "or" in Vietnamese."""
    head, _, last = str(ctx.get("expected", "")).rpartition(" or ")
    return f"phải là một trong: {head}, {last}" if head else f"phải là {last}"


def _too_short(ctx: Mapping[str, Any]) -> str:
    return f"cần ít nhất {ctx.get('min_length')} phần tử (đang có {ctx.get('actual_length')})"


def _too_long(ctx: Mapping[str, Any]) -> str:
    return f"chỉ được tối đa {ctx.get('max_length')} phần tử (đang có {ctx.get('actual_length')})"


def _string_too_short(ctx: Mapping[str, Any]) -> str:
    if ctx.get("min_length") == 1:
        return "không được để trống"
    return f"cần ít nhất {ctx.get('min_length')} ký tự"


def _number(bound: Any) -> Any:
    """A bound as written in the schema: `gt=0` on a float field is 0, not 0.0."""
    return int(bound) if isinstance(bound, float) and bound.is_integer() else bound


def _fixed(text: str) -> _Render:
    return lambda ctx: text


# Each problem type with its sentence; those whose input helps the reader also show it.
_TEXTS: dict[str, _Render] = {
    "missing": _fixed("thiếu trường bắt buộc"),
    "missing_argument": _fixed("thiếu trường bắt buộc"),
    "missing_keyword_only_argument": _fixed("thiếu trường bắt buộc"),
    "missing_positional_only_argument": _fixed("thiếu trường bắt buộc"),
    "extra_forbidden": _fixed(UNKNOWN_FIELD),
    # The crawlers' plain dataclasses (Source and what it holds) report an unknown key so.
    "unexpected_keyword_argument": _fixed(UNKNOWN_FIELD),
    "int_type": _fixed("phải là số nguyên"),
    "int_parsing": _fixed("phải là số nguyên"),
    "int_parsing_size": _fixed("số nguyên quá lớn"),
    "int_from_float": _fixed("phải là số nguyên, không có phần thập phân"),
    "float_type": _fixed("phải là số"),
    "float_parsing": _fixed("phải là số (dấu thập phân là dấu chấm)"),
    "decimal_type": _fixed("phải là số"),
    "decimal_parsing": _fixed("phải là số (dấu thập phân là dấu chấm)"),
    "finite_number": _fixed("phải là số hữu hạn"),
    "bool_type": _fixed("phải là true hoặc false"),
    "bool_parsing": _fixed("phải là true hoặc false"),
    "string_type": _fixed("phải là chuỗi văn bản (đặt trong dấu ngoặc kép)"),
    "string_unicode": _fixed("phải là chuỗi Unicode hợp lệ"),
    "string_not_ascii": _fixed("chỉ được dùng ký tự ASCII"),
    "greater_than": lambda ctx: f"phải lớn hơn {_number(ctx.get('gt'))}",
    "greater_than_equal": lambda ctx: f"phải từ {_number(ctx.get('ge'))} trở lên",
    "less_than": lambda ctx: f"phải nhỏ hơn {_number(ctx.get('lt'))}",
    "less_than_equal": lambda ctx: f"phải không lớn hơn {_number(ctx.get('le'))}",
    "multiple_of": lambda ctx: f"phải là bội số của {_number(ctx.get('multiple_of'))}",
    "too_short": _too_short,
    "too_long": _too_long,
    "string_too_short": _string_too_short,
    "string_too_long": lambda ctx: f"chỉ được tối đa {ctx.get('max_length')} ký tự",
    "string_pattern_mismatch": lambda ctx: f"sai định dạng (mẫu yêu cầu: {ctx.get('pattern')})",
    "literal_error": _one_of,
    "enum": _one_of,
    "url_type": _fixed(_URL),
    "url_parsing": _fixed(_URL),
    "url_syntax_violation": _fixed(_URL),
    "url_too_long": lambda ctx: f"địa chỉ URL dài quá {ctx.get('max_length')} ký tự",
    "url_scheme": lambda ctx: f"địa chỉ URL phải bắt đầu bằng {ctx.get('expected_schemes')}",
    "date_type": _fixed(_DATE),
    "date_parsing": _fixed(_DATE),
    "date_from_datetime_parsing": _fixed(_DATE),
    "date_from_datetime_inexact": _fixed("phải là ngày, không kèm giờ"),
    "date_past": _fixed("phải là một ngày trong quá khứ"),
    "date_future": _fixed("phải là một ngày trong tương lai"),
    "datetime_type": _fixed(_DATETIME),
    "datetime_parsing": _fixed(_DATETIME),
    "datetime_from_date_parsing": _fixed(_DATETIME),
    "datetime_object_invalid": _fixed(_DATETIME),
    "datetime_past": _fixed("phải là thời điểm trong quá khứ"),
    "datetime_future": _fixed("phải là thời điểm trong tương lai"),
    "timezone_naive": _fixed("không được kèm múi giờ"),
    "timezone_aware": _fixed("phải kèm múi giờ, ví dụ +07:00"),
    "time_type": _fixed("phải là giờ dạng HH:MM"),
    "time_parsing": _fixed("phải là giờ dạng HH:MM"),
    "time_delta_type": _fixed("phải là một khoảng thời gian"),
    "time_delta_parsing": _fixed("phải là một khoảng thời gian"),
    "list_type": _fixed(_LIST),
    "tuple_type": _fixed(_LIST),
    "set_type": _fixed(_LIST),
    "frozen_set_type": _fixed(_LIST),
    "iterable_type": _fixed(_LIST),
    "set_item_not_hashable": _fixed("phần tử của danh sách phải là giá trị đơn, không phải bảng"),
    "dict_type": _fixed(_MAPPING),
    "mapping_type": _fixed(_MAPPING),
    "model_type": _fixed(_MAPPING),
    "model_attributes_type": _fixed(_MAPPING),
    "dataclass_type": _fixed(_MAPPING),
    "dataclass_args_type": _fixed(_MAPPING),
    "arguments_type": _fixed(_MAPPING),
    "invalid_key": _fixed("tên khóa phải là chuỗi văn bản"),
    "none_required": _fixed("phải để trống"),
    "json_invalid": _fixed("không phải JSON hợp lệ"),
    "json_type": _fixed("phải là chuỗi JSON"),
    "uuid_type": _fixed("phải là mã UUID"),
    "uuid_parsing": _fixed("phải là mã UUID"),
    "bytes_type": _fixed("phải là chuỗi byte"),
    "union_tag_invalid": lambda ctx: (
        f"giá trị {ctx.get('tag')!r} của {ctx.get('discriminator')} không hợp lệ; "
        f"chọn một trong: {ctx.get('expected_tags')}"
    ),
    "union_tag_not_found": lambda ctx: f"thiếu trường phân loại {ctx.get('discriminator')}",
}
# Problems where the offending value helps: "phải là số nguyên; nhận được 'abc'".
_SHOWS_INPUT = frozenset(_TEXTS) - {
    "too_short",
    "too_long",
    "string_too_short",
    "missing",
    "missing_argument",
    "missing_keyword_only_argument",
    "missing_positional_only_argument",
    "extra_forbidden",
    "unexpected_keyword_argument",
    "union_tag_not_found",
}
_OWN_MESSAGE = frozenset({"value_error", "assertion_error"})


def field_path(loc: Iterable[int | str]) -> str:
    """("sources", 3, "id") as `sources[3].id`."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def problem_text(problem: ErrorDetails, *, show_input: bool = True) -> str:
    """What is wrong with one field, in Vietnamese, without the field itself; `show_input=False`
    where any field may hold a secret (a web form's password)."""
    kind, ctx = problem["type"], problem.get("ctx") or {}
    if kind in _OWN_MESSAGE:
        # Our validators' text; pydantic prefixes it with "Value error, " / "Assertion failed, ".
        return str(ctx.get("error") or problem["msg"]).strip()
    render = _TEXTS.get(kind)
    if render is None:
        return f"giá trị không hợp lệ (mã lỗi: {kind})"
    text = render(ctx)
    if show_input and kind in _SHOWS_INPUT and not _is_secret(problem["loc"]):
        text += f"; nhận được {_shown(problem['input'])}"
    return text


def problem_line(problem: ErrorDetails) -> str:
    """`field.path: what is wrong`, or just what is wrong when the whole document is."""
    field = field_path(problem["loc"])
    return f"{field}: {problem_text(problem)}" if field else problem_text(problem)


def problem_lines(err: ValidationError, where: str) -> list[str]:
    """One line per problem, each starting with `where` (usually the file)."""
    return [f"{where}: {problem_line(problem)}" for problem in err.errors(include_url=False)]


def _is_secret(loc: Iterable[int | str]) -> bool:
    return any(
        not _SECRET_WORDS.isdisjoint(part.lower().split("_"))
        for part in loc
        if isinstance(part, str)
    )


def _shown(value: Any) -> str:
    """A short, single-line rendering of an input: a scalar's repr, otherwise its kind."""
    if isinstance(value, dict):
        return "một bảng các trường"
    if isinstance(value, list | tuple | set | frozenset):
        return "một danh sách"
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):  # as YAML, TOML and JSON write it
        return "true" if value else "false"
    text = repr(value) if isinstance(value, str | int | float | bool) else type(value).__name__
    return text if len(text) <= _INPUT_CHARS else text[: _INPUT_CHARS - 1] + "…"
