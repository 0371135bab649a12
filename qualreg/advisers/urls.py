"""The adviser portal, under /<language>/advisers/."""

from django.urls import path

from qualreg.advisers.views import changes, data_exports, pdf, people, registration, signin

app_name = "advisers"
urlpatterns = [
    path("login/", signin.adviser_login, name="login"),
    path("login/second-factor/", signin.verify, name="verify"),
    path("logout/", signin.adviser_logout, name="logout"),
    path("", people.people, name="people"),
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
