package welljabber.testsupport;

import welljabber.sandbox.ProsodyOptions;

/**
 * Adds to the options of a {@link WithProsody} server, for example a pre-written roster:
 *
 * <pre>{@code
 * public static final class BigRoster implements ProsodySetup {
 *     public void configure(ProsodyOptions.Builder options) {
 *         options.roster("alice", contacts(5000));
 *     }
 * }
 * }</pre>
 *
 * Implementations need a no-argument constructor reachable by JUnit (a public or package-private
 * static nested class of the test is fine).
 */
@FunctionalInterface
public interface ProsodySetup {

    void configure(ProsodyOptions.Builder options);
}
