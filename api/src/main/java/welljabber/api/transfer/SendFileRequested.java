package welljabber.api.transfer;

import java.nio.file.Path;

import org.jxmpp.jid.Jid;

import welljabber.api.account.AccountId;
import welljabber.api.event.AccountEvent;

/** Asks the file-transfer plugin to offer {@code file} to {@code peer} (a contact or a room). */
public record SendFileRequested(AccountId account, Jid peer, Path file) implements AccountEvent {
}
