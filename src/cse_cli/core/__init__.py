"""The standard, ratings, stages, evidence models and scoring: pure, with no I/O."""
