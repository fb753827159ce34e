"""Suggested meetings: the engine (pure numpy and scikit-learn), reasons in words, storage."""
