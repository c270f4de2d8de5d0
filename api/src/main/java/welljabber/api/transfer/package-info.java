/** Package transfer of the WellJabber API. */
package welljabber.api.transfer;
