"""chatlog: a websocket gateway that logs and anonymises bank customer-service chat."""

__version__ = "0.1.0"
