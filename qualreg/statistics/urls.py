"""The statistics, under /<language>/statistics/."""

from django.urls import path

from qualreg.statistics import signin, views

app_name = "statistics"
urlpatterns = [
    *signin.PORTAL.urls(),
    path("", views.page, name="page"),
    path("tables/<slug:key>.csv", views.table_csv, name="csv"),
    path("statistics.xlsx", views.workbook, name="xlsx"),
]
