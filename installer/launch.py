"""The frozen program's entry point: the same as the ``station`` command."""

from station.cli import main

raise SystemExit(main())
