"""A meeting-kit template (meetingkit.KitDocument) as a Word file with blank fields."""

import io

import docx
from django.utils import formats
from django.utils.translation import gettext as _
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt

from .meetingkit import KitDocument

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
BLANK_LINE = "_" * 60


def version_line(document: KitDocument) -> str:
    published = (
        _(", publicerad %(date)s") % {"date": formats.date_format(document.published, "j F Y")}
        if document.published
        else ""
    )
    return _("Mallens version: %(version)s (rutinen ”%(routine)s”%(published)s).") % {
        "version": document.version,
        "routine": document.routine_title,
        "published": published,
    }


def origin_line(document: KitDocument) -> str:
    return _("Hämtad %(date)s från %(url)s – kontrollera att du har senaste versionen.") % {
        "date": formats.date_format(document.created, "j F Y"),
        "url": document.page_url,
    }


def render_docx(document: KitDocument) -> bytes:
    word = docx.Document()
    word.core_properties.title = document.title
    word.core_properties.subject = version_line(document)
    word.core_properties.comments = origin_line(document)
    style = word.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    footer = word.sections[0].footer.paragraphs[0]
    footer.text = f"{version_line(document)} {origin_line(document)}"
    footer.runs[0].font.size = Pt(8)

    word.add_heading(document.title, level=1)
    word.add_paragraph(document.intro)
    word.add_paragraph(document.source).runs[0].italic = True
    if document.sip:
        word.add_paragraph(
            _("Dokumentera planen i %(name)s: %(url)s")
            % {"name": document.sip.name, "url": document.sip.url}
        )
    for section in document.sections:
        word.add_heading(section.heading, level=2)
        for text in section.text:
            word.add_paragraph(text)
        for field in section.fields:
            word.add_paragraph(field.label + ":")
            for _line in range(field.lines):
                word.add_paragraph(BLANK_LINE)
        for check in section.checks:
            word.add_paragraph("☐ " + check)
        if section.table:
            table = word.add_table(rows=1 + section.table.rows, cols=len(section.table.columns))
            table.style = "Table Grid"
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for cell, column in zip(table.rows[0].cells, section.table.columns, strict=True):
                cell.text = column
                cell.paragraphs[0].runs[0].bold = True
    word.add_paragraph()
    word.add_paragraph(version_line(document))
    word.add_paragraph(origin_line(document))
    output = io.BytesIO()
    word.save(output)
    return output.getvalue()
