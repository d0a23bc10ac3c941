"""The supervisors' dashboard: charts of a period, equity by district, drill-down and exports."""
