import pytest
from stormpath.error import Error as StormpathError

from myapp.tenancy import map_store_to_org

# fixtures created by conftest.py; local API stub runs on port 9001
STUB_PORT = 9001
TIMEOUT_S = 30


def test_mapping_org_to_org_is_rejected(org_a, org_b):
    with pytest.raises(StormpathError) as excinfo:
        map_store_to_org(org_a, org_b)
    assert excinfo.value.status == 400
    assert excinfo.value.code == 4614


def test_mapping_same_store_twice(org_a, directory):
    map_store_to_org(org_a, directory)
    with pytest.raises(StormpathError) as excinfo:
        map_store_to_org(org_a, directory)
    assert excinfo.value.code == 4604


@pytest.mark.parametrize("year", [2016, 2017, 2018])
def test_report_years(year, client):
    resp = client.get(f"/reports/{year}", timeout=TIMEOUT_S)
    assert resp.status_code == 200
