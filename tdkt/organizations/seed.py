"""Reference data of the organisations app: the subject categories the seeds ask to favour.

Plan 003 (Chỉ thị 30-CT/TU, II.3) lists the priority groups; plan 000 (2018, I.1
and III.3) repeats them. ``seed_subject_categories()`` only creates missing rows:
an administrator may rename a category and a re-run must not undo that.
"""

from tdkt.organizations.models import SubjectCategory

SUBJECT_CATEGORIES: list[tuple[str, str]] = [
    ("worker", "Công nhân"),
    ("farmer", "Nông dân"),
    ("direct_labourer", "Người lao động trực tiếp sản xuất, kinh doanh"),
    ("armed_forces", "Cán bộ, chiến sĩ lực lượng vũ trang"),
    ("militia", "Dân quân, tự vệ"),
    ("commune_police", "Công an xã"),
    ("street_guard", "Bảo vệ dân phố"),
    ("civil_defence", "Dân phòng"),
    ("workplace_guard", "Bảo vệ cơ quan, doanh nghiệp"),
    ("village_cadre", "Cán bộ thôn, khu phố"),
    ("entrepreneur", "Doanh nhân"),
    ("teacher", "Nhà giáo"),
    ("health_worker", "Cán bộ y tế"),
    ("civil_servant", "Cán bộ, công chức, viên chức"),
    ("youth_volunteer", "Thanh niên xung phong"),
]


def seed_subject_categories() -> int:
    """Create the categories that are missing. Returns how many were created."""
    created = 0
    for code, name in SUBJECT_CATEGORIES:
        _obj, was_created = SubjectCategory.objects.get_or_create(code=code, defaults={"name": name})
        created += was_created
    return created
