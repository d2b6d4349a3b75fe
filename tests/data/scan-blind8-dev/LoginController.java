package com.acme.portal.web;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.authc.AuthenticationRequest;
import com.stormpath.sdk.authc.UsernamePasswordRequests;
import com.stormpath.sdk.resource.ResourceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Login endpoint. Still talks to Stormpath until the Okta cut-over (PORTAL-2016).
 */
public class LoginController {

    private static final Logger log = LoggerFactory.getLogger(LoginController.class);

    private static final int SERVER_PORT = 8080;
    private static final long LOGIN_TIMEOUT_MS = 15000L;
    private static final int MAX_ATTEMPTS = 5;
    private static final int AUDIT_BUFFER_SIZE = 4096;
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;

    private final Application application;
    private final AuditDao auditDao;

    public LoginController(Application application, AuditDao auditDao) {
        this.application = application;
        this.auditDao = auditDao;
    }

    public LoginResult login(String username, char[] password) {
        AuthenticationRequest req = UsernamePasswordRequests.builder()
                .setUsernameOrEmail(username)
                .setPassword(password)
                .build();
        try {
            Account account = application.authenticateAccount(req).getAccount();
            return LoginResult.ok(account);
        } catch (ResourceException e) {
            log.warn("login failed: status={} code={} requestId={}",
                    e.getStatus(), e.getCode(), e.getStormpathError().getRequestId());
            switch (e.getCode()) {
                case 7100:
                    return LoginResult.fail(401, "login.badPassword");
                case 7101:
                    return LoginResult.fail(403, "login.accountDisabled");
                case 7102:
                    return LoginResult.fail(403, "login.verifyEmailFirst");
                case 7103:
                    return LoginResult.fail(423, "login.locked");
                default:
                    return LoginResult.fail(500, "login.unknown");
            }
        }
    }

    void recordAttempt(String username, boolean success) {
        try {
            auditDao.insert(username, success, System.currentTimeMillis());
        } catch (SQLIntegrityConstraintViolationException ex) {
            if (ex.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
                log.debug("duplicate audit row for {}, ignoring", username);
                return;
            }
            throw new IllegalStateException(ex);
        }
    }

    long lockoutSeconds(int failures) {
        return failures >= MAX_ATTEMPTS ? TimeUnit.MINUTES.toSeconds(30) : 0;
    }
}
