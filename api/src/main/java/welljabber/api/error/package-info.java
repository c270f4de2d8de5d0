/**
 * Plain sentences for users when something goes wrong: XMPP stanza errors, legacy numeric error
 * codes, stream and sign-in (SASL) errors, and connection or TLS failures, in English and
 * Simplified Chinese.
 *
 * <p>Use {@link welljabber.api.error.ErrorSentences} wherever an error reaches the user, so every
 * part of WellJabber words the same failure the same way and nothing shows a stack trace or
 * untrusted text from the network unsanitized.
 */
package welljabber.api.error;
