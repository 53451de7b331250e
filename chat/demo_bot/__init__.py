"""The built-in demo bot: a reference chatbot backend on the documented agent protocol (issue 12)."""
