/**
 * The hello example plugin. A drop-in plugin is a module: the shell finds it through the
 * {@code provides} clause below and loads it in a module layer of its own.
 */
module org.example.hello {
    // The plugin api; it also gives us (transitively) javafx.controls, smack.core, smack.im and jxmpp.jid.
    requires welljabber.api;
    // ServiceDiscoveryManager, to announce our feature. The shell has it in its boot layer.
    requires smack.extensions;
    // Smack's pull parser interface, which HelloIqProvider reads the stanza with.
    requires smack.xmlparser;

    provides welljabber.api.plugin.Plugin with org.example.hello.HelloPlugin;
}
