"""The resident's correction requests, and the administrators' queue."""

from django.urls import path

from qualreg.corrections.views import queue, resident

app_name = "corrections"
urlpatterns = [
    path("ask/<int:sequence>/<slug:question>/", resident.ask, name="ask"),
    path("sent/", resident.sent, name="sent"),
    path("queue/", queue.queue, name="queue"),
    path("queue/<int:request_id>/", queue.request_page, name="request"),
]
