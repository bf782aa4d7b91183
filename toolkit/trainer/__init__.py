"""The trainer's side of a workshop session: the live dashboard, the presenter view, and the
exports of the session's record.

The package top level imports nothing: the command line's export must not pay for widgets, and
the dashboard's kernel imports what it shows (``toolkit.trainer.dashboard``).
"""
