"""Rendering: a template version + a plain dict context → .docx bytes; .docx → PDF with LibreOffice.

Domain apps build the context (``tdkt/nominations/documents.py``, ``tdkt/decisions/documents.py``)
with the names of ``tdkt.documents.registry``; this module knows nothing else about them.
"""

import io
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from docxtpl import DocxTemplate, Listing
from jinja2 import Environment
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from tdkt.documents.models import DocumentTemplateVersion
from tdkt.documents.templates_store import current_version

PDF_TIMEOUT_SECONDS = int(os.environ.get("TDKT_PDF_TIMEOUT", 120))


class ConversionFailed(RuntimeError):
    """LibreOffice did not produce a PDF (missing, crashed or timed out)."""


# docxtpl features that change a table's cells per row; only they need its table repair pass.
_CELL_TAGS = re.compile(r"\{%-?\s*(tc|colspan|cellbg|hm|vm)\b")
_SPECIAL = ("\t", "\a", "\n", "\f")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)


class FastDocxTemplate(DocxTemplate):
    """docxtpl with two passes narrowed to where they can change something (same output).

    A 1,000-line decision spent most of its time in them: ``resolve_listing`` ran three regular
    expressions over every paragraph, although it only rewrites tab, line-break, page-break and
    \\a characters; ``fix_tables`` walked every row of every table, although only column loops
    and merge tags change the number of cells in a row.
    """

    def build_xml(self, context, jinja_env=None):
        raw = self.get_xml()
        self._cell_tags = bool(_CELL_TAGS.search(re.sub(r"<[^>]+>", "", raw)))
        return super().build_xml(context, jinja_env)

    def resolve_listing(self, xml):
        if not any(char in xml for char in _SPECIAL):
            return xml
        parent = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: parent(m.group(0)) if any(char in m.group(0) for char in _SPECIAL) else m.group(0), xml)

    def fix_tables(self, xml):
        if getattr(self, "_cell_tags", True):
            return super().fix_tables(xml)
        return etree.fromstring(xml, parser=etree.XMLParser(recover=True))


def _prepare(value):
    """Multi-line texts keep their line breaks (docxtpl Listing); lists and rows recursively."""
    if isinstance(value, str) and "\n" in value:
        return Listing(value.replace("\r\n", "\n").strip("\n"))
    if isinstance(value, dict):
        return {key: _prepare(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_prepare(item) for item in value]
    return value


def _environment() -> Environment:
    # Autoescape: names such as "Sở Kế hoạch & Đầu tư" must not break the XML. Sandboxed: a
    # template is a file uploaded through the browser, and "{{ ho_ten.__class__ … }}" must not
    # reach Python internals.
    return SandboxedEnvironment(autoescape=True)


def render_bytes(template_bytes: bytes, context: dict) -> bytes:
    document = FastDocxTemplate(io.BytesIO(template_bytes))
    document.render(_prepare(context), jinja_env=_environment(), autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def version_bytes(version: DocumentTemplateVersion) -> bytes:
    with version.file.open("rb") as handle:
        return handle.read()


def render_docx(code: str, context: dict, version: DocumentTemplateVersion | None = None) -> bytes:
    """The document ``code`` rendered with ``context``: with ``version`` when given (a decision
    re-rendered with the version it was made with), otherwise with the current version."""
    version = version or current_version(code)
    return render_bytes(version_bytes(version), context)


def _seed_profile() -> Path:
    return Path(tempfile.gettempdir()) / f"tdkt-soffice-profile-{os.getuid()}"


def _keep_as_seed(profile: Path) -> None:
    """Keep a used profile as the seed later conversions copy (LibreOffice spends about a second
    creating a fresh one). Copied then renamed, so a reader never sees half a seed."""
    seed = _seed_profile()
    if seed.exists() or not profile.exists():
        return
    staging = seed.with_name(f"{seed.name}.{os.getpid()}.tmp")
    try:
        shutil.copytree(profile, staging)
        os.rename(staging, seed)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)  # another process stored its seed first


def docx_to_pdf(docx: bytes, *, timeout: int = PDF_TIMEOUT_SECONDS) -> bytes:
    """Convert with LibreOffice headless. Each call runs on its own copy of the profile directory
    (``-env:UserInstallation``): two conversions sharing one profile block or fail."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise ConversionFailed("LibreOffice (soffice) is not installed; run scripts/setup.")
    with tempfile.TemporaryDirectory(prefix="tdkt-pdf-") as workdir:
        work = Path(workdir)
        source = work / "document.docx"
        source.write_bytes(docx)
        profile = work / "profile"
        seeded = False
        if _seed_profile().is_dir():
            try:
                shutil.copytree(_seed_profile(), profile)
                seeded = True
            except OSError:
                shutil.rmtree(profile, ignore_errors=True)
        command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work), str(source)]
        # Its own process group: on a timeout the whole group goes (soffice is a wrapper script
        # around soffice.bin, which killing the wrapper alone would leave running).
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=workdir,
                                   env={**os.environ, "HOME": workdir}, start_new_session=True)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as error:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ConversionFailed(f"LibreOffice did not finish within {timeout} s") from error
        target = work / "document.pdf"
        if not target.exists():
            raise ConversionFailed("LibreOffice produced no PDF: "
                                   + (stderr or stdout).decode(errors="replace")[-500:])
        if not seeded:
            _keep_as_seed(profile)
        return target.read_bytes()
