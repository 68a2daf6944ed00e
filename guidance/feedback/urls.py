from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("aterkoppling/<int:page_id>/", views.feedback, name="feedback"),
    path("aterkoppling/<int:page_id>/kommentar/", views.comment, name="comment"),
    path("avvikelse/", views.deviation_report, name="deviation_report"),
    path("avvikelse/skickad/", views.deviation_sent, name="deviation_sent"),
]
