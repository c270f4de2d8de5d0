package welljabber.app.secrets;

import java.util.Optional;

import welljabber.api.account.AccountId;

/** Where remembered passwords live. Never the database and never a log line. */
public interface PasswordStore {

    /** A short description for the account dialog, such as "the desktop keyring". */
    Kind kind();

    Optional<char[]> load(AccountId account);

    void save(AccountId account, String label, char[] password);

    void delete(AccountId account);

    enum Kind {
        KEYRING, PRIVATE_FILE
    }
}
