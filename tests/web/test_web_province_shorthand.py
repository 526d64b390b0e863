"""`?tinh=HCM` on a page or in the API reads Thành phố Hồ Chí Minh, as `?tinh=TP.HCM` does; it
was refused as no province ("không có tỉnh/thành …")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("typed", ["HCM", "hcm"])
def test_the_api_reads_hcm_as_tp_hcm(as_reviewer, typed: str) -> None:
    client, _ = as_reviewer
    shorthand = client.get("/api/counts", params={"tinh": typed})
    assert shorthand.status_code == 200, shorthand.text
    assert shorthand.json() == client.get("/api/counts", params={"tinh": "TP.HCM"}).json()


@pytest.mark.parametrize("path", ["/hang-doi?tinh=HCM", "/tim-kiem?q=BHXH&tinh=hcm"])
def test_a_page_filtered_by_hcm_is_not_refused(as_reviewer, path: str) -> None:
    client, _ = as_reviewer
    page = client.get(path)
    assert page.status_code == 200, page.text
