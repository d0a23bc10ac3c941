"""The messages the outbox holds, as staff see them, and correcting and re-sending one."""
