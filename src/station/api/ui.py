"""Qt building blocks for plugin pages and dialogs (part of the plugin API; see ``station.api``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from station.api._lazy import lazy

if TYPE_CHECKING:  # what a type checker and an editor see; at run time each name loads when first used
    from station.shell.confirm import ASK_WIDTH as ASK_WIDTH
    from station.shell.confirm import AskDialog as AskDialog
    from station.shell.confirm import GuardsEdits as GuardsEdits
    from station.shell.confirm import ReasonDialog as ReasonDialog
    from station.shell.confirm import ask_reason as ask_reason
    from station.shell.confirm import confirm as confirm
    from station.shell.confirm import safe_buttons as safe_buttons
    from station.shell.dbop import DbOp as DbOp
    from station.shell.dbop import show_error as show_error
    from station.shell.enterprise_picker import EnterprisePicker as EnterprisePicker
    from station.shell.form_dialog import FormDialog as FormDialog
    from station.shell.keys import chain_tabs as chain_tabs
    from station.shell.keys import open_on_enter as open_on_enter
    from station.shell.keys import search_leads_to as search_leads_to
    from station.shell.keys import tab_in_layout_order as tab_in_layout_order
    from station.shell.lazy_table import PAGE_SIZE as PAGE_SIZE
    from station.shell.lazy_table import Fetch as Fetch
    from station.shell.lazy_table import LazyTableModel as LazyTableModel
    from station.shell.lazy_table import Submit as Submit
    from station.shell.pdf_preview import PdfPreview as PdfPreview
    from station.shell.pdf_preview import print_pdfs as print_pdfs
    from station.shell.preview import preview_page as preview_page
    from station.shell.style import PALETTE as PALETTE
    from station.shell.style import set_role as set_role
    from station.shell.widgets import ERROR_COLOUR as ERROR_COLOUR
    from station.shell.widgets import error_label as error_label
    from station.shell.widgets import fit_on_screen as fit_on_screen
    from station.shell.widgets import page_title as page_title
    from station.shell.widgets import scrolling as scrolling
    from station.shell.widgets import size_columns as size_columns

# name -> "module:attribute", or a module's own dotted name: the declared surface, loaded on first use.
EXPORTS: dict[str, str] = {
    "ask_reason": "station.shell.confirm:ask_reason",
    "ASK_WIDTH": "station.shell.confirm:ASK_WIDTH",
    "AskDialog": "station.shell.confirm:AskDialog",
    "chain_tabs": "station.shell.keys:chain_tabs",
    "confirm": "station.shell.confirm:confirm",
    "DbOp": "station.shell.dbop:DbOp",
    "EnterprisePicker": "station.shell.enterprise_picker:EnterprisePicker",
    "ERROR_COLOUR": "station.shell.widgets:ERROR_COLOUR",
    "error_label": "station.shell.widgets:error_label",
    "FormDialog": "station.shell.form_dialog:FormDialog",
    "Fetch": "station.shell.lazy_table:Fetch",
    "fit_on_screen": "station.shell.widgets:fit_on_screen",
    "GuardsEdits": "station.shell.confirm:GuardsEdits",
    "LazyTableModel": "station.shell.lazy_table:LazyTableModel",
    "open_on_enter": "station.shell.keys:open_on_enter",
    "page_title": "station.shell.widgets:page_title",
    "PALETTE": "station.shell.style:PALETTE",
    "PdfPreview": "station.shell.pdf_preview:PdfPreview",
    "PAGE_SIZE": "station.shell.lazy_table:PAGE_SIZE",
    "preview_page": "station.shell.preview:preview_page",
    "print_pdfs": "station.shell.pdf_preview:print_pdfs",
    "ReasonDialog": "station.shell.confirm:ReasonDialog",
    "safe_buttons": "station.shell.confirm:safe_buttons",
    "scrolling": "station.shell.widgets:scrolling",
    "search_leads_to": "station.shell.keys:search_leads_to",
    "set_role": "station.shell.style:set_role",
    "show_error": "station.shell.dbop:show_error",
    "size_columns": "station.shell.widgets:size_columns",
    "Submit": "station.shell.lazy_table:Submit",
    "tab_in_layout_order": "station.shell.keys:tab_in_layout_order",
}
__all__ = sorted(EXPORTS)
__getattr__, __dir__ = lazy(__name__, EXPORTS)
