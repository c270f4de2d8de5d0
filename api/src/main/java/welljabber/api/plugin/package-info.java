/** Package plugin of the WellJabber API. */
package welljabber.api.plugin;
