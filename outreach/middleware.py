def no_store_for_authenticated(get_response):
    """Pages with client data must not stay in a shared computer's browser cache."""

    def middleware(request):
        response = get_response(request)
        if request.user.is_authenticated:
            response["Cache-Control"] = "no-store"
        return response

    return middleware
