"""YAML, TOML and JSON syntax errors in Vietnamese, with their line and column."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
import yaml

from vntext.syntax_text import read_problem, syntax_problem

TOML = [
    ("[web]\nport = 1\n[web]\n", "dòng 3, cột 5: bảng [web] được khai báo hai lần"),
    ("[a.b]\n[a.b]\n", "dòng 2, cột 5: bảng [a.b] được khai báo hai lần"),
    ("port = 1\nport = 2\n", "dòng 2, cột 9: khóa đã có giá trị ở trên"),
    ("host = localhost\n", "dòng 1, cột 8: giá trị không hợp lệ (chuỗi cần đặt trong ngoặc kép"),
    ('host = "x\n', "dòng 1, cột 10: chuỗi chưa đóng ngoặc kép trước khi hết dòng"),
    ("port 8000\n", "dòng 1, cột 6: thiếu dấu '=' sau tên khóa"),
    ("a = [1, 2\n", "cuối tệp: danh sách [...] chưa đóng"),
    ("a = 1 2\n", "dòng 1, cột 7: thừa ký tự sau giá trị"),
    ("[web\n", "dòng 1, cột 5: thiếu ']' cuối tên bảng"),
    ("a = {b = 1, b = 2}\n", "dòng 1, cột 18: khóa 'b' lặp lại trong bảng {...}"),
    ('a = "C:\\q"\n', "dòng 1, cột 10: dấu '\\' trong chuỗi phải viết là '\\\\'"),
    ("a = 2025-02-30\n", "dòng 1, cột 5: ngày giờ không hợp lệ"),
]
YAML = [
    ("a: b: c\n", "dòng 1, cột 5: dấu ':' không hợp lệ ở đây"),
    ("a:\n  b: 1\n c: 2\n", "dòng 3, cột 2: thụt lề không khớp với các dòng phía trên"),
    (
        'a: "x\nb: 1\n',
        "tệp kết thúc khi chuỗi hoặc ngoặc còn chưa đóng (đoạn liên quan bắt đầu ở dòng 1",
    ),
    ("\ta: 1\n", "dòng 1, cột 1: có ký tự tab: hãy thụt lề bằng dấu cách"),
    ("a: [1, 2\n", "danh sách [...] thiếu ',' hoặc ']'"),
    ("a: {b: 1\n", "bảng {...} thiếu ',' hoặc '}'"),
    ("a: *x\n", "dòng 1, cột 4: bí danh 'x' chưa được định nghĩa"),
    ("a: 1\n---\nb: 2\n", "dòng 2, cột 1: tệp chỉ được chứa một tài liệu"),
    ("a: \x07\n", "ký tự điều khiển U+0007 không được phép, ở ký tự thứ 4"),
    ("key\nother: 1\n", "dòng 2, cột 6: dấu ':' không hợp lệ ở đây"),
]

JSON = [
    ("{not json", "cột 2: tên trường phải đặt trong ngoặc kép"),
    ('{"a" 1}', "cột 6: thiếu dấu ':' sau tên trường"),
    ('{"a": 1 "b": 2}', "cột 9: thiếu dấu ',' giữa hai phần tử"),
    ('{"a": "x', "cột 7: chuỗi chưa đóng ngoặc kép"),
    ("{} {}", "cột 4: thừa dữ liệu sau giá trị JSON (mỗi dòng một đối tượng)"),
    ("", "cột 1: thiếu giá trị, hoặc không phải JSON"),
    ('{"a": "\\q"}', "cột 8: ký tự thoát '\\' không hợp lệ trong chuỗi"),
    ('{\n"a" 1}', "dòng 2, cột 5: thiếu dấu ':' sau tên trường"),
]


@pytest.mark.parametrize(("text", "expected"), TOML)
def test_toml_errors_read_in_vietnamese(text: str, expected: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    assert syntax_problem(caught.value).startswith(expected), syntax_problem(caught.value)


@pytest.mark.parametrize(("text", "expected"), YAML)
def test_yaml_errors_read_in_vietnamese(text: str, expected: str) -> None:
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.safe_load(text)
    assert expected in syntax_problem(caught.value), syntax_problem(caught.value)


@pytest.mark.parametrize(("text", "expected"), JSON)
def test_json_errors_read_in_vietnamese(text: str, expected: str) -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        json.loads(text)
    assert syntax_problem(caught.value) == expected


def test_an_untranslated_message_keeps_its_text_after_a_vietnamese_sentence() -> None:
    problem = syntax_problem(tomllib.TOMLDecodeError("Something new (at line 2, column 3)"))
    assert problem == "dòng 2, cột 3: cú pháp không hợp lệ (Something new)"


def test_read_problems(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as folder:
        tmp_path.read_text(encoding="utf-8")
    assert read_problem(folder.value) == "đây là một thư mục, không phải tệp"
    (tmp_path / "latin1.yaml").write_bytes(b"a: \xe9\n")
    with pytest.raises(UnicodeDecodeError) as binary:
        (tmp_path / "latin1.yaml").read_text(encoding="utf-8")
    assert read_problem(binary.value) == "không phải văn bản UTF-8 (byte lỗi ở vị trí 3)"
