// Tidewater.Launcher.Auth / LauncherAuthClient.cs
// Desktop launcher (Windows) talks to twid-auth, which proxies to Stormpath.
// twid-auth passes Stormpath's ResourceError through unchanged in the body, so
// the launcher sees the same status/code/developerMessage fields.

using System;
using System.Data.SqlClient;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Stormpath.SDK.Error;

namespace Tidewater.Launcher.Auth
{
    public enum LoginOutcome { Ok, BadCredentials, Disabled, SessionExpired, Offline, ServerError }

    public sealed class LauncherAuthClient
    {
        private const int RequestTimeoutMs = 10000;
        private const int MaxRetries = 2;
        private const int LocalCachePort = 47624;

        private readonly HttpClient _http;

        public LauncherAuthClient(HttpClient http)
        {
            _http = http;
            _http.Timeout = TimeSpan.FromMilliseconds(RequestTimeoutMs);
        }

        public async Task<LoginOutcome> LoginAsync(string login, string password)
        {
            for (var attempt = 0; attempt <= MaxRetries; attempt++)
            {
                try
                {
                    await PostLoginAsync(login, password).ConfigureAwait(false);
                    return LoginOutcome.Ok;
                }
                // Catch error 10019 (API key/secret rejected): our service key was rotated
                catch (ResourceException rex) when (rex.Code == 10019)
                {
                    Telemetry.Track("auth.apikey_invalid", rex.RequestId);
                    return LoginOutcome.ServerError;
                }
                catch (ResourceException rex)
                {
                    switch (rex.Code)
                    {
                        case 7100:
                        case 7104:
                            return LoginOutcome.BadCredentials;
                        case 7101:
                            return LoginOutcome.Disabled;
                        case 10011: // access token expired -> fall back to password prompt
                        case 10017: // JWT signature check failed (clock skew is NOT this one)
                            TokenStore.Clear();
                            return LoginOutcome.SessionExpired;
                        default:
                            Log.Warn($"Stormpath {rex.Code} (HTTP {rex.HttpStatus}): {rex.DeveloperMessage}");
                            return LoginOutcome.ServerError;
                    }
                }
                catch (HttpRequestException hre) when (hre.InnerException is WebException we
                                                        && we.InnerException is SocketException se)
                {
                    // Winsock errors, not ours
                    switch (se.SocketErrorCode)
                    {
                        case SocketError.TimedOut:            // 10060
                        case SocketError.ConnectionRefused:   // 10061
                        case SocketError.ConnectionReset:     // 10054
                            Log.Info($"socket error {(int)se.SocketErrorCode}, attempt {attempt + 1}");
                            continue;
                        case SocketError.HostNotFound:        // 11001 - DNS, usually captive portal / no network
                            return LoginOutcome.Offline;
                        default:
                            return LoginOutcome.Offline;
                    }
                }
            }
            return LoginOutcome.Offline;
        }

        private async Task PostLoginAsync(string login, string password)
        {
            var body = JsonConvert.SerializeObject(new { login, password, client = "launcher/2.4.1" });
            var resp = await _http.PostAsync("https://auth.tidewater-games.com/v2/login",
                new StringContent(body, System.Text.Encoding.UTF8, "application/json")).ConfigureAwait(false);
            if (resp.StatusCode == HttpStatusCode.OK) return;
            var json = await resp.Content.ReadAsStringAsync().ConfigureAwait(false);
            throw ResourceErrorParser.Parse(json, (int)resp.StatusCode);
        }

        /// <summary>Offline entitlement cache in LocalDB (SQL Server Express).</summary>
        public static bool IsTransientSql(SqlException ex)
        {
            switch (ex.Number)
            {
                case -2:     // client timeout
                case 53:     // network path not found
                case 1205:   // deadlock victim
                case 4060:   // cannot open database "TwEntitlements"
                    return true;
                case 18456:  // login failed for user - config problem, don't retry
                default:
                    return false;
            }
        }
    }
}
