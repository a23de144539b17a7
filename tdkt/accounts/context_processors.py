from tdkt.accounts.models import Role


def navigation(request):
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {}
    return {"Role": Role, "user_role": user.role}
