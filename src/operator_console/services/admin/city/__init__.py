"""City settings administration: name, time zone, phone region, references, map, languages."""
