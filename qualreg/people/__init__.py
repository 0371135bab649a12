"""Residents in one place: centres, persons, login codes and the resident session.

The bottom domain every portal stands on; it imports nothing of ours but `lib` and
`privacy.audit`.
"""
