// Perch Admin web - "Sign in with Google" for office staff (G Suite accounts).
// Uses the Stormpath .NET SDK against the "Staff Google" directory.
// Brackwater Falconry Ltd, August 2016.

using System;
using System.Threading.Tasks;
using System.Web.Mvc;
using Stormpath.SDK;
using Stormpath.SDK.Error;
using Stormpath.SDK.Provider;

namespace Brackwater.PerchAdmin.Controllers
{
    public class GoogleSignInController : Controller
    {
        // Perch Admin session lifetime: 2 hours, in seconds.
        private const int SessionSeconds = 7200;

        private readonly IApplication _app;

        public GoogleSignInController(IApplication app) { _app = app; }

        [HttpGet]
        public async Task<ActionResult> Callback(string code)
        {
            try
            {
                var request = _app.NewProviderAccountRequests().Google().Authorize(code);
                var result = await _app.GetProviderAccountAsync(request);

                Session.Timeout = SessionSeconds / 60;
                Session["account"] = result.Account.Href;
                return RedirectToAction("Index", "Dashboard");
            }
            catch (ResourceException ex) when (ex.Code == 7201)
            {
                // Stormpath 7201: Google's response had no 'email' property.
                // Happens when the user un-ticks the email scope on the consent screen.
                TempData["error"] = "Please allow Perch Admin to see your email address.";
                return RedirectToAction("SignIn", "Account");
            }
        }

        [HttpPost]
        public async Task<ActionResult> UpdateName(string givenName, string surname)
        {
            var account = await _app.Client.GetAccountAsync((string)Session["account"]);
            account.SetGivenName(givenName).SetSurname(surname);
            try
            {
                await account.SaveAsync();
            }
            catch (ResourceException ex) when (ex.Code == 7202)
            {
                // Stormpath 7202: read-only property on an externally managed
                // (Google) directory account. Names come from G Suite; change them there.
                TempData["error"] = "Your name comes from your Google account. Ask Dan to change it in G Suite.";
            }
            return RedirectToAction("Profile", "Account");
        }
    }
}
