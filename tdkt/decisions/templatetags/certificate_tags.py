"""{% if user|may_print_certificates:decision %}: show the certificate link only to who may use it."""

from django import template

from tdkt.decisions.certificate_views import may_print_certificates as _may_print

register = template.Library()


@register.filter
def may_print_certificates(user, decision) -> bool:
    return _may_print(user, decision)
