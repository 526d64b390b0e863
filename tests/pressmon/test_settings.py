"""Settings and config files: valid shipped files, precise errors for broken ones, env overrides."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from crawlers.extract.profile import DEFAULT_PROFILE, ExtractionProfile
from pressmon.errors import ConfigError
from pressmon.settings import (
    DEFAULT_CONFIG_DIR,
    load_settings,
    load_sources,
    load_synonyms,
    load_targets,
)


def test_shipped_configuration_loads() -> None:
    settings = load_settings(DEFAULT_CONFIG_DIR, environ={})
    assert settings.timezone == "Asia/Ho_Chi_Minh"
    assert settings.archive.backend == "sqlite"
    assert load_targets(settings.targets_file).targets
    assert load_sources(settings.sources_file).enabled()


def test_environment_overrides_file(tmp_path: Path) -> None:
    environ = {
        "PRESSMON_ARCHIVE": str(tmp_path / "a.db"),
        "PRESSMON_CLASSIFIER__REVIEW_THRESHOLD": "0.6",
        "PRESSMON_ELASTICSEARCH_URL": "http://user:secret@127.0.0.1:9200",
    }
    settings = load_settings(DEFAULT_CONFIG_DIR, environ=environ)
    assert settings.archive.path == tmp_path / "a.db"
    assert settings.classifier.review_threshold == 0.6
    assert settings.archive.elasticsearch_url == "http://user:secret@127.0.0.1:9200"


@pytest.mark.parametrize(
    "variables",
    [
        ("PRESSMON_WEB__PORT", "PRESSMON_WEB"),  # the field first: set the section over it
        ("PRESSMON_WEB", "PRESSMON_WEB__PORT"),  # the section first: was a TypeError traceback
        ("PRESSMON_WEB", "PRESSMON_SESSION_SECRET"),  # a shortcut into the section
    ],
)
def test_a_variable_for_a_section_beside_one_for_its_field_names_both(
    variables: tuple[str, str],
) -> None:
    environ = dict.fromkeys(variables, "8080")
    with pytest.raises(ConfigError) as caught:
        load_settings(DEFAULT_CONFIG_DIR, environ=environ)
    assert str(caught.value).startswith("biến môi trường "), caught.value
    assert all(name in str(caught.value) for name in variables), caught.value
    assert all(f"unset {name}" in caught.value.hint for name in variables), caught.value.hint


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("PRESSMON_ARCHIVE__BUSY_TIMEOUT", "abc", "archive.busy_timeout: phải là số"),
        ("PRESSMON_WEBB__PORT", "80", "webb: trường không có"),
        ("PRESSMON_WEB", "80", "web: phải là một bảng các trường"),
    ],
)
def test_a_bad_variable_is_named_instead_of_settings_toml(
    variable: str, value: str, said: str
) -> None:
    """settings.toml holds `busy_timeout = 30`: blaming it sent the operator to the wrong file."""
    with pytest.raises(ConfigError) as caught:
        load_settings(DEFAULT_CONFIG_DIR, environ={variable: value})
    assert str(caught.value).startswith(f"biến môi trường {variable}: {said}"), caught.value
    assert "settings.toml:" not in str(caught.value)


def test_a_bad_value_in_the_file_still_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "settings.toml").write_text("[web]\nport = 'tám'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings\.toml: web\.port: "):
        load_settings(folder, environ={"PRESSMON_WEB__HOST": "127.0.0.1"})


def test_the_shared_data_folder_of_benchmarks_and_tests_is_not_a_setting() -> None:
    # Set to run the real-page benchmarks and tests from a worktree; pressmon ignores it.
    settings = load_settings(DEFAULT_CONFIG_DIR, environ={"PRESSMON_SHARED_DIR": "/srv/shared"})
    assert settings == load_settings(DEFAULT_CONFIG_DIR, environ={})


def _config_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "config"
    shutil.copytree(DEFAULT_CONFIG_DIR, folder)
    return folder


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        (
            "sources.yaml",
            "- id: Bad Id\n  name: x\n  kind: national\n  domain: x.vn\n",
            ["sources.yaml", "id"],
        ),
        (
            "sources.yaml",
            "- id: a\n  name: x\n  kind: tabloid\n  domain: x.vn\n",
            ["sources.yaml", "kind"],
        ),
        (
            "sources.yaml",
            "- id: a\n  name: x\n  kind: provincial\n  domain: x.vn\n",
            ["sources.yaml", "province"],
        ),
        (
            "sources.yaml",
            "- id: a\n  name: x\n  kind: national\n  domain: x.vn\n  feedz: []\n",
            ["sources.yaml", "feedz"],
        ),
        ("sources.yaml", "- [unclosed\n", ["sources.yaml", "không phải YAML hợp lệ"]),
        (
            "targets.yaml",
            "targets:\n  - id: t\n    name: x\n    count: -5\n",
            ["targets.yaml", "count"],
        ),
        (
            "targets.yaml",
            "targets:\n  - id: t\n    name: x\n    count: 5\n"
            "    period: campaign\n    campaign: nope\n",
            ["targets.yaml", "nope"],
        ),
        (
            "targets.yaml",
            "campaigns:\n  - id: c\n    name: x\n    start: May\n    end: '05-31'\n",
            ["targets.yaml", "start"],
        ),
        (
            "targets.yaml",
            "campaigns:\n  - id: c\n    name: x\n    start: '02-30'\n    end: '03-10'\n",
            ["targets.yaml", "không phải ngày có trong mọi năm"],
        ),
        (
            "targets.yaml",
            "campaigns:\n  - id: c\n    name: x\n    start: '02-01'\n    end: '02-29'\n",
            ["targets.yaml", "không dùng 02-29"],
        ),
        (
            "targets.yaml",
            "campaigns:\n  - id: tet\n    name: x\n    start: '12-20'\n    end: '01-10'\n",
            ["targets.yaml", "đợt 'tet' kết thúc (01-10) trước khi bắt đầu (12-20)"],
        ),
    ],
    ids=[
        "bad-id",
        "bad-kind",
        "provincial-without-province",
        "unknown-field",
        "yaml-syntax",
        "negative-target",
        "unknown-campaign",
        "bad-campaign-date",
        "campaign-day-not-in-the-month",
        "campaign-on-29-february",
        "campaign-across-new-year",
    ],
)
def test_broken_file_names_file_and_field(
    tmp_path: Path, file: str, text: str, expected: list[str]
) -> None:
    folder = _config_copy(tmp_path)
    (folder / file).write_text(text, encoding="utf-8")
    settings = load_settings(folder, environ={})
    loader = load_sources if file == "sources.yaml" else load_targets
    with pytest.raises(ConfigError) as caught:
        loader(settings.sources_file if file == "sources.yaml" else settings.targets_file)
    for fragment in expected:
        assert fragment in str(caught.value)


def test_broken_settings_file_names_the_field(tmp_path: Path) -> None:
    folder = _config_copy(tmp_path)
    (folder / "settings.toml").write_text("[classifier]\nreview_threshold = 2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings\.toml: classifier\.review_threshold"):
        load_settings(folder, environ={})


def test_unknown_timezone_is_rejected(tmp_path: Path) -> None:
    folder = _config_copy(tmp_path)
    (folder / "settings.toml").write_text('timezone = "Mars/Olympus"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="timezone"):
        load_settings(folder, environ={})


def test_duplicate_source_ids_rejected(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    entry = "- id: a\n  name: x\n  kind: national\n  domain: x.vn\n"
    path.write_text(entry + entry.replace("x.vn", "y.vn"), encoding="utf-8")
    with pytest.raises(ConfigError, match="mã nguồn 'a' bị lặp"):
        load_sources(path)


_SOURCE = "- id: a\n  name: x\n  kind: national\n  domain: x.vn\n  extraction:\n"


@pytest.mark.parametrize(
    ("extraction", "message"),
    [
        ("    verified: false\n", "sources[0].extraction: verified: false cần ghi lý do (reason)"),
        ("    verifed: false\n", "sources[0].extraction.verifed: trường không có"),
        (
            "    profile: {date_prefer: newest}\n",
            "sources[0].extraction.profile.date_prefer: phải là một trong: 'evidence', 'byline', "
            "'metadata'; nhận được 'newest'",
        ),
        (
            "    profile: {timezone_offset_wrong: often}\n",
            "sources[0].extraction.profile.timezone_offset_wrong: phải là true hoặc false; "
            "nhận được 'often'",
        ),
        ("    date_prefer: byline\n", "sources[0].extraction.date_prefer: trường không có"),
    ],
    ids=["reason-missing", "misspelt", "bad-preference", "bad-flag", "habit-outside-profile"],
)
def test_broken_extraction_names_the_field(tmp_path: Path, extraction: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(_SOURCE + extraction, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_sources(path)
    assert str(caught.value).startswith(f"{path}: {message}"), str(caught.value)


def test_extraction_is_typed_with_its_profile(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    text = "    verified: false\n    reason: no saved page\n    profile: {date_prefer: byline}\n"
    path.write_text(_SOURCE + text + "- id: b\n  name: y\n  kind: national\n  domain: y.vn\n")
    first, second = load_sources(path).sources
    assert (first.extraction.verified, first.extraction.reason) == (False, "no saved page")
    assert first.extraction.profile == ExtractionProfile(date_prefer="byline")
    assert second.extraction.verified and second.extraction.profile == DEFAULT_PROFILE


@pytest.mark.parametrize(
    ("groups", "problem"),
    [
        ("[[BHXH]]", "synonyms: nhóm 1 (BHXH) cần ít nhất hai cách viết"),
        ("[[BHXH, '...']]", "synonyms: nhóm 1: cách viết '...' không có chữ hay số"),
        (
            "[[BHXH, bảo hiểm xã hội], [bao hiem xa hoi, BHXHVN]]",
            "cách viết 'bao hiem xa hoi' có ở cả nhóm 1 và nhóm 2",
        ),
    ],
)
def test_synonym_groups_are_checked(tmp_path: Path, groups: str, problem: str) -> None:
    path = tmp_path / "synonyms.yaml"
    path.write_text(f"synonyms: {groups}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(problem)):
        load_synonyms(path)


def test_the_archive_counts_as_far_as_its_setting(tmp_path: Path) -> None:
    """archive.count_limit reaches the archive: a search page counts that many matches at most."""
    from index.types import Query
    from pressmon.wiring import archive_from
    from tests.index.index_factories import make_doc

    folder = _config_copy(tmp_path)
    (folder / "settings.toml").write_text(
        f'[archive]\npath = "{(tmp_path / "a.db").as_posix()}"\ncount_limit = 100\n',
        encoding="utf-8",
    )
    archive = archive_from(load_settings(folder, environ={}))
    try:
        archive.upsert(make_doc(f"d{i}", body="Chi trả lương hưu") for i in range(150))
        page = archive.search(Query(text="lương hưu"))
        assert (page.total, page.total_exact) == (100, False)
        bulk = archive.search(Query(text="lương hưu", page_size=200))
        assert (bulk.total, bulk.total_exact) == (150, True)
    finally:
        archive.close()


def test_a_count_limit_too_small_to_page_is_refused(tmp_path: Path) -> None:
    folder = _config_copy(tmp_path)
    (folder / "settings.toml").write_text("[archive]\ncount_limit = 5\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"settings\.toml: archive\.count_limit"):
        load_settings(folder, environ={})
