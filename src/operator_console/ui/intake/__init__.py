"""The operator's intake form and its presenter."""
