from django.contrib.auth.decorators import login_required
from django.http import HttpResponse


@login_required
def profile(request):
    return HttpResponse("TODO profile")


def person_detail(request, slug):
    return HttpResponse("TODO person")
