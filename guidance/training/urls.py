from django.contrib.auth import views as auth_views
from django.urls import path

from . import views
from .forms import LoginForm

app_name = "training"

urlpatterns = [
    path(
        "logga-in/",
        auth_views.LoginView.as_view(
            template_name="training/login.html",
            authentication_form=LoginForm,
            redirect_authenticated_user=True,
        ),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("lektion/<int:pk>/", views.lesson_answer, name="lesson_answer"),
    path("mina-utbildningar/", views.my_training, name="my"),
    path("intyg/<int:pk>/", views.certificate, name="certificate"),
    path("profil/", views.profile, name="profile"),
    path("registrera/<str:token>/", views.register, name="register"),
    path("aktivera/<str:uidb64>/<str:token>/", views.activate, name="activate"),
]
