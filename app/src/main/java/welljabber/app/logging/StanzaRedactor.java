package welljabber.app.logging;

import java.util.regex.Pattern;

/**
 * Removes secrets from raw XML before it is logged: SASL exchanges (PLAIN carries the password in
 * Base64, SCRAM proofs allow offline guessing) and password fields of in-band registration.
 */
public final class StanzaRedactor {
    private static final Pattern SASL = Pattern.compile(
            "(<(auth|response|challenge|success)\\b[^>]*(?<!/)>)(.*?)(</\\2>)", Pattern.DOTALL);
    private static final Pattern PASSWORD = Pattern.compile("(<password\\b[^>]*(?<!/)>)(.*?)(</password>)", Pattern.DOTALL);
    private static final Pattern FORM_PASSWORD = Pattern.compile(
            "(<field\\b[^>]*var=['\"]password['\"][^>]*>.*?<value>)(.*?)(</value>)", Pattern.DOTALL);

    private StanzaRedactor() {
    }

    public static String redact(CharSequence xml) {
        String text = xml.toString();
        text = SASL.matcher(text).replaceAll("$1[redacted]$4");
        text = PASSWORD.matcher(text).replaceAll("$1[redacted]$3");
        return FORM_PASSWORD.matcher(text).replaceAll("$1[redacted]$3");
    }
}
