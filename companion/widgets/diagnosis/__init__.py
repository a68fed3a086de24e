"""Widgets of the diagnosis: the page, AFOM grid, actors and needs, territory figures."""
