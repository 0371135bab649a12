from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from qualreg.accounts.models import User


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ("username", "role", "centre", "is_active", "last_login")
    list_filter = ("role", "centre", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("qualreg", {"fields": ("role", "centre")}))
    add_fieldsets = (*(UserAdmin.add_fieldsets or ()), ("qualreg", {"fields": ("role", "centre")}))
    # Signing in and creating the account set these, never a person; shown as text, they
    # also lose the date and time boxes that have no label of their own (axe: label).
    readonly_fields = ("last_login", "date_joined")
    # Plain multiple selects: the two-box filter's search icons are spans with an
    # aria-label, which a span may not have (axe: aria-prohibited-attr).
    filter_horizontal = ()
