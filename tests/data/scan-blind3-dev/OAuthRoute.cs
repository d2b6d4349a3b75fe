using System.Net;
using System.Threading.Tasks;
using Stormpath.SDK.Error;

namespace Acme.Web.Routes
{
    public class OAuthRoute
    {
        private const int MaxBodyBytes = 4096;

        public async Task<int> TokenAsync(TokenRequest request)
        {
            try
            {
                var result = await _app.NewClientCredentialsGrantAuthenticator().AuthenticateAsync(request.ToGrant());
                return (int)HttpStatusCode.OK;
            }
            // Catch error 10019 (API Key Authentication failed)
            catch (ResourceException rex) when (rex.Code == 10019)
            {
                return await Error("invalid_client", (int)HttpStatusCode.Unauthorized);
            }
            catch (ResourceException rex) when (rex.Code == 10010)
            {
                return await Error("invalid_grant", (int)HttpStatusCode.BadRequest);
            }
        }
    }
}
