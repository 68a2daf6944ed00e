"""The meeting kit: templates for a Norrbus meeting built from the routine's own steps.

A routine has a kit when it has the steps the kit is made from (Kallelse, Mötet, Efter
mötet, found by their anchors). Every template is a `KitDocument`: plain data that the
printable page (templates/guidance/kit/document.html) and the Word file (docx_export.py)
both render, so the two never differ and neither drifts from the routine. Its version is
the routine's live revision: republishing the routine gives every template a new version.

Nothing here reads or keeps what a user writes in a template: the fields are blank lines
and empty table cells, on paper or in Word.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# The steps a kit is made from, by their anchors (made from the step titles).
INVITATION_STEP = "kallelse"
MEETING_STEP = "motet"
AFTER_STEP = "efter-motet"
KIT_STEPS = (INVITATION_STEP, MEETING_STEP, AFTER_STEP)

# Rows left blank in the tables to fill in.
BLANK_ROWS = 6

_SIP = re.compile(r"\bSIP\b|samordnad(e)? individuell(a)? plan", re.IGNORECASE)


@dataclass(frozen=True)
class Field:
    """A blank to fill in: a label and the lines left for the answer."""

    label: str
    lines: int = 1

    @property
    def line_range(self) -> range:
        return range(self.lines)


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: int = BLANK_ROWS

    @property
    def row_range(self) -> range:
        return range(self.rows)


@dataclass
class Section:
    heading: str
    text: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)  # boxes to tick by hand
    table: Table | None = None


@dataclass(frozen=True)
class SipSystem:
    name: str
    url: str


@dataclass
class KitDocument:
    slug: str
    title: str
    intro: str
    source: str  # what the template rests on, said to the reader
    sections: list[Section]
    routine_title: str
    version: int
    published: datetime.date | None
    routine_url: str
    page_url: str
    created: datetime.date
    sip: SipSystem | None = None


@dataclass(frozen=True)
class KitTemplate:
    slug: str
    title: object  # a lazy translation
    build: Callable[["StepText | None"], tuple[str, list[Section]]]
    step_anchor: str | None = None


@dataclass(frozen=True)
class StepText:
    """A routine step as plain text: what the templates quote and turn into fields."""

    anchor: str
    title: str
    body: str
    checklist: list[str]

    @property
    def mentions_sip(self) -> bool:
        return bool(_SIP.search(" ".join([self.title, self.body, *self.checklist])))


def plain_text(html: str) -> str:
    text = strip_tags(normalize_newlines(html or ""))
    return re.sub(r"\s+", " ", text).strip()


def step_text(step_value) -> StepText:
    body = step_value.get("body")
    return StepText(
        anchor=step_value.anchor_id,
        title=step_value.get("title", ""),
        body=plain_text(body.source if body is not None else ""),
        checklist=[str(item) for item in step_value.get("checklist") or []],
    )


def routine_steps(routine) -> dict[str, StepText]:
    return {text.anchor: text for text in (step_text(block.value) for block in routine.steps)}


def has_kit(routine) -> bool:
    anchors = {block.value.anchor_id for block in routine.steps}
    return all(anchor in anchors for anchor in KIT_STEPS)


def kit_version(routine) -> int:
    """The routine's live revision: a new one with every publication of the routine."""
    return routine.live_revision_id or 0


def sip_system() -> SipSystem | None:
    """The region's SIP system for the hand-over link, when the site has one configured."""
    name, url = settings.SIP_SYSTEM_NAME, settings.SIP_SYSTEM_URL
    return SipSystem(name=name, url=url) if name and url else None


def mentions_sip(step_value) -> bool:
    return step_text(step_value).mentions_sip


def _step_source(step: StepText, routine_title: str) -> str:
    return _("Bygger på steget ”%(step)s” i portalens rutin ”%(routine)s”.") % {
        "step": step.title,
        "routine": routine_title,
    }


def _the_routine_says(step: StepText) -> Section:
    return Section(heading=_("Så säger rutinen"), text=[step.body] if step.body else [])


def _invitation(step: StepText) -> tuple[str, list[Section]]:
    return (
        _("Fyll i kallelsen och skicka den till dem som bjuds in till mötet."),
        [
            _the_routine_says(step),
            Section(
                heading=_("Mötet"),
                fields=[
                    Field(_("Datum och tid")),
                    Field(_("Plats eller länk")),
                    Field(_("Kallad av (namn, verksamhet, telefon)")),
                ],
            ),
            Section(
                heading=_("Det här ska kallelsen säga enligt rutinen"),
                fields=[Field(item, lines=2) for item in step.checklist],
            ),
            Section(
                heading=_("Vilka som bjuds in och varför"),
                table=Table(
                    caption=_("Inbjudna"),
                    columns=[
                        _("Verksamhet"),
                        _("Namn och roll"),
                        _("Varför inbjuden"),
                        _("Mandat att besluta"),
                    ],
                ),
            ),
            Section(
                heading=_("Barnets och vårdnadshavarnas deltagande"),
                fields=[
                    Field(_("Hur barnet eller den unga deltar och kommer till tals"), lines=2),
                    Field(_("Hur vårdnadshavarna deltar"), lines=2),
                ],
            ),
        ],
    )


