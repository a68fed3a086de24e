"""Every user-facing string of the companion, in French, grouped by sequence.

Widgets and logic import from here; nothing a person reads is written elsewhere.
"""
