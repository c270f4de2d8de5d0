package welljabber.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs {@code prosodyctl}, always with {@code --config} pointing at the throwaway configuration
 * (without it, prosodyctl would act on the system-wide server).
 */
final class ProsodyCtl {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path prosodyctl;
    private final Path configFile;

    ProsodyCtl(Path prosodyctl, Path configFile) {
        this.prosodyctl = prosodyctl;
        this.configFile = configFile;
    }

    /** Creates (or resets the password of) an account; works with the server stopped or running. */
    void register(String user, String domain, String password) throws IOException {
        run("register", user, domain, password);
    }

    /** Deletes an account. */
    void deleteUser(String user, String domain) throws IOException {
        run("deluser", user + "@" + domain);
    }

    /** Registers many accounts, several {@code prosodyctl} processes at a time (each takes 50–100 ms). */
    void registerAll(Map<String, String> userToPassword, String domain) throws IOException {
        if (userToPassword.isEmpty()) {
            return;
        }
        if (userToPassword.size() == 1) {
            Map.Entry<String, String> only = userToPassword.entrySet().iterator().next();
            register(only.getKey(), domain, only.getValue());
            return;
        }
        int parallel = Math.min(userToPassword.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel, Thread.ofPlatform().daemon().name("prosodyctl-", 0).factory())) {
            List<Future<?>> results = new ArrayList<>();
            userToPassword.forEach((user, password) -> results.add(pool.submit(() -> {
                register(user, domain, password);
                return null;
            })));
            for (Future<?> result : results) {
                result.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("Registering accounts failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while registering accounts", e);
        }
    }

    private void run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(prosodyctl.toString());
        command.add("--config");
        command.add(configFile.toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        CommandRunner.Result result = CommandRunner.run(command, TIMEOUT);
        if (!result.succeeded()) {
            // do not repeat the password from the command line in the message
            throw new IOException("prosodyctl " + arguments[0] + " " + arguments[1] + " failed with exit code "
                    + result.exitCode() + (result.output().isBlank() ? "" : ":\n" + LogTail.lastLines(result.output(), 20)));
        }
    }
}
