"""Reference data of the award catalogue, from LAW.md §1–2, by regime.

``seed_catalogue()`` is idempotent: it creates missing rows and updates the
fields of existing ones (matched on code + valid_from), so it doubles as the
upgrade path when LAW.md facts are corrected.
"""

from datetime import date
from decimal import Decimal

from tdkt.catalogue.models import BaseSalary, CatalogueEntry

OLD_END = date(2023, 12, 31)
NEW_START = date(2024, 1, 1)

# Attachment kinds (catalogue.models.AttachmentKind values).
TT, BC, BB, KQ, SK = "to_trinh", "bao_cao_thanh_tich", "bien_ban", "ket_qua_bo_phieu", "xac_nhan_sang_kien"

# One dict per (code, regime). Fields not given take the model defaults.
CATALOGUE: list[dict] = [
    dict(code="LDTT", name="Lao động tiên tiến", kind="title", for_person=True, level="grassroots",
         deciders=["thu_truong_don_vi", "chu_tich_ubnd_huyen", "chu_tich_ubnd_xa", "giam_doc_doanh_nghiep"],
         money_coefficient=Decimal("0.3"), checklist=[TT, BC, BB], legal_basis="Luật TĐKT 2022 Điều 24, Điều 80; NĐ 98/2023 Điều 54",
         evidence="V", valid_from=NEW_START, sort_order=10),
    dict(code="CSTDCS", name="Chiến sĩ thi đua cơ sở", kind="title", for_person=True, level="grassroots",
         deciders=["thu_truong_don_vi", "chu_tich_ubnd_huyen", "giam_doc_doanh_nghiep"],
         money_coefficient=Decimal("1.0"), council_vote_required=True, council_vote_threshold=Decimal("0.80"),
         checklist=[TT, BC, BB, KQ], legal_basis="Luật TĐKT 2022 Điều 23; NĐ 98/2023 Điều 30 k7, Điều 34",
         evidence="V", valid_from=NEW_START, sort_order=20),
    dict(code="CSTD_TINH", name="Chiến sĩ thi đua cấp tỉnh", kind="title", for_person=True, level="province",
         deciders=["chu_tich_ubnd_tinh"], money_coefficient=Decimal("3.0"), council_vote_required=True,
         council_vote_threshold=Decimal("0.90"), checklist=[TT, BC, BB, KQ, SK],
         legal_basis="Luật TĐKT 2022 Điều 22; NĐ 98/2023 Điều 30 k7, Điều 34 k2 d", evidence="V",
         valid_from=NEW_START, sort_order=30),
    dict(code="BK_TINH", name="Bằng khen của Chủ tịch UBND tỉnh", kind="form", for_person=True,
         for_collective=True, for_household=True, level="province", deciders=["chu_tich_ubnd_tinh"],
         money_coefficient=Decimal("1.5"), checklist=[TT, BC, BB], legal_basis="Luật TĐKT 2022 Điều 74",
         evidence="V", valid_from=NEW_START, sort_order=60),
    dict(code="HCLD3", name="Huân chương Lao động hạng Ba", kind="form", for_person=True, for_collective=True,
         level="state", deciders=["chu_tich_nuoc"], money_coefficient=Decimal("4.5"),
         public_posting_required=True, public_posting_working_days=10, checklist=[TT, BC, BB],
         legal_basis="Luật TĐKT 2022 Điều 44; NĐ 98/2023 Điều 46 k2", evidence="V", valid_from=NEW_START,
         sort_order=90),
]

BASE_SALARIES: list[dict] = [
    dict(amount=2_340_000, valid_from=date(2024, 7, 1), legal_basis="NĐ 73/2024/NĐ-CP", evidence="V"),
]


def seed_catalogue() -> int:
    """Create or update every catalogue row and the base-salary history. Returns rows touched."""
    touched = 0
    for row in CATALOGUE:
        row = dict(row)
        CatalogueEntry.objects.update_or_create(code=row.pop("code"), valid_from=row.pop("valid_from", None),
                                                defaults=row)
        touched += 1
    for row in BASE_SALARIES:
        row = dict(row)
        BaseSalary.objects.update_or_create(valid_from=row.pop("valid_from"), defaults=row)
        touched += 1
    return touched
