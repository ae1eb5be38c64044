"""Analyst decisions, facts, links and follow-ups: domain services over the store. No Qt."""
