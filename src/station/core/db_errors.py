"""Turn SQLite's failures into sentences a clerk can act on; the original goes to the log."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import exc as sa_exc

from station.errors import UserError

log = logging.getLogger(__name__)

# Raised by the sync capture's guard triggers (station.core.sync.capture) with this text: it is already
# the sentence a clerk reads.
UNSYNCABLE = "这条记录含有不能保存和同步的值（控制字符或无穷大的数），没有保存。请删去这些字符或改正数值后重试。"

_MESSAGES = (
    (UNSYNCABLE.lower()[:20], UNSYNCABLE),
    ("readonly", "数据库文件是只读的，无法保存。请检查数据目录的写入权限，或换一个可写的数据目录。"),
    ("read-only", "数据库文件是只读的，无法保存。请检查数据目录的写入权限，或换一个可写的数据目录。"),
    ("disk is full", "磁盘空间已满，本次操作没有保存，数据保持原样。请清理磁盘空间后重试。"),
    ("disk i/o error", "读写磁盘出错，本次操作没有保存。请检查磁盘后重试，必要时从备份恢复。"),
    ("database is locked", "数据库正被其他程序占用，本次操作没有保存。请稍后重试。"),
    ("malformed", "数据库文件已损坏。请停止使用并联系管理员从备份恢复。"),
    ("not a database", "数据文件不是本系统的数据库。请检查数据目录设置。"),
    ("unable to open", "无法打开数据库文件。请检查数据目录是否存在且可写。"),
)


def message_for(error: BaseException) -> str | None:
    text = str(getattr(error, "orig", None) or error).lower()
    for needle, message in _MESSAGES:
        if needle in text:
            return message
    return None


@contextmanager
def translated() -> Iterator[None]:
    try:
        yield
    except (sa_exc.OperationalError, sa_exc.DatabaseError, sqlite3.OperationalError, sqlite3.DatabaseError) as exc:
        message = message_for(exc)
        if message is None:
            raise
        log.error("database error: %s", exc)
        raise UserError(message, detail=str(exc)) from exc
