"""Writing imported history: staged batches copied into service_requests."""
