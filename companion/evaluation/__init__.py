"""The training evaluation: anonymous survey, aggregates, expectations covered. Pure."""
