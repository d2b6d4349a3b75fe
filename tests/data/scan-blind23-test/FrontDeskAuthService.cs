// Brightpaw.FrontDesk.Auth / FrontDeskAuthService.cs
//
// Front-desk staff sign in with their BRIGHTPAW\ domain account. The WPF client never
// talks to a domain controller itself: it calls the Stormpath "FrontDesk" application,
// whose account store is the AD mirror directory fed by the Stormpath Agent on
// EUG-AGENT01 (Eugene HQ). Tom Haskell, 2015-03; agent error handling 2016-01 (BPVG-540).

using System;
using System.Threading.Tasks;
using System.Windows.Threading;
using Stormpath.SDK.Account;
using Stormpath.SDK.Error;

namespace Brightpaw.FrontDesk.Auth
{
    /// <summary>Stormpath error codes the front-desk client reacts to.</summary>
    public enum StormpathErrorCode
    {
        PasswordIncorrect      = 7100,
        AccountDisabled        = 7101,
        AccountLocked          = 7103,
        DirectoryDisabled      = 7106,
        ReadOnlyMirrorProperty = 7202,
        MirrorNoCreate         = 6100,
        AgentUnreachable       = 9000,
        AgentTimeout           = 9002,
        ActiveDirectoryReferral = 9006,
    }

    /// <summary>Win32 / LDAP codes the old (pre-Stormpath) LogonUser path returned. Kept for the offline fallback.</summary>
    internal static class Win32Logon
    {
        public const int ERROR_LOGON_FAILURE        = 1326;
        public const int ERROR_ACCOUNT_DISABLED     = 1331;
        public const int ERROR_ACCOUNT_LOCKED_OUT   = 1909;
        public const int ERROR_NO_SUCH_USER         = 1317;
        public const int LDAP_INVALID_CREDENTIALS   = 49;
        public const int LdapsPort                  = 636;
    }

    public sealed class FrontDeskAuthService
    {
        private static readonly TimeSpan AgentRetryDelay = TimeSpan.FromMilliseconds(30000);
        private const int MaxAgentRetries = 2;

        private readonly IApplication _frontDeskApp;
        private readonly IOfflineCredentialCache _offlineCache;

        public FrontDeskAuthService(IApplication frontDeskApp, IOfflineCredentialCache offlineCache)
        {
            _frontDeskApp = frontDeskApp;
            _offlineCache = offlineCache;
        }

        public async Task<SignInResult> SignInAsync(string samAccountName, string password, string clinicCode)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    var result = await _frontDeskApp.AuthenticateAccountAsync(samAccountName + "@brightpaw.local", password);
                    _offlineCache.Remember(samAccountName, password, clinicCode);
                    return SignInResult.Ok(await result.GetAccountAsync());
                }
                catch (ResourceException ex)
                {
                    switch ((StormpathErrorCode)ex.Code)
                    {
                        case StormpathErrorCode.PasswordIncorrect:
                            return SignInResult.Fail("Wrong password. Remember it is your Windows password.");
                        case StormpathErrorCode.AccountDisabled:
                        case StormpathErrorCode.DirectoryDisabled:
                            return SignInResult.Fail("Your login is turned off. Call IT at ext. 4410.");
                        case StormpathErrorCode.AccountLocked:
                            return SignInResult.Fail("Your Windows account is locked. Call IT at ext. 4410.");

                        // Agent / AD trouble: the clinic can keep working on the offline cache.
                        case StormpathErrorCode.AgentUnreachable:
                        case StormpathErrorCode.AgentTimeout:
                            if (attempt < MaxAgentRetries)
                            {
                                await Task.Delay(AgentRetryDelay);
                                continue;
                            }
                            return _offlineCache.TrySignIn(samAccountName, password, clinicCode, reason: ex.Code);
                        case StormpathErrorCode.ActiveDirectoryReferral:
                            return _offlineCache.TrySignIn(samAccountName, password, clinicCode, reason: ex.Code);

                        default:
                            throw;
                    }
                }
            }
        }

        /// <summary>Staff may change their display phone extension from the Settings tab.</summary>
        public async Task UpdateExtensionAsync(IAccount account, string extension)
        {
            account.CustomData.Put("deskExtension", extension);
            try
            {
                await account.SaveAsync();
            }
            catch (ResourceException ex) when (ex.Code == (int)StormpathErrorCode.ReadOnlyMirrorProperty)
            {
                // givenName/surname/email come from AD and can't be written back through the mirror.
                throw new InvalidOperationException("Change names in Active Directory, not in FrontDesk.", ex);
            }
        }

        public async Task CreateTempStaffAsync(IAccount relief)
        {
            try
            {
                await _frontDeskApp.CreateAccountAsync(relief);
            }
            catch (ResourceException ex) when (ex.Code == (int)StormpathErrorCode.MirrorNoCreate)
            {
                // Relief vets must be created in AD (OU=Relief,DC=brightpaw,DC=local) first.
                throw new InvalidOperationException("Create relief staff in Active Directory.", ex);
            }
        }
    }
}
