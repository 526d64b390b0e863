"""One JSON-lines record as people's tools write it, and every way it can fail as one error.

Windows editors and spreadsheet "UTF-8" exports start a file with a byte-order mark (U+FEFF),
and `cat` of two such files puts the second one's mid-stream; `json.loads` refuses it (in
English). The mark is not text: every JSON-lines reader drops it before the record.

`json.loads` fails in three ways: JSONDecodeError for bad syntax, but RecursionError for
`[[[[…` nested past Python's stack and ValueError for an integer of more than 4,300 digits.
Readers catch JSONDecodeError per line, so the other two would end a whole ingest with a
traceback; here they become JSONDecodeErrors too (worded for `syntax_text`).
"""

from __future__ import annotations

import json
from typing import Any

BYTE_ORDER_MARK = "\ufeff"
TOO_DEEP = "Nesting too deep"  # json's own wording style; `syntax_text` translates both
TOO_LONG_NUMBER = "Number too long"


def loads_record(line: str) -> Any:
    """The JSON value on `line`, a byte-order mark before it and its line end after it dropped
    (so an error's position is a column of the record, never "line 2").

    >>> loads_record('\\ufeff{"text": "BHXH"}')
    {'text': 'BHXH'}

    Raises:
        json.JSONDecodeError: the rest of the line is not JSON, or nests or counts past what
            Python reads.
    """
    text = line.removeprefix(BYTE_ORDER_MARK).rstrip("\r\n")
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError as err:
        raise json.JSONDecodeError(TOO_DEEP, text, 0) from err
    except ValueError as err:  # int(): "Exceeds the limit (4300 digits)"
        raise json.JSONDecodeError(TOO_LONG_NUMBER, text, 0) from err
