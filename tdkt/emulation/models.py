"""Emulation (LAW.md §4): movements and their reviews, annual registration of target titles,
emulation groups (cụm, khối) with covenants, score sheets and the suy tôn ballot, exemplars and
conferences.

Statuses change only through ``tdkt.emulation.services`` (movements, exemplars, ballots) and
``tdkt.emulation.registration`` (registrations), which write the events.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.catalogue.models import CatalogueEntry
from tdkt.core.models import TimeStampedModel
from tdkt.organizations.models import Collective, Person, SubjectRef, Unit


# What the timelines show for each event type (events are stored as ``object.verb``).
EVENT_LABELS = {
    "movement.created": _("movement drafted"), "movement.edited": _("movement edited"),
    "criterion.added": _("criterion added"), "movement.launched": _("movement launched"),
    "movement.reviewed_interim": _("interim review recorded"), "movement.reviewed_final": _("final review recorded"),
    "registration.created": _("registration started"), "registration.line_added": _("title registered"),
    "registration.line_removed": _("line removed"), "registration.request_approval": _("sent to the unit head"),
    "registration.send_back": _("sent back to the clerk"), "registration.approve": _("approved and sent"),
    "registration.receive": _("received"), "registration.return": _("returned"),
    "exemplar.discovered": _("discovered"), "exemplar.nurtured": _("nurtured"), "exemplar.summarised": _("summarised"),
    "exemplar.replicated": _("replicated"),
}


class EventLabel:
    @property
    def label(self):
        return EVENT_LABELS.get(self.event_type, self.event_type)


# --- Movements (phong trào thi đua) ---------------------------------------------------------

class Movement(TimeStampedModel):
    class Kind(models.TextChoices):
        REGULAR = "regular", _("regular (thường xuyên)")
        THEMATIC = "thematic", _("thematic (chuyên đề)")

    class Scope(models.TextChoices):
        # Luật TĐKT 2022 Đ16 k2 (LAW.md §4.1).
        NATIONAL = "national", _("nationwide")
        LOCALITY = "locality", _("ministry, sector or locality")
        GROUP = "group", _("emulation cluster or block")
        UNIT = "unit", _("agency or unit")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        LAUNCHED = "launched", _("launched")
        CLOSED = "closed", _("closed (final review held)")

    name = models.CharField(_("name"), max_length=400)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                              editable=False, db_index=True)
    launched_by = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="launched_movements",
                                    verbose_name=_("launching authority"))
    launch_document = models.CharField(_("launching document"), max_length=200, blank=True,
                                       help_text=_("Number and date of the launching decision or plan"))
    launched_on = models.DateField(_("launched on"), null=True, blank=True, editable=False)
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    duration_years = models.PositiveSmallIntegerField(
        _("duration (years)"), null=True, blank=True,
        help_text=_("Filled from the dates when empty; the Government's flag for a thematic movement "
                    "needs at least 5 years"))
    objectives = models.TextField(_("objectives"), blank=True)
    targets = models.TextField(_("targets"), blank=True)
    content = models.TextField(_("content"), blank=True)
    measures = models.TextField(_("measures"), blank=True)
    participant_groups = models.TextField(_("participating people"), blank=True,
                                          help_text=_("Who takes part, e.g. officials, workers, farmers"))
    participant_units = models.ManyToManyField(Unit, blank=True, related_name="movements",
                                               verbose_name=_("participating units"))
    # People known to the register take part by name (their pages link back); the others stay in
    # participant_groups as free text.
    participant_people = models.ManyToManyField(Person, blank=True, related_name="emulation_movements",
                                                verbose_name=_("participating people (from the register)"))
    prize_plan = models.TextField(_("prize plan"), blank=True,
                                  help_text=_("Titles and forms of commendation planned at the reviews"))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                               related_name="children", verbose_name=_("implements movement"))

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("movement")
        verbose_name_plural = _("movements")

    def __str__(self):
        return self.name

    @property
    def is_thematic(self) -> bool:
        return self.kind == self.Kind.THEMATIC

    @property
    def achievement_kind(self) -> str:
        """The kind an award for this movement carries in the archive: thematic movements' awards
        do not count as annual achievements (NĐ 152/2025 Đ4 k3; decisions.AchievementKind)."""
        return "thematic" if self.is_thematic else "annual"


class MovementCriterion(models.Model):
    """An evaluation criterion of a movement for one title or form (tiêu chí thi đua)."""

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="criteria")
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("title / form"))
    text = models.TextField(_("criterion"))
    is_mandatory = models.BooleanField(_("mandatory"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["movement_id", "entry__sort_order", "order", "id"]
        verbose_name = _("movement criterion")
        verbose_name_plural = _("movement criteria")

    def __str__(self):
        return f"{self.entry.code}: {self.text[:60]}"


class MovementReview(TimeStampedModel):
    """Sơ kết (interim) or tổng kết (final) review of a movement, with its assessment."""

    class Stage(models.TextChoices):
        INTERIM = "interim", _("interim review (sơ kết)")
        FINAL = "final", _("final review (tổng kết)")

    class Assessment(models.TextChoices):
        EFFECTIVE = "effective", _("effective, practical")
        FORMALISTIC = "formalistic", _("formalistic")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="reviews")
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices)
    held_on = models.DateField(_("held on"))
    results = models.TextField(_("results"))
    assessment = models.CharField(_("assessment"), max_length=15, choices=Assessment.choices)
    reason = models.TextField(_("reason for the assessment"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["movement_id", "held_on", "id"]
        verbose_name = _("movement review")
        verbose_name_plural = _("movement reviews")


class MovementEvent(EventLabel, models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


# --- Registration (đăng ký thi đua) ---------------------------------------------------------

class RegistrationPeriod(models.Model):
    """The registration deadline of one year (a parameter, not a constant: LAW.md §4.3 is M)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    deadline_on = models.DateField(_("registration deadline"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("registration period")
        verbose_name_plural = _("registration periods")

    def __str__(self):
        return f"{self.year}: {self.deadline_on:%d/%m/%Y}"


class Registration(TimeStampedModel):
    """A unit's annual registration of its collectives' and people's target titles."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        AWAITING_HEAD = "awaiting_head", _("awaiting the unit head")
        SUBMITTED = "submitted", _("sent to the next level")
        RETURNED = "returned", _("returned")
        RECEIVED = "received", _("received")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="registrations",
                             verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT,
                              editable=False, db_index=True)
    submitted_on = models.DateField(_("sent on"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-year", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_registration_per_unit_year")]
        verbose_name = _("emulation registration")
        verbose_name_plural = _("emulation registrations")

    def __str__(self):
        return f"{self.unit} – {self.year}"


class RegistrationLine(SubjectRef):
    """One collective or person and the title it registers for (a catalogue entry)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="lines")
    entry = models.ForeignKey(CatalogueEntry, on_delete=models.PROTECT, related_name="registration_lines",
                              verbose_name=_("target title"))

    class Meta:
        ordering = ["registration_id", "entry__sort_order", "id"]
        constraints = [SubjectRef.one_subject_constraint("registration_line_has_one_subject")]
        verbose_name = _("registered title")
        verbose_name_plural = _("registered titles")


class RegistrationEvent(EventLabel, models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


# --- Emulation groups (cụm, khối) --------------------------------------------------------------

class EmulationGroup(TimeStampedModel):
    """A cụm (cluster, same kind of locality) or khối (block, same kind of agency) for one year."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("cluster (cụm)")
        BLOCK = "block", _("block (khối)")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="organised_groups",
                                  verbose_name=_("organised by"))
    is_regional = models.BooleanField(_("regional (across provinces)"), default=False)
    announcement_document = models.CharField(_("announcement (decision number)"), max_length=200, blank=True)
    announced_on = models.DateField(_("announced on"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "name"]
        constraints = [models.UniqueConstraint(fields=["name", "year"], name="unique_group_per_year")]
        verbose_name = _("emulation group")
        verbose_name_plural = _("emulation groups")

    def __str__(self):
        return f"{self.name} ({self.year})"

    @property
    def head_unit(self):
        membership = next((m for m in self.memberships.all() if m.role == GroupMembership.GroupRole.HEAD), None)
        return membership.unit if membership else None


class GroupMembership(models.Model):
    class GroupRole(models.TextChoices):
        HEAD = "head", _("head (trưởng cụm/khối)")
        DEPUTY = "deputy", _("deputy (phó)")
        MEMBER = "member", _("member")

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="group_memberships")
    role = models.CharField(_("role"), max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER)
    # The order in which members take turns as head (luân phiên); empty = by name.
    rotation_order = models.PositiveSmallIntegerField(_("rotation order"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group", "unit"], name="unique_group_member")]


def covenant_path(instance, filename):
    return f"emulation/covenants/{instance.group_id}/{filename}"


class Covenant(TimeStampedModel):
    """Giao ước thi đua signed by the members at the start of the year, with its document."""

    group = models.OneToOneField(EmulationGroup, on_delete=models.CASCADE, related_name="covenant")
    signed_on = models.DateField(_("signed on"))
    document = models.FileField(_("signed document"), upload_to=covenant_path)
    original_name = models.CharField(_("file name"), max_length=255)
    signatories = models.ManyToManyField(Unit, related_name="signed_covenants", verbose_name=_("signed by"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("covenant")
        verbose_name_plural = _("covenants")


class ScoreCriterion(models.Model):
    """One line of a group's score sheet (bảng chấm điểm) for its year."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("criterion"), max_length=300)
    max_points = models.DecimalField(_("maximum points"), max_digits=6, decimal_places=2)
    weight = models.DecimalField(_("weight"), max_digits=4, decimal_places=2, default=1)

    class Meta:
        ordering = ["group_id", "order", "id"]
        verbose_name = _("score criterion")
        verbose_name_plural = _("score criteria")

    def __str__(self):
        return self.name


class Score(models.Model):
    """Points given to one member on one criterion by a member unit: itself (self-score, with
    evidence) or another member (cross-score)."""

    criterion = models.ForeignKey(ScoreCriterion, on_delete=models.CASCADE, related_name="scores")
    scored_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    scorer_unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2)
    evidence = models.TextField(_("evidence"), blank=True)
    scored_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["criterion", "scored_unit", "scorer_unit"],
                                               name="one_score_per_scorer")]

    @property
    def is_self(self) -> bool:
        return self.scored_unit_id == self.scorer_unit_id


