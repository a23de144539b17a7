from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    UNIT_CLERK = "unit_clerk", _("TĐKT clerk of a unit")
    UNIT_HEAD = "unit_head", _("head of a unit")
    BOARD_OFFICER = "board_officer", _("officer of the TĐKT Board")
    BOARD_HEAD = "board_head", _("head of the TĐKT Board")
    COUNCIL_MEMBER = "council_member", _("council member")
    COUNCIL_SECRETARY = "council_secretary", _("council secretary")
    SIGNER = "signer", _("signer (chair / vice-chair of the provincial People's Committee)")
    ADMIN = "admin", _("system administrator")


# Roles whose work spans the whole province; the others see only their unit's subtree.
PROVINCE_ROLES = frozenset({
    Role.BOARD_OFFICER, Role.BOARD_HEAD, Role.COUNCIL_MEMBER, Role.COUNCIL_SECRETARY,
    Role.SIGNER, Role.ADMIN,
})


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    unit = models.ForeignKey("organizations.Unit", on_delete=models.PROTECT, related_name="users",
                             verbose_name=_("unit"))
    position = models.CharField(_("position"), max_length=150, blank=True)

    REQUIRED_FIELDS = ["email"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def spans_province(self) -> bool:
        return self.role in PROVINCE_ROLES
