from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from .loader import get_method, library


@login_required
def method_list(request):
    return render(request, "methods/method_list.html", {"methods": library().values()})


@login_required
def method_detail(request, slug):
    method = get_method(slug)
    if method is None:
        raise Http404
    return render(request, "methods/method_detail.html", {"method": method})


def about(request):
    """Public: the credits to the methods' makers."""
    return render(request, "methods/about.html", {"methods": library().values()})
