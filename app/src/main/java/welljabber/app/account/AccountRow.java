package welljabber.app.account;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import welljabber.api.connection.ConnectionState;

/** An account as the window shows it: its settings plus live connection state. FX thread only. */
public final class AccountRow {
    private final ObjectProperty<Account> account;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.DISCONNECTED);
    private final StringProperty message = new SimpleStringProperty("");

    public AccountRow(Account account) {
        this.account = new SimpleObjectProperty<>(account);
    }

    public ObjectProperty<Account> accountProperty() {
        return account;
    }

    public Account account() {
        return account.get();
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public StringProperty messageProperty() {
        return message;
    }
}
