"""Why a YAML, TOML or JSON text cannot be read or parsed, in Vietnamese: `dòng L, cột C: what`.

PyYAML, tomllib, json and the OS word their errors in English; the common ones are translated by the
tables below. Any other keeps its original text in parentheses after a Vietnamese sentence, so
a new library wording still reads as an error with its position.
"""

from __future__ import annotations

import ast
import errno
import json
import re
import tomllib

import yaml

_UNKNOWN = "cú pháp không hợp lệ"

# (pattern of the library's text, Vietnamese); `{0}` stands for the pattern's group, if any.
_YAML: tuple[tuple[str, str], ...] = (
    (
        r"mapping values are not allowed here",
        "dấu ':' không hợp lệ ở đây (thụt lề sai, thiếu dấu cách sau ':', "
        "hoặc giá trị có ':' cần đặt trong ngoặc kép)",
    ),
    (r"could not find expected ':'", "thiếu dấu ':' sau tên khóa"),
    (
        r"found character '\\t' that cannot start any token",
        "có ký tự tab: hãy thụt lề bằng dấu cách",
    ),
    (r"found character (.+) that cannot start any token", "ký tự {0} không thể mở đầu một giá trị"),
    (r"expected <block end>, but found .*", "thụt lề không khớp với các dòng phía trên"),
    (r"did not find expected key", "thụt lề không khớp: không tìm thấy tên khóa mong đợi"),
    (r"did not find expected '-' indicator", "thụt lề không khớp trong danh sách '-'"),
    (r"sequence entries are not allowed here", "mục '-' của danh sách không hợp lệ ở đây"),
    (r"found unexpected end of stream", "tệp kết thúc khi chuỗi hoặc ngoặc còn chưa đóng"),
    (r"expected ',' or '\]', but got .*", "danh sách [...] thiếu ',' hoặc ']'"),
    (r"expected ',' or '\}', but got .*", "bảng {...} thiếu ',' hoặc '}'"),
    (r"found unknown escape character (.+)", "ký tự thoát {0} không hợp lệ trong chuỗi"),
    (r"found undefined alias (.+)", "bí danh {0} chưa được định nghĩa"),
    (r"found duplicate key (.+)", "khóa {0} được ghi hai lần trong cùng một mục"),
    (r"expected the node content, but found .*", "thiếu giá trị"),
    (r"expected a comment or a line break, but found .*", "thừa ký tự ở cuối dòng"),
    (r"invalid indentation or unclosed '\[' or '\{'", "thụt lề sai, hoặc '[' hay '{' chưa đóng"),
    (r"found unexpected document separator", "dấu phân cách tài liệu '---' không hợp lệ ở đây"),
    (r"but found another document", "tệp chỉ được chứa một tài liệu (bỏ dòng '---')"),
)
_TOML: tuple[tuple[str, str], ...] = (
    (r"Cannot declare (.+) twice", "bảng [{0}] được khai báo hai lần"),
    (r"Cannot overwrite a value", "khóa đã có giá trị ở trên (khai báo hai lần)"),
    (r"Cannot (?:mutate immutable|redefine) namespace (.+)", "không thể khai báo lại {0}"),
    (r"Duplicate inline table key (.+)", "khóa {0} lặp lại trong bảng {...}"),
    (r"Expected '=' after a key in a key/value pair", "thiếu dấu '=' sau tên khóa"),
    (
        r"Expected newline or end of document after a statement",
        "thừa ký tự sau giá trị (mỗi dòng một khóa = giá trị)",
    ),
    (r"Expected '\]' at the end of a table declaration", "thiếu ']' cuối tên bảng"),
    (r"Expected '\]\]' at the end of an array declaration", "thiếu ']]' cuối tên bảng"),
    (r"Invalid statement", "dòng không phải khóa = giá trị hay [bảng]"),
    (
        r"Invalid value",
        "giá trị không hợp lệ (chuỗi cần đặt trong ngoặc kép; true/false viết thường)",
    ),
    (r"Invalid initial character for a key part", "tên khóa bắt đầu bằng ký tự không hợp lệ"),
    (r"Unterminated string", "chuỗi chưa đóng ngoặc kép"),
    (r"Unclosed array", "danh sách [...] chưa đóng"),
    (r"Unclosed inline table", "bảng {...} chưa đóng"),
    (r"Unescaped '\\' in a string", "dấu '\\' trong chuỗi phải viết là '\\\\'"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value", "mã \\u không hợp lệ"),
    (r"Illegal character '\\n'", "chuỗi chưa đóng ngoặc kép trước khi hết dòng"),
    (r"Illegal character (.+)", "ký tự {0} không được phép ở đây"),
    (r"Found invalid character (.+)", "ký tự {0} không hợp lệ"),
    (r"Invalid date or datetime", "ngày giờ không hợp lệ"),
    (r"Expected (.+)", "thiếu {0}"),
)
_JSON: tuple[tuple[str, str], ...] = (
    (r"Expecting value", "thiếu giá trị, hoặc không phải JSON"),
    (r"Expecting property name enclosed in double quotes", "tên trường phải đặt trong ngoặc kép"),
    (r"Expecting ':' delimiter", "thiếu dấu ':' sau tên trường"),
    (r"Expecting ',' delimiter", "thiếu dấu ',' giữa hai phần tử"),
    (r"Unterminated string starting at", "chuỗi chưa đóng ngoặc kép"),
    (r"Invalid control character at", "ký tự xuống dòng hay tab trong chuỗi phải viết \\n, \\t"),
    (r"Invalid \\(?:uXXXX )?escape", "ký tự thoát '\\' không hợp lệ trong chuỗi"),
    (r"Extra data", "thừa dữ liệu sau giá trị JSON (mỗi dòng một đối tượng)"),
    (r"Illegal trailing comma before end of (?:object|array)", "thừa dấu ',' ở cuối"),
    (r"Nesting too deep", "'[' hoặc '{' lồng nhau quá nhiều tầng"),
    (r"Number too long", "số có quá nhiều chữ số"),
)
_OS: dict[int, str] = {
    errno.ENOENT: "không tìm thấy tệp",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không có quyền truy cập",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EEXIST: "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
    errno.ELOOP: "đường dẫn có liên kết vòng",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    errno.EIO: "lỗi đọc đĩa",
}
_TOML_WHERE = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)", re.DOTALL)


