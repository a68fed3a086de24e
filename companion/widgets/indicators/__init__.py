"""Widgets of the indicators: the dashboard, the SROI calculator, own-data upload."""
