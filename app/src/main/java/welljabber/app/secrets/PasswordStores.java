package welljabber.app.secrets;

import java.nio.file.Path;

/** Picks the keyring when one answers, the private file otherwise. */
public final class PasswordStores {
    private PasswordStores() {
    }

    public static PasswordStore choose(Path configFolder, boolean allowKeyring) {
        if (allowKeyring) {
            var keyring = SecretToolPasswordStore.ifReachable();
            if (keyring.isPresent()) {
                return keyring.get();
            }
        }
        return new PrivateFilePasswordStore(configFolder.resolve("passwords.properties"));
    }
}
