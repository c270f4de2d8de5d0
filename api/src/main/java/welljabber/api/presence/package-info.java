/** Package presence of the WellJabber API. */
package welljabber.api.presence;
