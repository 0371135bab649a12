"""The resident's correction requests (the administrators' queue is in qualreg.directorate)."""

from django.urls import path

from qualreg.corrections.views import resident

app_name = "corrections"
urlpatterns = [
    path("ask/<int:sequence>/<slug:question>/", resident.ask, name="ask"),
    path("sent/", resident.sent, name="sent"),
]
