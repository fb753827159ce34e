"""The forms of the selection pages, one module per audience: applicants, the people who run a
call (office), pitching sessions, reviewers. They check what people type; ``services`` checks
the rules and writes."""
