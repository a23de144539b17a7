"""Demo data of the emulation area (issue 6), built through the real services.

- The seeds' movements (created by the foundation) get their full record: scope, targets,
  content, measures, participants, criteria per title and the prize plan; they are launched, and
  those that ended are closed with a final review (effective or formalistic, with the reason).
- Registrations for the current year: some units sent theirs before the deadline (31/03), one was
  returned, the others are on the late board; the Department of Education also registered last year,
  so "registered against achieved" has a year with decided awards.
- The culture and society block of last year went through the whole cycle: announcement, covenant,
  score sheet, self- and cross-scores, the head's aggregation, the suy tôn ballot and the proposal
  dossier; this year's block has its covenant and criteria and is being scored.
- Exemplars at each of the four stages, and the 2016–2018 honouring conference of the 2018 plan
  (item 14) with its honourees.

Numbers the seeds do not give (announcement and covenant numbers, the conference's day) are marked
"(minh họa)" rather than presented as real.
"""

import random
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tdkt.accounts.models import Role, User
from tdkt.catalogue.models import CatalogueEntry
from tdkt.demo import data as D
from tdkt.emulation import groups, services
from tdkt.emulation import registration as reg
from tdkt.emulation.models import EmulationGroup, Movement, Registration, RegistrationPeriod
from tdkt.nominations.cluster_proposals import make_proposal_dossier
from tdkt.organizations.models import Collective, Person, Unit

