"""The Messages tab: what the outbox sent, holds or could not deliver, and re-sending one."""
