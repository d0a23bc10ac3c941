"""The Escalation rules page of the Administration tab."""
