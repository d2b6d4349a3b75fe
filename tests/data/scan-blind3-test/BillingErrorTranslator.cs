using System.Collections.Generic;
using System.Threading;

namespace Acme.Billing
{
    public class BillingErrorTranslator
    {
        // Stormpath card errors (tenant subscription page) -> localized resource keys
        private static readonly Dictionary<int, string> StormpathCardErrors = new Dictionary<int, string>
        {
            [1920] = "Billing_CardNumberIncorrect",
            [1926] = "Billing_CardExpired",
            [1927] = "Billing_CardDeclined",
        };

        // Gateway decline reasons, not Stormpath codes
        private static readonly Dictionary<string, string> GatewayDeclines = new Dictionary<string, string>
        {
            ["card_declined"] = "Billing_CardDeclined",
            ["insufficient_funds"] = "Billing_InsufficientFunds",
        };

        private const int MaxAttempts = 2;
        private const int PauseMs = 2000;

        public string Translate(int code, string gatewayReason = null)
        {
            if (StormpathCardErrors.TryGetValue(code, out var key))
                return key;
            if (gatewayReason != null && GatewayDeclines.TryGetValue(gatewayReason, out key))
                return key;
            Thread.Sleep(PauseMs);
            return "Billing_Generic";
        }
    }
}
