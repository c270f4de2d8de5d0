/** Package chat of the WellJabber API. */
package welljabber.api.chat;
