"""Public certificate verification (no login): the code or QR printed on a certificate.

Shows only what the certificate itself prints about the award — the awardee's name, the title
or form, the decision number and date — and whether the award still stands. A revoked award
says so without the reason (DESIGN §6: nothing private leaves through the portal). Codes are
10 random Crockford base32 characters (tdkt.decisions.certificates), and lookups are limited
per address, so codes cannot be found by trying.
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from tdkt.decisions.certificates import normalize_code
from tdkt.documents.certificates import format_code
from tdkt.decisions.models import Award

LOOKUPS_PER_WINDOW = getattr(settings, "TDKT_VERIFY_MAX_LOOKUPS", 30)
WINDOW_SECONDS = 60


class VerifyForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Verification code"), max_length=40,
                           help_text=gettext_lazy("The 10 characters printed beside the QR code, e.g. 7KQ2M-X9D4A."))

    def clean_code(self):
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(_("A verification code has 10 letters and digits; check what you typed."))
        return code


def _throttled(request) -> bool:
    """More than LOOKUPS_PER_WINDOW lookups a minute from one address are refused for the minute."""
    key = f"verify:{request.META.get('REMOTE_ADDR', '')}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count > LOOKUPS_PER_WINDOW


def _public(response):
    # The answer can change (a revocation), and names are not for search engines.
    response["Cache-Control"] = "no-cache, private, max-age=0"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def verify(request):
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("portal:verify_code", code=form.cleaned_data["code"])
    return _public(render(request, "portal/verify.html", {"form": form}))


@require_GET
def verify_code(request, code):
    if _throttled(request):
        response = render(request, "portal/verify_result.html", {"throttled": True}, status=429)
        response["Retry-After"] = str(WINDOW_SECONDS)
        return _public(response)
    normalized = normalize_code(code)
    if normalized and normalized != code:
        return redirect("portal:verify_code", code=normalized)
    award = None
    if normalized:
        award = (Award.objects.select_related("entry", "decision")
                 .only("recipient_name", "status", "verification_code", "entry__name", "decision__number",
                       "decision__issued_on")
                 .filter(verification_code=normalized).first())
    if award is None:
        return _public(render(request, "portal/verify_result.html",
                              {"unknown": True, "code": format_code(normalized) if normalized else code[:20],
                               "form": VerifyForm()}, status=404))
    return _public(render(request, "portal/verify_result.html", {
        "code": format_code(award.verification_code),
        "recipient_name": award.recipient_name,
        "award_name": award.entry.name,
        "decision_number": award.decision.number,
        "decision_date": award.decision.issued_on,
        "revoked": award.status == Award.Status.REVOKED,
    }))
