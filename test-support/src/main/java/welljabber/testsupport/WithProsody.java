package welljabber.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one throwaway Prosody for the annotated test class (started before all its tests, stopped
 * after them even when they fail) and injects it as a {@link welljabber.sandbox.ProsodyServer}
 * parameter into constructors, lifecycle methods and tests. {@link XmppTestClients} parameters are
 * injected too: Smack connections opened through them are closed after each test.
 *
 * <pre>{@code
 * @WithProsody(accounts = {"alice:secret", "bob:secret"})
 * class ChatTest {
 *     @Test
 *     void aliceWritesToBob(ProsodyServer server, XmppTestClients clients) throws Exception {
 *         XMPPTCPConnection alice = clients.login("alice", "secret");
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>If Prosody is not installed, the class fails with a message saying how to install it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ProsodyExtension.class)
public @interface WithProsody {

    /** Accounts as {@code "user:password"}. */
    String[] accounts() default {"alice:secret", "bob:secret"};

    /** Offer TLS (STARTTLS with a self-signed certificate, see {@link #freshCertificate()}). */
    boolean tls() default true;

    /**
     * Give this server its own newly generated certificate. By default all {@code @WithProsody}
     * servers of a JVM share one ({@link SharedTestCertificate}), which saves 0.1–0.3 s per class;
     * ask for a fresh one when a test needs the certificate to differ from other servers'.
     */
    boolean freshCertificate() default false;

    /** Require encryption before login ({@code c2s_require_encryption}); ignored without TLS. */
    boolean requireEncryption() default true;

    /** Also open a direct-TLS client port. */
    boolean directTls() default false;

    /** Allow in-band registration (XEP-0077). */
    boolean registration() default false;

    /** Run the MUC component {@code conference.localhost}. */
    boolean muc() default true;

    /** Run HTTP file upload on {@code upload.localhost}. */
    boolean httpUpload() default false;

    /**
     * Further setup applied after the settings above, for what an annotation cannot say (big rosters,
     * pending subscriptions, extra modules). Each class needs a no-argument constructor.
     */
    Class<? extends ProsodySetup>[] setup() default {};

    /** How long Prosody may take to start, in seconds. */
    int startTimeoutSeconds() default 20;
}
