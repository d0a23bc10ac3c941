"""The Administration tab: the city's configuration, one page per area."""
