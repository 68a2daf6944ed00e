from django.urls import path

from .changes import ChangesFeed, changes

urlpatterns = [
    path("andringar/", changes, name="changes"),
    path("andringar/atom.xml", ChangesFeed(), name="changes_feed"),
]
