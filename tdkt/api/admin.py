from django.contrib import admin, messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tdkt.api.models import ApiToken
from tdkt.core.admin import record_audit


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are created with ``manage.py create_api_token`` (or here) and shown once; revoke, never edit."""

    list_display = ["name", "prefix", "user", "created_at", "last_used_at", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["name", "prefix", "user__username"]
    fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    raw_id_fields = ["user"]
    actions = ["revoke"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        # A token is never edited; revoking it is final (issue a new one instead).
        return [*self.readonly_fields, "user", "name", *(["revoked"] if obj.revoked else [])]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            record_audit(request.user, "changed", obj, {"revoked": obj.revoked})
            return
        raw = obj.set_new_key()
        super().save_model(request, obj, form, change)
        record_audit(request.user, "created", obj, {"user": obj.user.username, "name": obj.name})
        messages.warning(request, _("Copy the token now, it will not be shown again: %(token)s") % {"token": raw})

    @admin.action(description=gettext_lazy("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked=False):
            token.revoked = True
            token.save(update_fields=["revoked"])
            record_audit(request.user, "changed", token, {"revoked": True})
