"""API tokens: long random secrets shown once, stored only as a SHA-256 hash (ADR 0008)."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "tdkt_"
PREFIX_LENGTH = 12  # "tdkt_" and 7 characters of the secret: enough to tell tokens apart in a list


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(revoked=False, user__is_active=True)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens",
                             verbose_name=_("user"))
    name = models.CharField(_("name"), max_length=100,
                            help_text=_("What the token is for, e.g. the system that uses it."))
    prefix = models.CharField(_("prefix"), max_length=PREFIX_LENGTH, editable=False,
                              help_text=_("The first characters of the token, to recognise it."))
    key_hash = models.CharField(_("key hash (SHA-256)"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True, editable=False)
    revoked = models.BooleanField(_("revoked"), default=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def set_new_key(self) -> str:
        """Give this (unsaved) token a fresh random key; returns the raw key, which is never stored."""
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        self.prefix, self.key_hash = raw[:PREFIX_LENGTH], hash_token(raw)
        return raw

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """Create a token for ``user``; returns the row and the raw token."""
        token = cls(user=user, name=name)
        raw = token.set_new_key()
        token.save()
        return token, raw

    @classmethod
    def authenticate(cls, raw: str):
        """The usable token for ``raw`` (its user loaded), or None. Marks it used."""
        if not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
            return None
        token = cls.objects.usable().select_related("user").filter(key_hash=hash_token(raw)).first()
        if token is None:
            return None
        now = timezone.now()
        # One write a minute at most per token: scripts calling in a loop do not hammer the database.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= 60:
            cls.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token
