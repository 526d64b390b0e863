"""skops persistence: a fixed trusted list, and clear refusals for anything else."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
import skops.io as sio
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from classifier.errors import ModelNotFoundError, ModelSaveError, UntrustedModelError
from classifier.model import TRUSTED, TrainedModel, load, model_version, save


def test_untrusted_types_are_exactly_the_trusted_list(
    tiny_model: TrainedModel, tmp_path: Path
) -> None:
    path = tmp_path / "m.skops"
    save(tiny_model, path)
    assert sio.get_untrusted_types(file=path) == TRUSTED


def test_round_trip_gives_identical_predictions(tiny_model: TrainedModel, tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    save(tiny_model, path)
    loaded = load(path)
    texts = ["Nhận ngay tiền hỗ trợ, bấm link bhxh-vn.top", "BHXH tỉnh chi trả lương hưu đúng hạn"]
    assert loaded.risk(texts) == tiny_model.risk(texts)
    assert loaded.data_version == tiny_model.data_version
    assert model_version(path, loaded.data_version).endswith("+" + loaded.data_version[:8])


def test_missing_file_raises_model_not_found(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="Không có tệp mô hình"):
        load(tmp_path / "absent.skops")


def test_non_zip_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    path.write_bytes(b"\x80\x04cos\nsystem\n(S'echo pwned'\ntR.")  # a pickle, never unpickled
    with pytest.raises(UntrustedModelError, match="không phải tệp skops"):
        load(path)


def test_truncated_file_is_refused(tiny_model: TrainedModel, tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    save(tiny_model, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UntrustedModelError):
        load(path)


def test_corrupt_zip_member_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("schema.json", "{not json")
    with pytest.raises(UntrustedModelError, match="hỏng hoặc bị cắt cụt"):
        load(path)


def test_damaged_member_is_refused_in_vietnamese_only(
    tiny_model: TrainedModel, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Flipped bytes inside the zip (a bad disk, a partial copy): what zipfile says ("Bad CRC-32")
    goes to the log, never into the message a person reads."""
    path = tmp_path / "m.skops"
    save(tiny_model, path)
    with zipfile.ZipFile(path) as zf:
        member = zf.getinfo(zf.namelist()[0])
    data = bytearray(path.read_bytes())
    start = member.header_offset + 30 + len(member.filename) + len(member.extra)
    data[start : start + 16] = bytes(b ^ 0xFF for b in data[start : start + 16])
    path.write_bytes(bytes(data))
    caplog.set_level("INFO", logger="classifier.model")
    with pytest.raises(UntrustedModelError) as caught:
        load(path)
    assert str(caught.value) == (
        f"Tệp mô hình {str(path)!r} hỏng hoặc bị cắt cụt; huấn luyện lại bằng `pressmon train`."
    )
    assert type(caught.value.__cause__).__name__ in caplog.text


def test_file_with_other_untrusted_types_is_refused_without_running_code(tmp_path: Path) -> None:
    hostile = Pipeline([("v", TfidfVectorizer(tokenizer=os.path.basename))])
    path = tmp_path / "m.skops"
    sio.dump({"format": 1, "pipeline": hostile, "data_version": "x"}, path)
    with pytest.raises(UntrustedModelError, match="không tin cậy"):
        load(path)


def test_wrong_layout_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "m.skops"
    sio.dump({"format": 2, "pipeline": [1, 2], "data_version": "x"}, path)
    with pytest.raises(UntrustedModelError, match="flagging pipeline"):
        load(path)


def test_a_model_that_cannot_be_written_is_said_in_vietnamese(
    tiny_model: TrainedModel, tmp_path: Path
) -> None:
    """A data folder where no folder can be made (read-only, a file in the way) stopped
    `pressmon train` with FileNotFoundError's traceback."""
    (tmp_path / "model").write_text("a file where the folder goes", encoding="utf-8")
    path = tmp_path / "model" / "flagger.skops"
    with pytest.raises(ModelSaveError) as caught:
        save(tiny_model, path)
    assert str(caught.value) == (
        f"không ghi được tệp mô hình {str(path)!r}: đã có một tệp trùng tên ở chỗ cần tạo thư mục"
    )


def test_a_model_that_cannot_replace_the_old_one_leaves_it(
    tiny_model: TrainedModel, tmp_path: Path
) -> None:
    path = tmp_path / "flagger.skops"
    path.mkdir()  # the name taken: the write fails at the last step
    with pytest.raises(ModelSaveError, match="không ghi được tệp mô hình"):
        save(tiny_model, path)
    assert path.is_dir() and [p.name for p in tmp_path.iterdir()] == ["flagger.skops"]
