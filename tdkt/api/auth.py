"""Who is calling the API: a bearer token, or a signed-in browser session (with CSRF enforced).

A request that carries ``Authorization: Bearer …`` is judged by its token alone (never by a cookie
it may also carry), and is exempt from CSRF because a forged cross-site request cannot attach that
header. A request without it must come from a signed-in session and pass Django's CSRF check like
any form post. See docs/decisions/0008-api-tokens.md.
"""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

from tdkt.api.models import ApiToken


class ApiAuthError(Exception):
    def __init__(self, status: int, message: str, *, challenge: str | None = None):
        super().__init__(message)
        self.status, self.message, self.challenge = status, message, challenge


class _CsrfCheck(CsrfViewMiddleware):
    """Django's own CSRF check, returning the failure reason instead of a response."""

    def _reject(self, request, reason):
        return reason


def _csrf_failure(request) -> str | None:
    check = _CsrfCheck(lambda request: None)
    check.process_request(request)
    return check.process_view(request, None, (), {})


def authenticate(request):
    """The calling user, or ApiAuthError (401 without valid credentials, 403 on a CSRF failure).

    Sets ``request.api_token`` (None for a session) and ``request.user``.
    """
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, raw = header.partition(" ")
        if scheme.lower() != "bearer" or not raw.strip():
            raise ApiAuthError(401, _("Use the header “Authorization: Bearer <token>”."),
                               challenge='Bearer realm="tdkt", error="invalid_request"')
        token = ApiToken.authenticate(raw.strip())
        if token is None:
            raise ApiAuthError(401, _("The API token is unknown, revoked or belongs to an inactive user."),
                               challenge='Bearer realm="tdkt", error="invalid_token"')
        request.api_token, request.user = token, token.user
        return token.user
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        raise ApiAuthError(401, _("Sign in or send an API token."), challenge='Bearer realm="tdkt"')
    reason = _csrf_failure(request)
    if reason:
        raise ApiAuthError(403, _("CSRF check failed: send the X-CSRFToken header with a session."))
    request.api_token = None
    return user
