"""Reading what the dashboard shows: the metrics' rows, its filter choices, the cases behind."""
