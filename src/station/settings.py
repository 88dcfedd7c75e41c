"""Station settings: a small JSON file in the data directory, written atomically."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = "zh_CN"
    station_code: str = "ST01"
    station_name: str = "园区企业服务站"
    park_name: str = ""  # shown above the navigation (and the station's name under it)
    emblem: str = ""  # an image file of the park's emblem, shown beside its name
    disabled_plugins: list[str] = field(default_factory=list)
    last_page: str = "dashboard"

    @classmethod
    def load(cls, data_dir: Path) -> Settings:
        path = data_dir / FILE_NAME
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            # A damaged settings file must not keep the station from starting.
            log.warning("settings file %s unreadable, using defaults: %s", path, exc)
            return cls()
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in raw.items() if k in known})

    def save(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=data_dir, prefix=".settings-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(self), fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, data_dir / FILE_NAME)
