package org.example.hello;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javafx.application.Platform;
import javafx.scene.control.Label;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.connection.SessionListener;
import welljabber.api.error.ErrorSentences;
import welljabber.api.plugin.ApiVersion;
import welljabber.api.plugin.Plugin;
import welljabber.api.plugin.PluginContext;
import welljabber.api.ui.MenuAction;
import welljabber.api.ui.MenuLocation;
import welljabber.api.ui.StatusBarItem;

/**
 * The hello example: a Tools menu item, a status bar label, and an answer to
 * {@code <hello xmlns='urn:example:hello'/>} on every account's connection.
 */
public final class HelloPlugin implements Plugin {
    /** Lower case, [a-z][a-z0-9_.-]*: it also names this plugin's database schema and preferences file. */
    static final String ID = "hello-example";

    /** Connections our handler is registered on, so stop() can take it off again. */
    private final Set<XMPPConnection> served = ConcurrentHashMap.newKeySet();
    private final HelloRequestHandler handler = new HelloRequestHandler(this::greeted);
    private Label status;
    private ResourceBundle texts;
    private Locale locale;

    // The shell creates plugins through ServiceLoader: keep the public no-argument constructor cheap.
    public HelloPlugin() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Hello (example)";
    }

    /** The module version the build recorded (pom.xml passes --module-version). */
    @Override
    public String version() {
        var descriptor = HelloPlugin.class.getModule().getDescriptor();
        return descriptor == null ? "dev" : descriptor.rawVersion().orElse("dev");
    }

    /** MAJOR and MINOR are compile-time constants: javac copies the api version we built against into this class. */
    @Override
    public ApiVersion builtAgainst() {
        return new ApiVersion(ApiVersion.MAJOR, ApiVersion.MINOR);
    }

    @Override
    public String author() {
        return "The WellJabber authors";
    }

    @Override
    public String description() {
        return "Example plugin: a menu item, a status bar label and a custom IQ (urn:example:hello).";
    }

    /** Runs on the JavaFX thread: only quick registrations here, no network or disk. */
    @Override
    public void start(PluginContext context) {
        // Our own bundle, looked up in our own module; English is the base, zh_CN the translation.
        locale = context.locale();
        Locale bundleLocale = "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        texts = ResourceBundle.getBundle("org.example.hello.messages", bundleLocale, HelloPlugin.class.getModule());

        // Tools → Say hello. The shell removes the item again when the plugin stops.
        context.ui().addMenuAction(new MenuAction(ID, MenuLocation.TOOLS, texts.getString("menu.sayHello"),
                Optional.empty(), () -> context.ui().notify(texts.getString("notice.title"),
                        texts.getString("notice.text"))));

        // A label in the status bar; the id lets tests (and CSS) find it.
        status = new Label(texts.getString("status.ready"));
        status.setId("helloExampleStatus");
        context.ui().addStatusBarItem(new StatusBarItem(ID, 1000, status));

        // The provider is global to Smack (every connection in the process), so it is added once here
        // and removed in stop(), which lets the shell drop this plugin's class loader.
        ProviderManager.addIQProvider(HelloIq.ELEMENT, HelloIq.NAMESPACE, new HelloIqProvider());

        // Told about every connection that exists now and each one created later, before it logs in.
        // We attach to the connection we are handed and keep no other reference: XmppSessions gives
        // the current connection whenever we need one, so we never hold a stale one.
        context.sessions().addSessionListener(new SessionListener() {
            @Override
            public void connectionCreated(AccountId account, EntityBareJid jid, XMPPConnection connection) {
                connection.registerIQRequestHandler(handler);
                // Announce the feature (XEP-0030) so other clients can see we answer it.
                ServiceDiscoveryManager.getInstanceFor(connection).addFeature(HelloIq.NAMESPACE);
                served.add(connection);
            }

            @Override
            public void connectionDisposed(AccountId account, XMPPConnection connection) {
                served.remove(connection);
            }
        });
    }

    /** Also on the JavaFX thread. The shell undoes what we registered through the context; Smack state is ours. */
    @Override
    public void stop() {
        for (XMPPConnection connection : served) {
            connection.unregisterIQRequestHandler(handler);
            ServiceDiscoveryManager.getInstanceFor(connection).removeFeature(HelloIq.NAMESPACE);
        }
        served.clear();
        ProviderManager.removeIQProvider(HelloIq.ELEMENT, HelloIq.NAMESPACE);
    }

    /** Called on a Smack thread after each answer: the label may only be changed on the JavaFX thread. */
    private void greeted(Jid from) {
        // The address comes from the network: sanitize it before showing it.
        String who = ErrorSentences.sanitize(from == null ? "" : from.asBareJid().toString());
        String text = new MessageFormat(texts.getString("status.greeted"), locale).format(new Object[] {who});
        Platform.runLater(() -> status.setText(text));
    }
}
