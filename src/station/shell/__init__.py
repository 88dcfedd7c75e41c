"""The desktop shell: PySide6 only. Pages wire core services up; they hold no domain logic."""
