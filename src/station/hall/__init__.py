"""The park's central service hall: an HTTP service over SQLAlchemy that the stations enrol with.

PostgreSQL in production, a SQLite file by default. Stateless beside its database, so several hall
processes can serve one PostgreSQL. Never imports Qt.
"""
