"""The reception-centre staff portal."""

from django.urls import path

from qualreg.centres import views

app_name = "centres"
urlpatterns = [
    path("login/", views.staff_login, name="login"),
]
