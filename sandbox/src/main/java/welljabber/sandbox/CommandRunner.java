package welljabber.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Runs an external command to completion, with a timeout, collecting its combined output. */
final class CommandRunner {

    /** What a finished command left behind. */
    record Result(List<String> command, int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** Throws an {@link IOException} naming the command and quoting its output unless it exited with 0. */
        Result orThrow() throws IOException {
            if (!succeeded()) {
                throw new IOException("Command " + String.join(" ", command) + " failed with exit code " + exitCode
                        + (output.isBlank() ? "" : ":\n" + LogTail.lastLines(output, 30)));
            }
            return this;
        }
    }

    private CommandRunner() {
    }

    static Result run(List<String> command, Duration timeout) throws IOException {
        return run(command, Map.of(), timeout, line -> { });
    }

    /**
     * Runs {@code command}, passing each output line to {@code lines} as it arrives. A command that
     * outlives {@code timeout} is killed and reported as an {@link IOException}.
     */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout, Consumer<String> lines)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    lines.accept(line);
                }
            } catch (IOException ignored) {
                // the process went away; what we read so far is all there is
            }
        });
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
                throw new IOException("Command " + String.join(" ", command) + " did not finish within " + timeout);
            }
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + String.join(" ", command), e);
        }
        synchronized (output) {
            return new Result(new ArrayList<>(command), process.exitValue(), output.toString());
        }
    }
}
