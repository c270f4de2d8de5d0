package welljabber.app;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.application.Platform;

import org.tinylog.Logger;

import welljabber.api.account.AccountId;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.event.Delivery;
import welljabber.api.event.EventBus;
import welljabber.app.account.Account;

/**
 * {@code -Dwelljabber.exitWhenConnected=true}: the AOT cache's training run (jlink/). Once every
 * connect-at-start account is CONNECTED or FAILED, or after {@code welljabber.exitWhenConnected.timeout}
 * seconds (default 60), prints {@code WELLJABBER TRAINING DONE ...} and closes the app as a user would.
 * Call it before the accounts are connected, so that no state change is missed.
 */
final class TrainingRun {
    private TrainingRun() {
    }

    static void watchIfAsked(EventBus events, List<Account> accounts) {
        if (!Boolean.getBoolean("welljabber.exitWhenConnected")) {
            return;
        }
        Set<AccountId> waiting = ConcurrentHashMap.newKeySet();
        accounts.stream().filter(Account::connectAtStart).map(Account::id).forEach(waiting::add);
        AtomicBoolean done = new AtomicBoolean();
        java.util.Map<String, ConnectionState> settled = new ConcurrentHashMap<>();
        Runnable finish = () -> {
            if (done.compareAndSet(false, true)) {
                System.out.println("WELLJABBER TRAINING DONE " + settled + (waiting.isEmpty() ? "" : ", " + waiting.size() + " not settled"));
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
                        finish.run();
                    });
                }
            }
        });
        long timeout = Long.getLong("welljabber.exitWhenConnected.timeout", 60);
        Thread.ofVirtual().start(() -> {
            sleep(timeout * 1000);
            finish.run();
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
