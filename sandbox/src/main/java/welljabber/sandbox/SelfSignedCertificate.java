package welljabber.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A self-signed certificate for {@code localhost} (with {@code conference.localhost} and
 * {@code upload.localhost} as alternative names) and its unencrypted private key, as PEM files.
 * Made with {@code openssl req -x509 -newkey rsa:2048 -nodes -days 30}; the key file has mode 600.
 */
public final class SelfSignedCertificate {

    /** The DNS names the certificate is made for. */
    public static final List<String> NAMES = List.of("localhost", "conference.localhost", "upload.localhost");

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);

    private final Path certificateFile;
    private final Path keyFile;
    private final X509Certificate certificate;
    private final String sha256Fingerprint;

    private SelfSignedCertificate(Path certificateFile, Path keyFile, X509Certificate certificate) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.certificate = certificate;
        this.sha256Fingerprint = Fingerprints.sha256(certificate);
    }

    /**
     * Generates a new key and certificate as {@code <directory>/<baseName>.crt} and {@code .key}
     * with {@code openssl} (which must be installed: Debian package {@code openssl}).
     */
    public static SelfSignedCertificate generate(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Path certificate = directory.resolve(baseName + ".crt");
        Path key = directory.resolve(baseName + ".key");
        List<String> command = List.of(openssl(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
                "-subj", "/CN=localhost",
                "-addext", "subjectAltName=" + String.join(",", NAMES.stream().map(n -> "DNS:" + n).toList()),
                "-keyout", key.toString(), "-out", certificate.toString());
        CommandRunner.run(command, OPENSSL_TIMEOUT).orThrow();
        restrictToOwner(key);
        return load(certificate, key);
    }

    /** Reads an existing PEM certificate and names its key file. */
    public static SelfSignedCertificate load(Path certificateFile, Path keyFile) throws IOException {
        Objects.requireNonNull(keyFile, "keyFile");
        try (InputStream in = Files.newInputStream(certificateFile)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new SelfSignedCertificate(certificateFile, keyFile, certificate);
        } catch (CertificateException e) {
            throw new IOException("Not a PEM X.509 certificate: " + certificateFile, e);
        }
    }

    /** Copies both files into {@code directory} (key mode 600) and returns the copy. */
    public SelfSignedCertificate copyTo(Path directory, String baseName) throws IOException {
        Files.createDirectories(directory);
        Path certificateCopy = directory.resolve(baseName + ".crt");
        Path keyCopy = directory.resolve(baseName + ".key");
        Files.copy(certificateFile, certificateCopy, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(keyFile, keyCopy, StandardCopyOption.REPLACE_EXISTING);
        restrictToOwner(keyCopy);
        return new SelfSignedCertificate(certificateCopy, keyCopy, certificate);
    }

    public Path certificateFile() {
        return certificateFile;
    }

    public Path keyFile() {
        return keyFile;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 fingerprint, colon-separated upper-case hex. */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + certificateFile + ", SHA-256 " + sha256Fingerprint + "]";
    }

    private static void restrictToOwner(Path key) throws IOException {
        try {
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // not a POSIX file system: nothing more we can do
        }
    }

    private static String openssl() {
        return Executables.find("openssl").map(Path::toString).orElse("openssl");
    }
}
