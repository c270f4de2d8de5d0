/** Package registration of the WellJabber API. */
package welljabber.api.registration;
