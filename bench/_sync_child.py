"""One sync, run by bench/sync.py in a process of its own, as ``station sync`` runs it: a first station's
upload of everything it holds, or an empty station's initial download.

``python bench/_sync_child.py DATA_DIR``: the station at DATA_DIR (enrolled, empty) is prepared, then one
``station.core.sync.client.run`` is timed. Prints JSON: seconds, rows applied. The benchmark's own
process holds every row it pushed, which would make Python's cycle collector a measurable part of a
sync measured there; a station's process does not.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from station.core.context import StationContext
from station.core.sync import client


def main() -> None:
    ctx = StationContext(Path(sys.argv[1]))
    ctx.prepare()
    started = time.perf_counter()
    report = client.run(ctx)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "applied": report.applied, "pushed": report.pushed}))


if __name__ == "__main__":
    main()
