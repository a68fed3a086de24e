"""Page objects: tests drive the pages through these, as people use them (see widgets.py)."""
