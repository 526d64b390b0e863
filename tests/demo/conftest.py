from __future__ import annotations

import pytest

from demo.model import DemoSite
from demo.site import build_site


@pytest.fixture(scope="session")
def site() -> DemoSite:
    return build_site()
