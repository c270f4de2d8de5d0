package welljabber.app;

import java.util.concurrent.TimeoutException;

import org.testfx.api.FxToolkit;

/** Starts the (headless) JavaFX toolkit once per test JVM, through TestFX so UI tests share it. */
public final class FxToolkitStarter {
    private FxToolkitStarter() {
    }

    public static void ensureStarted() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new IllegalStateException("The JavaFX toolkit did not start", e);
        }
    }
}
