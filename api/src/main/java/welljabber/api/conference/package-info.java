/** Package conference of the WellJabber API. */
package welljabber.api.conference;
