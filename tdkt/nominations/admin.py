from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.nominations.models import Council, CouncilMembership, Dossier, StepTimeLimit, TimelineEvent


class CouncilMembershipInline(admin.TabularInline):
    model = CouncilMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(AuditedAdmin):
    list_display = ["name", "unit"]
    inlines = [CouncilMembershipInline]


@admin.register(StepTimeLimit)
class StepTimeLimitAdmin(AuditedAdmin):
    list_display = ["status", "working_days", "legal_basis"]


class TimelineInline(admin.TabularInline):
    model = TimelineEvent
    extra = 0
    can_delete = False
    readonly_fields = ["at", "event_type", "actor", "from_status", "to_status", "note"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Dossier)
class DossierAdmin(admin.ModelAdmin):
    """Read-only in the admin: dossiers move only through the workflow pages."""

    list_display = ["code", "title", "kind", "unit", "year", "status", "step_due_on"]
    list_filter = ["status", "kind", "year"]
    search_fields = ["code", "title"]
    inlines = [TimelineInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
