from django.core.exceptions import ValidationError


def messages_of(error: ValidationError) -> list[str]:
    """Flat list of the human messages in a ValidationError, whatever its shape."""
    return [str(m) for m in error.messages]
