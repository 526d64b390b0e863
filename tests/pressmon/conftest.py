"""Fixtures shared by the pressmon tests."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from classifier.examples import load_shipped
from classifier.model import save
from classifier.training import train
from index.sqlite_backend import SQLiteArchive
from index.types import Document


@pytest.fixture(scope="session")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small flagger model on disk, for commands that load one (`PRESSMON_MODEL`)."""
    path = tmp_path_factory.mktemp("model") / "flagger.skops"
    save(train(load_shipped()[::5]), path)  # a fifth of the examples: every register, fast
    return path


@pytest.fixture
def one_article_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[datetime], Path]:
    """An archive holding one sector article published at the given time, for the counting
    commands; PRESSMON_* variables of the shell running the tests are cleared."""
    for key in [k for k in os.environ if k.startswith("PRESSMON_")]:
        monkeypatch.delenv(key)

    def make(published: datetime) -> Path:
        path = tmp_path / "archive.db"
        with SQLiteArchive(path) as store:
            store.upsert(
                [
                    Document(
                        id="doc1",
                        url="https://baohiemxahoi.gov.vn/tintuc/a.aspx",
                        canonical_url="https://baohiemxahoi.gov.vn/tintuc/a.aspx",
                        outlet="baohiemxahoi",
                        outlet_name="Cổng thông tin điện tử BHXH Việt Nam",
                        kind="sector",
                        title="BHXH Việt Nam chi trả lương hưu đúng hạn",
                        body="Bảo hiểm xã hội Việt Nam chi trả lương hưu đúng hạn.",
                        published_at=published,
                        crawled_at=published,
                    )
                ]
            )
        return path

    return make
