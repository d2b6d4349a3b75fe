using System.ComponentModel;
using System.DirectoryServices.AccountManagement;
using System.Runtime.InteropServices;

namespace Contoso.Kiosk.Auth
{
    /// Maps Win32 logon failures to kiosk messages. (Replaces the old cloud IdP path.)
    internal static class LdapLogonHelper
    {
        private const int ERROR_LOGON_FAILURE = 1326;        // The user name or password is incorrect.
        private const int ERROR_ACCOUNT_RESTRICTION = 1327;
        private const int ERROR_INVALID_LOGON_HOURS = 1328;
        private const int ERROR_PASSWORD_EXPIRED = 1330;
        private const int ERROR_ACCOUNT_DISABLED = 1331;
        private const int ERROR_ACCOUNT_LOCKED_OUT = 1909;   // The referenced account is currently locked out.
        private const int NERR_UserNotFound = 2221;
        private const int LdapPort = 389;
        private const int LdapsPort = 636;

        public static string Describe(int win32Error) => win32Error switch
        {
            ERROR_LOGON_FAILURE => "The password is incorrect, please try again.",
            ERROR_PASSWORD_EXPIRED => "Your password has expired. Please change it at a workstation.",
            ERROR_ACCOUNT_DISABLED => "Your account is disabled. Contact the service desk (ext. 4001).",
            ERROR_ACCOUNT_LOCKED_OUT => "Your account is locked. Try again in 30 minutes.",
            NERR_UserNotFound => "No account with that username was found.",
            _ => new Win32Exception(win32Error).Message,
        };

        public static bool TryLogon(string domain, string user, string password, out int error)
        {
            error = 0;
            using var ctx = new PrincipalContext(ContextType.Domain, domain);
            if (ctx.ValidateCredentials(user, password))
                return true;
            error = Marshal.GetLastWin32Error();
            return false;
        }
    }
}
