package welljabber.plugin.chat.view;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Opens a clicked http, https or xmpp link with the desktop's program for it. Plugins get no
 * {@code HostServices}, and {@code java.awt.Desktop} would load AWT into a JavaFX app for one call,
 * so this asks {@code xdg-open} (the freedesktop way on Linux) directly, with the address as a single
 * argument (no shell, so nothing in it is interpreted). Any other scheme is refused here as well,
 * not only when the link is made.
 */
public final class LinkOpener {
    private static final Set<String> OPENABLE = Set.of("http", "https", "xmpp");
    private static final System.Logger LOG = System.getLogger(LinkOpener.class.getName());

    private final Executor background;
    private final Consumer<String> problem;
    private final String notOpened;

    /** {@code problem} is told {@code notOpened} (a sentence) when no program could open a link. */
    public LinkOpener(Executor background, Consumer<String> problem, String notOpened) {
        this.background = background;
        this.problem = problem;
        this.notOpened = notOpened;
    }

    public static boolean openable(URI uri) {
        return uri.getScheme() != null && OPENABLE.contains(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    public void open(URI uri) {
        if (!openable(uri)) {
            return;
        }
        background.execute(() -> {
            try {
                new ProcessBuilder("xdg-open", uri.toASCIIString()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException noProgram) {
                LOG.log(System.Logger.Level.WARNING, "xdg-open could not be started for " + uri, noProgram);
                problem.accept(notOpened);
            }
        });
    }
}
