"""bti-tui: run a BTI meeting about a child on the wall, with live minutes."""

__version__ = "0.1.0"
