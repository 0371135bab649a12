"""Administrators manage centres and residents here. Login codes show only their life cycle:
never the hash, and never anything a resident answered."""

from __future__ import annotations

from django.contrib import admin

from qualreg.people.models import Centre, LoginCode, Person


@admin.register(Centre)
class CentreAdmin(admin.ModelAdmin[Centre]):
    list_display = ("name", "municipality")
    search_fields = ("name", "municipality")


class LoginCodeInline(admin.TabularInline[LoginCode, Person]):
    model = LoginCode
    fields = ("issued_at", "issued_by", "expires_at", "used_at", "revoked_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # codes are issued in the staff portal, where they can be printed


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin[Person]):
    list_display = ("duf_display", "centre", "preferred_language", "added_at")
    list_filter = ("centre", "preferred_language")
    search_fields = ("duf_number",)  # exact lookups only: no browsing by partial numbers
    fields = ("duf_number", "centre", "preferred_language", "added_at", "added_by")
    readonly_fields = ("added_at", "added_by")
    inlines = [LoginCodeInline]

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False  # only people.deletion.delete_person deletes a person: audited, whole

    def get_search_results(self, request, queryset, search_term):  # type: ignore[no-untyped-def]
        from qualreg.lib.duf import InvalidDufNumber, normalise_duf

        if not search_term:
            return queryset, False
        try:
            return queryset.filter(duf_number=normalise_duf(search_term)), False
        except InvalidDufNumber:
            return queryset.none(), False
