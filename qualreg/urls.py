"""qualreg's URLs. Every page a person reads carries its language first: /nb/…, /ar/…."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from qualreg.exports import views as export_views
from qualreg.lib import admin_views, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "schema/registration/v1.json", export_views.registration_schema, name="registration_schema"
    ),
    path(
        "admin/languages/",
        admin.site.admin_view(admin_views.language_coverage),
        name="language_coverage",
    ),
    path("admin/", include("qualreg.directorate.urls")),
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", views.home, name="home"),
        path("privacy/", views.privacy, name="privacy"),
        path("contact/", views.contact, name="contact"),
        path("staff/", include("qualreg.centres.urls")),
        path("advisers/", include("qualreg.advisers.urls")),
        path("statistics/", include("qualreg.statistics.urls")),
        path("corrections/", include("qualreg.corrections.urls")),
        path("", include("qualreg.registration.urls")),
        prefix_default_language=True,
    ),
]

handler400 = "qualreg.lib.views.bad_request"
handler403 = "qualreg.lib.views.permission_denied"
handler404 = "qualreg.lib.views.page_not_found"
handler500 = "qualreg.lib.views.server_error"
