/** Package roster of the WellJabber API. */
package welljabber.api.roster;
