"""The Queues & teams page of the Administration tab."""
