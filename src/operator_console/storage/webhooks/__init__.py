"""Webhooks in SQL: the registered hooks and the trigger that queues their deliveries."""
