"""Demo data for `make run`: never in production."""
