/** Package connection of the WellJabber API. */
package welljabber.api.connection;
