"""The administrators' rights pages, beside Django's admin under /admin/ (its sign-in)."""

from django.urls import path

from qualreg.directorate.views import audit_log, corrections, deletion

app_name = "directorate"
urlpatterns = [
    path("residents/delete/", deletion.delete_on_request, name="delete_person"),
    path("audit/", audit_log.audit_log, name="audit_log"),
    path("corrections/", corrections.queue, name="corrections"),
    path("corrections/<int:request_id>/", corrections.request_page, name="correction"),
]
