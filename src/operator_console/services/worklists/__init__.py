"""Work lists: the cases assigned to a person, and searches saved by name and shared."""
