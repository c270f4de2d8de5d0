package welljabber.app.plugins;

import java.util.ArrayDeque;
import java.util.Deque;

import org.tinylog.Logger;

import welljabber.api.plugin.Disposable;

/** Remembers what a plugin registered so the shell can undo all of it when the plugin stops. */
final class Tracker {
    private final Deque<Disposable> held = new ArrayDeque<>();

    synchronized Disposable track(Disposable disposable) {
        held.push(disposable);
        return () -> {
            synchronized (this) {
                held.remove(disposable);
            }
            disposable.close();
        };
    }

    /** Closes everything, newest first; one failing close does not stop the rest. */
    void closeAll() {
        while (true) {
            Disposable next;
            synchronized (this) {
                next = held.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (RuntimeException e) {
                Logger.warn(e, "Undoing a plugin registration failed");
            }
        }
    }
}
