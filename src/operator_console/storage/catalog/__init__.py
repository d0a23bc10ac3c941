"""The service catalog, its questions and SLA policies."""
