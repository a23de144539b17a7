from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import BaseSalary, CatalogueEntry, RuleParameter
from tdkt.core.admin import AuditedAdmin


@admin.register(CatalogueEntry)
class CatalogueEntryAdmin(AuditedAdmin):
    list_display = ["code", "name", "kind", "level", "money_coefficient", "council_vote_threshold",
                    "public_posting_required", "evidence", "valid_from", "valid_to"]
    list_filter = ["kind", "level", "evidence", "council_vote_required", "public_posting_required"]
    search_fields = ["code", "name", "legal_basis"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(AuditedAdmin):
    list_display = ["valid_from", "amount", "legal_basis", "evidence"]


@admin.register(RuleParameter)
class RuleParameterAdmin(AuditedAdmin):
    list_display = ["key", "regime", "value", "national_default", "evidence", "source"]
    list_filter = ["regime", "evidence"]
    search_fields = ["key", "source", "note"]

    @admin.display(description=_("national default"))
    def national_default(self, obj):
        from tdkt.rules.parameters import parameter_table

        values = {entry["value"] for entry in parameter_table() if entry["key"] == obj.key
                  and (not obj.regime or entry["regime"] in (obj.regime, "*"))}
        return ", ".join(sorted(map(repr, values))) or "—"
