package welljabber.app.logging;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.debugger.AbstractDebugger;
import org.jivesoftware.smack.debugger.SmackDebuggerFactory;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The opt-in raw XML log: Smack's debugger hook, writing redacted traffic to the "stanza" tag, which
 * the logging set-up sends to its own file.
 */
public final class StanzaLogDebugger extends AbstractDebugger {
    public static final String TAG = "stanza";
    private static final TaggedLogger LOG = Logger.tag(TAG);

    public static final SmackDebuggerFactory FACTORY = StanzaLogDebugger::new;

    private StanzaLogDebugger(XMPPConnection connection) {
        super(connection);
    }

    @Override
    protected void log(String logMessage) {
        LOG.info("{}", StanzaRedactor.redact(logMessage));
    }

    @Override
    protected void log(String logMessage, Throwable throwable) {
        LOG.info(throwable, "{}", StanzaRedactor.redact(logMessage));
    }
}
