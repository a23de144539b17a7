"""The one table reports owns: valid awards counted per (award year, catalogue entry).

``AwardTally`` is a running count, kept exactly in step with ``decisions_award`` by database
triggers (``tally.py``, installed by migration 0002), so the province-wide tables read a few
thousand counters instead of counting a million awards per request (docs/reports.md).
Nothing in Python writes it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardTally(models.Model):
    """Valid awards of one award year and one catalogue entry, by subject kind.

    A row may hold zeros (every award it counted was revoked, moved or deleted); readers skip those.
    """

    pk = models.CompositePrimaryKey("year", "entry_id")
    year = models.PositiveSmallIntegerField(_("year"))
    # A plain column, not a foreign key: the triggers write it from decisions_award, which already
    # guarantees the entry exists, and a constraint here would only add work to every award write.
    entry_id = models.IntegerField(_("title / form"))
    persons = models.IntegerField(_("individuals"), default=0)
    collectives = models.IntegerField(_("collectives"), default=0)
    households = models.IntegerField(_("households"), default=0)

    class Meta:
        db_table = "reports_award_tally"
        verbose_name = _("award tally")
        verbose_name_plural = _("award tallies")

    def __str__(self):
        return f"{self.year} / {self.entry_id}: {self.persons}, {self.collectives}, {self.households}"
