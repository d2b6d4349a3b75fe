/*
 * Copyright (c) 2015-2017 Calder Valley University, Information Technology Services.
 * Internal use only.
 */
package edu.caldervalley.idm.provision;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.application.Application;
import com.stormpath.sdk.client.Client;
import com.stormpath.sdk.directory.CustomData;
import com.stormpath.sdk.resource.ResourceException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Nightly job (cron on idm-batch01, 02:15): creates Stormpath accounts in the
 * "CVU Students" cloud directory for newly admitted and newly registered
 * students, reading from the Banner ODS view CVU_IDM.V_NEW_STUDENTS.
 *
 * <p>Each row gets a {@link ProvisionResult} written to CVU_IDM.PROVISION_LOG.
 * Those result numbers are OURS (IDM interface spec IDM-04), chosen in 2015
 * before anybody noticed they overlap Stormpath's numbering. They are not
 * Stormpath error codes. Stormpath's code, when there is one, goes into the
 * separate column PROVISION_LOG.SP_ERROR_CODE.</p>
 */
public final class BannerStormpathProvisioner {

    private static final Logger LOG = Logger.getLogger(BannerStormpathProvisioner.class.getName());

    private static final int BATCH_SIZE = 2000;
    private static final int MAX_FAILURES_BEFORE_ABORT = 500;

    /** Oracle vendor codes we handle specially (SQLException.getErrorCode()). */
    private static final int ORA_NO_DATA_FOUND = 1403;      // ORA-01403
    private static final int ORA_CONNECT_TIMEOUT = 12170;   // ORA-12170

    /** Result codes for CVU_IDM.PROVISION_LOG.RESULT_CODE (IDM-04, our own numbering). */
    enum ProvisionResult {
        CREATED(1000),
        UPDATED(1001),
        SKIPPED_NO_EMAIL(1100),
        SKIPPED_NOT_ENROLLED(1101),
        FAILED_STORMPATH(1902),
        FAILED_BANNER(1903);

        final int code;

        ProvisionResult(int code) {
            this.code = code;
        }
    }

    private final Client client;
    private final Application application;
    private final Connection ods;

    private int failures;

    public BannerStormpathProvisioner(Client client, Application application, Connection ods) {
        this.client = client;
        this.application = application;
        this.ods = ods;
    }

    public void run() throws SQLException {
        Instant started = Instant.now();
        int created = 0, skipped = 0;

        try (PreparedStatement ps = ods.prepareStatement(
                "SELECT PIDM, BANNER_ID, FIRST_NAME, LAST_NAME, PREF_EMAIL, STUDENT_STATUS "
                        + "FROM CVU_IDM.V_NEW_STUDENTS WHERE PROVISIONED_FLAG = 'N' AND ROWNUM <= ?")) {
            ps.setInt(1, BATCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long pidm = rs.getLong("PIDM");
                    String bannerId = rs.getString("BANNER_ID");
                    String email = rs.getString("PREF_EMAIL");

                    if (email == null || email.isEmpty()) {
                        log(pidm, ProvisionResult.SKIPPED_NO_EMAIL, null, "no preferred e-mail in Banner (GOREMAL)");
                        skipped++;
                        continue;
                    }
                    if (!"AS".equals(rs.getString("STUDENT_STATUS"))) {
                        log(pidm, ProvisionResult.SKIPPED_NOT_ENROLLED, null, "status " + rs.getString("STUDENT_STATUS"));
                        skipped++;
                        continue;
                    }

                    if (createAccount(pidm, bannerId, rs.getString("FIRST_NAME"), rs.getString("LAST_NAME"), email)) {
                        created++;
                    }
                    if (failures >= MAX_FAILURES_BEFORE_ABORT) {
                        LOG.severe("aborting: " + failures + " failures in this run");
                        break;
                    }
                }
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ORA_CONNECT_TIMEOUT) {
                LOG.log(Level.SEVERE, "ODS connect timeout (ORA-12170), will retry at next run", e);
                return;
            }
            if (e.getErrorCode() == ORA_NO_DATA_FOUND) {
                LOG.info("nothing to provision (ORA-01403)");
                return;
            }
            throw e;
        }

        LOG.info(String.format("provisioning done: %d created, %d skipped, %d failed in %d s",
                created, skipped, failures, Duration.between(started, Instant.now()).getSeconds()));
    }

    private boolean createAccount(long pidm, String bannerId, String first, String last, String email) {
        Account account = client.instantiate(Account.class)
                .setGivenName(first)
                .setSurname(last)
                .setEmail(email)
                .setUsername(bannerId);
        CustomData cd = account.getCustomData();
        cd.put("bannerId", bannerId);
        cd.put("pidm", pidm);

        try {
            application.createAccount(account);
            log(pidm, ProvisionResult.CREATED, null, account.getHref());
            return true;
        } catch (ResourceException e) {
            failures++;
            String why;
            // e.getCode() is the Stormpath error code from the response body.
            switch (e.getCode()) {
                case 2000:
                    // Banner allows a blank LAST_NAME (mononymous students); Stormpath does not.
                    why = "required name field empty in Banner - registrar to add a surname placeholder";
                    break;
                case 2001:
                    why = "an account with this e-mail or Banner ID already exists in CVU Students";
                    break;
                case 2006:
                    why = "PREF_EMAIL rejected as badly formatted - fix in GOREMAL";
                    break;
                case 7205:
                case 7206:
                    // The CVU Students directory only accepts @caldervalley.edu and
                    // @students.caldervalley.edu (emailDomainWhitelist), and blacklists
                    // mailinator etc. Banner's PREF_EMAIL is often a personal address.
                    why = "e-mail domain not accepted by the directory's domain rules - use the CVU address";
                    break;
                case 5100:
                    // Happened once (2016-05-03) after somebody re-ordered the
                    // application's account store mappings in the console.
                    why = "RegNow/portal application has no default account store - check mappings";
                    failures = MAX_FAILURES_BEFORE_ABORT; // abort: every row will fail the same way
                    break;
                case 6100:
                    // Someone pointed STORMPATH_APPLICATION_HREF at the staff app, whose
                    // default store is the CVU AD mirror.
                    why = "target is the AD mirror directory, which cannot take new accounts";
                    failures = MAX_FAILURES_BEFORE_ABORT;
                    break;
                default:
                    why = e.getDeveloperMessage();
            }
            log(pidm, ProvisionResult.FAILED_STORMPATH, e.getCode(), why + " [" + e.getMoreInfo() + "]");
            return false;
        }
    }

    private void log(long pidm, ProvisionResult result, Integer stormpathCode, String detail) {
        try (PreparedStatement ps = ods.prepareStatement(
                "INSERT INTO CVU_IDM.PROVISION_LOG (PIDM, RESULT_CODE, SP_ERROR_CODE, DETAIL, LOGGED_AT) "
                        + "VALUES (?, ?, ?, ?, SYSTIMESTAMP)")) {
            ps.setLong(1, pidm);
            ps.setInt(2, result.code);
            if (stormpathCode == null) {
                ps.setNull(3, java.sql.Types.INTEGER);
            } else {
                ps.setInt(3, stormpathCode);
            }
            ps.setString(4, detail == null ? null : detail.substring(0, Math.min(detail.length(), 4000)));
            ps.executeUpdate();
        } catch (SQLException e) {
            // ORA-00942 here means the PROVISION_LOG grant was lost again (HD-2016-03318).
            LOG.log(Level.WARNING, "could not write PROVISION_LOG for pidm " + pidm + " result " + result.code, e);
        }
    }
}
