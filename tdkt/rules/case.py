"""The case: the plain-data description of one nominee that the rules read (issue 3 case contract).

``parse_case(dict)`` turns the JSON contract into frozen-by-convention slotted dataclasses. It is
written for speed (the batch budget is 30 µs per nominee with ten years of history): no schema
work here (``tdkt.rules.schema`` validates untrusted input at the edges: CLI, API), dates parsed with
``date.fromisoformat`` and nothing else. A malformed value raises ``CaseError`` naming the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import NamedTuple

ACHIEVEMENT_KINDS = ("annual", "thematic", "sudden", "contribution", "seniority", "foreign", "resistance")
DECIDERS = ("chu_tich_ubnd_xa", "chu_tich_ubnd_huyen", "thu_truong_don_vi", "giam_doc_doanh_nghiep",
            "chu_tich_ubnd_tinh", "bo_truong", "thu_tuong", "chu_tich_nuoc")
SUBJECT_KINDS = ("person", "collective", "household")
RATINGS = ("excellent", "good", "completed", "not_completed")
LEAVE_KINDS = ("maternity", "treatment", "other")
DISCIPLINE_LEVELS = ("khien_trach", "canh_cao", "ha_bac_luong", "cach_chuc", "buoc_thoi_viec")
INITIATIVE_SCOPES = ("unit", "province", "national")
SCOPE_RANK = {"unit": 0, "province": 1, "national": 2}


class CaseError(ValueError):
    """A case that cannot be read; ``field`` is the JSON path (e.g. ``subject.ratings.2024``)."""

    def __init__(self, field: str, message: str, message_en: str | None = None):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.message_en = message_en or message


@dataclass(slots=True)
class Achievement:
    kind: str
    year: int
    from_year: int
    to_year: int
    movement_years: int | None = None   # length of the movement for thematic Cờ CP (Đ25 k3)


@dataclass(slots=True)
class Leave:
    kind: str
    from_: date
    to: date


@dataclass(slots=True)
class Discipline:
    level: str
    on: date
    until: date | None


@dataclass(slots=True)
class Post:
    title: str
    from_: date
    to: date | None


@dataclass(slots=True)
class Members:
    total: int
    completed_tasks: int | None
    ldtt: int | None
    cstdcs: int | None
    disciplined_canh_cao_or_above: int | None


@dataclass(slots=True)
class Subject:
    kind: str
    gender: str | None = None
    birth_date: date | None = None
    recruited_on: date | None = None
    ratings: dict | None = None             # year (int) → rating
    leave: tuple = ()
    discipline: tuple = ()
    under_discipline_review: bool | None = None
    posts: tuple = ()
    direct_teaching_years: float | None = None
    hardship_years: float | None = None
    sector_years: float | None = None
    is_manager: bool = False
    contribution_years: float | None = None
    service_months: int | None = None
    members: Members | None = None
    founded_on: date | None = None
    cluster_rank: int | None = None
    sector: str | None = None


class HistoryEntry(NamedTuple):
    """One award already decided (any regime: Luật 2022 Điều 95 keeps older ones recognised).

    A named tuple rather than a dataclass: a nominee has a dozen or more of these and building tuples
    is several times cheaper, which the batch budget needs."""

    award: str
    from_year: int | None
    to_year: int | None
    decided_on: date | None
    kind: str


@dataclass(slots=True)
class Initiative:
    year: int
    scope: str
    used_award: str | None
    used_year: int | None


@dataclass(slots=True)
class Council:
    members: int
    present: int | None
    yes: int
    written_yes: int


@dataclass(slots=True)
class Posting:
    from_: date
    council_on: date


@dataclass(slots=True)
class Batch:
    same_award_proposed: int | None = None
    unit_ldtt: int | None = None
    collectives_meeting_standard: int | None = None
    unit_staff: int | None = None


@dataclass(slots=True)
class SameDecisionTitle:
    award: str
    from_year: int | None
    to_year: int | None


@dataclass(slots=True)
class Case:
    decision_date: date
    award: str
    achievement: Achievement
    decider: str | None
    subject: Subject
    history: tuple
    initiatives: tuple
    council: Council | None = None
    posting: Posting | None = None
    received_on: date | None = None
    batch: Batch | None = None
    criterion: str | None = None         # the legal point claimed, e.g. "d" for BK tỉnh Đ74 k1 d
    registered: bool | None = None       # registered the target title at the start of the year
    same_decision: tuple = ()            # other titles for the same subject in the same decision
    history_by_award: dict = field(default_factory=dict)   # award code → [HistoryEntry], built while parsing
    history_has_non_annual: bool = False   # any thematic/sudden… entry (COMMON.thematic_not_counted)

    def __post_init__(self):
        if self.history and not self.history_by_award:   # built by hand rather than by parse_case
            for entry in self.history:
                self.history_by_award.setdefault(entry.award, []).append(entry)
            self.history_has_non_annual = any(entry.kind != "annual" for entry in self.history)


_fromiso = date.fromisoformat


def _date(value, field: str) -> date | None:
    if value is None:
        return None
    try:
        return _fromiso(value)
    except (TypeError, ValueError):
        raise CaseError(field, f"ngày không hợp lệ {value!r} (định dạng YYYY-MM-DD)",
                        f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def _int(value, field: str) -> int | None:
    if value is None or type(value) is int:
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise CaseError(field, f"phải là số nguyên, nhận {value!r}", f"must be an integer, got {value!r}")


def _choice(value, choices, field: str):
    if value is not None and value not in choices:
        raise CaseError(field, f"giá trị {value!r} không thuộc {', '.join(choices)}",
                        f"value {value!r} is not one of {', '.join(choices)}")
    return value


def _achievement(raw, decision_date: date) -> Achievement:
    if raw is None:
        raise CaseError("achievement", "thiếu thông tin thành tích", "the achievement is missing")
    kind = _choice(raw.get("kind", "annual"), ACHIEVEMENT_KINDS, "achievement.kind")
    year = _int(raw.get("year"), "achievement.year")
    to_year = _int(raw.get("to_year"), "achievement.to_year")
    from_year = _int(raw.get("from_year"), "achievement.from_year")
    if year is None:
        year = to_year if to_year is not None else (from_year if from_year is not None else decision_date.year)
    if to_year is None:
        to_year = year
    if from_year is None:
        from_year = to_year
    if from_year > to_year:
        raise CaseError("achievement.from_year", "năm bắt đầu sau năm kết thúc", "from_year is after to_year")
    return Achievement(kind, year, from_year, to_year, _int(raw.get("movement_years"), "achievement.movement_years"))


_RATING_SET = frozenset(RATINGS)


def _ratings(raw) -> dict:
    if not raw:
        return {}
    try:
        out = dict(zip(map(int, raw), raw.values()))   # C-level loops: this runs for every nominee
    except (TypeError, ValueError):
        bad = next(k for k in raw if not str(k).isdigit())
        raise CaseError(f"subject.ratings.{bad}", "khóa phải là năm (YYYY)", "the key must be a year") from None
    if not _RATING_SET.issuperset(out.values()):
        key, value = next((k, v) for k, v in raw.items() if v not in _RATING_SET)
        raise CaseError(f"subject.ratings.{key}", f"xếp loại {value!r} không thuộc {', '.join(RATINGS)}",
                        f"rating {value!r} is not one of {', '.join(RATINGS)}")
    return out


def _members(raw) -> Members | None:
    if raw is None:
        return None
    total = _int(raw.get("total"), "subject.members.total")
    if not total:
        raise CaseError("subject.members.total", "tổng số thành viên phải lớn hơn 0", "total must be positive")
    return Members(total, raw.get("completed_tasks"), raw.get("ldtt"), raw.get("cstdcs"),
                   raw.get("disciplined_canh_cao_or_above"))


def _subject(raw) -> Subject:
    if raw is None:
        raise CaseError("subject", "thiếu đối tượng khen thưởng", "the subject is missing")
    get = raw.get
    # Lists are usually absent or empty: test before building generators (this runs per nominee).
    leave = get("leave")
    if leave:
        leave = tuple(Leave(_choice(item.get("kind"), LEAVE_KINDS, f"subject.leave[{i}].kind"),
                            _date(item.get("from"), f"subject.leave[{i}].from"),
                            _date(item.get("to"), f"subject.leave[{i}].to"))
                      for i, item in enumerate(leave))
    discipline = get("discipline")
    if discipline:
        discipline = tuple(
            Discipline(_choice(item.get("level"), DISCIPLINE_LEVELS, f"subject.discipline[{i}].level"),
                       _date(item.get("on"), f"subject.discipline[{i}].on"),
                       _date(item.get("until"), f"subject.discipline[{i}].until"))
            for i, item in enumerate(discipline))
    posts = get("posts")
    if posts:
        posts = tuple(Post(item.get("title"), _date(item.get("from"), f"subject.posts[{i}].from"),
                           _date(item.get("to"), f"subject.posts[{i}].to"))
                      for i, item in enumerate(posts))
    kind = get("kind", "person")
    if kind not in SUBJECT_KINDS:
        _choice(kind, SUBJECT_KINDS, "subject.kind")
    birth, recruited, founded = get("birth_date"), get("recruited_on"), get("founded_on")
    members = get("members")
    # Positional: the 20 keyword arguments of a dataclass call cost more than the rest of this function.
    return Subject(
        kind, get("gender"),
        _date(birth, "subject.birth_date") if birth else None,
        _date(recruited, "subject.recruited_on") if recruited else None,
        _ratings(get("ratings")),
        leave or (), discipline or (),
        get("under_discipline_review"),
        posts or (),
        get("direct_teaching_years"), get("hardship_years"), get("sector_years"), bool(get("is_manager")),
        get("contribution_years"), get("service_months"),
        _members(members) if members is not None else None,
        _date(founded, "subject.founded_on") if founded else None,
        get("cluster_rank"), get("sector"),
    )


_new_entry = tuple.__new__
_ISO_CACHE: dict[str, date] = {}
# The five raw fields of a history entry, read by one C-level call; raises KeyError when one is
# missing and TypeError for a non-mapping.
_HISTORY_FIELDS = itemgetter("award", "from_year", "to_year", "decided_on", "kind")
# Raw fields → the HistoryEntry already built from them. The same (award, years, decision date) recurs
# across a batch (one decision covers a whole unit), so most entries are a dictionary lookup instead
# of being validated and built again. Entries are immutable tuples and safe to share. Only entries
# whose five fields are all str/int are stored, so a key can only ever equal a key of the same types,
# except for bool/float years equal to an int: those are re-checked on every hit (see ``_history``).
_ENTRY_CACHE: dict[tuple, HistoryEntry] = {}


def _history(raw) -> tuple[tuple, dict, bool]:
    """The history entries and, in the same pass, their index by award code (the rules look entries up
    by code; building the index here saves a second loop per nominee)."""
    if not raw:
        return (), {}, False
    out = []
    non_annual = False
    append = out.append
    index: dict[str, list] = {}
    fields, entries = _HISTORY_FIELDS, _ENTRY_CACHE
    for item in raw:
        try:
            values = fields(item)
            entry = entries.get(values)
        except (KeyError, TypeError):   # a missing field or an unhashable value: the careful path
            entry = values = None
        if entry is None or type(values[1]) is not int or type(values[2]) is not int:
            entry = _history_entry(out, item, values)
        if entry[4] != "annual":
            non_annual = True
        append(entry)
        award = entry[0]
        bucket = index.get(award)
        if bucket is None:
            index[award] = [entry]
        else:
            bucket.append(entry)
    return tuple(out), index, non_annual


def _history_entry(out, item, values) -> HistoryEntry:
    """One entry not in the entry cache (or whose years are not plain ints)."""
    cache = _ISO_CACHE
    # The common, complete entry is read with plain subscripts (cheaper than .get calls); anything
    # missing or unusual takes the careful path.
    try:
        award = item["award"]
        from_year = item["from_year"]
        to_year = item["to_year"]
        decided = cache[item["decided_on"]]
        kind = item["kind"]
        if type(from_year) is not int or type(to_year) is not int or not award or to_year < from_year:
            raise KeyError
    except (KeyError, TypeError):
        award, from_year, to_year, decided = _history_slow(out, item)
        kind = item.get("kind") or "annual"
        values = None   # validated the careful way: not cached
    entry = _new_entry(HistoryEntry, (award, from_year, to_year, decided, kind))
    if (values is not None and type(award) is str and type(kind) is str and type(values[3]) is str
            and len(entries := _ENTRY_CACHE) < 100_000):
        entries[values] = entry
    return entry


def _history_slow(out, item):
    """The careful path: validates one entry and fills the date cache (decision dates repeat a lot
    across nominees, so the cache makes the common path a dictionary lookup)."""
    i = len(out)
    get = item.get
    award = get("award")
    if not award or not isinstance(award, str):
        raise CaseError(f"history[{i}].award", "thiếu mã danh hiệu/hình thức", "the award code is missing")
    decided = get("decided_on")
    if decided is not None:
        parsed = _date(decided, f"history[{i}].decided_on")
        if len(_ISO_CACHE) < 100_000:
            _ISO_CACHE[decided] = parsed
        decided = parsed
    from_year = _int(get("from_year"), f"history[{i}].from_year")
    to_year = _int(get("to_year"), f"history[{i}].to_year")
    if from_year is None:
        from_year = to_year
    elif to_year is None:
        to_year = from_year
    if from_year is not None and to_year < from_year:
        raise CaseError(f"history[{i}].from_year", "năm bắt đầu sau năm kết thúc", "from_year is after to_year")
    return award, from_year, to_year, decided


def _initiatives(raw) -> tuple:
    if not raw:
        return ()
    out = []
    for i, item in enumerate(raw):
        used = item.get("used_for")   # usually absent: no empty dict to build and query
        scope = item.get("scope")
        if scope not in SCOPE_RANK:
            _choice(scope, INITIATIVE_SCOPES, f"initiatives[{i}].scope")
            raise CaseError(f"initiatives[{i}].scope", "thiếu phạm vi công nhận sáng kiến",
                            "the initiative's recognition scope is missing")
        year = item.get("year")
        if type(year) is not int:
            year = _int(year, f"initiatives[{i}].year")
            if year is None:
                raise CaseError(f"initiatives[{i}].year", "thiếu năm công nhận sáng kiến",
                                "the initiative's year is missing")
        if used:
            out.append(Initiative(year, scope, used.get("award"), used.get("year")))
        else:
            out.append(Initiative(year, scope, None, None))
    return tuple(out)


def parse_case(raw: dict) -> Case:
    """Read the JSON case contract (issue 3) into a ``Case``; raises ``CaseError`` naming the field."""
    if not isinstance(raw, dict):
        raise CaseError("$", "hồ sơ phải là một đối tượng JSON", "the case must be a JSON object")
    decision_date = _date(raw.get("decision_date"), "decision_date")
    if decision_date is None:
        raise CaseError("decision_date", "thiếu ngày xét/quyết định", "decision_date is missing")
    award = raw.get("award")
    if not award:
        raise CaseError("award", "thiếu mã danh hiệu/hình thức khen thưởng", "the award code is missing")
    council = raw.get("council")
    if council is not None:
        council = Council(_int(council.get("members"), "council.members") or 0,
                          _int(council.get("present"), "council.present"),
                          _int(council.get("yes"), "council.yes") or 0,
                          _int(council.get("written_yes"), "council.written_yes") or 0)
    posting = raw.get("posting")
    if posting is not None:
        posting = Posting(_date(posting.get("from"), "posting.from"),
                          _date(posting.get("council_on"), "posting.council_on"))
    batch = raw.get("batch")
    if batch is not None:
        batch = Batch(batch.get("same_award_proposed"), batch.get("unit_ldtt"),
                      batch.get("collectives_meeting_standard"), batch.get("unit_staff"))
    same = raw.get("same_decision")
    if same:   # usually absent: skip building an empty generator
        same = tuple(SameDecisionTitle(item.get("award"), item.get("from_year"), item.get("to_year"))
                     for item in same)
    else:
        same = ()
    history, by_award, non_annual = _history(raw.get("history"))
    return Case(
        decision_date=decision_date,
        award=award,
        achievement=_achievement(raw.get("achievement"), decision_date),
        decider=_choice(raw.get("decider"), DECIDERS, "decider"),
        subject=_subject(raw.get("subject")),
        history=history,
        initiatives=_initiatives(raw.get("initiatives")),
        council=council, posting=posting,
        received_on=_date(raw.get("received_on"), "received_on"),
        batch=batch, criterion=raw.get("criterion"), registered=raw.get("registered"),
        same_decision=same,
        history_by_award=by_award,
        history_has_non_annual=non_annual,
    )
