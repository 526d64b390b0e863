"""A brand's token counts in a host only at a boundary: a whole label, a part between hyphens or
digits, next to a lure word, or misspelt the way scams disguise it. A real site whose name merely
contains a short token, or is one letter from it, imitates nobody."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from classifier.links import Channels
from vntext.deobfuscate import clean


@pytest.mark.parametrize(
    ("host", "brand"),
    [
        ("viettel-hotro.com", "viettel"),
        ("vietcombank-online.xyz", "vietcombank"),
        ("myvt-khuyenmai.com", "viettel"),
        ("myvtkhuyenmai.com", "viettel"),  # the brand followed by a lure word
        ("acbbank-vn.com", "acb"),
        ("ebidv.vip", "bidv"),  # e-banking's prefix
        ("acb247.com", "acb"),  # digits are a boundary
        ("momo88.top", "momo"),
        ("tiki-khuyenmai.shop", "tiki"),
        ("b1dv.com", "bidv"),  # a digit for a letter
        ("m0mo.com", "momo"),
        ("bhxk.com", "bhxh"),  # an acronym one letter off
        ("vietinbnk.com", "vietinbank"),  # a long name with a letter dropped
        ("vietcombankd.cfd", "vietcombank"),
        ("thuedientuu.vn", "tax"),  # misspelt, so even a .vn name imitates
        ("bhxhtructuyen.com", "bhxh"),  # initials, inside a longer name
        ("tracuubhyt.com", "bhxh"),
        ("bhyttructuyen.com", "bhxh"),
        ("dangkynhnnvietnam.com", "sbv"),
    ],
)
def test_a_brand_at_a_boundary_is_a_lookalike(channels: Channels, host: str, brand: str) -> None:
    links = channels.links(clean(f"https://{host}/x").folded)
    assert [(lk.verdict, lk.brand) for lk in links] == [("lookalike", brand)]


@pytest.mark.parametrize(
    "host",
    [
        "myvtc.vn",  # VTC's own site, not Viettel's "myvt"
        "myvtc.com",
        "toan.vn",  # a word, one letter from "toa an"
        "vnplay.vn",  # a video service, one letter from "vnpay"
        "vnplay.com",
        "etaxi.vn",  # "etax" and one more letter
        "epay.vn",  # a word-like name one letter from "ipay"
        "memo.com",  # …from "momo"
        "wiki.com",  # …from "tiki"
        "nhan-qua.vn",  # "nhan" is a word, not a misspelt "nhnn"
        "acbs.com.vn",
    ],
)
def test_a_name_merely_near_a_short_token_is_no_lookalike(channels: Channels, host: str) -> None:
    links = channels.links(clean(f"https://{host}/x").folded)
    assert [lk.verdict for lk in links] != ["lookalike"], links


def test_real_press_and_genuine_notices_imitate_no_brand(channels: Channels, raw_dir: Path) -> None:
    """The 88 real outlets' domains and the links in real SMS labelled genuine name no brand."""
    sources = raw_dir.parent / "research" / "sources.yaml"
    sms = raw_dir / "sms-vietsmishing" / "labeled_sms_data_phones.csv"
    if not (sources.is_file() and sms.is_file()):
        pytest.skip(f"{sources} or {sms} is absent")
    texts = [f"https://{s['domain']}/" for s in yaml.safe_load(sources.read_text("utf-8"))]
    with sms.open(encoding="utf-8-sig", newline="") as f:
        texts += [r["content"] for r in csv.DictReader(f) if r["label"] in ("0", "0.0")]
    flagged = {
        lk.host
        for t in texts
        for lk in channels.links(clean(t).folded)
        if lk.verdict == "lookalike" and lk.brand
    }
    assert flagged == set()
