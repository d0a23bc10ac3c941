"""The SLA & calendars page: SLA policies, business calendars and their closure days."""
