"""Administration of staff: who may sign in to the console, in which role and queues."""
