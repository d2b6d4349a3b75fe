import pytest
from stormpath.error import Error as StormpathError

from profile_store import ProfileStore

MAX_NAME = 255
TEN_MB = 10 * 1024 * 1024


@pytest.fixture
def store(stormpath_account):
    return ProfileStore(stormpath_account)


def test_blank_property_name_is_rejected(store):
    with pytest.raises(StormpathError) as exc:
        store.put("", "x")
    assert exc.value.status == 400
    assert exc.value.code == 3000


def test_long_property_name_is_rejected(store):
    with pytest.raises(StormpathError) as exc:
        store.put("a" * (MAX_NAME + 1), "x")
    assert exc.value.code == 3001


@pytest.mark.parametrize("name", ["-leading-dash", "has space", "dollar$"])
def test_bad_characters(store, name):
    with pytest.raises(StormpathError) as exc:
        store.put(name, "x")
    assert exc.value.code == 3002


def test_value_too_large(store):
    with pytest.raises(StormpathError) as exc:
        store.put("blob", "x" * (TEN_MB + 1))
    assert exc.value.code == 3004
    assert "exceeds the maximum storage size" in exc.value.developer_message


def test_roundtrip(store):
    store.put("favoriteColor", "teal")
    assert store.get("favoriteColor") == "teal"
