"""Statistics for IMDi: counts across completed registrations that never identify a person.

Reads the facts table (`questionnaire.AnswerFact`), never the answers' JSON; every count is
suppressed below the threshold before it leaves this package.
"""
