"""What every layer stands on (pure: no widget import).

Errors, configuration, the model, escaping, HTML fragments, text rules, live refresh and
session codes.
"""
