"""Widgets of the course home: the page, the icebreaker forms, the trainer's board."""
