"""The site visit of day 2: the observation grid, ratings and debrief. Pure."""
