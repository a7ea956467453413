"""The Textual app: screens ask the session to change things and re-render."""
