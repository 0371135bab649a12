"""Administrators manage organisations, their advisers, assignments and (read-only) remarks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from qualreg.advisers import uploading
from qualreg.advisers.forms import AssignmentUploadForm
from qualreg.advisers.models import Adviser, Assignment, Organisation, Remark


class AdviserInline(admin.TabularInline):
    model = Adviser
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "municipality_number")
    list_filter = ("kind",)
    search_fields = ("name", "municipality_number")
    inlines = [AdviserInline]


@admin.register(Adviser)
class AdviserAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "is_lead", "user__is_active")
    list_filter = ("organisation", "is_lead", "user__is_active")
    autocomplete_fields = ("user", "organisation")


@admin.action(description=_("End the selected assignments today"))
def end_today(modeladmin: Any, request: HttpRequest, queryset: QuerySet[Assignment]) -> None:
    today = timezone.localdate()
    # An assignment that starts today or later cannot end today: it must be ended after it
    # starts, and one that never started is ended by its own start date's next day.
    ended = queryset.filter(end_date__isnull=True, start_date__lt=today).update(end_date=today)
    modeladmin.message_user(
        request,
        ngettext("%(count)d assignment ended.", "%(count)d assignments ended.", ended)
        % {"count": ended},
        messages.SUCCESS,
    )


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    change_list_template = "advisers/admin_assignments.html"
    list_display = ("person", "organisation", "start_date", "end_date", "assigned_by", "reason")
    list_filter = ("organisation", "start_date", "end_date")
    autocomplete_fields = ("person", "organisation")
    readonly_fields = ("assigned_by", "created_at")
    actions = [end_today]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # History stays true: once saved, who and where and since when do not change;
        # only the end date (and the reason) may be set.
        if obj is not None:
            return ("person", "organisation", "start_date", "assigned_by", "created_at")
        return self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Assignment, form: Any, change: bool) -> None:
        if not change:
            obj.assigned_by_id = request.user.pk
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # assignments are ended, never deleted

    def get_urls(self) -> list[Any]:
        upload = self.admin_site.admin_view(self.upload_view)
        return [
            path("upload/", upload, name="advisers_assignment_upload"),
            *super().get_urls(),
        ]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        """Assign many residents from a CSV file: a dry run reports every line; writing
        happens only when every line is valid."""
        if not self.has_add_permission(request):
            return HttpResponse(status=403)
        form = AssignmentUploadForm(request.POST or None, request.FILES or None)
        report, written = None, 0
        if request.method == "POST" and form.is_valid():
            write = request.POST.get("write") == "1"
            report, written = uploading.upload(
                form.cleaned_data["csv_file"], by=request.user, write=write
            )
        refused = [line for line in report or [] if line.refusal]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Assign residents from a file"),
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "refused": len(refused),
            "changes": sum(1 for line in report or [] if line.writes),
            "written": written,
            "wrote": request.POST.get("write") == "1",
        }
        status = 400 if form.errors or refused else 200
        return TemplateResponse(request, "advisers/admin_upload.html", context, status=status)


@admin.register(Remark)
class RemarkAdmin(admin.ModelAdmin):
    list_display = ("written_at", "organisation", "author", "next_step", "person")
    list_filter = ("organisation", "next_step")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
