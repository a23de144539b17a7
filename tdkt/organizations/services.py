"""Use cases on the facts of people and collectives: each atomic and audited (who, when, what)."""

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext as _

from tdkt.core.admin import record_audit
from tdkt.core.errors import DomainError, PermissionDenied
from tdkt.organizations.scope import in_scope

# Who may enter facts (within their unit scope): the unit's TĐKT clerk, the Board's officers
# and the administrator. Everyone else who may see the person reads only.
# (Role codes as strings: accounts sits above this layer.)
FACT_EDITORS = frozenset({"unit_clerk", "board_officer", "admin"})


def _jsonable(values: dict) -> dict:
    return {key: (value if isinstance(value, (int, float, bool, type(None))) else str(value))
            for key, value in values.items()}


def may_edit_facts(user, subject) -> bool:
    return user.role in FACT_EDITORS and in_scope(user, subject.unit)


def _require_editor(actor, subject) -> None:
    if not may_edit_facts(actor, subject):
        raise PermissionDenied(_("Your role may read these records but not change them."))


def save_fact(form, *, actor):
    """Save a valid fact form (create or change) and audit it."""
    subject = form.subject if hasattr(form, "subject") else form.instance
    _require_editor(actor, subject)
    with transaction.atomic():
        change = form.instance.pk is not None
        before = _jsonable(model_to_dict(type(form.instance).objects.get(pk=form.instance.pk))) if change else {}
        obj = form.save()
        after = _jsonable(model_to_dict(obj))
        record_audit(actor, "changed" if change else "created", obj,
                     {field: [before.get(field), value] for field, value in after.items()
                      if before.get(field) != value})
    return obj


def delete_fact(fact, *, actor) -> None:
    """Delete a fact; an initiative that an award or a nomination used stays (one use is evidence)."""
    _require_editor(actor, fact.subject)
    for relation in ("used_in_awards", "used_in_nominations"):
        manager = getattr(fact, relation, None)
        if manager is not None and manager.exists():
            raise DomainError(_("This initiative is used by an award or a nomination and cannot be deleted."),
                              code="initiative_in_use")
    with transaction.atomic():
        record_audit(actor, "deleted", fact, _jsonable(model_to_dict(fact)))
        fact.delete()
