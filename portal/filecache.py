"""Django's file cache, culled every CULL_EVERY writes instead of on every write.

Django's FileBasedCache lists its whole directory on every write to decide whether to cull,
so a write costs more the fuller the cache is (bench/pagecache_bound.py). This one lists it
on one write in CULL_EVERY per process, so the cache may hold up to CULL_EVERY entries per
worker above MAX_ENTRIES between two culls.
"""

from django.core.cache.backends import filebased


class FileBasedCache(filebased.FileBasedCache):
    CULL_EVERY = 100

    def __init__(self, directory, params):
        super().__init__(directory, params)
        self._writes = 0

    def _cull(self):
        self._writes += 1
        if self._writes % self.CULL_EVERY == 0:
            super()._cull()
