"""The queues and teams administration unit of work over SQL."""
