"""The classifier's YAML files read into pydantic models; errors name the file, field and problem.

pressmon.settings reads its own files the same way, with the same messages: one line per
problem, `file: field[3].path: what is wrong`.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from classifier.errors import ClassifierError
from vntext.syntax_text import read_problem, syntax_problem
from vntext.unique_yaml import safe_load_unique
from vntext.validation_text import problem_lines

Model = TypeVar("Model", bound=BaseModel)


class FileModel(BaseModel):
    """Base of the file schemas: typos are errors, numbers are accepted where text is expected."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


def load_yaml(path: Path, model: type[Model], error: type[ClassifierError]) -> Model:
    """`path` parsed and validated into `model`; any problem raises `error`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise error(f"{path}: không tìm thấy tệp") from err
    except (OSError, UnicodeDecodeError) as err:
        raise error(f"{path}: không đọc được: {read_problem(err)}") from err
    try:
        data = safe_load_unique(text)
    except yaml.YAMLError as err:
        raise error(f"{path}: không phải YAML hợp lệ: {syntax_problem(err)}") from err
    return validated({} if data is None else data, model, error, str(path))


def validated(data: Any, model: type[Model], error: type[ClassifierError], where: str) -> Model:
    """`data` (strings NFC-normalised) as `model`; `where` starts every line of the error."""
    try:
        return model.model_validate(_nfc(data))
    except ValidationError as err:
        raise error("\n".join(problem_lines(err, where))) from err


def _nfc(data: Any) -> Any:
    if isinstance(data, str):
        return unicodedata.normalize("NFC", data)
    if isinstance(data, list):
        return [_nfc(item) for item in data]
    if isinstance(data, dict):
        return {_nfc(key): _nfc(value) for key, value in data.items()}
    return data
