package welljabber.plugin.serverinfo;

import java.util.Objects;

/**
 * One row of the feature list: a message key and, for services and unknown features, the address or
 * namespace it is about (text from the network, shown only after sanitizing).
 */
record FeatureLine(Kind kind, String key, String argument) {

    enum Kind {
        /** A feature of the server we know a name for. */
        FEATURE,
        /** A service the server offers at its own address, such as group chats. */
        SERVICE,
        /** A feature we have no name for: shown by its namespace. */
        OTHER
    }

    FeatureLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        argument = Objects.requireNonNullElse(argument, "");
    }

    static FeatureLine feature(String key) {
        return new FeatureLine(Kind.FEATURE, key, "");
    }
}
