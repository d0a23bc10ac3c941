"""The Open311 server's storage: client keys, rate counts, filing and the public reads."""
