package welljabber.app.tls;

import java.util.concurrent.CompletionStage;

import org.jxmpp.jid.EntityBareJid;

/** Asks the user whether to trust a certificate; the FX dialog in the app, a scripted answer in tests. */
public interface TrustPrompt {
    CompletionStage<TrustDecision> ask(EntityBareJid account, UntrustedCertificateException certificate);
}
