// Perch Admin (staff desktop tool) - SMS second factor for staff logins.
// The Stormpath .NET SDK has no factor/challenge support yet, so this talks
// to the Stormpath REST API directly.
// Brackwater Falconry Ltd, February 2017.

using System;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace Brackwater.PerchAdmin.Auth
{
    public enum ChallengeOutcome
    {
        Success,
        WrongCode,
        CodeExpired,
        TooManyAttempts,
        Unknown
    }

    public class MfaChallengeService
    {
        // Stormpath sometimes takes a while to hand the SMS to its carrier.
        private static readonly TimeSpan RequestTimeout = TimeSpan.FromMilliseconds(13000);

        private readonly HttpClient _http;

        public MfaChallengeService(HttpClient http)
        {
            _http = http;
            _http.Timeout = RequestTimeout;
        }

        public async Task<ChallengeOutcome> VerifyAsync(string challengeHref, string code)
        {
            var body = new JObject { ["code"] = code };
            var resp = await _http.PostAsync(challengeHref,
                new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json"));
            var json = JObject.Parse(await resp.Content.ReadAsStringAsync());

            if (resp.IsSuccessStatusCode)
                return (string)json["status"] == "SUCCESS" ? ChallengeOutcome.Success : ChallengeOutcome.WrongCode;

            // Error body is the usual Stormpath one: status, code, message, developerMessage.
            int stormpathCode = (int?)json["code"] ?? 0;
            switch (stormpathCode)
            {
                case 13104: // The code submitted is not valid.
                    return ChallengeOutcome.WrongCode;
                case 13108: // The submitted code is no longer valid. Please issue a new code.
                    return ChallengeOutcome.CodeExpired;
                case 13113: // Exceeded the maximum number of failed codes for this Challenge.
                    return ChallengeOutcome.TooManyAttempts;
                default:
                    Log.Warn($"Unexpected Stormpath error {stormpathCode}: {json["developerMessage"]}");
                    return ChallengeOutcome.Unknown;
            }
        }
    }
}
