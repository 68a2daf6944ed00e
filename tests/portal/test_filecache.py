"""The file cache lists its directory to cull on one write in CULL_EVERY, and stays bounded."""

from unittest import mock

from portal.filecache import FileBasedCache


def test_the_file_cache_culls_every_hundred_writes_and_stays_bounded(tmp_path):
    cache = FileBasedCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 50, "CULL_FREQUENCY": 2}})
    with mock.patch.object(cache, "_list_cache_files", wraps=cache._list_cache_files) as listing:
        for number in range(1_000):
            cache.set(f"page-{number}", "<html>…</html>", 3600)
    assert listing.call_count == 10
    stored = len(list(tmp_path.glob("*.djcache")))
    assert 0 < stored <= 50 + FileBasedCache.CULL_EVERY
    assert cache.get("page-999") == "<html>…</html>"
