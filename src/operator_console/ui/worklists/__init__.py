"""The Work lists tab: my cases, and the saved searches with their live results."""
