"""Writing one of the plugin's PDFs off the UI thread and showing it in the print preview."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from station.api.ui import DbOp


def write_and_preview(
    parent: QWidget,
    file_name: str,
    write: Callable[[str], None],
    *,
    path: str | None = None,
    preview: bool = True,
    label: str = "",
    then: Callable[[], object] | None = None,
) -> DbOp:
    """``write(target)`` on a worker, to ``path`` or a new temporary folder as ``file_name``; then ``then()``
    and, with ``preview``, the print preview of it over ``parent``."""
    target = path or str(Path(tempfile.mkdtemp(prefix="policy-")) / file_name)

    def run(progress: Any) -> str:
        write(target)
        return target

    def show(written: str) -> None:
        if then is not None:
            then()
        if preview:
            from station.api.ui import PdfPreview

            PdfPreview(written, parent, title=parent.windowTitle()).show()

    return DbOp(parent, run, on_done=show, label=label).start()
