import segno
from django.utils.safestring import mark_safe


def qr_svg(url: str) -> str:
    """The URL as an inline SVG QR code; the page shows the address as text beside it."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=3, border=2, omitsize=False)
    return mark_safe(svg)
