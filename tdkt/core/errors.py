"""Domain errors carry a message a user can act on (in Vietnamese by default)."""


class DomainError(Exception):
    """A use case refused: the message says which field, row or rule."""

    def __init__(self, message, *, field: str | None = None, code: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field
        self.code = code


class PermissionDenied(DomainError):
    """The actor's role or unit scope does not allow this."""
