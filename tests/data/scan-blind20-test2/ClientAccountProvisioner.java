package uk.co.brackwaterfalconry.perch.tools;

import com.stormpath.sdk.account.Account;
import com.stormpath.sdk.client.Client;
import com.stormpath.sdk.client.Clients;
import com.stormpath.sdk.directory.Directory;
import com.stormpath.sdk.resource.ResourceException;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;

/**
 * Creates Perch logins for client contacts exported from Capsule CRM
 * (contacts tagged "perch-access"). Run by hand after each new contract.
 *
 * Usage: java -jar perch-tools.jar provision capsule-export.csv
 *
 * Brackwater Falconry Ltd, June 2016.
 */
public class ClientAccountProvisioner {

    // Capsule's export tops out at 2000 rows per file, so that is our batch too.
    private static final int BATCH_SIZE = 2000;
    // Pause between Stormpath calls (ms) so we stay well under the rate limit.
    private static final long PAUSE_MS = 1100;

    private static final String CLIENTS_DIRECTORY =
            "https://api.stormpath.com/v1/directories/4x9KcQpB2sZ7mTf1Wd0Lh";

    public static void main(String[] args) throws IOException, InterruptedException {
        Client client = Clients.builder().build();
        Directory dir = client.getResource(CLIENTS_DIRECTORY, Directory.class);

        int created = 0, skipped = 0, failed = 0, row = 0;
        try (BufferedReader in = new BufferedReader(new FileReader(args[0]))) {
            in.readLine(); // header
            String line;
            while ((line = in.readLine()) != null && row < BATCH_SIZE) {
                row++;
                String[] f = line.split(",");
                Account acct = client.instantiate(Account.class)
                        .setGivenName(f[0]).setSurname(f[1])
                        .setEmail(f[2]).setPassword(TempPasswords.next());
                try {
                    dir.createAccount(acct);
                    created++;
                } catch (ResourceException e) {
                    if (e.getCode() == 2001) {
                        // Stormpath: an account with that email already exists
                        // in the clients directory. Fine, they have a login.
                        skipped++;
                    } else if (e.getCode() == 2007) {
                        // Stormpath: password minimum length not satisfied.
                        // Only happens if someone shortened TempPasswords again.
                        System.err.println("row " + row + ": temp password too short");
                        failed++;
                    } else {
                        System.err.println("row " + row + ": " + e.getStatus() + " "
                                + e.getCode() + " " + e.getDeveloperMessage());
                        failed++;
                    }
                }
                Thread.sleep(PAUSE_MS);
            }
        }
        System.out.printf("created=%d skipped=%d failed=%d%n", created, skipped, failed);
        System.exit(failed == 0 ? 0 : 2);
    }
}
