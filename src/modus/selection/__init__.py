"""Selection: calls, applications, reviews and decisions, shared by calls for expression of interest
(owned by a programme) and calls for pitches (attached to a pitching session of an event)."""
