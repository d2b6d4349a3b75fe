/*
 * Copyright (c) 2015-2017 City of Harrowgate, Digital Services.
 * portal-web: gov.harrowgate.portal.auth
 */
package gov.harrowgate.portal.auth;

import com.stormpath.sdk.resource.ResourceException;
import gov.harrowgate.portal.web.PortalError;
import gov.harrowgate.portal.web.UserMessage;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Stormpath errors into resident-facing messages.
 *
 * See the wiki page "HarrowgateConnect - sign-in error handling" for the
 * table this class implements. Codes not listed fall through to
 * {@link PortalError#GENERIC}.
 */
public final class StormpathErrorTranslator {

    private static final Logger log = LoggerFactory.getLogger(StormpathErrorTranslator.class);

    /** Stormpath: "Login attempt failed because the Account is locked." */
    private static final int SP_ACCOUNT_LOCKED = 7103;

    /** Our lockout window, shown to the resident. Not a Stormpath value. */
    private static final Duration LOCKOUT = Duration.ofMinutes(10);

    /** Oracle: ORA-12899 value too large for column (PermitCentral address lines). */
    private static final int ORA_VALUE_TOO_LARGE = 12899;

    private StormpathErrorTranslator() {
    }

    public static UserMessage translate(ResourceException ex) {
        int code = ex.getCode();
        switch (code) {
            case 2001:   // "Account with that email already exists."
                return UserMessage.of("signup.emailTaken");
            case 2007:   // password shorter than the directory policy allows
                return UserMessage.of("signup.passwordTooShort");
            case 7100:
            case 7104:   // never reveal whether the e-mail exists
                return UserMessage.of("login.badCredentials");
            case 7101:
                return UserMessage.of("login.disabled");
            case 7102:   // status.7102.dev: Account is not verified
                return UserMessage.of("login.unverified");
            case SP_ACCOUNT_LOCKED:
                return UserMessage.of("login.locked", LOCKOUT.toMinutes());
            case 7106:   // whole directory disabled - staff problem, tell the desk
                log.error("Stormpath directory disabled: {} (requestId {})",
                        ex.getDeveloperMessage(), ex.getRequestId());
                return UserMessage.of("login.disabled");
            case 13104:
                return UserMessage.of("mfa.badCode");
            case 13108:
                return UserMessage.of("mfa.expired");
            default:
                log.warn("Unmapped Stormpath error status={} code={} moreInfo={} developerMessage={}",
                        ex.getStatus(), code, ex.getMoreInfo(), ex.getDeveloperMessage());
                return UserMessage.of(PortalError.GENERIC);
        }
    }

    /**
     * PermitCentral (Oracle) errors seen during sign-up when we copy the
     * resident's address into the permit system. These are Oracle error
     * numbers, unrelated to Stormpath.
     */
    public static UserMessage translate(SQLException ex) {
        switch (ex.getErrorCode()) {
            case ORA_VALUE_TOO_LARGE:
                return UserMessage.of("address.tooLong");
            case 1:      // ORA-00001 unique constraint (duplicate parcel link)
                return UserMessage.of("address.alreadyLinked");
            case 12170:  // ORA-12170 TNS connect timeout
            case 12541:  // ORA-12541 no listener
                return UserMessage.of(PortalError.PERMITS_UNAVAILABLE);
            default:
                return UserMessage.of(PortalError.GENERIC);
        }
    }
}

/*
 * For reference, gov.harrowgate.portal.web.PortalError (our own hrgError numbers,
 * returned by /api/v1 to the app and kiosks - NOT Stormpath codes):
 *
 *   GENERIC(1000), RESIDENT_NOT_FOUND(4001), RESIDENT_LOCKED_GDPR(4002),
 *   PERMIT_INCOMPLETE(4600), PERMIT_ZONE_MISMATCH(5100), VEHICLE_NOT_FOUND(5101),
 *   PERMITS_UNAVAILABLE(5102), LIBRARY_CARD_BLOCKED(7105), WATER_NOT_LINKED(10013)
 */
