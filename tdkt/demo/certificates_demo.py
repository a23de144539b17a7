"""Demo data for certificates (issue 4): verification codes on the latest decisions issued in the
system, and one layout for pre-printed blanks, so the batch page, the layout editor and the public
verification page have something to show. Through the real services only."""

from tdkt.decisions.certificates import certificate_awards, issue_verification_codes
from tdkt.decisions.models import Decision
from tdkt.documents.certificate_layout import CertificateType, default_fields_json
from tdkt.documents.certificate_models import CertificateLayout

DECISIONS_WITH_CODES = 3


def build(builder) -> None:
    issued = 0
    decisions = Decision.objects.filter(source=Decision.Source.SYSTEM).order_by("-issued_on", "-id")
    for decision in decisions[:DECISIONS_WITH_CODES]:
        issued += issue_verification_codes(certificate_awards(decision))
    # The province prints Bằng khen on blanks bought pre-printed (frame, emblem and motto already
    # on the paper): only the variable fields, the motto not printed again.
    fields = default_fields_json()
    fields["motto"]["visible"] = False
    CertificateLayout.objects.get_or_create(unit=None, certificate_type=CertificateType.BANG_KHEN,
                                            defaults={"print_frame": False, "fields": fields})
    builder.counts["certificate verification codes"] = issued
