"""The respondent's journey. No URL carries a database key: a resident reaches only their own,
and the one number a URL may carry is their own registration number."""

from django.urls import path

from qualreg.registration import (
    consent,
    login,
    views,
    views_documents,
    views_parts,
    views_summary,
    views_withdrawal,
)

app_name = "registration"
urlpatterns = [
    path("about/", views.about, name="about"),
    path("login/", login.login, name="login"),
    path("logout/", login.logout, name="logout"),
    path("logged-out/", login.logged_out, name="logged_out"),
    path("session-ended/", views.session_ended, name="session_ended"),
    path("start/", views.start, name="start"),
    path("consent/", consent.consent, name="consent"),
    path("consent/refused/", consent.consent_refused, name="consent_refused"),
    path("consent/withdraw/", views_withdrawal.withdraw_consent, name="withdraw_consent"),
    path("form/summary/", views_summary.summary, name="summary"),
    path("form/complete/", views_summary.complete, name="complete"),
    path("form/receipt/", views_summary.receipt, name="receipt"),
    path("form/keep-alive/", views.keep_alive, name="keep_alive"),
    path("form/<slug:part_key>/", views_parts.part_view, name="part"),
    path("completed/", views_summary.completed, name="completed"),
    path("my-registration/", views_summary.my_registration, name="my_registration"),
    path(
        "my-registration/<int:number>/pdf/",
        views_documents.registration_pdf,
        name="my_registration_pdf",
    ),
]
