"""Reference data every installation needs (production included): one entry point
that calls each app's idempotent seed function."""

from django.db import transaction

from tdkt.catalogue.seed import seed_catalogue
from tdkt.core.seed import seed_holidays
from tdkt.documents.templates_store import seed_document_templates
from tdkt.nominations.seed import seed_step_time_limits
from tdkt.organizations.seed import seed_subject_categories


@transaction.atomic
def load_reference_data(*, update_catalogue: bool = False) -> dict[str, int]:
    """Load the reference data. Safe to run repeatedly.

    Rows are only added when missing, so an administrator's edits survive;
    ``update_catalogue`` overwrites catalogue rows and base salaries from the code
    (the upgrade path after legal facts were corrected in the code).
    """
    return {
        "catalogue": seed_catalogue(update=update_catalogue),
        "subject_categories": seed_subject_categories(),
        "holidays": seed_holidays(),
        "step_time_limits": seed_step_time_limits(),
        "document_templates": seed_document_templates(),
    }
