"""Pure 311 rules: lifecycle, SLA clock, routing, duplicates, Open311 attributes."""
