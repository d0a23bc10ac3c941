"""The case search's SQL: exact lookups on both databases, full text in each one's own engine."""
