"""Documents and exports of completed registrations: PDF, spreadsheet and JSON.

Renderers only: each takes registrations and the reader's language and returns bytes or a
stream, built from the engine's answer rows. Who may export what is decided by the portal
views that call them (advisers, the resident's own pages), never here.
"""
