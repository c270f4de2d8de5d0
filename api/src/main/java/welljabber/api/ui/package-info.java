/** Package ui of the WellJabber API. */
package welljabber.api.ui;
