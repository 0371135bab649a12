"""The adviser portal, under /<language>/advisers/."""

from django.urls import path

from qualreg.advisers.views import changes, data_exports, pdf, people, registration, signin, team

app_name = "advisers"
urlpatterns = [
    *signin.PORTAL.urls(),
    path("setup/<str:uidb64>/<str:token>/", team.setup, name="setup"),
    path("", people.people, name="people"),
    path("team/", team.team_page, name="team"),
    path("team/<int:user_id>/deactivate/", team.deactivate, name="deactivate"),
    path("team/<int:user_id>/reactivate/", team.reactivate, name="reactivate"),
    path("team/<int:user_id>/setup-link/", team.resend_link, name="resend_link"),
    path("export/", data_exports.export_people, name="export_people"),
    path("registrations/<int:registration_id>/", registration.registration, name="registration"),
    path("registrations/<int:registration_id>/purpose/", registration.purpose, name="purpose"),
    path("registrations/<int:registration_id>/pdf/", pdf.registration_pdf, name="registration_pdf"),
    path(
        "registrations/<int:registration_id>/changes/<int:other_id>/",
        changes.changes,
        name="changes",
    ),
    path(
        "registrations/<int:registration_id>/remarks/",
        registration.add_remark,
        name="add_remark",
    ),
    path(
        "registrations/<int:registration_id>/download/<slug:file_format>/",
        data_exports.download_registration,
        name="download",
    ),
]
