/** Package storage of the WellJabber API. */
package welljabber.api.storage;
