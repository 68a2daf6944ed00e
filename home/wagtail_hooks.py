from wagtail import hooks

from .admin_views import PublisherPanel


@hooks.register("construct_homepage_panels")
def add_publisher_panel(request, panels):
    panel = PublisherPanel.for_request(request)
    if panel is not None:
        panels.append(panel)
