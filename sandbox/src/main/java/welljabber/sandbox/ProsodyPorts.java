package welljabber.sandbox;

/**
 * The loopback ports of one server.
 *
 * @param c2s       client-to-server port (plain / STARTTLS)
 * @param directTls direct-TLS client port, or 0 when not opened
 * @param http      HTTP port (file upload), or 0 when not opened
 * @param component external component port (XEP-0114), or 0 when not opened
 */
record ProsodyPorts(int c2s, int directTls, int http, int component) {

    /** Ports without an external component port. */
    ProsodyPorts(int c2s, int directTls, int http) {
        this(c2s, directTls, http, 0);
    }

    /** Picks free loopback ports for what the options ask for. */
    static ProsodyPorts pick(ProsodyOptions options) throws java.io.IOException {
        boolean component = options.externalComponent() != null;
        int count = 1 + (options.directTls() ? 1 : 0) + (options.httpUpload() ? 1 : 0) + (component ? 1 : 0);
        int[] ports = FreePorts.pick(count);
        int next = 1;
        int directTls = options.directTls() ? ports[next++] : 0;
        int http = options.httpUpload() ? ports[next++] : 0;
        int componentPort = component ? ports[next] : 0;
        return new ProsodyPorts(ports[0], directTls, http, componentPort);
    }
}
