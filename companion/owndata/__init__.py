"""Tables trainees bring (CSV, Excel) and the sample Régie to practise on. Pure."""
