"""Building blocks of the Nghị định 30/2020/NĐ-CP layout (Phụ lục I), used to generate the
default templates with python-docx.

A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm; Times New Roman
(Liberation Serif has the same metrics and is what LibreOffice substitutes); body 14 pt.
Header: a two-column table without borders — issuing body on the left, Quốc hiệu and Tiêu ngữ
on the right, the number under the body and the place-and-date line (italic) under the motto.
Footer: "Nơi nhận:" bottom left (bold italic 12 pt, recipients 11 pt), signature block bottom right.
"""

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def _no_borders(table):
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _column_widths(table, widths_mm):
    """Set the grid and every cell: LibreOffice reads the grid, Word the cells."""
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm):
        column.set(qn("w:w"), str(int(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)


def _keep_rows_whole(table):
    """A row never breaks across a page: a signature block or a list line moves as one piece."""
    for row in table.rows:
        _cant_split(row)


def _cant_split(row):
    trPr = row._tr.get_or_add_trPr()
    if trPr.find(qn("w:cantSplit")) is None:
        trPr.insert(0, OxmlElement("w:cantSplit"))


def _set_font(run, size=None, bold=None, italic=None, underline=None):
    run.font.name = FONT
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic
    if underline is not None:
        run.underline = underline


class Layout:
    """A document being built; ``doc`` is the python-docx Document."""

    def __init__(self):
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(20), Mm(20)
        section.left_margin, section.right_margin = Mm(30), Mm(15)
        style = self.doc.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(14)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        style.paragraph_format.space_after = Pt(0)
        style.paragraph_format.space_before = Pt(0)
        self.text_width = Mm(165)

    # --- paragraphs ---------------------------------------------------------------
    def para(self, text="", *, container=None, align=JUSTIFY, size=14, bold=False, italic=False,
             indent=True, after=6, before=0, keep=False):
        paragraph = (container or self.doc).add_paragraph()
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.space_after, fmt.space_before = Pt(after), Pt(before)
        if indent and align == JUSTIFY:
            fmt.first_line_indent = Cm(1.27)
        if keep:
            fmt.keep_with_next = True
        if text:
            _set_font(paragraph.add_run(text), size=size, bold=bold, italic=italic)
        return paragraph

    def runs(self, paragraph, *parts, size=14):
        """Append (text, style) parts: style is "" or a mix of b/i/u."""
        for text, style in parts:
            _set_font(paragraph.add_run(text), size=size, bold="b" in style, italic="i" in style,
                      underline="u" in style)
        return paragraph

    def tag(self, text, container=None):
        """A paragraph that holds only a docxtpl block tag ({%p ... %}); removed when rendered."""
        return self.para(text, container=container, align=LEFT, indent=False, after=0)

    def rule(self, container=None, width=8):
        """The solid line under the issuing body, the motto and the title: ``width`` em dashes of
        8 pt (about 2.8 mm each). The decree wants it a third to a half of the body's name, as
        long as the tiêu ngữ under the motto, and a third to a half of the summary line."""
        return self.para("—" * width, container=container, align=CENTER, size=8, after=0)

    def page_break(self):
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- the blocks of the decree -------------------------------------------------
    def header(self, *, left_top="{{ co_quan_chu_quan }}", left_body="{{ co_quan_ban_hanh }}",
               number=True, place=True):
        table = self.doc.add_table(rows=1, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _no_borders(table)
        left, right = table.rows[0].cells
        _column_widths(table, (68, 100))
        if left_top:
            # A body without a parent (the provincial People's Committee) starts on the line of the
            # Quốc hiệu: the parent's paragraph is dropped, not left empty.
            condition = left_top.strip("{} ")
            _set_font(left.paragraphs[0].add_run(f"{{%p if {condition} %}}"), size=13)
            self.para(left_top, container=left, align=CENTER, size=13, indent=False, after=0)
            self.tag("{%p endif %}", container=left)
            body = left.add_paragraph()
        else:
            body = left.paragraphs[0]
        body.alignment = CENTER
        _set_font(body.add_run(left_body), size=13, bold=True)
        self.rule(container=left, width=9)
        if number:
            # Same spacing before as the place-and-date line: both sit on one baseline.
            self.para("", container=left, align=CENTER, size=13, indent=False, after=0, before=6)
            self.runs(left.paragraphs[-1], ("Số: {{ so_ky_hieu }}", ""), size=13)
        motto = right.paragraphs[0]
        motto.alignment = CENTER
        _set_font(motto.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), size=12, bold=True)
        self.para("Độc lập - Tự do - Hạnh phúc", container=right, align=CENTER, size=13, bold=True, after=0)
        self.rule(container=right, width=20)  # as long as "Độc lập - Tự do - Hạnh phúc" 
        if place:
            self.para("{{ dia_danh }}, {{ ngay_van_ban }}", container=right, align=CENTER, size=14,
                      italic=True, after=0, before=6)
        self.para("", after=6)
        return table

    def title(self, name, subject=None):
        self.para(name, align=CENTER, size=14, bold=True, after=0, before=6, keep=True)
        if subject:
            self.para(subject, align=CENTER, size=14, bold=True, after=0, keep=True)
        self.rule(width=10)
        self.para("", after=6)

    def recipients_and_signature(self, *, left_title="Nơi nhận:", signature=None, with_recipients=True):
        """Bottom: "Nơi nhận:" on the left, the signature block on the right."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        left, right = table.rows[0].cells
        _column_widths(table, (80, 85))
        if with_recipients:
            paragraph = left.paragraphs[0]
            _set_font(paragraph.add_run(left_title), size=12, bold=True, italic=True)
            self.tag("{%p for n in noi_nhan %}", container=left)
            self.para("- {{ n }}", container=left, align=LEFT, size=11, indent=False, after=0)
            self.tag("{%p endfor %}", container=left)
        lines = signature or [("{{ quyen_han_ky }}", "b"), ("{{ chuc_vu_ky }}", "b")]
        first = right.paragraphs[0]
        first.alignment = CENTER
        self.runs(first, lines[0], size=14)
        for line in lines[1:]:
            paragraph = self.para("", container=right, align=CENTER, indent=False, after=0)
            self.runs(paragraph, line, size=14)
        for _ in range(4):
            self.para("", container=right, align=CENTER, indent=False, after=0)
        self.para("{{ nguoi_ky }}", container=right, align=CENTER, bold=True, indent=False, after=0)
        _keep_rows_whole(table)
        return table

    def two_signatures(self, left_lines, right_lines, *, left_name="", right_name="{{ nguoi_ky }}"):
        """Reports and minutes: two signature blocks side by side."""
        table = self.doc.add_table(rows=1, cols=2)
        table.autofit = False
        _no_borders(table)
        _column_widths(table, (82, 83))
        for cell, lines, name in ((table.rows[0].cells[0], left_lines, left_name),
                                  (table.rows[0].cells[1], right_lines, right_name)):
            first = cell.paragraphs[0]
            first.alignment = CENTER
            self.runs(first, lines[0], size=13)
            for line in lines[1:]:
                self.runs(self.para("", container=cell, align=CENTER, indent=False, after=0), line, size=13)
            for _ in range(4):
                self.para("", container=cell, align=CENTER, indent=False, after=0)
            if name:
                self.para(name, container=cell, align=CENTER, bold=True, indent=False, after=0, size=13)
        _keep_rows_whole(table)
        return table

    # --- tables -------------------------------------------------------------------
    def grid(self, headings, widths_mm, *, size=12):
        table = self.doc.add_table(rows=1, cols=len(headings))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        for cell, heading, width in zip(table.rows[0].cells, headings, widths_mm):
            cell.width = Mm(width)
            paragraph = cell.paragraphs[0]
            paragraph.alignment = CENTER
            _set_font(paragraph.add_run(heading), size=size, bold=True)
        _column_widths(table, widths_mm)
        self._mark_header_row(table.rows[0])
        table._widths = widths_mm
        return table

    @staticmethod
    def _mark_header_row(row):
        # Repeat the heading row on every page of a long list.
        trPr = row._tr.get_or_add_trPr()
        element = OxmlElement("w:tblHeader")
        element.set(qn("w:val"), "true")
        trPr.append(element)

    def row(self, table, texts, *, size=12, bold=False, italic=False, merge=False, aligns=None):
        row = table.add_row()
        _cant_split(row)
        cells = row.cells
        for index, cell in enumerate(cells):
            cell.width = Mm(table._widths[index])
        if merge:
            merged = cells[0].merge(cells[-1])
            cells = [merged]
            texts = [texts[0]]
        for index, (cell, text) in enumerate(zip(cells, texts)):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = (aligns[index] if aligns else LEFT)
            if text:
                _set_font(paragraph.add_run(text), size=size, bold=bold, italic=italic)
        return row

    def loop_rows(self, table, opening, texts, *, closing="{%tr endfor %}", size=12, aligns=None):
        """The three rows of a docxtpl row loop: the opening tag, the repeated row, the closing tag."""
        self.row(table, [opening] + [""] * (len(texts) - 1), size=size)
        self.row(table, texts, size=size, aligns=aligns)
        self.row(table, [closing] + [""] * (len(texts) - 1), size=size)

    def save(self, path):
        self.doc.save(path)
