"""Form helpers shared by every app's views."""

from django import forms

from tdkt.core.errors import DomainError


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Put a use case's refusal on the field it names, or on the form as a whole."""
    form.add_error(error.field if error.field in form.fields else None, str(error.message))
