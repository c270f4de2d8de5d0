/** Helpers for plugins' translated sentences. */
package welljabber.api.i18n;