ANNUAL_CRITERIA = [
    ("LDTT", "Hoàn thành tốt nhiệm vụ được giao, chấp hành tốt chủ trương, chính sách, pháp luật.", True),
    ("CSTDCS", "Đạt danh hiệu Lao động tiên tiến và có sáng kiến được công nhận hoặc giải pháp được áp dụng.", True),
    ("TTLDTT", "Hoàn thành tốt nhiệm vụ, có trên 50% cá nhân đạt Lao động tiên tiến, không có cá nhân bị kỷ luật.",
     True),
    ("TTLDXS", "Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ; 100% hoàn thành nhiệm vụ, trên 70% đạt Lao động "
               "tiên tiến.", True),
    ("CO_TINH", "Dẫn đầu cụm, khối thi đua của tỉnh qua suy tôn.", True),
]
THEMATIC_CRITERIA = [
    ("BK_TINH", "Có thành tích tiêu biểu, xuất sắc trong phong trào, được cụm, khối hoặc đơn vị suy tôn.", True),
    ("GIAY_KHEN", "Có đóng góp thiết thực (ngày công, vật chất, sáng kiến) cho phong trào.", False),
]
DETAILS = {
    "regular": dict(
        scope=Movement.Scope.LOCALITY,
        targets="Hoàn thành và vượt các chỉ tiêu kinh tế - xã hội HĐND tỉnh giao; 100% cơ quan, đơn vị ký giao ước "
                "và đăng ký thi đua; không để xảy ra khen thưởng tràn lan.",
        content="Thi đua thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị; cải cách hành chính; xây dựng Đảng, "
                "chính quyền, đoàn thể trong sạch, vững mạnh; gắn với học tập và làm theo tấm gương đạo đức Hồ Chí "
                "Minh.",
        measures="Ký giao ước, đăng ký thi đua đầu năm; kiểm tra, sơ kết 6 tháng; chấm điểm, suy tôn theo cụm, khối; "
                 "phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến.",
        participant_groups="Cán bộ, công chức, viên chức, người lao động, lực lượng vũ trang và nhân dân các dân tộc "
                           "trong tỉnh.",
        prize_plan="Lao động tiên tiến, Chiến sĩ thi đua cơ sở, Tập thể lao động xuất sắc, Cờ thi đua của UBND tỉnh "
                   "cho đơn vị dẫn đầu cụm, khối; Bằng khen của Chủ tịch UBND tỉnh.",
    ),
    "thematic": dict(
        scope=Movement.Scope.LOCALITY,
        targets="Các chỉ tiêu của chương trình, kế hoạch mà phong trào phục vụ, theo từng năm.",
        content="Tuyên truyền, vận động; huy động nguồn lực; tổ chức thực hiện các phần việc cụ thể ở cơ sở.",
        measures="Lồng ghép với nhiệm vụ chuyên môn; kiểm tra, đôn đốc; sơ kết, tổng kết và khen thưởng kịp thời.",
        participant_groups="Các cơ quan, đơn vị, doanh nghiệp và nhân dân trên địa bàn tỉnh.",
        prize_plan="Bằng khen của Chủ tịch UBND tỉnh và Giấy khen khi sơ kết, tổng kết; đề nghị cấp trên khen "
                   "thưởng tập thể, cá nhân xuất sắc.",
    ),
}
# Final reviews of the movements that have ended: (stage, day, results, assessment, reason).
REVIEWS = {
    "Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới": [
        ("interim", date(2020, 12, 15), "Sơ kết giai đoạn 2011 - 2020: nhiều xã đạt chuẩn nông thôn mới; nhân dân "
         "hiến đất, góp công làm đường giao thông nông thôn.", "effective",
         "Phong trào gắn với chương trình mục tiêu quốc gia, có chỉ tiêu đo được và được nhân dân hưởng ứng."),
        ("final", date(2025, 12, 20), "Tổng kết phong trào đến hết năm 2025.", "effective",
         "Đạt và vượt các chỉ tiêu đề ra; nhiều mô hình được nhân rộng."),
    ],
    ("Phong trào thi đua phấn đấu hoàn thành thắng lợi nhiệm vụ, mục tiêu phát triển kinh tế, xã hội, quốc phòng, "
     "an ninh năm 2018"): [
        ("interim", date(2018, 7, 10), "Sơ kết công tác TĐKT 6 tháng đầu năm 2018 (Kế hoạch năm 2018, mục 18–19).",
         "effective", "Các cụm, khối đã ký giao ước và đăng ký thi đua đúng hạn."),
        ("final", date(2019, 1, 15), "Tổng kết công tác TĐKT năm 2018, triển khai nhiệm vụ năm 2019 (mục 23–25).",
         "effective", "Hoàn thành các chỉ tiêu của kế hoạch năm 2018."),
    ],
    ("Phong trào thi đua đặc biệt chào mừng kỷ niệm 70 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc - "
     "Ngày truyền thống Thi đua yêu nước (11/6/1948 - 11/6/2018)"): [
        ("final", date(2018, 6, 11), "Tổ chức Hội nghị biểu dương, tôn vinh điển hình tiên tiến giai đoạn 2016 - 2018 "
         "và tọa đàm các thế hệ cán bộ ngành thi đua, khen thưởng.", "formalistic",
         "Minh họa: một số đơn vị chỉ tổ chức mít tinh, báo cáo số liệu, chưa gắn với nhiệm vụ chuyên môn; cần "
         "rút kinh nghiệm theo Chỉ thị 30-CT/TU."),
    ],
    "Phong trào thi đua \"Lạng Sơn chung tay xóa nhà tạm, nhà dột nát\"": [
        ("final", date(2025, 9, 15), "Hoàn thành xóa nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo.", "effective",
         "Mục tiêu rõ, đo được; huy động được nguồn lực xã hội hóa lớn."),
    ],
}
BLOCK = "Khối thi đua các cơ quan văn hóa - xã hội"
SCORE_CRITERIA = [("Thực hiện nhiệm vụ chính trị, chỉ tiêu được giao", 40, 2), ("Cải cách hành chính, chuyển đổi số", 20, 1),
                  ("Công tác thi đua, khen thưởng và nhân rộng điển hình", 20, 1),
                  ("Xây dựng Đảng, đoàn thể trong sạch, vững mạnh", 20, 1)]


