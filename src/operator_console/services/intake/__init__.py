"""Taking a call: drafts, submission, photos and the read-back."""
