"""`pressmon classify` with a lone surrogate (JSON "\\ud800") in a line's url or outlet: that line
is an `error`, the others scored; it used to end the whole command in UnicodeEncodeError's
traceback when the line's output echoed the value."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from pressmon.cli.model_cmds import input_error, parse_classify_line
from pressmon.outlets import OutletResolver


@pytest.mark.parametrize("field", ["url", "outlet"])
def test_a_lone_surrogate_in_url_or_outlet_is_that_lines_error(field: str) -> None:
    line = json.dumps({"text": "BHXH hỗ trợ", field: "https://a.vn/\ud800"})
    with pytest.raises(ValidationError) as refused:
        parse_classify_line(line, OutletResolver(()))
    assert input_error(refused.value).startswith(
        f"trường '{field}': có ký tự không hợp lệ (nửa cặp UTF-16, như \\ud800 trong JSON)"
    )
