"""Queue directory, request lists, their filters and saved filters."""
