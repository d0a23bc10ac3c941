"""The outbox as the Messages view reads it, the re-send's transaction, and the outbox feed."""
