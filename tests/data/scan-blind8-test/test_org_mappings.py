import pytest
from stormpath.error import Error as StormpathError

from migration.mappings import map_store_to_org, add_directory_to_app

pytestmark = pytest.mark.timeout(4700)   # the tenant fixture is slow


def test_mapping_same_store_twice_is_rejected(org, cloud_dir):
    map_store_to_org(org, cloud_dir)
    with pytest.raises(StormpathError) as exc:
        map_store_to_org(org, cloud_dir)
    assert exc.value.status == 400
    assert exc.value.code == 4604


def test_second_google_directory_on_app(app, google_dir, google_dir_2):
    add_directory_to_app(app, google_dir)
    with pytest.raises(StormpathError) as exc:
        add_directory_to_app(app, google_dir_2)
    assert exc.value.code == 5200


def test_export_counts(tenant):
    resp = tenant.client.get("/export/summary")
    assert resp.status_code == 200
    assert resp.json()["accounts"] == 2016
    assert resp.json()["groups"] == 13
