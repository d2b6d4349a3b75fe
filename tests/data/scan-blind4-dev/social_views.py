from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from stormpath.error import Error as StormpathError

# settings.py excerpt, for reference:
#   DATABASES["default"]["PORT"] = 5432
#   CACHES["default"]["TIMEOUT"] = 3000
#   REST_FRAMEWORK["PAGE_SIZE"] = 20
#   SECURE_HSTS_SECONDS = 31536000

FACEBOOK_API_VERSION = "v2.8"   # pinned since 2016


@require_POST
def facebook_login(request):
    token = request.POST.get("accessToken")
    if not token:
        return JsonResponse({"error": "missing token"}, status=400)
    try:
        result = settings.STORMPATH_APPLICATION.get_provider_account(
            provider="facebook", access_token=token
        )
    except StormpathError as e:
        if e.code == 7200:
            # bad social directory config or bad credentials
            return JsonResponse({"error": "Facebook login failed."}, status=400)
        elif e.code == 7201:
            # Facebook did not send us an email address
            return JsonResponse({"error": "Please allow access to your email."}, status=400)
        raise
    request.session.set_expiry(7200)   # two hours
    request.session["account_href"] = result.account.href
    return JsonResponse({"created": result.created}, status=201 if result.created else 200)
