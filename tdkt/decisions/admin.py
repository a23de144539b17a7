from django.contrib import admin

from tdkt.core.admin import AuditedAdmin
from tdkt.decisions.models import Award, Decision


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0
    fields = ["certificate_number", "recipient_name", "entry", "unit", "year", "money_amount", "status"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Decision)
class DecisionAdmin(AuditedAdmin):
    list_display = ["number", "issued_on", "authority", "issuer", "signer_name", "source"]
    list_filter = ["authority", "source"]
    search_fields = ["number", "summary", "signer_name"]
    date_hierarchy = "issued_on"
    autocomplete_fields = ["issuer"]
    inlines = [AwardInline]


@admin.register(Award)
class AwardAdmin(AuditedAdmin):
    list_display = ["recipient_name", "entry", "year", "unit", "decision", "certificate_number", "status"]
    list_filter = ["status", "achievement_kind", "entry__level"]
    search_fields = ["search_name", "decision__number"]
    raw_id_fields = ["decision", "person", "collective", "household"]
    autocomplete_fields = ["unit"]
