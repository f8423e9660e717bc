from django.core.exceptions import ValidationError


def run_service(form, call):
    """Run a service with the form's cleaned data; a ValidationError becomes a form error instead of a 500.
    Returns the service's result, or None when it refused."""
    try:
        return call(form.cleaned_data)
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error(None, message)
        return None
