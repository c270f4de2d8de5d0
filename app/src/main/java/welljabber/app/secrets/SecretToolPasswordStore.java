package welljabber.app.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.tinylog.Logger;

import welljabber.api.account.AccountId;

/**
 * The desktop keyring (GNOME Keyring, KWallet through the Secret Service) via libsecret's
 * {@code secret-tool}. Java has no Secret Service client of its own and a D-Bus library would be a
 * large dependency for three calls; the password goes through the tool's standard input, never its
 * command line, so other users cannot see it in the process list.
 */
public final class SecretToolPasswordStore implements PasswordStore {
    private static final String APPLICATION = "welljabber";
    private final Path tool;

    private SecretToolPasswordStore(Path tool) {
        this.tool = tool;
    }

    /** The keyring store when secret-tool exists and a Secret Service answers on the session bus. */
    public static Optional<PasswordStore> ifReachable() {
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            return Optional.empty();
        }
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(folder, "secret-tool");
            if (Files.isExecutable(candidate)) {
                SecretToolPasswordStore store = new SecretToolPasswordStore(candidate);
                return store.answers() ? Optional.of(store) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Kind kind() {
        return Kind.KEYRING;
    }

    @Override
    public Optional<char[]> load(AccountId account) {
        Result result = run(null, "lookup", "application", APPLICATION, "account", account.value());
        if (result.exitCode() != 0 || result.output().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(result.output().toCharArray());
    }

    @Override
    public void save(AccountId account, String label, char[] password) {
        Result result = run(new String(password), "store", "--label=WellJabber: " + label, "application", APPLICATION,
                "account", account.value());
        if (result.exitCode() != 0) {
            throw new IllegalStateException("The desktop keyring refused to store the password");
        }
    }

    @Override
    public void delete(AccountId account) {
        run(null, "clear", "application", APPLICATION, "account", account.value());
    }

    private boolean answers() {
        // A lookup of something that is not there exits 1 quickly when the service runs; it hangs or
        // fails with a D-Bus error when none does, which the timeout and exit code tell apart.
        Result result = run(null, "lookup", "application", APPLICATION, "probe", "reachable");
        return result.exitCode() == 0 || result.exitCode() == 1 && result.error().isBlank();
    }

    private record Result(int exitCode, String output, String error) {
    }

    private Result run(String input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "", "timeout");
            }
            return new Result(process.exitValue(), read(process.getInputStream()), read(process.getErrorStream()));
        } catch (IOException e) {
            Logger.warn("secret-tool failed: {}", e.getMessage());
            return new Result(-1, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static String read(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }
}