def syntax_problem(err: tomllib.TOMLDecodeError | yaml.YAMLError | json.JSONDecodeError) -> str:
    """Where the parser stopped and why, e.g. `dòng 60, cột 5: bảng [web] được khai báo hai lần`.

    A one-line JSON text (a JSON-lines record) gives only its column: the caller names the line.
    """
    if isinstance(err, yaml.YAMLError):
        return _yaml_problem(err)
    if isinstance(err, json.JSONDecodeError):
        where = f"dòng {err.lineno}, cột {err.colno}" if err.lineno > 1 else f"cột {err.colno}"
        return f"{where}: {_translated(err.msg, _JSON)}"
    message = " ".join(str(err).split())
    found = _TOML_WHERE.fullmatch(message)
    if found is None:
        return _translated(message, _TOML)
    problem, line, column = found.groups()
    where = f"dòng {line}, cột {column}" if line else "cuối tệp"
    return f"{where}: {_translated(problem, _TOML)}"


def read_problem(err: OSError | UnicodeDecodeError) -> str:
    """Why a file could not be read as text (or its folder made), e.g. `không có quyền truy cập`."""
    if isinstance(err, UnicodeDecodeError):
        return f"không phải văn bản UTF-8 (byte lỗi ở vị trí {err.start})"
    if err.errno in _OS:
        return _OS[err.errno]
    code = errno.errorcode.get(err.errno or 0) or type(err).__name__
    return f"lỗi hệ thống ({code})"


def _yaml_problem(err: yaml.YAMLError) -> str:
    if isinstance(err, yaml.reader.ReaderError):
        code = err.character if isinstance(err.character, int) else ord(err.character)
        return f"ký tự điều khiển U+{code:04X} không được phép, ở ký tự thứ {err.position + 1}"
    if not isinstance(err, yaml.MarkedYAMLError) or err.problem_mark is None:
        return f"{_UNKNOWN} ({' '.join(str(err).split())})"
    mark = err.problem_mark
    text = f"dòng {mark.line + 1}, cột {mark.column + 1}: {_translated(err.problem or '', _YAML)}"
    start = err.context_mark
    if start is not None and start.line != mark.line:
        # e.g. an unclosed quote: the problem shows at the end, its cause where it began.
        text += f" (đoạn liên quan bắt đầu ở dòng {start.line + 1}, cột {start.column + 1})"
    return text


def _translated(problem: str, table: tuple[tuple[str, str], ...]) -> str:
    for pattern, vietnamese in table:
        found = re.fullmatch(pattern, problem)
        if found:
            return vietnamese.replace("{0}", _key(found[1]) if found.groups() else "")
    return f"{_UNKNOWN} ({problem})"


def _key(text: str) -> str:
    """tomllib names a table as a tuple, ('web', 'x'): shown as the header is written, web.x."""
    try:
        parts = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    return ".".join(map(str, parts)) if isinstance(parts, tuple) else text
