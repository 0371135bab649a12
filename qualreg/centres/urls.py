"""The reception-centre staff portal, under /<language>/staff/."""

from django.urls import path

from qualreg.centres.views import codes, imports, lockouts, residents, signin

app_name = "centres"
urlpatterns = [
    *signin.PORTAL.urls(),
    path("", residents.residents, name="residents"),
    path("residents/add/", residents.add_resident, name="add_resident"),
    path("residents/import/", imports.import_view, name="import_residents"),
    path("residents/issue-codes/", codes.bulk_issue, name="bulk_issue"),
    path("residents/<int:person_id>/", residents.resident, name="resident"),
    path("residents/<int:person_id>/issue-code/", codes.issue_code, name="issue_code"),
    path("residents/<int:person_id>/lift-lockout/", lockouts.lift_lockout, name="lift_lockout"),
    path("slips/", codes.slips, name="slips"),
]
