"""The City settings page of the Administration tab."""
