/**
 * The Server side pane: for each connected account, the server's software (XEP-0092), its features
 * (XEP-0030 disco#info and disco#items), connection security, stream management and the bound
 * address. A bundled plugin: it depends on {@code welljabber.api} and Smack only.
 */
module welljabber.plugin.serverinfo {
    requires welljabber.api;
    requires smack.extensions;
    requires smack.tcp;

    provides welljabber.api.plugin.Plugin with welljabber.plugin.serverinfo.ServerInfoPlugin;
}
