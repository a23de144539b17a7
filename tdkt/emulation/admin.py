from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.emulation.models import EmulationGroup, GroupMembership, Movement


@admin.register(Movement)
class MovementAdmin(AuditedAdmin):
    list_display = ["name", "kind", "launched_by", "starts_on", "ends_on"]
    list_filter = ["kind"]
    search_fields = ["name"]


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(EmulationGroup)
class EmulationGroupAdmin(AuditedAdmin):
    list_display = ["name", "kind", "year", "organiser", "is_regional"]
    list_filter = ["kind", "year", "is_regional"]
    inlines = [GroupMembershipInline]