class GroupResult(models.Model):
    """The head's aggregation: a member's final score, rank and each criterion's contribution."""

    group = models.ForeignKey(EmulationGroup, on_delete=models.CASCADE, related_name="results")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    total = models.DecimalField(_("final score"), max_digits=8, decimal_places=2)
    rank = models.PositiveSmallIntegerField(_("rank"))
    contributions = models.JSONField(_("contribution per criterion"), default=dict)
    aggregated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    aggregated_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group_id", "rank", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["group", "unit"], name="one_result_per_member")]


# --- Suy tôn: the secret ballot -----------------------------------------------------------------
#
# Secrecy (docs/emulation.md): who has voted (BallotVoter) and what was voted (Ballot, BallotChoice)
# live in separate tables with nothing to join them. Voter rows are created for every member when
# the round opens and only flip ``has_voted`` (no timestamp), so their order is the membership order,
# not the voting order. Ballots have random UUID keys and no timestamp, and are rewritten in a
# random order when the round closes, so neither keys nor storage order follow the order of voting.

class BallotRound(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("voting open")
        CLOSED = "closed", _("counted")

    group = models.OneToOneField(EmulationGroup, on_delete=models.CASCADE, related_name="ballot_round")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN,
                              editable=False)
    flag_seats = models.PositiveSmallIntegerField(_("units proposed for the emulation flag"), default=1)
    merit_seats = models.PositiveSmallIntegerField(_("units proposed for certificates of merit"), default=2)
    held_on = models.DateField(_("held on"))
    count_record = models.TextField(_("count record"), blank=True, editable=False)
    dossier_code = models.CharField(_("resulting dossier"), max_length=30, blank=True, editable=False)

    class Meta:
        verbose_name = _("suy tôn ballot")
        verbose_name_plural = _("suy tôn ballots")


