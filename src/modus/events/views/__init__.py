"""Event views by audience: ``public`` (everyone), ``exports`` (calendars and schedules),
``registration`` (participants and organisers), ``manage`` (co-hosts)."""
