from outreach.access import current_membership, memberships_of


def memberships(request):
    """The top bar's user, team and team switcher."""
    if not request.user.is_authenticated:
        return {}
    return {
        "memberships": memberships_of(request.user),
        "current_membership": current_membership(request),
    }
