"""Pagination helpers shared by the list pages."""

from django.core.paginator import Paginator


def paged(request, object_list, param: str, per_page: int = 50):
    """One of several paginated lists on a page, each with its own page parameter."""
    page_obj = Paginator(object_list, per_page).get_page(request.GET.get(param))

    def query(number):
        params = request.GET.copy()
        params[param] = number
        return params.urlencode()

    page_obj.prev_query = query(page_obj.previous_page_number()) if page_obj.has_previous() else ""
    page_obj.next_query = query(page_obj.next_page_number()) if page_obj.has_next() else ""
    return page_obj
