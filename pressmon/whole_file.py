"""A file written whole or not at all: `index export` into a temporary file beside the target,
renamed onto it only when every line is written.

Opening the target for writing first truncated it: an export that failed or was interrupted
left half a file, and one aimed at the archive itself emptied the archive before reading it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from pressmon.errors import PressmonError
from vntext.syntax_text import read_problem


@contextmanager
def written_whole(path: Path) -> Iterator[TextIO]:
    """A text handle whose contents become `path` when the block ends without an error; on any
    error (or Ctrl-C) `path` keeps what it held, and the temporary file is removed.

    Raises:
        PressmonError: the file cannot be written (a missing folder, no permission, a full disk).
    """
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as err:
        raise _unwritable(path, err) from err
    partial = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            yield out
        partial.replace(path)
    except OSError as err:
        raise _unwritable(path, err) from err
    finally:
        partial.unlink(missing_ok=True)


def _unwritable(path: Path, err: OSError) -> PressmonError:
    return PressmonError(
        f"không ghi được {path}: {read_problem(err)}",
        hint="chọn một thư mục có sẵn và ghi được, ví dụ exports/ trong thư mục dữ liệu",
    )
