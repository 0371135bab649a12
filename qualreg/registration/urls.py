"""The respondent's journey."""

from django.urls import path

from qualreg.registration import login, views

app_name = "registration"
urlpatterns = [
    path("about/", views.about, name="about"),
    path("login/", login.login, name="login"),
    path("logout/", login.logout, name="logout"),
    path("logged-out/", login.logged_out, name="logged_out"),
    path("start/", views.start, name="start"),
]
