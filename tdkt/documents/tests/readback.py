"""Reading rendered documents back in tests: the text of a .docx (python-docx: paragraphs and
table cells, in order) and of a PDF (pypdf), and page 1 of a PDF as a PNG artifact."""

import io
import os
import tempfile
from pathlib import Path

from docx import Document
from pypdf import PdfReader


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:  # merged cells repeat
                    seen.add(id(cell._tc))
                    parts.append(cell.text)
    return "\n".join(parts)


def docx_tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(io.BytesIO(data)).tables]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    # Collapse whitespace: the extractor breaks lines where the layout wraps them.
    return " ".join(" ".join(page.extract_text() or "" for page in reader.pages).split())


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def artifacts_dir() -> Path:
    path = Path(os.environ.get("TDKT_ARTIFACTS") or Path(tempfile.gettempdir()) / "tdkt-artifacts")
    path.mkdir(parents=True, exist_ok=True)
    return path


def save_first_page_png(pdf: bytes, name: str) -> Path:
    """Page 1 rendered to PNG for a human look (a test artifact, not an assertion)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        image = page.render(scale=1.5).to_pil()
        page.close()
    finally:
        document.close()
    target = artifacts_dir() / f"{name}.png"
    image.save(target)
    return target
