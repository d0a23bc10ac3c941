"""The Requests, Queues and Triage screens and their table models."""
