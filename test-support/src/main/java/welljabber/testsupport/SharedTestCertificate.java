package welljabber.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import welljabber.sandbox.SelfSignedCertificate;

/**
 * One self-signed {@code localhost} certificate per JVM, shared by {@link WithProsody} servers
 * unless they ask for a fresh one: generating an RSA key costs 0.1–0.3 s per server. Deleted when
 * the JVM exits.
 */
public final class SharedTestCertificate {

    private static volatile SelfSignedCertificate certificate;

    private SharedTestCertificate() {
    }

    /** The JVM's shared certificate, generated on first use. */
    public static SelfSignedCertificate get() {
        SelfSignedCertificate existing = certificate;
        if (existing != null) {
            return existing;
        }
        synchronized (SharedTestCertificate.class) {
            if (certificate == null) {
                certificate = generate();
            }
            return certificate;
        }
    }

    private static SelfSignedCertificate generate() {
        try {
            Path folder = Files.createTempDirectory("welljabber-test-cert-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder), "welljabber-test-cert-cleanup"));
            return SelfSignedCertificate.generate(folder, "localhost");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not generate the shared test certificate", e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // best effort at JVM exit
        }
    }
}
