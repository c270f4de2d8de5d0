/** Package prefs of the WellJabber API. */
package welljabber.api.prefs;
