"""Offline sync, station side: change capture (outbox), applying the hall's changes, the digest.

See docs/sync.md for the protocol and the canonical form the digest hashes.
"""
