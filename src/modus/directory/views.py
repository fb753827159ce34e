from django.http import HttpResponse


def organisation_list(request):
    return HttpResponse("TODO directory")


def region_list(request):
    return HttpResponse("TODO regions")


def region_detail(request, code):
    return HttpResponse("TODO region")


def organisation_detail(request, slug):
    return HttpResponse("TODO organisation")


def organisation_edit(request, slug):
    return HttpResponse("TODO edit")
