"""The course notebooks, shipped as the package data ``companion.notebooks`` (served by Voilà)."""
