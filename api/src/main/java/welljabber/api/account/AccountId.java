package welljabber.api.account;

import java.util.Objects;

/** The stable identity of an account in this profile; it does not change when the account is edited. */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("An account id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
