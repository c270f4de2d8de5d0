package welljabber.api.registration;

import java.util.Optional;

/** Asks the registration plugin to open its "create an account" dialog, optionally for a server. */
public record RegisterAccountRequested(Optional<String> domain) {
}
