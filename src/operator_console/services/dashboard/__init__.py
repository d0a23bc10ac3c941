"""The supervisors' dashboard: the metrics of a period by queue and by district, and drill-down."""
