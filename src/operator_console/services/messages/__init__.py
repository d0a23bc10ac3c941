"""Messages to residents: what each moment says, in the caller's language and channel."""
