"""Serving the course: the ``companion`` command, standalone Voilà, and the kernel glue.

The kernel glue is what a notebook page calls before building its widgets.
"""