def _agenda(step: StepText) -> tuple[str, list[Section]]:
    items = [
        Section(heading=f"{number}. {item}", fields=[Field(_("Anteckningar"), lines=3)])
        for number, item in enumerate(step.checklist, start=1)
    ]
    return (
        _("Gå igenom punkterna i ordning. Åtagandena skrivs i mallen Åtaganden."),
        [
            _the_routine_says(step),
            Section(
                heading=_("Mötet"),
                fields=[
                    Field(_("Datum och tid")),
                    Field(_("Närvarande (verksamhet och roll)"), lines=2),
                ],
            ),
            *items,
            Section(
                heading=_("Nästa möte"),
                fields=[Field(_("Datum för uppföljning")), Field(_("Vem kallar"))],
            ),
        ],
    )


def _commitments(step: StepText) -> tuple[str, list[Section]]:
    return (
        _("Den som kallat dokumenterar åtagandena. En rad per insats."),
        [
            _the_routine_says(step),
            Section(
                heading=_("Det här ska dokumenteras enligt rutinen"),
                table=Table(caption=_("Åtaganden"), columns=[_("Insats"), *step.checklist]),
            ),
            Section(
                heading=_("Underlaget"),
                fields=[
                    Field(_("Datum för mötet")),
                    Field(_("Dokumenterat av (namn, verksamhet)")),
                ],
            ),
        ],
    )


def _consent(_step: StepText | None) -> tuple[str, list[Section]]:
    return (
        _(
            "Portalens egen mall, inte en del av överenskommelsen. Kontrollera med din "
            "organisations rutin för samtycke innan du använder den."
        ),
        [
            Section(
                heading=_("Vad samtycket gäller"),
                fields=[
                    Field(_("Vilka verksamheter som får lämna uppgifter till varandra"), lines=2),
                    Field(_("Vilka uppgifter det gäller"), lines=2),
                    Field(_("Syftet: vad uppgifterna ska användas till"), lines=2),
                    Field(_("Hur länge samtycket gäller")),
                ],
            ),
            Section(
                heading=_("Vem som samtycker"),
                text=[
                    _(
                        "Barnet eller den unga och vårdnadshavarna samtycker, var för sig eller "
                        "tillsammans, beroende på barnets ålder och mognad. Från 18 år bestämmer "
                        "den unga själv."
                    )
                ],
                table=Table(
                    caption=_("Samtycke lämnas av"),
                    columns=[
                        _("Namn"),
                        _("Barnet/den unga eller vårdnadshavare"),
                        _("Datum"),
                        _("Underskrift"),
                    ],
                    rows=3,
                ),
            ),
            Section(
                heading=_("Så återkallar du samtycket"),
                text=[_("Samtycket kan återkallas när som helst.")],
                fields=[Field(_("Kontakta (namn, verksamhet, telefon)"), lines=2)],
            ),
        ],
    )


def _follow_up(step: StepText) -> tuple[str, list[Section]]:
    return (
        _("Följ upp åtagandena från mötet, punkt för punkt."),
        [
            _the_routine_says(step),
            Section(
                heading=_("Uppföljningsmötet"),
                fields=[Field(_("Datum och tid")), Field(_("Kallad av"))],
            ),
            Section(heading=_("Enligt rutinen"), checks=step.checklist),
            Section(
                heading=_("Åtagandena"),
                table=Table(
                    caption=_("Uppföljning av åtagandena"),
                    columns=[
                        _("Åtagande"),
                        _("Vem"),
                        _("Genomfört (ja/delvis/nej)"),
                        _("Kommentar"),
                    ],
                ),
            ),
            Section(heading=_("Fortsättning"), fields=[Field(_("Nästa uppföljning"), lines=2)]),
        ],
    )


def _consent_source() -> str:
    return _(
        "Portalens egen mall. Bygger på offentlighets- och sekretesslagen (2009:400): sekretessen "
        "kan hävas med samtycke. Att samtycket kan återkallas när som helst och att barnets ålder "
        "och mognad avgör vem som samtycker: Kunskapsguiden.se, sidan ”Samtycke” (samordning av "
        "stöd till barn med funktionsnedsättning)."
    )


TEMPLATES: dict[str, KitTemplate] = {
    template.slug: template
    for template in (
        KitTemplate(
            "kallelse", gettext_lazy("Kallelse till Norrbusmöte"), _invitation, INVITATION_STEP
        ),
        KitTemplate("dagordning", gettext_lazy("Dagordning"), _agenda, MEETING_STEP),
        KitTemplate("ataganden", gettext_lazy("Åtaganden"), _commitments, MEETING_STEP),
        KitTemplate("samtycke", gettext_lazy("Samtycke"), _consent),
        KitTemplate("uppfoljning", gettext_lazy("Uppföljning"), _follow_up, AFTER_STEP),
    )
}


def build_document(
    template: KitTemplate, routine, *, routine_url: str, page_url: str, today: datetime.date
) -> KitDocument:
    """The template filled from the routine's current steps (the routine has a kit)."""
    step = routine_steps(routine)[template.step_anchor] if template.step_anchor else None
    intro, sections = template.build(step)
    source = _step_source(step, routine.title) if step else _consent_source()
    return KitDocument(
        slug=template.slug,
        title=str(template.title),
        intro=intro,
        source=source,
        sections=[
            section
            for section in sections
            if section.text or section.fields or section.checks or section.table
        ],
        routine_title=routine.title,
        version=kit_version(routine),
        published=routine.last_published_at.date() if routine.last_published_at else None,
        routine_url=routine_url,
        page_url=page_url,
        created=today,
        sip=sip_system() if step and step.mentions_sip else None,
    )
