"""Cells written to CSV files that people open in a spreadsheet."""

from __future__ import annotations


def safe(text: str) -> str:
    """A cell a spreadsheet would run as a formula (= + - @ tab CR first) is quoted with an apostrophe.

    Local until the core's shared helper is on main; then this module goes and its callers use that.
    """
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
