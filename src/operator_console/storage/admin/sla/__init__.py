"""SQL adapter of SLA administration: policies, calendars, closure days, moved due dates."""
