"""A contact (directory.models.Contact) as a vCard 3.0 (RFC 2426), for staff to save in
their phone."""

from django.utils.text import slugify


def escape(value: str) -> str:
    """Escape a text value as RFC 2426 section 4 asks: backslash, comma, semicolon, newline."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold lines longer than 75 octets, continuing with a space (RFC 2425 section 5.8.1)."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    parts, current = [], b""
    for char in line:
        piece = char.encode("utf-8")
        if len(current) + len(piece) > (75 if not parts else 74):
            parts.append(current.decode("utf-8"))
            current = b""
        current += piece
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def contact_vcard(contact) -> str:
    organisation = contact.get_actor_display()
    note_parts = []
    if contact.contact_when:
        note_parts.append(f"Kontakta när: {contact.contact_when}")
    if contact.opening_hours:
        note_parts.append(f"Öppettider: {contact.opening_hours}")
    note_parts.append(f"Gäller: {contact.scope_label}")
    if contact.is_example:
        note_parts.append("Exempeluppgift – inte ett riktigt nummer.")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{escape(contact.name)}",
        f"N:{escape(contact.name)};;;;",
        f"ORG:{escape(organisation)}",
    ]
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{contact.phone}")
    if contact.phone_alt:
        lines.append(f"TEL;TYPE=WORK:{contact.phone_alt}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{contact.email}")
    if contact.website:
        lines.append(f"URL:{contact.website}")
    if contact.visiting_address:
        lines.append(f"ADR;TYPE=WORK:;;{escape(contact.visiting_address)};;;;Sverige")
    lines.append(f"NOTE:{escape(chr(10).join(note_parts))}")
    lines.append("END:VCARD")
    return "\r\n".join(fold(line) for line in lines) + "\r\n"


def vcard_filename(contact) -> str:
    return f"{slugify(contact.name) or 'kontakt'}.vcf"
