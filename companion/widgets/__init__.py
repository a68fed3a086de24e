"""The widget layer: one page per sequence, built from stock ipywidgets (:mod:`.base`,
:mod:`.page`), grouped by activity like the pure packages."""
