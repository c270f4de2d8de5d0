package welljabber.plugin.roster.model;

/** Who sees whose presence (RFC 6121 §2.1.2.5): none, to (I see theirs), from (they see mine), both. */
public enum Subscription {
    NONE, TO, FROM, BOTH;

    public boolean iSeeThem() {
        return this == TO || this == BOTH;
    }

    public boolean theySeeMe() {
        return this == FROM || this == BOTH;
    }
}
