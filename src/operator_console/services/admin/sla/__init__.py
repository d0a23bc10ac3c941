"""SLA policies, business calendars and closure days, as an administrator changes them."""
