"""The city settings unit of work over SQL."""
