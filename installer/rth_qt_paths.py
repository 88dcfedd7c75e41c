"""Runtime hook of the frozen program: where Qt finds its plugins.

It replaces PyInstaller's PySide6 hook, which also imports shiboken6 (50 ms of every start, ``--version``
included) only to check that no second Qt binding was bundled; the spec leaves that out.
"""

import os
import sys

_qt = os.path.join(sys._MEIPASS, "PySide6")  # type: ignore[attr-defined]
if sys.platform.startswith("win"):
    os.environ["PATH"] = sys._MEIPASS + os.pathsep + os.environ.get("PATH", "")  # type: ignore[attr-defined]
else:
    _qt = os.path.join(_qt, "Qt")
os.environ["QT_PLUGIN_PATH"] = os.path.join(_qt, "plugins")
