from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Sök"

    def ready(self):
        from wagtail.contrib.search_promotions.models import Query, SearchPromotion

        from portal import health, invalidation, pagecache, retention

        from . import analytics, elastic, signals, views

        signals.connect()
        # Promotions show on the search page only, which every change invalidates anyway.
        invalidation.register_snippet(SearchPromotion, list)
        invalidation.register_snippet(Query, list)
        health.register("elasticsearch", elastic.health)
        retention.register(analytics.purge_expired)
        pagecache.reads_params(*views.PARAMS, path="/sok/")
        pagecache.on_hit(views.count_cached_search)