def _pdf(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% demo document (minh hoa)\n", content_type="application/pdf")


def _entry(code: str) -> CatalogueEntry:
    return CatalogueEntry.objects.in_force(timezone.localdate()).get(code=code)


def _user(unit: Unit, role: str) -> User | None:
    """The demo account of a unit and role, if the account list has one. The demo creates no
    other accounts (every account is listed with its password); members without one act through
    the cluster's secretariat, as they do on paper."""
    return User.objects.filter(unit=unit, role=role).order_by("pk").first()


def build_movements(builder, officer) -> int:
    units = builder.units
    participants = list(Unit.objects.filter(parent=units[D.ROOT], valid_to__isnull=True)
                        .exclude(kind__in=("council", "board")).order_by("path"))
    count = 0
    for movement in Movement.objects.order_by("starts_on", "pk"):
        for field, value in DETAILS[movement.kind].items():
            setattr(movement, field, value)
        if movement.launched_by.code.startswith(("thu-tuong", "chu-tich-nuoc", "hd-tdkt-trung")):
            movement.scope = Movement.Scope.NATIONAL
        if not movement.launch_document:
            movement.launch_document = "Kế hoạch của UBND tỉnh (minh họa)"
        services.save_movement(movement, actor=officer, participant_units=participants)
        for code, text, mandatory in (ANNUAL_CRITERIA if movement.kind == "regular" else THEMATIC_CRITERIA):
            services.add_movement_criterion(movement, actor=officer, entry=_entry(code), text=text,
                                            is_mandatory=mandatory)
        services.launch_movement(movement, actor=officer, launched_on=movement.starts_on)
        for stage, day, results, assessment, reason in REVIEWS.get(movement.name, []):
            services.record_movement_review(movement, actor=officer, stage=stage, held_on=day, results=results,
                                            assessment=assessment, reason=reason)
        count += 1
    # A few people of the register take part by name (the rest are described as groups of people).
    current = Movement.objects.filter(status=Movement.Status.LAUNCHED, kind="regular").order_by("-starts_on").first()
    named = list(Person.objects.filter(unit__code__in=("so-gddt", "so-y-te")).order_by("pk")[:3])
    if current is not None and named:
        services.save_movement(current, actor=officer, participant_people=named)
    # One draft, to show what launching refuses: its criteria and measures are not written yet.
    draft = Movement(name=f"Phong trào thi đua chuyển đổi số trong cơ quan nhà nước năm {builder.today.year + 1}",
                     kind="thematic", launched_by=units[D.ROOT], starts_on=date(builder.today.year + 1, 1, 1),
                     objectives="Đẩy mạnh ứng dụng công nghệ thông tin, dịch vụ công trực tuyến toàn trình.")
    services.save_movement(draft, actor=officer)
    return count + 1


def _register(unit, year, *, officer, steps, sent_on=None) -> Registration | None:
    clerk, head = _user(unit, Role.UNIT_CLERK), _user(unit, Role.UNIT_HEAD)
    if clerk is None:
        return None
    registration = reg.start_registration(actor=clerk, unit=unit, year=year)
    people = list(Person.objects.filter(unit__path__startswith=unit.path).order_by("pk")[:6])
    collectives = list(Collective.objects.filter(unit__path__startswith=unit.path).order_by("pk")[:3])
    for i, person in enumerate(people):
        reg.add_registration_line(registration, actor=clerk, subject=person, entry=_entry("CSTDCS" if i < 2 else "LDTT"))
    for i, collective in enumerate(collectives):
        reg.add_registration_line(registration, actor=clerk, subject=collective,
                                  entry=_entry("TTLDXS" if i == 0 else "TTLDTT"))
    actors = {"clerk": clerk, "head": head, "officer": officer}
    for action, who, note in steps:
        if actors[who] is None:
            break
        reg.apply_registration_transition(registration, action, actor=actors[who], note=note)
        if action == "approve" and sent_on:
            # The demo runs on one day; the registration was sent in March, before the deadline.
            Registration.objects.filter(pk=registration.pk).update(submitted_on=sent_on)
    return registration


SEND = [("request_approval", "clerk", ""), ("approve", "head", "")]
RETURNED = [*SEND, ("return", "officer", "Đề nghị bổ sung đăng ký danh hiệu cho các phòng chuyên môn."),
            *SEND, ("receive", "officer", "")]


def build_registrations(builder, officer) -> int:
    year = builder.today.year
    RegistrationPeriod.objects.get_or_create(year=year, defaults={"deadline_on": date(year, 3, 31)})
    RegistrationPeriod.objects.get_or_create(year=year - 1, defaults={"deadline_on": date(year - 1, 3, 31)})
    u = builder.units
    plan = [  # unit, year, steps, sent on
        ("so-gddt", year, [*SEND, ("receive", "officer", "")], date(year, 3, 18)),
        ("so-y-te", year, SEND[:1], None),                      # waiting for its head
        ("x-dong-dang-2025", year, [], None),                   # still a draft: on the late board
        # Last year's, returned once and then received, so "registered against achieved" has a
        # year whose annual titles are decided.
        ("so-gddt", year - 1, RETURNED, date(year - 1, 3, 20)),
    ]
    return sum(1 for code, y, steps, sent_on in plan
               if code in u and _register(u[code], y, officer=officer, steps=steps, sent_on=sent_on))


def _block(year) -> EmulationGroup | None:
    return EmulationGroup.objects.filter(name=BLOCK, year=year).first()


def build_block_cycle(builder, officer) -> int:
    """Last year's culture and society block through the whole cycle, this year's under way.
    Members with a demo account score themselves; the head's unit (the secretariat) enters the
    paper score sheets of the others and the meeting's paper ballots."""
    rng = random.Random(2026)
    done = 0
    for group, finish in ((_block(builder.today.year - 1), True), (_block(builder.today.year), False)):
        if group is None:
            continue
        members = groups.member_units(group)
        if len(members) < 3:
            continue
        groups.announce_group(group, actor=officer, document=f"Thông báo số 05/TB-HĐTĐKT (minh họa) năm {group.year}",
                              announced_on=date(group.year, 1, 20))
        education = next((m for m in members if m.code == "so-gddt"), None)
        if education is not None and finish:
            deputy = next(m for m in members if m != education)
            groups.elect_officers(group, actor=officer, head=education, deputy=deputy)
        head_unit = group.memberships.get(role="head").unit
        secretariat = _user(head_unit, Role.UNIT_CLERK)
        groups.record_covenant(group, actor=officer, signed_on=date(group.year, 2, 15),
                               uploaded=_pdf(f"giao-uoc-thi-dua-{group.year}.pdf"), signatories=members)
        criteria = [groups.add_score_criterion(group, actor=officer, name=name, max_points=mx, weight=w)
                    for name, mx, w in SCORE_CRITERIA]
        strength = {m.pk: rng.uniform(0.78, 0.97) for m in members}
        for c in criteria:
            for scorer in members:
                own = _user(scorer, Role.UNIT_CLERK)
                if own is None and (not finish or secretariat is None):
                    continue
                for scored in members:
                    points = round(float(c.max_points) * min(1.0, strength[scored.pk] + rng.uniform(-0.04, 0.04)), 1)
                    evidence = "Báo cáo tự đánh giá kèm số liệu minh chứng." if scorer == scored else ""
                    groups.record_score(c, actor=own or secretariat, scored_unit=scored, points=points,
                                        evidence=evidence, on_behalf_of=None if own else scorer)
        if not finish or secretariat is None:
            continue
        groups.aggregate_scores(group, actor=secretariat)
        ranking = [r.unit for r in group.results.order_by("rank")]
        round_ = groups.open_ballot(group, actor=secretariat, held_on=date(group.year, 12, 18), flag_seats=1,
                                    merit_seats=min(2, len(members) - 2))
        ballots = [([ranking[0]], [u for u in ranking[1:] if u != member][:round_.merit_seats]) for member in members]
        groups.record_paper_ballots(round_, actor=secretariat, voters=members, ballots=ballots)
        groups.close_ballot(round_, actor=secretariat)
        make_proposal_dossier(round_, actor=secretariat)
        done += 1
    return done


EXEMPLARS = [
    # (kind, unit code, name for a model, stage, discovered by, achievements, replication plan)
    ("person", "so-gddt", "", "replicated", "Công đoàn ngành Giáo dục",
     "Nhiều năm liền đạt Chiến sĩ thi đua; có sáng kiến dạy đọc hiểu cho học sinh dân tộc thiểu số.",
     "Tổ chức chuyên đề cấp tỉnh; nhân rộng tại các trường vùng cao."),
    ("person", "so-y-te", "", "summarised", "Sở Y tế",
     "Bác sĩ tuyến xã tận tụy, khám chữa bệnh cho đồng bào vùng biên giới.", ""),
    ("collective", "so-gddt", "", "nurtured", "Ban TĐKT, Sở Nội vụ",
     "Tập thể dẫn đầu khối về chuyển đổi số trong quản lý trường học.", ""),
    ("model", "ubnd-tinh", "Mô hình \"Dân vận khéo\" trong hiến đất làm đường giao thông nông thôn", "replicated",
     "Ban Dân vận Tỉnh ủy (minh họa)",
     "Vận động nhân dân hiến đất, góp công làm đường; hàng trăm km đường bê tông nông thôn.",
     "Nhân rộng ra các xã biên giới; biểu dương tại hội nghị điển hình tiên tiến."),
    ("model", "ubnd-tinh", "Mô hình tổ tự quản bảo vệ đường biên, mốc giới", "discovered",
     "Bộ Chỉ huy Bộ đội Biên phòng tỉnh (minh họa)", "Tổ tự quản phối hợp tuần tra, giữ gìn an ninh biên giới.", ""),
]


def build_exemplars(builder, officer) -> int:
    movements = {m.name: m for m in Movement.objects.all()}
    ntm = movements.get("Lạng Sơn cùng cả nước chung sức xây dựng nông thôn mới")
    special = next((m for name, m in movements.items() if name.startswith("Phong trào thi đua đặc biệt")), None)
    stages = ["discovered", "nurtured", "summarised", "replicated"]
    made = []
    for kind, code, name, stage, found_by, achievements, plan in EXEMPLARS:
        unit = builder.units[code]
        person = (Person.objects.filter(unit__path__startswith=unit.path).order_by("pk").first()
                  if kind == "person" else None)
        collective = (Collective.objects.filter(unit__path__startswith=unit.path).order_by("pk").first()
                      if kind == "collective" else None)
        if (kind == "person" and person is None) or (kind == "collective" and collective is None):
            continue
        exemplar = services.register_exemplar(
            actor=officer, kind=kind, name=name, unit=unit, person=person, collective=collective,
            discovered_by=found_by, discovered_on=date(2016, 9, 1) if kind == "model" else date(2017, 3, 1),
            movement=ntm if kind == "model" else special, achievements=achievements, replication_plan=plan)
        for _step in range(stages.index(stage)):
            services.advance_exemplar(exemplar, actor=officer, note="Theo kế hoạch bồi dưỡng, nhân rộng điển hình.")
        made.append(exemplar)
    # Kế hoạch TĐKT năm 2018, mục 06 và 14: the seed gives the quarter (II/2018), not the day.
    conference = services.record_conference(
        actor=officer, kind="honouring", organiser=builder.units[D.ROOT], held_on=date(2018, 6, 8),
        name="Hội nghị biểu dương, tôn vinh điển hình tiên tiến giai đoạn 2016 - 2018 và kỷ niệm 70 năm Ngày Chủ "
             "tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc",
        movement=special, period_from_year=2016, period_to_year=2018, venue="Thành phố Lạng Sơn",
        notes="Kế hoạch công tác TĐKT năm 2018, mục 06 (kế hoạch tổ chức, quý I) và mục 14 (tổ chức, quý II). "
              "Ngày tổ chức là minh họa: kế hoạch chỉ ghi quý.")
    for exemplar in made:
        services.add_honouree(conference, actor=officer, exemplar=exemplar,
                              citation="Điển hình tiên tiến giai đoạn 2016 - 2018")
    services.record_conference(
        actor=officer, kind="final_review", organiser=builder.units[D.ROOT], held_on=date(2018, 2, 2),
        name="Hội nghị tổng kết phong trào thi đua, công tác khen thưởng năm 2017, triển khai nhiệm vụ năm 2018",
        notes="Kế hoạch công tác TĐKT năm 2018, mục 10 (quý I). Ngày tổ chức là minh họa.")
    return len(made)


def build_movement_dossier(builder) -> int:
    """A thematic dossier proposing awards for the results of a launched thematic movement, so the
    movement's page shows the dossiers it produced (Dossier.movement)."""
    movement = (Movement.objects.filter(kind="thematic", status=Movement.Status.LAUNCHED, ends_on__isnull=True)
                .order_by("starts_on").first())
    teachers = [p for p in builder.people if p.obj.unit.kind == "school" and p.hist_position == "Giáo viên"]
    if movement is None or not teachers:
        return 0
    clerk = User.objects.get(username="vanthu.sogd")
    builder._dossier(clerk, f"Đề nghị khen thưởng sơ kết phong trào “{movement.name}” năm {builder.today.year}",
                     "thematic", [(teachers[-1], "BK_TINH", "Tiêu biểu trong phong trào: nhiều năm nhận đỡ đầu "
                                   "học sinh nghèo vùng biên giới.")],
                     year=builder.today.year, movement=movement)
    return 1


def build(builder) -> None:
    officer = User.objects.get(username="chuyenvien.btdkt")
    builder.counts["movements launched"] = build_movements(builder, officer)
    builder.counts["emulation registrations"] = build_registrations(builder, officer)
    builder.counts["cluster cycles"] = build_block_cycle(builder, officer)
    builder.counts["exemplars"] = build_exemplars(builder, officer)
    builder.counts["movement dossiers"] = build_movement_dossier(builder)
