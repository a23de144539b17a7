"""Certificates of awards: which awards get one, what they print, verification codes, batches.

The rendering itself is in ``tdkt.documents.certificates`` (plain data in, PDF/DOCX out); this
module turns a Decision and its Awards into that data and runs a decision's batch as a
background task whose results are files under MEDIA_ROOT.
"""

from __future__ import annotations

import hashlib
import io
import re
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.text import slugify

from tdkt.catalogue.models import Authority
from tdkt.core.models import TaskRecord
from tdkt.core.tasks import enqueue, task
from tdkt.core.text import fold
from tdkt.decisions.models import AchievementKind, Award, Decision
from tdkt.documents.certificate_layout import CertificateType, LayoutSpec, default_layout
from tdkt.documents.certificate_models import CertificateLayout
from tdkt.documents.certificates import (CertificateData, render_certificate_docx,
                                         render_certificates_pdf)
from tdkt.organizations.models import Unit

BATCH_TASK = "decisions.render_certificates"

# --- verification codes --------------------------------------------------------------------

# Crockford base32: no I, L, O, U, so a code read aloud or retyped is unambiguous.
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 random bits: ~10^15 codes, so guessing one that exists is hopeless
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_verification_code() -> str:
    return "".join(secrets.choice(CROCKFORD) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str | None:
    """What a person typed (any case, spaces, hyphens, O for 0) → the stored code, or None."""
    code = re.sub(r"[\s\-]", "", (text or "")).upper().translate(_CONFUSABLE)
    if len(code) != CODE_LENGTH or any(ch not in CROCKFORD for ch in code):
        return None
    return code


def issue_verification_codes(awards) -> int:
    """Give each award without a code its code. A code is set once and never changes (it is
    printed); the conditional update keeps two concurrent batches from both setting one."""
    issued = 0
    for award in awards:
        if award.verification_code:
            continue
        while True:
            code = new_verification_code()
            if not Award.objects.filter(verification_code=code).exists():
                break
        if Award.objects.filter(pk=award.pk, verification_code__isnull=True).update(verification_code=code):
            issued += 1
        award.verification_code = Award.objects.values_list("verification_code", flat=True).get(pk=award.pk)
    return issued


# --- which awards, what they print ------------------------------------------------------------

def certificate_type_for(entry) -> str | None:
    """The certificate an award of this catalogue entry gets from the issuing body, or None.

    Flags (Cờ thi đua) are objects, not certificates; state-level awards (orders, honorary
    titles, Bằng khen of the Prime Minister, CSTĐ toàn quốc) are issued centrally.
    """
    if entry.level == "state" or entry.code.startswith("CO_"):
        return None
    if entry.kind == "title":
        return CertificateType.TITLE
    if entry.code == "GIAY_KHEN":
        return CertificateType.GIAY_KHEN
    if entry.code.startswith("BK_"):
        return CertificateType.BANG_KHEN
    return None


def certificate_awards(decision: Decision) -> list[Award]:
    """Awards of the decision that get a certificate, in số sổ vàng order (revoked ones do not)."""
    awards = (decision.awards.filter(status=Award.Status.VALID).select_related("entry", "unit")
              .order_by("certificate_number"))
    return [award for award in awards if certificate_type_for(award.entry)]


def layout_for(issuer: Unit, certificate_type: str) -> tuple[CertificateLayout | None, LayoutSpec]:
    """The issuer's own layout, else its nearest ancestor's, else the province default, else built-in."""
    ids = [int(part) for part in issuer.path.strip("/").split("/") if part] if issuer else []
    layouts = {layout.unit_id: layout for layout in
               CertificateLayout.objects.filter(certificate_type=certificate_type, unit_id__in=ids)}
    for unit_id in reversed(ids):
        if unit_id in layouts:
            return layouts[unit_id], layouts[unit_id].spec()
    default = CertificateLayout.objects.filter(certificate_type=certificate_type, unit__isnull=True).first()
    if default:
        return default, default.spec()
    return None, default_layout(certificate_type)


_PLACE = re.compile(r"\b(?:tỉnh|thành phố|huyện|thị xã|quận|xã|phường|thị trấn)\s+(.+)$", re.IGNORECASE)


def place_of(unit: Unit) -> str:
    """The place name of the date line: "UBND tỉnh Lạng Sơn" → "Lạng Sơn" (nearest unit up the tree
    whose name carries an administrative area)."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    names = dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name"))
    for unit_id in reversed(ids):
        match = _PLACE.search(names.get(unit_id, ""))
        if match:
            return match.group(1).strip()
    return ""


def _expand(name: str) -> str:
    return re.sub(r"\bUBND\b", "Ủy ban nhân dân", name)


def issuer_title(decision: Decision) -> str:
    """Title of the decision-maker printed in red under the motto."""
    name = _expand(decision.issuer.name)
    if decision.authority in (Authority.PROVINCE_CHAIR, Authority.DISTRICT_CHAIR, Authority.COMMUNE_CHAIR):
        return f"Chủ tịch {name}"
    head = {"department": "Giám đốc", "school": "Hiệu trưởng", "enterprise": "Giám đốc"}.get(
        decision.issuer.kind, "Thủ trưởng")
    return f"{head} {name}"


def signer_block(decision: Decision) -> str:
    """"Phó Chủ tịch UBND tỉnh" signs on behalf of the chair: KT. CHỦ TỊCH / PHÓ CHỦ TỊCH."""
    title = fold(decision.signer_title)
    chair = decision.authority in (Authority.PROVINCE_CHAIR, Authority.DISTRICT_CHAIR, Authority.COMMUNE_CHAIR)
    if chair and title.startswith("pho chu tich"):
        return "KT. Chủ tịch\nPhó Chủ tịch"
    if chair:
        return "Chủ tịch"
    return decision.signer_title.split(",")[0] if decision.signer_title else ""


ACHIEVEMENTS = {
    AchievementKind.ANNUAL: "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm {period}",
    AchievementKind.THEMATIC: "Đã có thành tích xuất sắc trong phong trào thi đua, năm {period}",
    AchievementKind.SUDDEN: "Đã có thành tích xuất sắc đột xuất, năm {period}",
    AchievementKind.CONTRIBUTION: "Đã có quá trình cống hiến xuất sắc, giai đoạn {period}",
    AchievementKind.SENIORITY: "Đã có thành tích trong quá trình công tác, giai đoạn {period}",
    AchievementKind.FOREIGN: "Đã có thành tích xuất sắc trong công tác đối ngoại, năm {period}",
    AchievementKind.RESISTANCE: "Đã có thành tích trong kháng chiến",
}


def achievement_text(award: Award) -> str:
    start, end = award.period_from_year or award.year, award.period_to_year or award.year
    period = str(end) if start == end else f"{start} - {end}"
    return ACHIEVEMENTS.get(award.achievement_kind, ACHIEVEMENTS[AchievementKind.ANNUAL]).format(period=period)


def public_base_url(request=None) -> str:
    """Where the public verification page lives: TDKT_PUBLIC_URL when set (behind a proxy, on a
    public host), else the address the request came to."""
    configured = getattr(settings, "TDKT_PUBLIC_URL", "")
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return "http://localhost:8000"


def verification_url(code: str, base_url: str) -> str:
    return base_url.rstrip("/") + reverse("portal:verify_code", args=[code])


@dataclass
class DecisionContext:
    """What every certificate of one decision shares (computed once per batch)."""

    issuer_title: str
    place: str
    signer_title: str


def decision_context(decision: Decision) -> DecisionContext:
    return DecisionContext(issuer_title=issuer_title(decision), place=place_of(decision.issuer),
                           signer_title=signer_block(decision))


def certificate_data(award: Award, *, base_url: str, context: DecisionContext | None = None) -> CertificateData:
    decision = award.decision
    context = context or decision_context(decision)
    if not award.verification_code:
        issue_verification_codes([award])
    return CertificateData(
        certificate_type=certificate_type_for(award.entry) or CertificateType.BANG_KHEN,
        issuer_title=context.issuer_title,
        award_name=award.entry.name,
        recipient_name=award.recipient_name,
        position_text=award.position_text or award.unit.name,
        achievement=achievement_text(award),
        decision_number=decision.number,
        decision_date=decision.issued_on,
        gold_book_number=award.certificate_number,
        place=context.place,
        signed_on=decision.issued_on,
        signer_title=context.signer_title,
        signer_name=decision.signer_name,
        verification_code=award.verification_code,
        verification_url=verification_url(award.verification_code, base_url),
    )


def docx_name(award: Award) -> str:
    return f"{award.certificate_number:04d}-{slugify(fold(award.recipient_name))[:60] or 'giay-chung-nhan'}.docx"


# --- batches -----------------------------------------------------------------------------------

def batch_key(decision: Decision, awards: list[Award]) -> str:
    """Same decision, same awards and same layout versions → same key, so the task runs once.

    The fingerprint covers what a certificate prints that can change after the decision (names,
    positions, revocations) and each certificate type's layout version."""
    digest = hashlib.sha256()
    layouts = {}
    for award in awards:
        kind = certificate_type_for(award.entry)
        if kind not in layouts:
            layout, _spec = layout_for(decision.issuer, kind)
            layouts[kind] = f"{kind}:{layout.pk if layout else 0}:{layout.version if layout else 0}"
        digest.update(f"{award.pk}|{award.updated_at.isoformat()}|{award.verification_code}|".encode())
    digest.update("|".join(sorted(layouts.values())).encode())
    digest.update(f"{decision.updated_at.isoformat()}".encode())
    return f"certificates:{decision.pk}:{digest.hexdigest()[:24]}"


def batch_id(key: str) -> str:
    """The part of a batch key that addresses its page (24 hex digits)."""
    return key.rsplit(":", 1)[-1]


def batch_dir(key: str) -> Path:
    return Path(settings.MEDIA_ROOT) / "certificates" / hashlib.sha256(key.encode()).hexdigest()[:32]


PDF_NAME, ZIP_NAME = "giay-chung-nhan.pdf", "giay-chung-nhan-docx.zip"


def start_certificate_batch(decision: Decision, *, base_url: str) -> str:
    """Issue the codes, then queue the batch (idempotent). Returns the task key."""
    with transaction.atomic():
        awards = certificate_awards(decision)
        issue_verification_codes(awards)
        key = batch_key(decision, awards)
        # A failed run (disk full, a bug since fixed) must not block the same batch for ever.
        TaskRecord.objects.filter(key=key, status=TaskRecord.Status.FAILED).delete()
        enqueue(BATCH_TASK, key=key, decision_id=decision.pk, base_url=base_url, task_key=key)
    return key


class _Progress:
    """Writes the task's progress at most every 2 %, not once per page."""

    def __init__(self, key: str, total_steps: int):
        self.key, self.total, self.last = key, max(total_steps, 1), -1

    def __call__(self, done: int) -> None:
        percent = min(99, done * 100 // self.total)
        if percent >= self.last + 2:
            self.last = percent
            TaskRecord.objects.filter(key=self.key).update(progress=percent)


@task(BATCH_TASK)
def render_decision_certificates(*, decision_id: int, base_url: str, task_key: str) -> None:
    """All certificates of one decision: one PDF (a page each) and a ZIP with a DOCX each."""
    decision = Decision.objects.select_related("issuer").get(pk=decision_id)
    awards = certificate_awards(decision)
    issue_verification_codes(awards)
    context = decision_context(decision)
    specs = {}
    items = []
    for award in awards:
        kind = certificate_type_for(award.entry)
        if kind not in specs:
            specs[kind] = layout_for(decision.issuer, kind)[1]
        items.append((award, certificate_data(award, base_url=base_url, context=context), specs[kind]))
    progress = _Progress(task_key, 2 * len(items))
    folder = batch_dir(task_key)
    folder.mkdir(parents=True, exist_ok=True)
    if items:
        pdf = render_certificates_pdf(((data, spec) for _award, data, spec in items),
                                      title=f"Giấy chứng nhận – Quyết định {decision.number}", on_page=progress)
    else:
        pdf = b""
    _write_atomically(folder / PDF_NAME, pdf)
    buffer = io.BytesIO()
    # DOCX files are already deflated inside: storing them is as small and much faster.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for number, (award, data, _spec) in enumerate(items, start=1):
            archive.writestr(docx_name(award), render_certificate_docx(data))
            progress(len(items) + number)
    _write_atomically(folder / ZIP_NAME, buffer.getvalue())


def _write_atomically(path: Path, content: bytes) -> None:
    """Readers never see half a file: write aside, then rename."""
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(content)
    partial.replace(path)


def batch_result(key: str) -> dict[str, Path]:
    """The finished files of a batch, by kind ("pdf", "zip"); empty until both exist."""
    folder = batch_dir(key)
    files = {"pdf": folder / PDF_NAME, "zip": folder / ZIP_NAME}
    return files if all(path.exists() for path in files.values()) else {}
