"""Widgets of the brainstorm: the page, cards, the wall, the trainer's space, restitution."""
