from django.contrib import admin

from tdkt.catalogue.models import BaseSalary, CatalogueEntry
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
