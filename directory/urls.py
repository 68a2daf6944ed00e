from django.urls import path

from . import views

app_name = "directory"

urlpatterns = [
    path("valj-kommun/", views.choose_municipality, name="choose_municipality"),
    path("kontakt/<int:pk>.vcf", views.vcard, name="vcard"),
]
