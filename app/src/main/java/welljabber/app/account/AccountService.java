package welljabber.app.account;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.tinylog.Logger;

import welljabber.api.account.AccountAdded;
import welljabber.api.account.AccountId;
import welljabber.api.account.AccountRemoved;
import welljabber.api.connection.ConnectionState;
import welljabber.api.connection.ConnectionStateChanged;
import welljabber.api.event.Delivery;
import welljabber.api.event.EventBus;
import welljabber.api.presence.OwnPresence;
import welljabber.api.presence.PresenceKind;
import welljabber.app.connection.Sessions;
import welljabber.app.secrets.PasswordStore;

/**
 * The shell's account logic, between the window and the storage and connections: load, save,
 * remove, connect with the remembered or typed password, presence for all accounts. Slow work runs
 * on the background executor; the observable rows change on the FX thread only.
 */
public final class AccountService {

    /** Asks the user for a password that is not remembered; empty when they cancel. */
    @FunctionalInterface
    public interface PasswordPrompt {
        CompletionStage<Optional<char[]>> ask(Account account);
    }

    private final AccountRepository repository;
    private final PasswordStore passwords;
    private final Sessions sessions;
    private final EventBus events;
    private final Executor background;
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    /** Typed passwords of accounts that do not remember theirs, kept in memory for reconnects. */
    private final Map<AccountId, char[]> typedPasswords = new ConcurrentHashMap<>();
    private PasswordPrompt prompt = account -> CompletableFuture.completedFuture(Optional.empty());

    public AccountService(AccountRepository repository, PasswordStore passwords, Sessions sessions, EventBus events,
            Executor background) {
        this.repository = repository;
        this.passwords = passwords;
        this.sessions = sessions;
        this.events = events;
        this.background = background;
        events.subscribe(ConnectionStateChanged.class, Delivery.FX_THREAD, this::show);
        // A typed password the server refused must not be tried again on the next connect: ask anew.
        sessions.onLoginRefused(account -> wipe(typedPasswords.remove(account.id())));
    }

    public void setPasswordPrompt(PasswordPrompt prompt) {
        this.prompt = prompt;
    }

    public PasswordStore.Kind passwordStoreKind() {
        return passwords.kind();
    }

    /** The accounts, in the order the user sees them. FX thread only. */
    public ObservableList<AccountRow> rows() {
        return rows;
    }

    public Optional<AccountRow> row(AccountId id) {
        return rows.stream().filter(row -> row.account().id().equals(id)).findFirst();
    }

    /** Reads the stored accounts; call once at start, off the FX thread, then hand them to {@link #show}. */
    public java.util.List<Account> loadBlocking() {
        return repository.all();
    }

    /** Shows the accounts read at start. FX thread only. */
    public void show(java.util.List<Account> accounts) {
        rows.setAll(accounts.stream().map(AccountRow::new).toList());
    }

    /**
     * Saves a new or edited account. {@code password} is stored only when the account remembers it;
     * otherwise any stored one is deleted and the typed one is kept in memory for this session.
     */
    public CompletionStage<Account> save(Account account, Optional<char[]> password) {
        boolean isNew = row(account.id()).isEmpty();
        // An account edited while online reconnects, so the new server, resource or security apply now.
        boolean online = row(account.id()).map(r -> r.stateProperty().get() != ConnectionState.DISCONNECTED
                && r.stateProperty().get() != ConnectionState.FAILED).orElse(false);
        return CompletableFuture.supplyAsync(() -> {
            repository.save(account);
            if (account.rememberPassword() && password.isPresent()) {
                passwords.save(account.id(), account.jid().toString(), password.get());
            } else if (!account.rememberPassword()) {
                passwords.delete(account.id());
            }
            password.ifPresent(typed -> typedPasswords.put(account.id(), typed.clone()));
            return account;
        }, background).thenApplyAsync(saved -> {
            row(saved.id()).ifPresentOrElse(row -> row.accountProperty().set(saved), () -> rows.add(new AccountRow(saved)));
            if (isNew) {
                events.publish(new AccountAdded(saved.id(), saved.jid()));
            } else if (online) {
                connect(saved.id());
            }
            return saved;
        }, Platform::runLater);
    }

    public CompletionStage<Void> remove(AccountId id) {
        Optional<AccountRow> row = row(id);
        sessions.forget(id);
        wipe(typedPasswords.remove(id));
        return CompletableFuture.runAsync(() -> {
            repository.delete(id);
            passwords.delete(id);
        }, background).thenRunAsync(() -> row.ifPresent(r -> {
            rows.remove(r);
            events.publish(new AccountRemoved(id, r.account().jid()));
        }), Platform::runLater);
    }

    /** Connects with the remembered or typed password, asking the user when there is neither. */
    public void connect(AccountId id) {
        row(id).ifPresent(row -> {
            Account account = row.account();
            Logger.info("Connecting {}", account.jid());
            CompletableFuture.supplyAsync(() -> password(account), background).thenAcceptAsync(known -> {
                if (known.isPresent()) {
                    sessions.connect(account, known.get());
                } else {
                    prompt.ask(account).thenAccept(typed -> typed.ifPresent(password -> {
                        typedPasswords.put(account.id(), password.clone());
                        sessions.connect(account, password);
                    }));
                }
            }, Platform::runLater).exceptionally(failure -> {
                Logger.error(failure, "Cannot connect {}", account.jid());
                return null;
            });
        });
    }

    public void disconnect(AccountId id) {
        sessions.disconnect(id);
    }

    public void connectAll() {
        rows.forEach(row -> connect(row.account().id()));
    }

    /**
     * Applies the presence the user picked to every account. Offline disconnects them; any other
     * presence connects the accounts that are not connected, as desktop clients do.
     */
    public void setPresenceForAll(OwnPresence presence) {
        for (AccountRow row : rows) {
            Account updated = row.account().withPresence(presence);
            row.accountProperty().set(updated);
            background.execute(() -> repository.save(updated));
            if (presence.kind() == PresenceKind.OFFLINE) {
                sessions.setPresence(updated, presence);
                sessions.disconnect(updated.id());
            } else if (row.stateProperty().get() == ConnectionState.CONNECTED) {
                sessions.setPresence(updated, presence);
            } else if (row.stateProperty().get() != ConnectionState.CONNECTING
                    && row.stateProperty().get() != ConnectionState.RECONNECTING) {
                connect(updated.id());
            }
        }
    }

    private Optional<char[]> password(Account account) {
        char[] typed = typedPasswords.get(account.id());
        if (typed != null) {
            return Optional.of(typed.clone());
        }
        if (account.rememberPassword()) {
            try {
                return passwords.load(account.id());
            } catch (RuntimeException e) {
                Logger.warn("Cannot read the remembered password of {}: {}", account.jid(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    private void show(ConnectionStateChanged change) {
        row(change.account()).ifPresent(row -> {
            row.stateProperty().set(change.state());
            row.messageProperty().set(change.message().orElse(""));
        });
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
