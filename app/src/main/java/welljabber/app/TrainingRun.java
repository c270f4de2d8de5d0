package welljabber.app;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import javafx.application.Platform;

import org.jivesoftware.smack.SmackException;
import org.tinylog.Logger;

import welljabber.api.account.AccountId;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.event.Delivery;
import welljabber.api.event.EventBus;
import welljabber.app.account.Account;
import welljabber.app.sandbox.SandboxSession;

/**
 * {@code -Dwelljabber.exitWhenConnected=true}: the AOT cache's training run (jlink/). Once every
 * connect-at-start account is CONNECTED or FAILED, or after {@code welljabber.exitWhenConnected.timeout}
 * seconds (default 60, or 120 with a burst), prints {@code WELLJABBER TRAINING DONE ...} and closes the
 * app as a user would. Call it before the accounts are connected, so that no state change is missed.
 *
 * <p>With {@code -Dwelljabber.exitWhenConnected.burst=N} and {@code --sandbox}, the demo contact first
 * sends N messages as fast as she can (her first opens the conversation's tab, the rest come into it, as
 * after a while offline), and the line says how long until all were acknowledged and how much CPU time the
 * FX thread spent meanwhile: run on a built image it measures the first burst of a JVM
 * (bench/chat/first-burst.sh), and in the training run (WELLJABBER_AOT_TRAINING_BURST, off by default) it
 * would put the JIT's profiles of a burst into the AOT cache.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    static void watchIfAsked(EventBus events, List<Account> accounts, Optional<SandboxSession> sandbox) {
        if (!Boolean.getBoolean("welljabber.exitWhenConnected")) {
            return;
        }
        int burst = Integer.getInteger("welljabber.exitWhenConnected.burst", 0);
        long fxThread = Thread.currentThread().threadId();
        AtomicReference<String> burstReport = new AtomicReference<>("");
        Set<AccountId> waiting = ConcurrentHashMap.newKeySet();
        accounts.stream().filter(Account::connectAtStart).map(Account::id).forEach(waiting::add);
        AtomicBoolean done = new AtomicBoolean();
        java.util.Map<String, ConnectionState> settled = new ConcurrentHashMap<>();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                System.out.println("WELLJABBER TRAINING DONE " + settled + (waiting.isEmpty() ? "" : ", " + waiting.size() + " not settled")
                        + burstReport.get());
                Platform.runLater(Platform::exit);
            }
        };
        if (waiting.isEmpty()) {
            Platform.runLater(finish);
            return;
        }
        events.subscribe(ConnectionStateChanged.class, Delivery.FX_THREAD, change -> {
            Logger.info("Training run: {} is {}", change.jid(), change.state());
            if (change.state() == ConnectionState.CONNECTED || change.state() == ConnectionState.FAILED) {
                settled.put(change.jid().toString(), change.state());
                waiting.remove(change.account());
                if (waiting.isEmpty()) {
                    // Give the roster, presence and plugins' first stanzas a moment to go through.
                    Thread.ofVirtual().start(() -> {
                        sleep(1500);
                        if (burst > 0 && sandbox.isPresent()) {
                            burstReport.set(burst(sandbox.get(), burst, fxThread));
                        }
                        finish.run();
                    });
                }
            }
        });
        long timeout = Long.getLong("welljabber.exitWhenConnected.timeout", burst > 0 ? 120 : 60);
        Thread.ofVirtual().start(() -> {
            sleep(timeout * 1000);
            finish.run();
        });
    }

    /** Has the sandbox's demo contact send {@code count} messages; says how it went. */
    private static String burst(SandboxSession sandbox, int count, long fxThread) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long fxBefore = threads.getThreadCpuTime(fxThread);
        long started = System.nanoTime();
        try {
            int acknowledged = sandbox.burstToMe(count, Duration.ofSeconds(60));
            long took = System.nanoTime() - started;
            long fxCpu = threads.getThreadCpuTime(fxThread) - fxBefore;
            return String.format(Locale.ROOT, "; burst: %d of %d messages acknowledged in %d ms, the FX thread on a CPU %d ms of it",
                    acknowledged, count, took / 1_000_000, fxCpu / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "; burst interrupted";
        } catch (SmackException.NotConnectedException | RuntimeException e) {
            Logger.error(e, "Training run: the burst failed");
            return "; burst failed: " + e;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
