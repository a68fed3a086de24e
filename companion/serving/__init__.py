"""Serving the course: the ``companion`` command, standalone Voilà, and the kernel glue a
notebook page calls before building its widgets."""
