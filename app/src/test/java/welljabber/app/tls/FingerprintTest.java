package welljabber.app.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @Test
    void matchesWhatOpensslShows(@TempDir Path folder) throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.generate(folder);
        String fingerprint = Fingerprint.sha256(generated.certificate());
        assertEquals(generated.opensslSha256(), fingerprint);
        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
    }

    @Test
    void differentCertificatesHaveDifferentFingerprints(@TempDir Path folder) throws Exception {
        Path first = Files.createDirectory(folder.resolve("first"));
        Path second = Files.createDirectory(folder.resolve("second"));
        assertNotEquals(Fingerprint.sha256(SelfSignedCertificate.generate(first).certificate()),
                Fingerprint.sha256(SelfSignedCertificate.generate(second).certificate()));
    }
}
