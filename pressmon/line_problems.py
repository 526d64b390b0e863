"""Why one JSON input line was refused, as `ingest` and `classify` report it: the field and
what is wrong with it, in Vietnamese. Light on purpose: `classify` is loaded at every start."""

from __future__ import annotations

import json

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from vntext.syntax_text import syntax_problem
from vntext.validation_text import field_path, problem_text


def line_problem(err: Exception) -> str:
    """A JSON syntax error, a pydantic error or our own rejection (its message) in words."""
    if isinstance(err, ValidationError):
        return "; ".join(_field_problem(e) for e in err.errors(include_url=False))
    if isinstance(err, json.JSONDecodeError):
        return f"không phải JSON hợp lệ ({syntax_problem(err)})"
    return str(err)[:300]


def _field_problem(error: ErrorDetails) -> str:
    field = field_path(error["loc"])
    if error["type"] == "missing":
        return f"thiếu trường '{field}'"
    if not field:  # the line is valid JSON, but a list, a string or a number
        return "dòng phải là một đối tượng JSON {...}"
    return f"trường '{field}': {problem_text(error)}"
