package welljabber.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import welljabber.sandbox.ProsodyInstallation;
import welljabber.sandbox.ProsodyOptions;
import welljabber.sandbox.ProsodyServer;

/**
 * JUnit 5 extension running one throwaway Prosody per test class. Use it through
 * {@link WithProsody}, or register it in code when options are easier to write than to annotate:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ProsodyExtension PROSODY = ProsodyExtension.with(o -> o.account("alice", "secret").plain());
 * }</pre>
 *
 * The server starts before the class's first test (or earlier, if a test constructor asks for it),
 * lives in the class's {@link ExtensionContext.Store} and is stopped when the class is done, also
 * after failures. {@code @Nested} classes share their enclosing class's server unless they carry
 * their own {@link WithProsody}. Parameters of type {@link ProsodyServer} and {@link XmppTestClients}
 * are resolved.
 *
 * <p>If Prosody is not installed the class fails (it is not skipped) with a message saying
 * {@value ProsodyInstallation#INSTALL_HINT}.
 */
public final class ProsodyExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ProsodyExtension.class);
    private static final String SERVER = "server";
    private static final String CLIENTS = "clients";

    private final ProsodyOptions programmaticOptions;
    private volatile ProsodyServer lastServer;

    /** Used by {@link WithProsody}: the options come from the annotation. */
    public ProsodyExtension() {
        this.programmaticOptions = null;
    }

    private ProsodyExtension(ProsodyOptions options) {
        this.programmaticOptions = Objects.requireNonNull(options, "options");
    }

    /** An extension for {@code @RegisterExtension static} fields, with these options. */
    public static ProsodyExtension with(ProsodyOptions options) {
        return new ProsodyExtension(options);
    }

    /** An extension for {@code @RegisterExtension static} fields, with options built by {@code options}. */
    public static ProsodyExtension with(Consumer<ProsodyOptions.Builder> options) {
        ProsodyOptions.Builder builder = ProsodyOptions.builder();
        options.accept(builder);
        return new ProsodyExtension(builder.build());
    }

    /** The server this (registered) extension started last, for use from static fields. */
    public ProsodyServer server() {
        ProsodyServer server = lastServer;
        if (server == null) {
            throw new IllegalStateException("No Prosody started yet: the test class has not begun");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ProsodyServer.class || type == XmppTestClients.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == ProsodyServer.class) {
            return server(context);
        }
        if (type == XmppTestClients.class) {
            ProsodyServer server = server(context);
            // keyed by context: a store lookup also sees the parents' values, and each test gets its own clients
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(List.of(CLIENTS, context.getUniqueId()),
                    key -> new XmppTestClients(server), XmppTestClients.class);
        }
        throw new ParameterResolutionException("ProsodyExtension cannot resolve " + type.getName());
    }

    /** The server of the class that owns the configuration, started on first use. */
    private ProsodyServer server(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        // keyed by owner: a nested class with its own @WithProsody must not find its enclosing class's server
        ServerResource resource = owner.getStore(NAMESPACE).getOrComputeIfAbsent(List.of(SERVER, owner.getUniqueId()),
                key -> new ServerResource(startFor(owner)), ServerResource.class);
        return resource.server();
    }

    /**
     * The class-level context whose class configures the server: the innermost class carrying
     * {@link WithProsody} (its own or inherited from a superclass), else the outermost test class.
     */
    private ExtensionContext owner(ExtensionContext context) {
        ExtensionContext outermostClass = null;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            if (c.getTestClass().isEmpty() || c.getTestMethod().isPresent()) {
                continue;
            }
            if (programmaticOptions == null && AnnotationSupport.isAnnotated(c.getRequiredTestClass(), WithProsody.class)) {
                return c;
            }
            outermostClass = c;
        }
        if (outermostClass == null) {
            throw new ExtensionConfigurationException("ProsodyExtension must be used on a test class");
        }
        return outermostClass;
    }

    private ProsodyServer startFor(ExtensionContext owner) {
        if (!ProsodyInstallation.isInstalled()) {
            throw new ExtensionConfigurationException("Prosody is not installed, so " + owner.getDisplayName()
                    + " cannot run its XMPP server. Install it with: " + ProsodyInstallation.INSTALL_HINT
                    + " (as root; Debian/Ubuntu package 'prosody').");
        }
        ProsodyOptions options = programmaticOptions != null ? programmaticOptions : fromAnnotation(owner);
        ProsodyServer server = ProsodyServer.start(options);
        lastServer = server;
        return server;
    }

    private static ProsodyOptions fromAnnotation(ExtensionContext owner) {
        Class<?> testClass = owner.getRequiredTestClass();
        Optional<WithProsody> found = AnnotationSupport.findAnnotation(testClass, WithProsody.class);
        if (found.isEmpty()) {
            // registered with @ExtendWith(ProsodyExtension.class) alone: the annotation's defaults
            found = Optional.of(Defaults.class.getAnnotation(WithProsody.class));
        }
        WithProsody settings = found.get();
        ProsodyOptions.Builder builder = ProsodyOptions.builder()
                .tls(settings.tls())
                .requireEncryption(settings.tls() && settings.requireEncryption())
                .directTls(settings.tls() && settings.directTls())
                .registration(settings.registration())
                .muc(settings.muc())
                .httpUpload(settings.httpUpload())
                .startTimeout(Duration.ofSeconds(settings.startTimeoutSeconds()));
        if (settings.tls() && !settings.freshCertificate()) {
            builder.certificate(SharedTestCertificate.get());
        }
        for (String account : settings.accounts()) {
            int colon = account.indexOf(':');
            if (colon <= 0 || colon == account.length() - 1) {
                throw new ExtensionConfigurationException("@WithProsody accounts are \"user:password\", not \"" + account
                        + "\" (in " + testClass.getName() + ")");
            }
            builder.account(account.substring(0, colon), account.substring(colon + 1));
        }
        for (Class<? extends ProsodySetup> setup : settings.setup()) {
            instantiate(setup).configure(builder);
        }
        return builder.build();
    }

    private static ProsodySetup instantiate(Class<? extends ProsodySetup> type) {
        try {
            // through JUnit's reflection: test packages are open to JUnit, which instantiates test classes too
            return ReflectionSupport.newInstance(type);
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("Cannot create ProsodySetup " + type.getName()
                    + ": it needs a no-argument constructor that JUnit can call", e);
        }
    }

    @WithProsody
    private static final class Defaults {
    }

    /** Holds the server in the store; JUnit closes it when the owning class is done, also after failures. */
    @SuppressWarnings("deprecation")
    private record ServerResource(ProsodyServer server) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.stop();
        }
    }
}
