"""Pages for the people who run a call: ``calls`` (create and set up a call), ``applications``
(the ranking and the decisions on one application) and ``panel`` (what the application page
shows them)."""
