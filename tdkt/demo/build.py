"""Builds the Lạng Sơn demo: units with the 2025 reorganisation, people, emulation
groups and movements, the award archive 2017–2025, accounts, the council, and a
handful of current dossiers moved through the real services.

Deterministic: one ``random.Random(2018)`` drives every choice, so two fresh
databases get the same demo. The archive is written in bulk (one query per
decision, one bulk insert for the awards) because thousands of rows through
``grant_award`` one by one would make the demo slow; the rows are built exactly
as ``grant_award`` builds them (số sổ vàng in order, money on the decision date).
"""

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tdkt.accounts.models import User
from tdkt.catalogue.models import BaseSalary, CatalogueEntry, money_for
from tdkt.core.calendar import nth_working_day
from tdkt.core.text import fold
from tdkt.decisions.models import AchievementKind, Award, Decision, reindex_award_names
from tdkt.decisions.services import record_decision
from tdkt.demo import data as D
from tdkt.demo import certificates_demo, emulation_demo, plans_demo
from tdkt.emulation.models import EmulationGroup, GroupMembership, Movement
from tdkt.nominations import services
from tdkt.nominations.models import Council, CouncilMembership
from tdkt.organizations.models import (Collective, CollectiveYearStats, DisciplineRecord, Household, Initiative,
                                       Person, SubjectCategory, Unit, UnitLineage, YearlyRating)

SEED = 2018
ANNUAL_YEARS = range(2017, 2026)
ND152_START = date(2025, 7, 1)
SYSTEM_START = date(2024, 1, 1)  # decisions before this are "imported from earlier records"

# Authority codes (catalogue.models.Authority values).
UH, DC, CC, ED, PC, TTG, CTN = ("thu_truong_don_vi", "chu_tich_ubnd_huyen", "chu_tich_ubnd_xa",
                                "giam_doc_doanh_nghiep", "chu_tich_ubnd_tinh", "thu_tuong", "chu_tich_nuoc")
PROVINCE_SIGNER = ("Hồ Tiến Thiệu", "Phó Chủ tịch UBND tỉnh")
CENTRAL_SIGNERS = {TTG: ("Phó Thủ tướng Chính phủ", "KT. Thủ tướng"),
                   CTN: ("Phó Chủ tịch nước", "KT. Chủ tịch nước")}


def demo_exists() -> bool:
    return Unit.objects.filter(code=D.ROOT).exists() or User.objects.filter(username="quantri").exists()


def _active(unit: Unit, day: date) -> bool:
    return unit.is_active_on(day)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(eq=False)
class Subject:
    """A person, collective or household with what the archive needs to know about its past."""

    obj: object
    kind: str  # person | collective | household
    hist_unit: Unit
    hist_position: str = ""
    switch_on: date | None = None  # from this day on, obj.unit / position are current
    merit: float = 0.5
    role: str = ""  # employee | armed | community | whole | team | village | household
    star: bool = False
    forced_cs: set = field(default_factory=set)
    hold_cstd: bool = False
    history: dict = field(default_factory=lambda: defaultdict(set))

    def unit_at(self, day: date) -> Unit:
        if self.switch_on and day >= self.switch_on:
            return self.obj.unit
        return self.hist_unit

    def position_at(self, day: date) -> str:
        if self.kind != "person":
            return ""
        if self.switch_on and day >= self.switch_on:
            return self.obj.position
        return self.hist_position

    @property
    def name(self) -> str:
        if self.kind == "household":
            return f"Hộ gia đình {getattr(self, 'head_label', self.obj.head_name)}"
        return self.obj.full_name if self.kind == "person" else self.obj.name

    def has(self, code: str, year: int) -> bool:
        return code in self.history.get(year, ())


class Ledger:
    """Collects awards per decision, then writes decisions and awards in date order."""

    def __init__(self, builder: "DemoBuilder"):
        self.builder = builder
        self.decisions: dict[tuple, dict] = {}

    def add(self, issuer: Unit, day: date, authority: str, summary: str, code: str, subject: Subject, year: int,
            kind: str = AchievementKind.ANNUAL, period: tuple[int, int] | None = None) -> None:
        key = (issuer.code, day, summary)
        spec = self.decisions.setdefault(key, dict(issuer=issuer, day=day, authority=authority, summary=summary,
                                                   items=[]))
        if spec["authority"] != authority:
            raise ValueError(f"{summary}: one decision, two authorities")
        spec["items"].append((code, subject, year, kind, period))
        subject.history[year].add(code)

    def flush(self) -> tuple[int, int]:
        b = self.builder
        awards: list[Award] = []
        money_cache: dict[tuple, int] = {}
        salary_starts = list(BaseSalary.objects.values_list("valid_from", flat=True))
        count = 0
        for spec in sorted(self.decisions.values(), key=lambda s: (s["day"], s["issuer"].code, s["summary"])):
            day, issuer, authority = spec["day"], spec["issuer"], spec["authority"]
            if authority in CENTRAL_SIGNERS:
                source = Decision.Source.CENTRAL
                signer_name, signer_title = CENTRAL_SIGNERS[authority]
                signer = None
            else:
                source = Decision.Source.IMPORTED if day < SYSTEM_START else Decision.Source.SYSTEM
                if authority == PC:
                    signer_name, signer_title = PROVINCE_SIGNER
                    signer = b.users.get("pct.ubnd") if source == Decision.Source.SYSTEM else None
                else:
                    signer_name, signer_title = b.head_of.get(issuer.code, ("Thủ trưởng đơn vị", ""))
                    signer = None
            decision = record_decision(number=b.decision_number(issuer, day), issued_on=day, authority=authority,
                                       issuer=issuer, signer_name=signer_name, signer_title=signer_title,
                                       signer=signer, summary=spec["summary"], source=source)
            count += 1
            for number, (code, subject, year, kind, period) in enumerate(spec["items"], start=1):
                entry = b.entry(code, day)
                if authority not in entry.deciders:
                    raise ValueError(f"{entry.code} ({day}) is not decided by {authority}")
                if subject.kind not in entry.subject_kinds:
                    raise ValueError(f"{entry.code} is not awarded to a {subject.kind}")
                # The amount only changes with the base salary: cache per salary period.
                period_start = max((d for d in salary_starts if d <= day), default=day)
                coefficient = entry.coefficient_for(subject.kind)
                key = (coefficient, period_start)
                if key not in money_cache:
                    money_cache[key] = money_for(coefficient, day)
                unit = subject.unit_at(day)
                position = subject.position_at(day)
                award = Award(decision=decision, entry=entry, recipient_name=subject.name,
                              search_name=fold(subject.name), unit=unit,
                              position_text=f"{position}, {unit.name}" if position else unit.name,
                              year=year, period_from_year=period[0] if period else year,
                              period_to_year=period[1] if period else year, achievement_kind=kind,
                              certificate_number=number, money_coefficient=coefficient,
                              money_amount=money_cache[key])
                award.set_subject(subject.obj)
                awards.append(award)
        Award.objects.bulk_create(awards, batch_size=500)
        reindex_award_names(awards)  # bulk_create skips Award.save, which keeps the name-search index
        return count, len(awards)


