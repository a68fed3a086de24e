"""The widget layer: one page per sequence, built from stock ipywidgets.

:mod:`.base` and :mod:`.page` hold what the pages share; the pages are grouped by activity
like the pure packages.
"""
