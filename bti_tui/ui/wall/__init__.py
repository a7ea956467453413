"""``bti-tui wall``: the read-only window for the projector (see app.py)."""
