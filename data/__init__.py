"""The course content files (TOML, CSV), shipped as the package data ``companion.data``."""