class BallotVoter(models.Model):
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="voters")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    has_voted = models.BooleanField(default=False)

    class Meta:
        ordering = ["round_id", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="one_voter_per_unit")]


class Ballot(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(BallotRound, on_delete=models.CASCADE, related_name="ballots")

    class Meta:
        ordering = ["id"]


class BallotChoice(models.Model):
    class Choice(models.TextChoices):
        FLAG = "flag", _("emulation flag")
        MERIT = "merit", _("certificate of merit")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        ordering = ["id"]


# --- Exemplars (điển hình tiên tiến) and conferences ---------------------------------------------

class Exemplar(TimeStampedModel):
    class Kind(models.TextChoices):
        PERSON = "person", _("person")
        COLLECTIVE = "collective", _("collective")
        MODEL = "model", _("model, new approach")

    class Stage(models.TextChoices):
        # Chỉ thị 30-CT/TU: "Phát hiện - bồi dưỡng - tổng kết - nhân điển hình tiên tiến".
        DISCOVERED = "discovered", _("discovered")
        NURTURED = "nurtured", _("nurtured")
        SUMMARISED = "summarised", _("summarised")
        REPLICATED = "replicated", _("replicated")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=300)
    person = models.ForeignKey(Person, on_delete=models.PROTECT, null=True, blank=True, related_name="exemplars",
                               verbose_name=_("individual"))
    collective = models.ForeignKey(Collective, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="exemplars", verbose_name=_("collective"))
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="exemplars", verbose_name=_("unit"))
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.DISCOVERED,
                             editable=False, db_index=True)
    discovered_by = models.CharField(_("discovered by"), max_length=255)
    discovered_on = models.DateField(_("discovered on"))
    movement = models.ForeignKey(Movement, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="exemplars", verbose_name=_("movement"))
    achievements = models.TextField(_("achievements, evidence"))
    replication_plan = models.TextField(_("replication plan"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("exemplar")
        verbose_name_plural = _("exemplars")

    def __str__(self):
        return self.name


class ExemplarEvent(EventLabel, models.Model):
    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(max_length=40)
    stage = models.CharField(max_length=12, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]


class Conference(TimeStampedModel):
    """A conference or ceremony of the emulation work (plans list them as well)."""

    class Kind(models.TextChoices):
        HONOURING = "honouring", _("exemplar honouring conference")
        INTERIM_REVIEW = "interim_review", _("interim review conference (sơ kết)")
        FINAL_REVIEW = "final_review", _("final review conference (tổng kết)")
        CEREMONY = "ceremony", _("ceremony, meeting")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=400)
    organiser = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="conferences",
                                  verbose_name=_("organised by"))
    held_on = models.DateField(_("held on"))
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    movement = models.ForeignKey(Movement, on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="conferences", verbose_name=_("movement"))
    period_from_year = models.PositiveSmallIntegerField(_("period from year"), null=True, blank=True)
    period_to_year = models.PositiveSmallIntegerField(_("period to year"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["-held_on", "name"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")

    def __str__(self):
        return self.name


class ConferenceHonouree(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="honourees")
    exemplar = models.ForeignKey(Exemplar, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="honours", verbose_name=_("exemplar"))
    name = models.CharField(_("honouree"), max_length=300)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                             verbose_name=_("unit"))
    citation = models.TextField(_("citation"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["conference_id", "order", "id"]
        verbose_name = _("honouree")
        verbose_name_plural = _("honourees")

    def __str__(self):
        return self.name
