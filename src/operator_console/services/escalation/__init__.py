"""The SLA clock acts: escalation rules, the pass that fires them once, and the alerts."""
