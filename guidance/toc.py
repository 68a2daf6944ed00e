"""The table of contents of an agreement version: its flat, ordered sections nested by level."""

from dataclasses import dataclass, field


@dataclass
class TocNode:
    section: object  # an AgreementSection
    children: list["TocNode"] = field(default_factory=list)


def section_tree(sections: list) -> list[TocNode]:
    """Nest a flat, ordered list of sections (each with a `level`) for a table of contents."""
    roots: list[TocNode] = []
    stack: list[TocNode] = []
    for section in sections:
        node = TocNode(section)
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots
