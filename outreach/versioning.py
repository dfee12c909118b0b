"""Optimistic locking for records edited in forms: no lost updates.

A record edited in a form has a `version`. The form carries the version it was opened with; the
update service locks the row (select_for_update, inside its transaction) and compares. When
someone else saved in between, it raises EditConflict and changes nothing, so the first save
stands; the view shows both versions (templates/includes/conflict.html, HTTP 409) and keeps what
this user typed. Otherwise the service bumps the version with the rest of its update.
"""


class EditConflict(Exception):
    """The record changed since the form was opened. `current` is the stored record, locked and
    fresh."""

    def __init__(self, current):
        super().__init__(f"{current._meta.label} {current.pk} changed since the form was opened")
        self.current = current


def check_version(current, expected_version):
    """`current` must be the locked row. expected_version None means the caller edits without a
    form (demo data, commands) and takes what is there."""
    if expected_version is not None and current.version != int(expected_version):
        raise EditConflict(current)


def bump(record, changed):
    """Count an edit: call when `changed` (the update_fields list) is not empty; returns it."""
    record.version += 1
    changed.append("version")
    return changed
