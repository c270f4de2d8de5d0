package welljabber.app.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.jivesoftware.smack.SmackException;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.tinylog.Logger;

import welljabber.api.account.AccountId;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.account.Account;
import welljabber.app.account.AccountRepository;
import welljabber.app.account.TlsMode;
import welljabber.app.i18n.Messages;
import welljabber.app.profile.ProfilePaths;
import welljabber.app.secrets.PasswordStore;
import welljabber.app.tls.PinnedCertificates;
import welljabber.sandbox.DemoWorld;
import welljabber.sandbox.ProsodyInstallation;
import welljabber.sandbox.SandboxLogin;

/**
 * {@code --sandbox}: a throwaway Prosody with demo accounts, a demo room and an online demo contact,
 * and the profile's "me" account pointed at it, its password remembered and the server's
 * self-signed certificate pinned (it is our own server, made a moment ago), set to connect at
 * start. Closing the session stops the server.
 */
public final class SandboxSession implements AutoCloseable {
    private final DemoWorld world;

    private SandboxSession(DemoWorld world) {
        this.world = world;
    }

    public static SandboxSession start(ProfilePaths paths, AccountRepository accounts, PinnedCertificates pins,
            PasswordStore passwords, Messages messages, Consumer<String> say) {
        try {
            if (!ProsodyInstallation.isInstalled()) {
                say.accept(messages.get("sandbox.installing"));
                ProsodyInstallation.installWithApt(say);
            }
            say.accept(messages.get("sandbox.starting"));
            DemoWorld world = DemoWorld.start();
            SandboxLogin login = world.login();
            Account account = accountFor(accounts, login);
            accounts.save(account);
            passwords.save(account.id(), login.jid(), login.password().toCharArray());
            pins.pin(account.id(), login.certificateSha256Fingerprint(),
                    login.certificate().getSubjectX500Principal().getName());
            say.accept(messages.format("sandbox.ready", login.jid(), login.password(), String.valueOf(login.port()),
                    paths.data().toString()));
            Logger.info("Sandbox server ready: {}", login);
            return new SandboxSession(world);
        } catch (IOException e) {
            throw new SandboxException(messages.format("sandbox.failed", e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(messages.format("sandbox.failed", "interrupted"), e);
        } catch (RuntimeException e) {
            throw new SandboxException(messages.format("sandbox.failed", e.getMessage()), e);
        }
    }

    private static Account accountFor(AccountRepository accounts, SandboxLogin login) {
        EntityBareJid jid;
        try {
            jid = JidCreate.entityBareFrom(login.jid());
        } catch (XmppStringprepException e) {
            throw new IllegalStateException("The sandbox gave an invalid JID " + login.jid(), e);
        }
        // The server's ports change every run: keep the account, update where it connects.
        AccountId id = accounts.all().stream().filter(account -> account.jid().equals(jid)).map(Account::id).findFirst()
                .orElseGet(() -> new AccountId(UUID.randomUUID().toString()));
        return new Account(id, jid, "WellJabber", 0, Optional.of(login.host()), Optional.of(login.port()),
                TlsMode.REQUIRED, true, true, new OwnPresence(PresenceKind.AVAILABLE, ""));
    }

    /**
     * Has the demo contact alice send {@code count} messages to "me" as fast as she can, and waits until all
     * are acknowledged (delivery receipts) or {@code timeout} passed; returns how many were acknowledged.
     */
    public int burstToMe(int count, Duration timeout) throws InterruptedException, SmackException.NotConnectedException {
        return world.bot().burst(JidCreate.entityBareFromOrThrowUnchecked(world.login().jid()), count, timeout);
    }

    @Override
    public void close() {
        world.close();
    }

    /** The sandbox could not start; the message is the sentence to show. */
    public static final class SandboxException extends RuntimeException {
        SandboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
