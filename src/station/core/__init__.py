"""Domain and storage. Never imports Qt: usable from the CLI, the hall and tests."""
