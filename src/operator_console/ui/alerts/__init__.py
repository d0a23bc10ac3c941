"""The SLA alerts of a supervisor's or dispatcher's departments: a live list and its count."""
