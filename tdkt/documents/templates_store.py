"""Template versions: the current one, uploads of new ones, and the shipped defaults as version 1."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from tdkt.core.errors import DomainError
from tdkt.core.uploads import check_upload
from tdkt.documents.defaults import default_path
from tdkt.documents.models import DocumentTemplate, DocumentTemplateVersion
from tdkt.documents.placeholders import TemplateProblem, inspect_template
from tdkt.documents.registry import SPECS, spec


def ensure_template(code: str) -> DocumentTemplate:
    """The template row of ``code``, created with the shipped default as version 1 when missing."""
    template = DocumentTemplate.objects.filter(code=code).first()
    if template and template.versions.exists():
        return template
    document = spec(code)
    with transaction.atomic():
        template, _created = DocumentTemplate.objects.get_or_create(
            code=code, defaults={"title": document.title, "kind": document.kind})
        if not template.versions.exists():
            try:
                with transaction.atomic():
                    version = DocumentTemplateVersion(template=template, number=1, is_current=True,
                                                      original_name=f"{code}.docx",
                                                      note=_("Default template shipped with TĐKT"))
                    version.file.save(f"{code}.docx", ContentFile(default_path(code).read_bytes()), save=True)
            except IntegrityError:
                pass  # another request created it at the same moment
    return template


def seed_document_templates() -> int:
    """Register every shipped default as version 1 where a template has no version yet."""
    created = 0
    for code in SPECS:
        had = DocumentTemplateVersion.objects.filter(template__code=code).exists()
        ensure_template(code)
        created += 0 if had else 1
    return created


def current_version(code: str) -> DocumentTemplateVersion:
    version = (DocumentTemplateVersion.objects.select_related("template")
               .filter(template__code=code, is_current=True).first())
    if version is None:
        version = ensure_template(code).current_version
    return version


def check_template_file(code: str, data: bytes) -> set[str]:
    """Refuse a file docxtpl cannot read or that uses placeholders the registry does not know."""
    try:
        used, unknown = inspect_template(data, spec(code))
    except TemplateProblem as error:
        if error.kind == "syntax":
            # The parser's own words help find the tag; the sentence before them says what to look for.
            raise DomainError(_("A placeholder or loop tag in the file is written incorrectly: check that every "
                                "{{ … }} and {%% … %%} is closed and that every loop ends with its endfor "
                                "(detail: %(error)s).") % {"error": str(error)[:200]},
                              field="file", code="not_a_template") from error
        raise DomainError(_("The file is damaged or is not a Word document (.docx); open it in Word, save it "
                            "again as .docx and upload it."), field="file", code="not_a_template") from error
    if unknown:
        raise DomainError(_("The template uses placeholders that do not exist for this document: %(names)s. "
                            "Check the spelling against the list of placeholders.")
                          % {"names": ", ".join(sorted(unknown))}, field="file", code="unknown_placeholders")
    return used


@transaction.atomic
def upload_template_version(code: str, uploaded, *, actor, note: str = "") -> DocumentTemplateVersion:
    """Store ``uploaded`` (a .docx) as the next version of ``code`` and make it current."""
    if not (getattr(uploaded, "name", "") or "").lower().endswith(".docx"):
        raise DomainError(_("Upload the template as a Word file (.docx)."), field="file", code="type_not_accepted")
    check_upload(uploaded)
    data = uploaded.read()
    check_template_file(code, data)
    template = ensure_template(code)
    template = DocumentTemplate.objects.select_for_update().get(pk=template.pk)
    last = template.versions.order_by("-number").values_list("number", flat=True).first() or 0
    template.versions.filter(is_current=True).update(is_current=False)
    version = DocumentTemplateVersion(template=template, number=last + 1, is_current=True, uploaded_by=actor,
                                      original_name=getattr(uploaded, "name", "")[:255], note=note[:300])
    version.file.save(f"{code}.docx", ContentFile(data), save=True)
    return version


@transaction.atomic
def make_current(version: DocumentTemplateVersion) -> DocumentTemplateVersion:
    """Go back to an earlier version (or forward again): it becomes the one new documents use."""
    DocumentTemplate.objects.select_for_update().get(pk=version.template_id)
    DocumentTemplateVersion.objects.filter(template_id=version.template_id, is_current=True).update(is_current=False)
    DocumentTemplateVersion.objects.filter(pk=version.pk).update(is_current=True)
    version.is_current = True
    return version
