"""One JSON-lines record as people's tools write it.

Windows editors and spreadsheet "UTF-8" exports start a file with a byte-order mark (U+FEFF),
and `cat` of two such files puts the second one's mid-stream; `json.loads` refuses it (in
English). The mark is not text: every JSON-lines reader drops it before the record.
"""

from __future__ import annotations

import json
from typing import Any

BYTE_ORDER_MARK = "\ufeff"


def loads_record(line: str) -> Any:
    """The JSON value on `line`, a byte-order mark before it dropped.

    >>> loads_record('\\ufeff{"text": "BHXH"}')
    {'text': 'BHXH'}

    Raises:
        json.JSONDecodeError: the rest of the line is not JSON.
    """
    return json.loads(line.removeprefix(BYTE_ORDER_MARK))
