package welljabber.sandbox;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** Certificate fingerprints in the usual colon-separated upper-case hex form ({@code "AB:01:…"}). */
public final class Fingerprints {

    private static final HexFormat FORMAT = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding. */
    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded", e);
        }
    }

    /** The SHA-256 fingerprint of some bytes (for a certificate: its DER encoding). */
    public static String sha256(byte[] der) {
        try {
            return FORMAT.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
