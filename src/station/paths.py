"""Where things live: the station's data directory and the bundled resources."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "park-station"
ENV_DATA_DIR = "STATION_DATA_DIR"


def _pointer_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "data-dir.txt"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data directory: ``--data-dir``, else ``STATION_DATA_DIR``, else the one chosen in the settings
    dialog, else the user data directory."""
    if override:
        chosen = Path(override)
    elif os.environ.get(ENV_DATA_DIR):
        chosen = Path(os.environ[ENV_DATA_DIR])
    else:
        import platformdirs

        pointer = _pointer_file()
        chosen_text = pointer.read_text(encoding="utf-8").strip() if pointer.exists() else ""
        chosen = Path(chosen_text) if chosen_text else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return chosen.expanduser().resolve()


def choose_data_dir(path: Path | None) -> Path:
    """Remember ``path`` as this desktop user's data directory (None: back to the default)."""
    pointer = _pointer_file()
    pointer.parent.mkdir(parents=True, exist_ok=True)
    pointer.write_text(str(path) if path else "", encoding="utf-8")
    return pointer


def resources_dir() -> Path:
    """Resources ship inside the package when installed, beside ``src/`` in a checkout."""
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
