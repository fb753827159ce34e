from django.http import HttpResponse


def article_list(request):
    return HttpResponse("TODO news")


def article_detail(request, slug):
    return HttpResponse("TODO article")
