"""Data only the hall writes (catalogues, trust lists): tables declared with ``SyncedTable(write="hall")``.

``publish_rows(session, tables, table_name, [(uid, data or None), ...])`` makes each row's new version a
change that every station pulls with its next sync; publishing the same data again changes nothing. It
lives with the rest of the change log in ``station.hall.sync``; this is the name plugins import.
"""

from station.hall.sync import HALL_STATION, publish_rows

__all__ = ["HALL_STATION", "publish_rows"]
