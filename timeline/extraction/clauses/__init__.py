"""Clause analysis: what each clause of a sentence says, knowing nothing of event types."""
