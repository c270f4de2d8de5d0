/** Package event of the WellJabber API. */
package welljabber.api.event;
