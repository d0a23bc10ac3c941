"""The standard 311 metrics: volume, backlog, SLA compliance, clocks, rates, and equity."""
