package welljabber.api.ui;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;

/**
 * A kind of centre tab, such as {@code chat} or {@code room}: the shell asks it for content when a
 * tab for an address is opened, and keeps at most one tab per type, account and address.
 */
public interface CentreTabType {

    /** Well-known ids other plugins and {@code xmpp:} URIs use to open tabs. */
    String CHAT = "chat";
    String ROOM = "room";

    String id();

    /** Builds the tab's content on the FX thread. */
    TabContent create(AccountId account, Jid address);
}
