"""What every layer stands on: errors, configuration, the model, escaping, HTML fragments,
text rules, live refresh and session codes. Pure: no widget import."""