class DemoBuilder:
    def __init__(self, stdout=None):
        self.rng = random.Random(SEED)
        self.stdout = stdout
        self.today = timezone.localdate()
        self.units: dict[str, Unit] = {}
        self.people: list[Subject] = []
        self.collectives: list[Subject] = []
        self.whole: dict[str, Subject] = {}  # unit code -> collective that is the whole unit
        self.households: list[Subject] = []
        self.head_of: dict[str, tuple[str, str]] = {}
        self.successor: dict[str, Unit] = {}  # old unit code -> unit that took over
        self.users: dict[str, User] = {}
        self.groups: dict[int, list[tuple[EmulationGroup, list[Unit]]]] = defaultdict(list)
        self.categories = {c.code: c for c in SubjectCategory.objects.all()}
        self.catalogue: dict[str, list[CatalogueEntry]] = defaultdict(list)
        for entry in CatalogueEntry.objects.all():
            self.catalogue[entry.code].append(entry)
        self.used_numbers: dict[tuple, set] = defaultdict(set)
        self.identifiers: set[str] = set()
        self.issuer_days: dict[tuple, date] = {}
        self.ledger = Ledger(self)
        self.counts: dict[str, int] = {}

    # --- helpers ----------------------------------------------------------------------

    def entry(self, code: str, day: date) -> CatalogueEntry:
        for entry in self.catalogue[code]:
            if (entry.valid_from is None or entry.valid_from <= day) and (entry.valid_to is None or day <= entry.valid_to):
                return entry
        raise KeyError(f"No catalogue entry {code} in force on {day}")

    def decision_number(self, issuer: Unit, day: date) -> str:
        if issuer.code in (D.CENTRAL_PM, D.CENTRAL_PRESIDENT):
            symbol = "QĐ-TTg" if issuer.code == D.CENTRAL_PM else "QĐ-CTN"
            base = day.timetuple().tm_yday * 5
        elif issuer.kind in ("province_office", "district", "commune"):
            symbol = "QĐ-UBND"
            base = day.timetuple().tm_yday * {"province_office": 6, "district": 2}.get(issuer.kind, 0.3)
            base = int(base)
        else:
            symbol = f"QĐ-{self.symbols[issuer.code]}"
            base = day.timetuple().tm_yday // 3
        used = self.used_numbers[(issuer.code, day.year)]
        number = base + 1 + self.rng.randint(0, 4)
        while number in used:
            number += 1
        used.add(number)
        return f"{number}/{symbol}"

    def unit(self, code, name, kind, level, parent=None, flags="", short="", valid_from=None, valid_to=None,
             ethnic=True) -> Unit:
        unit = Unit(code=code, name=name, short_name=short, kind=kind, level=level,
                    parent=self.units[parent] if parent else None, is_border="b" in flags,
                    is_remote="r" in flags, is_especially_difficult="d" in flags, is_ethnic_minority=ethnic,
                    valid_from=valid_from, valid_to=valid_to)
        unit.save()
        self.units[code] = unit
        return unit

    def name(self, gender: str) -> tuple[str, str]:
        rng = self.rng
        ethnicity = rng.choices([g[0] for g in D.ETHNIC_GROUPS], weights=[g[1] for g in D.ETHNIC_GROUPS])[0]
        surnames = next(g[2] for g in D.ETHNIC_GROUPS if g[0] == ethnicity)
        middle = "A" if ethnicity == "H'Mông" and gender == "male" else rng.choice(D.MIDDLE[gender])
        return f"{rng.choice(surnames)} {middle} {rng.choice(D.GIVEN[gender])}", ethnicity

    # --- units -------------------------------------------------------------------------

    def build_units(self) -> None:
        self.symbols: dict[str, str] = {}
        self.unit(D.ROOT, "UBND tỉnh Lạng Sơn", "province_office", "province", short="UBND tỉnh Lạng Sơn", ethnic=True)
        self.unit(D.COUNCIL_UNIT, "Hội đồng Thi đua - Khen thưởng tỉnh", "council", "province", parent=D.ROOT,
                  short="HĐ TĐKT tỉnh", ethnic=False)
        for code, name, short, kind, symbol, _head, start, end in D.AGENCIES:
            self.unit(code, name, kind, "province", parent=D.ROOT, short=short, valid_from=start, valid_to=end,
                      ethnic=False)
            self.symbols[code] = symbol
        self.unit(D.BOARD, "Ban Thi đua - Khen thưởng", "board", "province", parent="so-noi-vu",
                  short="Ban TĐKT", ethnic=False)
        self.symbols[D.BOARD] = "BTĐKT"
        for code, name, flags in D.SCHOOLS:
            self.unit(code, name, "school", "grassroots", parent="so-gddt", flags=flags)
        for code, name in D.HOSPITALS:
            self.unit(code, name, "hospital", "grassroots", parent="so-y-te", ethnic=False)
        for code, name, symbol in D.ENTERPRISES:
            self.unit(code, name, "enterprise", "grassroots", parent=D.ROOT, ethnic=code == "htx-hong-phong",
                      flags="r" if code == "htx-hong-phong" else "")
            self.symbols[code] = symbol
        lineages = []
        for code, name, flags, communes, successors in D.DISTRICTS:
            self.unit(code, name, "district", "district", parent=D.ROOT, flags=flags, valid_to=D.DISTRICT_END)
            for c_code, c_name, c_flags in communes:
                self.unit(c_code, c_name, "commune", "commune", parent=code, flags=c_flags, valid_to=D.DISTRICT_END)
        for code, name, flags, communes, successors in D.DISTRICTS:
            old_flags = {c_code: c_flags for c_code, _n, c_flags in communes}
            for s_code, s_name, predecessors in successors:
                merged = "".join(sorted({f for p in predecessors for f in old_flags[p]}))
                new = self.unit(s_code, s_name, "commune", "commune", parent=D.ROOT, flags=merged,
                                valid_from=D.COMMUNES_MERGED_ON)
                for p in predecessors:
                    self.successor[p] = new
                    lineages.append(UnitLineage(predecessor=self.units[p], successor=new, kind="merge",
                                                on=D.COMMUNES_MERGED_ON, legal_basis=D.COMMUNES_LEGAL_BASIS))
                lineages.append(UnitLineage(predecessor=self.units[code], successor=new, kind="split",
                                            on=D.COMMUNES_MERGED_ON, legal_basis=D.COMMUNES_LEGAL_BASIS))
            self.successor[code] = self.units[successors[0][0]]
        for old, (new, kind) in D.DEPARTMENT_SUCCESSORS.items():
            self.successor[old] = self.units[new]
            lineages.append(UnitLineage(predecessor=self.units[old], successor=self.units[new], kind=kind,
                                        on=D.DEPARTMENTS_MERGED_ON, legal_basis=D.DEPARTMENTS_LEGAL_BASIS))
        UnitLineage.objects.bulk_create(lineages)
        for code, name in D.OTHER_PROVINCES:
            self.unit(code, name, "other_province", "external", flags="b", short=name.replace("UBND ", ""))
        self.unit(D.CENTRAL_PM, "Thủ tướng Chính phủ", "other", "external", ethnic=False)
        self.unit(D.CENTRAL_PRESIDENT, "Chủ tịch nước", "other", "external", ethnic=False)
        self.unit(D.CENTRAL_COUNCIL, "Hội đồng Thi đua - Khen thưởng Trung ương", "council", "external",
                  ethnic=False)
        self.counts["units"] = len(self.units)
        self.counts["lineage links"] = len(lineages)

    # --- people, collectives, households -------------------------------------------------

    def _person(self, unit: Unit, position: str, cats: list[str], role: str, *, current_unit: Unit | None = None,
                current_position: str | None = None, switch_on: date | None = None) -> Subject:
        rng = self.rng
        gender = "female" if rng.random() < 0.45 else "male"
        full_name, ethnicity = self.name(gender)
        born = date(rng.randint(1965, 1998), rng.randint(1, 12), rng.randint(1, 28))
        national_id = None
        if rng.random() < 0.6:
            century_gender = (0 if born.year < 2000 else 2) + (1 if gender == "female" else 0)
            while national_id is None or national_id in self.identifiers:
                national_id = f"020{century_gender}{born.year % 100:02d}{rng.randint(0, 999999):06d}"
            self.identifiers.add(national_id)
        civil_code = None
        if "civil_servant" in cats and rng.random() < 0.5:
            while civil_code is None or civil_code in self.identifiers:
                civil_code = f"LS{rng.randint(10_000_000, 99_999_999)}"
            self.identifiers.add(civil_code)
        recruited = date(min(born.year + rng.randint(22, 30), 2016), rng.randint(1, 12), 1)
        person = Person(full_name=full_name, search_name=fold(full_name), gender=gender, birth_date=born,
                        birth_year=born.year, national_id=national_id, civil_servant_code=civil_code,
                        ethnicity=ethnicity, position=current_position or position,
                        unit=current_unit or unit, recruited_on=recruited)
        subject = Subject(obj=person, kind="person", hist_unit=unit, hist_position=position,
                          switch_on=switch_on if current_unit or current_position else None,
                          merit=rng.random(), role=role)
        subject.cats = cats
        self.people.append(subject)
        return subject

    def build_people(self) -> None:
        rng = self.rng
        heads = {code: head for code, _n, _s, _k, _sym, head, _f, _t in D.AGENCIES}
        for code, name, _short, kind, _symbol, head, start, end in D.AGENCIES:
            if start and start >= D.DEPARTMENTS_MERGED_ON:
                continue  # the new departments are staffed by those of the merged ones
            later = self.successor.get(code)
            profile = D.STAFF["other" if code in D.ARMED else ("mass_organisation" if kind == "mass_organisation"
                                                                 else "department")]
            for i, (position, cats) in enumerate(profile):
                position = position.format(head=heads[code])
                subject = self._person(self.units[code], position, cats,
                                       "armed" if code in D.ARMED else "employee",
                                       current_unit=later, switch_on=D.DEPARTMENTS_MERGED_ON if later else None)
                if i == 0:
                    self.head_of[code] = (subject.obj.full_name, f"{position} {name}")
        for code, _n, _s, _k, _sym, head, start, _end in D.AGENCIES:
            if start and start >= D.DEPARTMENTS_MERGED_ON:
                # The head of a new department comes from a merged one.
                self.head_of[code] = (self.name("male")[0], f"{head} {self.units[code].name}")
        for i, (position, cats) in enumerate(D.STAFF["board"]):
            subject = self._person(self.units[D.BOARD], position, cats, "employee")
            if i == 0:
                self.head_of[D.BOARD] = (subject.obj.full_name, "Trưởng ban Ban Thi đua - Khen thưởng")
        for code, _name, _flags in D.SCHOOLS:
            for position, cats in D.STAFF["school"]:
                self._person(self.units[code], position, cats, "employee")
        for code, _name in D.HOSPITALS:
            for position, cats in D.STAFF["hospital"]:
                self._person(self.units[code], position, cats, "employee")
        for code, name, _symbol in D.ENTERPRISES:
            for i, (position, cats) in enumerate(D.STAFF["enterprise"]):
                if code == "htx-hong-phong":
                    position = {"Giám đốc": "Giám đốc Hợp tác xã", "Quản đốc phân xưởng": "Tổ trưởng sản xuất",
                                "Công nhân": "Xã viên"}.get(position, position)
                subject = self._person(self.units[code], position, cats, "employee")
                if i == 0:
                    self.head_of[code] = (subject.obj.full_name, f"{position} {name}")
        commune_chair_taken: set[str] = set()
        district_to_commune = {"Chủ tịch UBND huyện": "Chủ tịch UBND",
                               "Phó Chủ tịch UBND huyện": "Phó Chủ tịch UBND",
                               "Trưởng phòng Nội vụ": "Trưởng phòng Văn hóa - Xã hội",
                               "Chuyên viên Phòng Nội vụ": "Chuyên viên Văn phòng HĐND và UBND"}
        turn = 0
        for code, name, _flags, communes, successors in D.DISTRICTS:
            district = self.units[code]
            new_units = [self.units[s[0]] for s in successors]
            for i, (position, cats) in enumerate(D.STAFF["district"]):
                if code == "tp-lang-son":
                    position = position.replace("huyện", "thành phố")
                target = new_units[i % len(new_units)]
                later = district_to_commune.get(position.replace("thành phố", "huyện"), "Công chức")
                if later.startswith("Chủ tịch"):
                    commune_chair_taken.add(target.code)
                later = f"{later} {_lower_first(target.name)}" if "UBND" in later else later
                subject = self._person(district, position, cats, "employee", current_unit=target,
                                       current_position=later, switch_on=D.COMMUNES_MERGED_ON)
                if i == 0:
                    self.head_of[code] = (subject.obj.full_name, f"{position} {name}".replace("huyện Huyện", "huyện")
                                          .replace("thành phố Thành phố", "thành phố"))
                if later.startswith("Chủ tịch"):
                    self.head_of[target.code] = (subject.obj.full_name, later)
            for c_code, c_name, _c_flags in communes:
                commune = self.units[c_code]
                target = self.successor[c_code]
                chair = f"Chủ tịch UBND {_lower_first(c_name)}"
                if target.code not in commune_chair_taken:
                    later = f"Chủ tịch UBND {_lower_first(target.name)}"
                    commune_chair_taken.add(target.code)
                else:
                    later = f"Phó Chủ tịch UBND {_lower_first(target.name)}"
                subject = self._person(commune, chair, ["civil_servant"], "employee", current_unit=target,
                                       current_position=later, switch_on=D.COMMUNES_MERGED_ON)
                self.head_of[c_code] = (subject.obj.full_name, chair)
                if later.startswith("Chủ tịch"):
                    self.head_of[target.code] = (subject.obj.full_name, later)
                for _ in range(2):
                    position, cats = D.COMMUNE_OTHERS[turn % len(D.COMMUNE_OTHERS)]
                    turn += 1
                    role = "employee" if position.startswith("Công chức") else "community"
                    self._person(commune, position, cats, role, current_unit=target, switch_on=D.COMMUNES_MERGED_ON)
        # Militia and police of the new communes, so that the commune clerk has nominees in scope.
        for s_code in ("x-dong-dang-2025", "x-quoc-khanh-2025", "x-mau-son-2025"):
            for position, cats in D.COMMUNE_OTHERS[1:4]:
                self._person(self.units[s_code], position, cats, "community")
        # Stars: people with long CSTĐCS chains, so that the archive shows the ladder (LAW.md §1.2).
        picks = [("thpt-chuyen-cva", "Giáo viên"), ("bvdk-tinh", "Bác sĩ"), ("so-noi-vu", "Chuyên viên chính"),
                 ("ptdtnt-tinh", "Tổ trưởng chuyên môn"), ("so-khdt", "Trưởng phòng"),
                 ("h-cao-loc", "Chuyên viên Phòng Nội vụ")]
        for unit_code, position in picks:
            subject = next(p for p in self.people if p.hist_unit.code == unit_code and p.hist_position == position)
            subject.star, subject.merit = True, 0.97
        # The nominee of the current CSTĐ tỉnh dossier: three CSTĐCS in a row, no CSTĐ tỉnh yet.
        rising = next(p for p in self.people if p.hist_unit.code == "thpt-viet-bac" and p.hist_position == "Giáo viên")
        rising.forced_cs, rising.hold_cstd, rising.merit = {2023, 2024, 2025}, True, 0.9
        self.rising = rising

        persons = [p.obj for p in self.people]
        Person.objects.bulk_create(persons, batch_size=500)
        through = Person.categories.through
        links = [through(person_id=p.obj.pk, subjectcategory_id=self.categories[c].pk)
                 for p in self.people for c in p.cats if c in self.categories]
        through.objects.bulk_create(links, batch_size=1000)
        self.counts["people"] = len(persons)

    def _collective(self, unit: Unit, name: str, role: str, *, represents: bool = False, small: bool = False,
                    current_unit: Unit | None = None, switch_on: date | None = None) -> Subject:
        rng = self.rng
        members = rng.randint(5, 14) if small else rng.randint(20, 180)
        collective = Collective(name=name, search_name=fold(name), unit=current_unit or unit,
                                represents_unit=unit if represents else None, is_small=small,
                                member_count=members, women_count=rng.randint(members // 5, members * 4 // 5))
        subject = Subject(obj=collective, kind="collective", hist_unit=unit,
                          switch_on=switch_on if current_unit else None, merit=rng.random(), role=role)
        self.collectives.append(subject)
        if represents:
            self.whole[unit.code] = subject
        return subject

    def build_collectives(self) -> None:
        rng = self.rng
        for code, _name, _short, _kind, _symbol, _head, start, end in D.AGENCIES:
            unit = self.units[code]
            self._collective(unit, unit.name, "whole", represents=True)
            later = self.successor.get(code)
            for division in D.DIVISIONS.get(code, []):
                role = "armed_team" if code in D.ARMED else "team"
                self._collective(unit, f"{division}, {unit.name}", role, small=True, current_unit=later,
                                 switch_on=D.DEPARTMENTS_MERGED_ON if later else None)
        board = self.units[D.BOARD]
        self._collective(board, "Ban Thi đua - Khen thưởng, Sở Nội vụ", "team", represents=True, small=True)
        for code, name, _flags in D.SCHOOLS:
            unit = self.units[code]
            self._collective(unit, name, "whole", represents=True)
            for team in rng.sample(D.SCHOOL_TEAMS, 2):
                self._collective(unit, f"{team}, {name}", "team", small=True)
        for code, name in D.HOSPITALS:
            unit = self.units[code]
            self._collective(unit, name, "whole", represents=True)
            for ward in rng.sample(D.HOSPITAL_WARDS, 3):
                self._collective(unit, f"{ward}, {name}", "team", small=True)
        for code, name, _symbol in D.ENTERPRISES:
            unit = self.units[code]
            self._collective(unit, name, "whole", represents=True)
            for team in rng.sample(D.ENTERPRISE_TEAMS, 2):
                self._collective(unit, f"{team}, {name}", "team", small=True)
        used_villages: set[str] = set()
        for code, name, _flags, communes, successors in D.DISTRICTS:
            district = self.units[code]
            self._collective(district, f"UBND {_lower_first(name)}" if code != "tp-lang-son" else
                             "UBND thành phố Lạng Sơn", "whole", represents=True)
            office = "Phòng Nội vụ thành phố Lạng Sơn" if code == "tp-lang-son" else f"Phòng Nội vụ {_lower_first(name)}"
            self._collective(district, office, "team", small=True)
            for c_code, c_name, _c_flags in communes:
                commune = self.units[c_code]
                self._collective(commune, c_name, "whole", represents=True)
                for _ in range(1 if c_name.startswith("Phường") else 2):
                    while True:
                        village = f"{rng.choice(D.VILLAGE_PREFIX)} {rng.choice(D.VILLAGE_SUFFIX)}"
                        if village not in used_villages:
                            used_villages.add(village)
                            break
                    label = "Khối" if c_name.startswith(("Phường", "Thị trấn")) else "Thôn"
                    self._collective(commune, f"{label} {village}, {_lower_first(c_name)}", "village", small=True,
                                     current_unit=self.successor[c_code], switch_on=D.COMMUNES_MERGED_ON)
            for s_code, s_name, _preds in successors:
                self._collective(self.units[s_code], s_name, "whole", represents=True)
        Collective.objects.bulk_create([c.obj for c in self.collectives], batch_size=500)
        self.counts["collectives"] = len(self.collectives)

        communes = [c for _d, _n, _f, communes, _s in D.DISTRICTS for c in communes
                    if not c[1].startswith("Phường")]
        households = []
        for c_code, c_name, _flags in rng.sample(communes, 8):
            for _ in range(2):
                gender = "male" if rng.random() < 0.7 else "female"
                full_name, _ethnicity = self.name(gender)
                head = f"{'ông' if gender == 'male' else 'bà'} {full_name}"
                village = f"thôn {rng.choice(D.VILLAGE_PREFIX)} {rng.choice(D.VILLAGE_SUFFIX)}"
                household = Household(head_name=full_name, search_name=fold(full_name),
                                      address=f"{village.capitalize()}, {_lower_first(c_name)}",
                                      unit=self.successor[c_code])
                subject = Subject(obj=household, kind="household", hist_unit=self.units[c_code],
                                  switch_on=D.COMMUNES_MERGED_ON, merit=rng.random(), role="household")
                subject.head_label = head
                households.append(subject)
        Household.objects.bulk_create([h.obj for h in households])
        self.households = households
        self.counts["households"] = len(households)

    # --- emulation ----------------------------------------------------------------------

    def build_emulation(self) -> None:
        organiser = self.units[D.COUNCIL_UNIT]
        memberships = []
        for year in range(2018, self.today.year + 1):
            year_end = date(year, 12, 31)
            clusters = D.DISTRICT_CLUSTERS if year_end <= D.DISTRICT_END else D.COMMUNE_CLUSTERS
            for name, codes, kind in ([(n, c, "cluster") for n, c in clusters]
                                      + [(n, c, "block") for n, c in D.BLOCKS]):
                members = [self.units[c] for c in codes if _active(self.units[c], year_end)]
                group = EmulationGroup.objects.create(name=name, kind=kind, year=year, organiser=organiser)
                head, deputy = members[year % len(members)], members[(year + 1) % len(members)]
                memberships += [GroupMembership(group=group, unit=u, role="head" if u == head else
                                                "deputy" if u == deputy else "member") for u in members]
                self.groups[year].append((group, members))
            provinces = [self.units[D.ROOT]] + [self.units[c] for c, _n in D.OTHER_PROVINCES]
            regional = EmulationGroup.objects.create(name=D.REGIONAL_CLUSTER, kind="cluster", year=year,
                                                     organiser=self.units[D.CENTRAL_COUNCIL], is_regional=True)
            head, deputy = provinces[year % 7], provinces[(year + 3) % 7]
            memberships += [GroupMembership(group=regional, unit=u, role="head" if u == head else
                                            "deputy" if u == deputy else "member") for u in provinces]
        GroupMembership.objects.bulk_create(memberships)
        self.counts["emulation groups"] = sum(len(g) + 1 for g in self.groups.values())

        movements = {}
        for name, kind, launcher, document, starts, ends, objectives, parent in D.MOVEMENTS:
            movements[name] = Movement.objects.create(
                name=name, kind=kind, launched_by=self.units[launcher], launch_document=document, starts_on=starts,
                ends_on=ends, objectives=objectives, parent=movements.get(parent))
        current = self.today.year
        Movement.objects.create(
            name=D.ANNUAL_MOVEMENT.format(year=current), kind="regular", launched_by=self.units[D.ROOT],
            launch_document=f"Kế hoạch công tác thi đua, khen thưởng năm {current}", starts_on=date(current, 1, 1),
            ends_on=date(current, 12, 31),
            objectives=f"Thi đua hoàn thành thắng lợi các chỉ tiêu kinh tế - xã hội năm {current}, năm đầu "
                       "vận hành chính quyền địa phương hai cấp trọn năm.")
        self.counts["movements"] = len(movements) + 1

    # --- the archive -----------------------------------------------------------------------

    def annual_issuer(self, unit: Unit, day: date) -> tuple[Unit, str]:
        """Who decides a unit's annual grassroots titles on ``day``, and with which authority."""
        if unit.kind in ("school", "hospital") or (unit.kind == "board" and unit.parent.kind == "department"):
            return unit.parent, UH
        if unit.kind == "enterprise":
            return unit, ED
        if unit.kind == "district":
            return unit, DC
        if unit.kind == "commune":
            return (unit.parent, DC) if day < ND152_START else (unit, CC)
        return unit, UH

    def issuer_day(self, issuer: Unit, year: int, month: int = 1, days=(6, 24)) -> date:
        key = (issuer.code, year, month)
        if key not in self.issuer_days:
            self.issuer_days[key] = date(year, month, self.rng.randint(*days))
        return self.issuer_days[key]

    def build_archive(self) -> None:
        rng, L = self.rng, self.ledger
        province = self.units[D.ROOT]
        pm = self.units[D.CENTRAL_PM]
        last_cstd: dict[Subject, int] = {}
        last_bk: dict[Subject, int] = {}
        cstd_years: dict[Subject, list[int]] = defaultdict(list)
        for year in ANNUAL_YEARS:
            ref = date(year + 1, 1, 15)
            # Grassroots titles, decided in January by each unit (district, later commune).
            for p in self.people:
                unit = p.unit_at(ref)
                if not _active(unit, ref):
                    continue
                issuer, authority = self.annual_issuer(unit, ref)
                if p.role == "armed":
                    if rng.random() < 0.8:
                        L.add(issuer, self.issuer_day(issuer, year + 1), authority,
                              f"Công nhận danh hiệu Chiến sĩ tiên tiến năm {year}", "CSTT", p, year)
                    continue
                if p.role != "employee":
                    continue
                if not (p.star or year in p.forced_cs or rng.random() < 0.55 + 0.4 * p.merit):
                    continue
                summary = f"Công nhận danh hiệu thi đua năm {year}"
                day = self.issuer_day(issuer, year + 1)
                L.add(issuer, day, authority, summary, "LDTT", p, year)
                if p.star or year in p.forced_cs or rng.random() < 0.02 + 0.25 * p.merit ** 2:
                    L.add(issuer, day, authority, summary, "CSTDCS", p, year)
            for c in self.collectives:
                unit = c.unit_at(ref)
                if not _active(unit, ref) or c.role not in ("team", "whole", "armed_team"):
                    continue
                if c.role == "whole" and unit.kind not in ("school", "hospital", "commune"):
                    continue  # agencies and districts are recognised by the province (TTLĐXS, Cờ)
                issuer, authority = self.annual_issuer(unit, ref)
                if issuer == c.obj.represents_unit or rng.random() > 0.55 + 0.35 * c.merit:
                    continue
                code = "DVTT" if c.role == "armed_team" else "TTLDTT"
                L.add(issuer, self.issuer_day(issuer, year + 1), authority,
                      f"Công nhận danh hiệu thi đua năm {year}", code, c, year)
            # Villages and families (culture titles), and commune-level Giấy khen.
            for c in self.collectives:
                if c.role != "village" or year < 2023:
                    continue  # "Thôn văn hóa" joins the TĐKT catalogue with Luật 2022
                unit = c.unit_at(ref)
                issuer, authority = self.annual_issuer(unit, ref)
                if rng.random() < 0.6:
                    L.add(issuer, self.issuer_day(issuer, year + 1, 1), authority,
                          f"Công nhận danh hiệu “Thôn, tổ dân phố văn hóa” năm {year}", "THON_VH", c, year)
            for h in self.households:
                day = date(year, 12, rng.randint(10, 28))
                commune = h.unit_at(day)
                if rng.random() < 0.8:
                    L.add(commune, self.issuer_day(commune, year, 12, (10, 28)), CC,
                          f"Công nhận danh hiệu “Gia đình văn hóa” năm {year}", "GDVH", h, year)
            for p in self.people:
                if p.role != "community":
                    continue
                unit = p.unit_at(ref)
                if not _active(unit, ref):
                    continue
                issuer, authority = self.annual_issuer(unit, ref)
                if rng.random() < 0.3:
                    L.add(issuer, self.issuer_day(issuer, year + 1, 1), authority,
                          f"Tặng Giấy khen cho cá nhân có thành tích trong phong trào thi đua năm {year}",
                          "GIAY_KHEN", p, year)
            for dept in ("so-gddt", "so-y-te"):
                issuer = self.units[dept]
                staff = [p for p in self.people if p.role == "employee" and
                         self.annual_issuer(p.unit_at(ref), ref)[0] == issuer]
                for p in rng.sample(staff, 3):
                    L.add(issuer, self.issuer_day(issuer, year + 1, 1), UH,
                          f"Tặng Giấy khen của Giám đốc Sở năm {year}", "GIAY_KHEN", p, year)

            # Province: CSTĐ tỉnh and Cờ in March, TTLĐXS in March, Bằng khen in February.
            day_flag = self.issuer_day(province, year + 1, 3, (5, 12))
            day_xs = self.issuer_day(province, year + 1, 3, (15, 25))
            day_bk = self.issuer_day(province, year + 1, 2, (10, 27))
            flag_summary = f"Tặng Cờ thi đua và danh hiệu “Chiến sĩ thi đua cấp tỉnh” năm {year}"
            for p in self.people:
                chain = all(p.has("CSTDCS", y) for y in (year, year - 1, year - 2))
                if not chain or p.hold_cstd or last_cstd.get(p, 0) > year - 3:
                    continue
                if p.star or rng.random() < 0.6:
                    L.add(province, day_flag, PC, flag_summary, "CSTD_TINH", p, year, period=(year - 2, year))
                    last_cstd[p] = year
                    cstd_years[p].append(year)
                    national_day = date(year + 2, rng.randint(4, 9), rng.randint(1, 28))
                    if (len(cstd_years[p]) >= 2 and cstd_years[p][-2] == year - 3 and national_day < self.today
                            and not any(p.has("CSTDTQ", y) for y in range(year - 6, year))):
                        # Two consecutive CSTĐ tỉnh: CSTĐTQ the year after the second (NĐ 91 Đ48 k1 a).
                        L.add(pm, national_day, TTG,
                              f"Tặng danh hiệu “Chiến sĩ thi đua toàn quốc” (thành tích {year - 5} - {year})",
                              "CSTDTQ", p, year, period=(year - 5, year))
            groups = self.groups.get(max(year, 2018), [])
            for group, members in groups:
                candidates = [self.whole[u.code] for u in members if u.code in self.whole
                              and _active(u, day_flag)]
                if candidates:
                    winner = rng.choice(candidates)
                    L.add(province, day_flag, PC, flag_summary, "CO_TINH", winner, year)
            for c in self.collectives:
                unit = c.unit_at(day_xs)
                if not _active(unit, day_xs) or c.role not in ("team", "whole"):
                    continue
                if c.role == "whole" and unit.kind in ("commune", "enterprise", "other"):
                    continue  # communes: "xã tiêu biểu"; enterprises: Bằng khen; armed forces: their own system
                needs_ldtt = c.role == "team" or unit.kind in ("school", "hospital")
                if needs_ldtt and not c.has("TTLDTT", year):
                    continue
                if rng.random() < (0.12 + 0.3 * c.merit ** 2 if needs_ldtt else 0.45):
                    L.add(province, day_xs, PC, f"Công nhận danh hiệu “Tập thể lao động xuất sắc” năm {year}",
                          "TTLDXS", c, year)
            bk_summary = f"Tặng Bằng khen của Chủ tịch UBND tỉnh cho tập thể, cá nhân có thành tích xuất sắc năm {year}"
            for p in self.people:
                if not _active(p.unit_at(day_bk), day_bk) or last_bk.get(p, 0) > year - 3:
                    continue
                two_cs = p.has("CSTDCS", year) and p.has("CSTDCS", year - 1)
                chance = (0.8 if p.star else 0.45) if two_cs else (0.05 if p.role == "community" else 0.015)
                if p.role in ("employee", "community", "armed") and rng.random() < chance:
                    L.add(province, day_bk, PC, bk_summary, "BK_TINH", p, year)
                    last_bk[p] = year
            for c in self.collectives:
                if not _active(c.unit_at(day_bk), day_bk) or last_bk.get(c, 0) > year - 3:
                    continue
                if c.has("TTLDXS", year) and c.has("TTLDXS", year - 1) and rng.random() < 0.5:
                    L.add(province, day_bk, PC, bk_summary, "BK_TINH", c, year)
                    last_bk[c] = year
            # Enterprises honoured at the spring meeting of provincial leaders with businesses (plan 2018, item 08).
            day_business = self.issuer_day(province, year + 1, 2, (2, 8))
            for code, _name, _symbol in rng.sample(D.ENTERPRISES, 2):
                L.add(province, day_business, PC,
                      f"Tặng Bằng khen cho doanh nghiệp có thành tích xuất sắc trong sản xuất, kinh doanh năm {year}",
                      "BK_TINH", self.whole[code], year, kind=AchievementKind.THEMATIC)
            # Central: Bằng khen của Thủ tướng for people with a provincial Bằng khen five years before.
            day_ttg = date(year + 1, rng.randint(5, 6), rng.randint(1, 28))
            for p in self.people:
                if p.unit_at(day_ttg).valid_to and p.unit_at(day_ttg).valid_to < day_ttg:
                    continue
                earlier = [y for y in range(year - 6, year - 3) if p.has("BK_TINH", y)]
                cs_count = sum(p.has("CSTDCS", y) for y in range(year - 4, year + 1))
                recent = any(p.has("BK_TTG", y) for y in range(year - 5, year))
                if earlier and cs_count >= 3 and not recent and rng.random() < 0.7:
                    L.add(pm, day_ttg, TTG, f"Tặng Bằng khen của Thủ tướng Chính phủ (thành tích {year - 4} - {year})",
                          "BK_TTG", p, year, period=(year - 4, year))
        self._special_awards()
        decisions, awards = self.ledger.flush()
        self.counts["decisions"] = decisions
        self.counts["awards"] = awards

    def _special_awards(self) -> None:
        """Thematic, sudden and state-level awards named by the seeds or typical of the years."""
        rng, L = self.rng, self.ledger
        province, pm, president = self.units[D.ROOT], self.units[D.CENTRAL_PM], self.units[D.CENTRAL_PRESIDENT]
        thematic, sudden = AchievementKind.THEMATIC, AchievementKind.SUDDEN
        employees = [p for p in self.people if p.role == "employee"]
        community = [p for p in self.people if p.role == "community"]

        def present(pool, day):
            return [p for p in pool if _active(p.unit_at(day), day)]

        # 2018: exemplars 2016–2018 and the 70th anniversary of the call for patriotic emulation.
        day = date(2018, 6, 5)
        summary = ("Tặng Bằng khen cho điển hình tiên tiến giai đoạn 2016 - 2018, nhân kỷ niệm 70 năm Ngày Chủ tịch "
                   "Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc")
        for p in rng.sample(present(employees, day), 8) + rng.sample(present(community, day), 5):
            L.add(province, day, PC, summary, "BK_TINH", p, 2018, kind=thematic, period=(2016, 2018))
        for c in rng.sample([c for c in self.collectives if c.role == "team"], 5):
            L.add(province, day, PC, summary, "BK_TINH", c, 2018, kind=thematic, period=(2016, 2018))
        # 2020: ten years of the new-countryside programme (households that gave land, villages, communes).
        day = date(2020, 10, 14)
        summary = ("Tặng Bằng khen cho tập thể, hộ gia đình, cá nhân có thành tích xuất sắc trong phong trào thi đua "
                   "“Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới” giai đoạn 2010 - 2020")
        for h in rng.sample(self.households, 6):
            L.add(province, day, PC, summary, "BK_TINH", h, 2020, kind=thematic, period=(2010, 2020))
        for c in rng.sample([c for c in self.collectives if c.role == "village"], 4):
            L.add(province, day, PC, summary, "BK_TINH", c, 2020, kind=thematic, period=(2010, 2020))
        for p in rng.sample(present(community, day), 4):
            L.add(province, day, PC, summary, "BK_TINH", p, 2020, kind=thematic, period=(2010, 2020))
        # 2020–2021: epidemic response (sudden).
        health = [p for p in self.people if p.hist_unit.kind == "hospital"]
        for day, year in ((date(2020, 4, 20), 2020), (date(2021, 9, 8), 2021)):
            for p in rng.sample(health, 5):
                L.add(province, day, PC, "Tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc đột xuất trong "
                      "phòng, chống dịch COVID-19", "BK_TINH", p, year, kind=sudden)
        # 2024: storm and flood response (sudden), decided under NĐ 98.
        day = date(2024, 9, 23)
        for p in rng.sample(present(community, day), 8):
            L.add(province, day, PC, "Tặng Bằng khen cho tập thể, cá nhân có thành tích xuất sắc đột xuất trong "
                  "ứng phó, khắc phục hậu quả bão số 3 (M)", "BK_TINH", p, 2024, kind=sudden)
        # 12/2025: summary of the new-countryside movement 2021–2025, decided under NĐ 152.
        day = date(2025, 12, 16)
        summary = ("Tặng Bằng khen cho tập thể, hộ gia đình, cá nhân có thành tích xuất sắc trong phong trào thi đua "
                   "“Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025")
        for h in rng.sample(self.households, 5):
            L.add(province, day, PC, summary, "BK_TINH", h, 2025, kind=thematic, period=(2021, 2025))
        for code in ("x-bac-son-2025", "x-huu-lung-2025", "x-na-sam-2025"):
            L.add(province, day, PC, summary, "BK_TINH", self.whole[code], 2025, kind=thematic, period=(2021, 2025))
        # Communes of the year (Luật 2022 title) for 2024, in the March 2025 round.
        for code in ("tt-dong-dang", "x-hung-vu"):
            L.add(province, date(2025, 3, 20), PC, "Công nhận danh hiệu “Xã, phường, thị trấn tiêu biểu” năm 2024",
                  "XA_TIEU_BIEU", self.whole[code], 2024)
        # Government flags and orders (central decisions recorded in the archive).
        for year, code, day in ((2019, "h-cao-loc", date(2020, 6, 18)), (2022, "so-gddt", date(2023, 6, 20)),
                                (2024, "cong-an-tinh", date(2025, 6, 12))):
            L.add(pm, day, TTG, f"Tặng Cờ thi đua của Chính phủ năm {year}", "CO_CP", self.whole[code], year)
        for year, code, day, period in ((2018, "thpt-chuyen-cva", date(2018, 11, 15), (2013, 2017)),
                                        (2023, "h-huu-lung", date(2023, 10, 10), (2018, 2022)),
                                        (2024, "so-noi-vu", date(2024, 12, 5), (2019, 2023))):
            L.add(president, day, CTN, "Tặng thưởng Huân chương Lao động hạng Ba", "HCLD3", self.whole[code], year,
                  period=period)
        for year, code, day in ((2019, "h-trang-dinh", date(2019, 8, 28)), (2023, "bvdk-tinh", date(2023, 9, 1))):
            L.add(pm, day, TTG, "Tặng Bằng khen của Thủ tướng Chính phủ", "BK_TTG", self.whole[code], year,
                  period=(year - 4, year))
        doctor = next(p for p in self.people if p.star and p.hist_unit.code == "bvdk-tinh")
        L.add(president, date(2020, 8, 20), CTN, "Tặng thưởng Huân chương Lao động hạng Ba", "HCLD3", doctor, 2020,
              period=(2015, 2019))
        teachers = [p for p in self.people if p.hist_unit.kind == "school" and p.hist_position == "Giáo viên"]
        for p in rng.sample(teachers, 2):
            L.add(president, date(2023, 11, 14), CTN, "Phong tặng danh hiệu “Nhà giáo ưu tú” lần thứ 16 (M)",
                  "NGUT", p, 2023, kind=AchievementKind.CONTRIBUTION)
        L.add(president, date(2024, 2, 26), CTN, "Phong tặng danh hiệu “Thầy thuốc ưu tú” lần thứ 14 (M)",
              "TTUT", rng.choice([p for p in health if p.hist_position == "Trưởng khoa"]), 2024,
              kind=AchievementKind.CONTRIBUTION)

    # --- facts the eligibility rules read (issue 3) ---------------------------------------

    def _rating(self, p: Subject, year: int) -> str:
        """A person's yearly rating, consistent with the titles of that year in the archive."""
        rng = self.rng
        if p.has("CSTDCS", year) or year in p.forced_cs:
            return "excellent" if p.star or rng.random() < 0.8 else "good"
        if p.has("LDTT", year) or p.has("CSTT", year):
            return "excellent" if rng.random() < 0.15 + 0.3 * p.merit else "good"
        if year == self.today.year:  # titles of the current year are not decided yet
            roll = rng.random()
            return "excellent" if roll < 0.1 + 0.5 * p.merit else "good" if roll < 0.92 else "completed"
        roll = rng.random()
        return "not_completed" if roll < 0.04 else "completed" if roll < 0.6 else "good"

    def _initiative(self, subject: Subject, year: int, scope: str, recognised_on: date | None = None) -> Initiative:
        rng = self.rng
        kind = subject.hist_unit.kind
        topics = D.INITIATIVE_TOPICS.get(kind if kind in ("school", "hospital") else "other")
        if recognised_on is None:
            recognised_on = date(year, rng.randint(5, 12), rng.randint(1, 28))
        recognised_on = min(recognised_on, self.today)
        body = D.PROVINCE_INITIATIVE_BODY if scope == "province" else (
            f"{D.UNIT_INITIATIVE_BODY} {subject.unit_at(recognised_on).name}")
        return Initiative(person=subject.obj, year=year, scope=scope, title=f"{rng.choice(topics)} ({year})",
                          recognised_by=body, recognition_document=f"{rng.randint(10, 400)}/QĐ-HĐSK",
                          recognised_on=recognised_on)

    def _initiative_this_year(self, p: Subject) -> Initiative:
        start = date(self.today.year, 1, 1)
        day = start + timedelta(days=self.rng.randint(0, max((self.today - start).days, 0)))
        self.initiatives_this_year[p] += 1
        return self._initiative(p, self.today.year, "unit", recognised_on=day)

    def build_facts(self) -> None:
        """Yearly ratings, initiatives (linked to the awards that used them), discipline and the
        member figures of collectives, consistent with the archive, so that the rules' verdicts on
        the demo dossiers rest on stored facts (some eligible, some not, some to check)."""
        rng, today = self.rng, self.today
        years = range(ANNUAL_YEARS[0], today.year + 1)
        ratings, initiatives, uses = [], [], []  # uses: (initiative index, award key)
        self.initiatives_this_year: dict[Subject, int] = defaultdict(int)
        for p in self.people:
            if p.role not in ("employee", "armed"):
                continue  # villagers, farmers and militia are not rated as civil servants are
            recruited = p.obj.recruited_on.year if p.obj.recruited_on else years[0]
            for year in years:
                if year < recruited:
                    continue
                rating = self._rating(p, year)
                ratings.append(YearlyRating(person=p.obj, year=year, rating=rating,
                                            source=f"Thông báo kết quả đánh giá, xếp loại năm {year}"))
                cstdcs = p.has("CSTDCS", year)
                # Before 2024 (Luật 2003) CSTĐCS required an initiative; from then on excellence or one.
                if cstdcs and (year <= 2022 or rating != "excellent" or rng.random() < 0.3):
                    uses.append((len(initiatives), (p.obj.pk, "CSTDCS", year)))
                    initiatives.append(self._initiative(p, year, "unit"))
            for year in range(years[0], today.year):
                if p.has("CSTD_TINH", year):  # a province-scope initiative within the chain, used by it
                    uses.append((len(initiatives), (p.obj.pk, "CSTD_TINH", year)))
                    initiatives.append(self._initiative(p, year - rng.randint(0, 1), "province"))
            if p.hist_unit.kind in ("school", "hospital") and p.role == "employee":
                # This year's initiatives, not yet used: Bằng khen point d counts two of them.
                roll = rng.random()
                count = 2 if roll < 0.35 else 1 if roll < 0.6 else 0
                initiatives += [self._initiative_this_year(p) for _ in range(count)]
        rising = self.rising
        initiatives.append(Initiative(person=rising.obj, year=ANNUAL_YEARS[-1], scope="province",
                                      title=D.RISING_INITIATIVE, recognised_by=D.PROVINCE_INITIATIVE_BODY,
                                      recognition_document="1256/QĐ-UBND",
                                      recognised_on=date(ANNUAL_YEARS[-1], 11, 20)))
        for c in self.collectives:
            if c.role not in ("team", "whole", "armed_team"):
                continue
            for year in years:
                titled = c.has("TTLDXS", year) or c.has("TTLDTT", year) or c.has("DVTT", year)
                if c.has("TTLDXS", year):
                    rating = "excellent"
                elif titled or year == today.year:
                    rating = "excellent" if rng.random() < 0.25 + 0.4 * c.merit else "good"
                elif rng.random() < 0.5:
                    rating = "good" if rng.random() < 0.7 else "completed"
                else:
                    continue
                ratings.append(YearlyRating(collective=c.obj, year=year, rating=rating,
                                            source=f"Kết quả đánh giá, xếp loại tập thể năm {year}"))
        YearlyRating.objects.bulk_create(ratings, batch_size=1000)
        Initiative.objects.bulk_create(initiatives, batch_size=1000)
        award_of = {(person_id, code, year): pk for pk, person_id, code, year in Award.objects.filter(
            person__isnull=False, entry__code__in=("CSTDCS", "CSTD_TINH")).values_list(
            "pk", "person_id", "entry__code", "year")}
        through = Award.initiatives.through
        through.objects.bulk_create([through(award_id=award_of[key], initiative_id=initiatives[index].pk)
                                     for index, key in uses if key in award_of], batch_size=1000)

        stats = []
        for c in self.collectives:
            total = c.obj.member_count or 0
            for year in ANNUAL_YEARS:
                if not total or not (c.has("TTLDXS", year) or c.has("TTLDTT", year)):
                    continue
                if c.has("TTLDXS", year):  # 100% completed, ≥ 70% LĐTT, at least one CSTĐCS
                    completed = total
                    ldtt = rng.randint(-(-7 * total // 10), total)
                    cstdcs = rng.randint(1, max(1, ldtt // 8))
                else:  # more than half LĐTT
                    completed = total - (1 if total > 10 and rng.random() < 0.3 else 0)
                    ldtt = rng.randint(total // 2 + 1, completed)
                    cstdcs = rng.randint(0, max(0, ldtt // 10))
                stats.append(CollectiveYearStats(collective=c.obj, year=year, total_members=total,
                                                 completed_tasks=completed, ldtt=ldtt, cstdcs=cstdcs,
                                                 source=f"Báo cáo thành tích năm {year} của đơn vị"))
        CollectiveYearStats.objects.bulk_create(stats, batch_size=1000)

        # Discipline: a reprimand served long ago, and a warning that ended before the last chain.
        employees = [p for p in self.people if p.role == "employee" and not p.star and p is not rising]
        old, ended = rng.sample(employees, 2)
        records = [DisciplineRecord(person=old.obj, level="khien_trach", decided_on=date(2018, 5, 14),
                                    until=date(2019, 5, 14), decision_document="27/QĐ-KL"),
                   DisciplineRecord(person=ended.obj, level="canh_cao", decided_on=date(2020, 9, 3),
                                    until=date(2021, 9, 3), decision_document="112/QĐ-KL")]
        DisciplineRecord.objects.bulk_create(records)
        self.counts["yearly ratings"] = len(ratings)
        self.counts["initiatives"] = len(initiatives)
        self.counts["collective yearly figures"] = len(stats)
        self.counts["discipline records"] = len(records)

    def _nominee_facts(self, order: list[Subject], teams: list[Subject]) -> None:
        """Facts about the current dossiers' nominees that make the rules' verdicts differ: three
        teachers whose record bears out their summary (two years “hoàn thành xuất sắc” and two
        initiatives: Bằng khen point d), one under inspection (no award meanwhile), one reprimanded
        this year, and this year's figures of the two teams proposed for TTLĐXS as their reports
        state them. ``order`` is the order in which build_dossiers picks teachers."""
        year = self.today.year
        deserving = [order[0], order[2], order[6]]
        YearlyRating.objects.filter(person__in=[p.obj for p in deserving], year__in=(year - 1, year)).update(
            rating="excellent")
        Initiative.objects.bulk_create([self._initiative_this_year(p) for p in deserving
                                        for _ in range(2 - min(2, self.initiatives_this_year[p]))])
        reviewed, reprimanded = order[3], order[7]
        reviewed.obj.under_discipline_review = True
        reviewed.obj.discipline_review_note = D.REVIEW_NOTE
        Person.objects.filter(pk=reviewed.obj.pk).update(under_discipline_review=True,
                                                         discipline_review_note=D.REVIEW_NOTE)
        decided = max(date(year, 1, 1), self.today - timedelta(days=60))
        DisciplineRecord.objects.create(person=reprimanded.obj, level="khien_trach", decided_on=decided,
                                        until=decided + timedelta(days=365), decision_document="58/QĐ-KL")
        stats = []
        for team, share, cstdcs in ((teams[1], 0.8, 2), (teams[2], 0.75, 1)):
            total = team.obj.member_count
            stats.append(CollectiveYearStats(collective=team.obj, year=year, total_members=total,
                                             completed_tasks=total, ldtt=-(-int(share * 100) * total // 100),
                                             cstdcs=cstdcs, source=f"Báo cáo thành tích năm học {year - 1} - {year}"))
        CollectiveYearStats.objects.bulk_create(stats)
        YearlyRating.objects.filter(collective__in=[t.obj for t in teams[1:3]], year=year).update(rating="excellent")
        # The team proposed for Bằng khen: “two consecutive years TTLĐXS” in its summary.
        YearlyRating.objects.filter(collective=teams[0].obj, year__in=(year - 1, year)).update(rating="excellent")

    # --- accounts and council -------------------------------------------------------------

    def build_accounts(self) -> None:
        hashed = make_password(D.DEMO_PASSWORD)  # hashed once: the demo accounts share one password
        for username, role, unit_code, full_name, position in D.ACCOUNTS:
            admin = role == "admin"
            self.users[username] = User.objects.create(
                username=username, password=hashed, role=role, unit=self.units[unit_code], first_name=full_name,
                position=position, email=f"{username}@langson.gov.vn.example", is_staff=admin, is_superuser=admin)
        council = Council.objects.create(name=D.COUNCIL_NAME, unit=self.units[D.ROOT])
        CouncilMembership.objects.bulk_create([
            CouncilMembership(council=council, user=self.users[username], position=position)
            for username, position in D.COUNCIL_MEMBERS])
        self.council = council
        self.counts["accounts"] = len(self.users)

    # --- current dossiers -----------------------------------------------------------------

    @staticmethod
    def _pdf(name: str) -> SimpleUploadedFile:
        body = f"%PDF-1.4\n% Tai lieu minh hoa (demo): {name}\n%%EOF\n".encode()
        return SimpleUploadedFile(name, body, content_type="application/pdf")

    def _dossier(self, clerk: User, title: str, kind: str, nominations, *, year: int, complete: bool = True,
                 movement=None):
        dossier = services.create_dossier(actor=clerk, unit=clerk.unit, title=title, kind=kind, year=year,
                                          movement=movement)
        needed: list[str] = []
        for subject, code, summary, *period in nominations:  # period: (from_year, to_year) when not the year
            entry = self.entry(code, self.today)
            unit = subject.obj.unit
            position = f"{subject.obj.position}, {unit.name}" if subject.kind == "person" else unit.name
            start, end = period[0] if period else (None, None)
            services.add_nomination(dossier, actor=clerk, subject=subject.obj, entry=entry,
                                    achievement_summary=summary, position_text=position,
                                    period_from_year=start, period_to_year=end)
            needed += [doc for doc in entry.checklist if doc not in needed]
        for doc in (needed if complete else needed[:1]):
            services.add_attachment(dossier, actor=clerk, kind=doc, uploaded=self._pdf(f"{doc}.pdf"))
        return dossier

    def build_dossiers(self) -> None:
        u = self.users
        clerk, head, officer = u["vanthu.sogd"], u["thutruong.sogd"], u["chuyenvien.btdkt"]
        board_head, secretary = u["truongban.btdkt"], u["thuky.hd"]
        year = self.today.year
        school_year = f"{year - 1} - {year}"
        teachers = [p for p in self.people if p.obj.unit.kind == "school" and p.hist_position == "Giáo viên"
                    and p is not self.rising]
        teams = [c for c in self.collectives if c.role == "team" and c.obj.unit.kind == "school"]
        order = self.rng.sample(teachers, len(teachers))
        self._nominee_facts(order, teams)
        pick = iter(order)
        good = "Hoàn thành xuất sắc nhiệm vụ năm học {sy}; có sáng kiến được Hội đồng sáng kiến cơ sở công nhận."

        self._dossier(clerk, f"Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho giáo viên năm học {school_year}",
                      "annual", [(next(pick), "BK_TINH", good.format(sy=school_year)),
                                 (next(pick), "BK_TINH", good.format(sy=school_year))], year=year, complete=False)

        d = self._dossier(clerk, f"Đề nghị tặng danh hiệu Chiến sĩ thi đua cấp tỉnh năm học {school_year}", "annual",
                          [(self.rising, "CSTD_TINH", "Ba năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở "
                            "(2023, 2024, 2025); sáng kiến “Dạy học Hóa học gắn với thực tiễn địa phương” được "
                            "công nhận phạm vi cấp tỉnh.", (ANNUAL_YEARS[-3], ANNUAL_YEARS[-1]))], year=year)
        services.request_approval(d, actor=clerk)

        d = self._dossier(clerk, f"Khen thưởng thành tích năm học {school_year} (đợt 1)", "annual",
                          [(next(pick), "BK_TINH", good.format(sy=school_year)),
                           (next(pick), "BK_TINH", good.format(sy=school_year)),
                           (teams[0], "BK_TINH", "Hai năm liên tục đạt danh hiệu Tập thể lao động xuất sắc.")],
                          year=year)
        services.request_approval(d, actor=clerk)
        services.submit_dossier(d, actor=head)

        d = self._dossier(clerk, "Đề nghị tặng Bằng khen cho tập thể, cá nhân có thành tích tại Hội khỏe Phù Đổng "
                                 f"tỉnh năm {year}", "thematic",
                          [(next(pick), "BK_TINH", "Huấn luyện đội tuyển điền kinh đạt 03 huy chương vàng."),
                           (next(pick), "BK_TINH", "Tổ chức tốt công tác trọng tài, đảm bảo an toàn giải đấu.")],
                          year=year)
        services.request_approval(d, actor=clerk)
        services.submit_dossier(d, actor=head)
        services.receive_dossier(d, actor=officer)
        services.appraise_nomination(d.nominations.first(), actor=officer, verdict="agree",
                                     comment="Đủ tiêu chuẩn theo Điều 74 Luật TĐKT 2022.")

        d = self._dossier(clerk, f"Đề nghị công nhận danh hiệu Tập thể lao động xuất sắc năm học {school_year}",
                          "annual", [(teams[1], "TTLDXS", "100% cá nhân hoàn thành nhiệm vụ, 80% đạt Lao động "
                                      "tiên tiến, có 02 Chiến sĩ thi đua cơ sở."),
                                     (teams[2], "TTLDXS", "100% cá nhân hoàn thành nhiệm vụ, 75% đạt Lao động "
                                      "tiên tiến, có 01 Chiến sĩ thi đua cơ sở.")], year=year)
        self._through_appraisal(d, clerk, head, officer)

        at_council = self._dossier(clerk, f"Đề nghị tặng Bằng khen cho giáo viên dạy giỏi cấp tỉnh năm học {school_year}",
                                   "annual", [(next(pick), "BK_TINH", "Giải Nhất Hội thi giáo viên dạy giỏi cấp tỉnh."),
                                              (next(pick), "BK_TINH", "Giải Nhì Hội thi giáo viên dạy giỏi cấp tỉnh.")],
                                   year=year)
        self._through_appraisal(at_council, clerk, head, officer)
        services.send_to_council(at_council, actor=board_head)

        done = self._dossier(clerk, "Khen thưởng đột xuất giáo viên dũng cảm cứu học sinh bị đuối nước", "sudden",
                             [(next(pick), "BK_TINH", "Dũng cảm lao xuống suối cứu 02 học sinh bị nước cuốn trôi.")],
                             year=year)
        self._through_appraisal(done, clerk, head, officer)
        services.send_to_council(done, actor=board_head)
        members = [m.user for m in self.council.memberships.select_related("user")]
        session = services.open_council_session(self.council, actor=secretary, held_on=self.today, dossiers=[done],
                                                present_user_ids=[m.pk for m in members])
        for nomination in done.nominations.all():
            for member in members:
                services.cast_vote(session, nomination, actor=member, choice="yes")
        services.close_council_session(session, actor=secretary, notes="Phiên họp minh họa (dữ liệu demo).")
        # A second meeting is open: some members have voted, the others (uyvien.hd among them) have not.
        session = services.open_council_session(self.council, actor=secretary, held_on=self.today,
                                                dossiers=[at_council], present_user_ids=[m.pk for m in members])
        for nomination in at_council.nominations.all():
            for member in members[:4]:
                services.cast_vote(session, nomination, actor=member, choice="yes")

        # A state-level proposal in public consultation (NĐ 152 Đ44 k2: 10 working days).
        school = self.whole["thpt-chuyen-cva"]
        d = self._dossier(clerk, f"Đề nghị tặng thưởng Huân chương Lao động hạng Ba (thành tích {year - 5} - {year - 1})",
                          "state_level", [(school, "HCLD3", "Năm năm liên tục hoàn thành xuất sắc nhiệm vụ; "
                                           "02 lần được tặng Cờ thi đua của UBND tỉnh.")], year=year - 1)
        self._through_appraisal(d, clerk, head, officer)
        services.open_consultation(d, actor=board_head, starts_on=self.today,
                                   ends_on=nth_working_day(self.today, 10),
                                   channel="Cổng thông tin điện tử tỉnh Lạng Sơn")

        # Drafts of other units, so that scope can be shown.
        doctor = next(p for p in self.people if p.obj.unit.code == "bvdk-tinh" and p.hist_position == "Bác sĩ")
        self._dossier(u["vanthu.soyte"], f"Đề nghị tặng Bằng khen cho cá nhân có thành tích trong công tác khám, "
                      f"chữa bệnh năm {year}", "annual",
                      [(doctor, "BK_TINH", "Thực hiện thành công kỹ thuật mới tại tuyến tỉnh.")], year=year,
                      complete=False)
        militia = [p for p in self.people if p.obj.unit.code == "x-dong-dang-2025" and p.role == "community"]
        self._dossier(u["vanthu.dongdang"], "Đề nghị tặng Bằng khen đột xuất cho lực lượng tham gia tìm kiếm, "
                      "cứu nạn", "sudden", [(militia[0], "BK_TINH", "Tham gia tìm kiếm, cứu nạn người mất tích "
                                             "trên địa bàn xã.")], year=year)
        self.counts["current dossiers"] = 10

    def _through_appraisal(self, dossier, clerk, head, officer) -> None:
        services.request_approval(dossier, actor=clerk)
        services.submit_dossier(dossier, actor=head)
        services.receive_dossier(dossier, actor=officer)
        for nomination in dossier.nominations.all():
            services.appraise_nomination(nomination, actor=officer, verdict="agree",
                                         comment="Đơn vị đã xác nhận thành tích; đề nghị Hội đồng xem xét.")
        services.complete_appraisal(dossier, actor=officer)

    # --- all -------------------------------------------------------------------------------

    @transaction.atomic
    def build(self) -> dict[str, int]:
        self.build_units()
        self.build_people()
        self.build_collectives()
        self.build_emulation()
        self.build_accounts()
        self.build_archive()
        self.build_facts()
        self.build_dossiers()
        # Each later area adds its own demo on top of the foundation, in its own module.
        for area in (emulation_demo, certificates_demo, plans_demo):
            area.build(self)
        return self.counts


def account_rows() -> list[tuple[str, str, str, str]]:
    """(role label, username, password, unit) of every demo account that exists."""
    users = {u.username: u for u in User.objects.filter(username__in=[a[0] for a in D.ACCOUNTS])
             .select_related("unit")}
    return [(D.ROLE_LABELS.get(role, role), username, D.DEMO_PASSWORD, users[username].unit.name)
            for username, role, *_rest in D.ACCOUNTS if username in users]
