/** Package account of the WellJabber API. */
package welljabber.api.account;
