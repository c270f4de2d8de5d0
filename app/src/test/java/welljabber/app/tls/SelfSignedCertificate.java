package welljabber.app.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throwaway self-signed certificate made by the openssl command, and what openssl says its fingerprint is. */
record SelfSignedCertificate(X509Certificate certificate, String opensslSha256) {

    static SelfSignedCertificate generate(Path folder) throws IOException, InterruptedException, CertificateException {
        Path key = folder.resolve("key.pem");
        Path cert = folder.resolve("cert.pem");
        run(folder, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", key.toString(), "-out", cert.toString());
        String output = run(folder, "openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", cert.toString());
        // "sha256 Fingerprint=AB:CD:..." (OpenSSL 3) or "SHA256 Fingerprint=..." (older).
        String line = output.strip();
        int equals = line.indexOf('=');
        if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("sha256 fingerprint=") || equals < 0) {
            throw new IllegalStateException("Unexpected openssl output: " + output);
        }
        try (InputStream in = Files.newInputStream(cert)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return new SelfSignedCertificate(certificate, line.substring(equals + 1));
        }
    }

    private static String run(Path folder, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("openssl did not finish: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("openssl failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
