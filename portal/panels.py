"""Admin panels of the portal's own."""

from wagtail.admin.panels import InlinePanel


class TitledInlinePanel(InlinePanel):
    """An InlinePanel whose saved rows are headed by the row's own name (its `__str__`: a
    section's heading, a contact's name) instead of the label and a number ("Avsnitt 12"), which
    says nothing once the rows are folded. New rows keep the label and number. The heading is
    drawn by portal/templates/wagtailadmin/panels/inline_panel_child.html."""

    titles_rows = True
