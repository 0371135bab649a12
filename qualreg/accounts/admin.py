from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from qualreg.accounts.models import User


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ("username", "role", "centre", "is_active", "last_login")
    list_filter = ("role", "centre", "is_active")
    fieldsets = (*(UserAdmin.fieldsets or ()), ("qualreg", {"fields": ("role", "centre")}))
    add_fieldsets = (*(UserAdmin.add_fieldsets or ()), ("qualreg", {"fields": ("role", "centre")}))
