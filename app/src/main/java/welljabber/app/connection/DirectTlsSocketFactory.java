package welljabber.app.connection;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;

import javax.net.SocketFactory;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

/**
 * Sockets for direct TLS (XEP-0368): plain TCP first, then a TLS handshake for the XMPP domain
 * (SNI) before Smack sees the socket, then the same host name check STARTTLS gets. Smack 4.4 has no
 * direct-TLS mode on its TCP connection, hence this factory.
 */
final class DirectTlsSocketFactory extends SocketFactory {
    private final SSLContext context;
    private final String domain;
    private final HostnameVerifier verifier;

    DirectTlsSocketFactory(SSLContext context, String domain, HostnameVerifier verifier) {
        this.context = context;
        this.domain = domain;
        this.verifier = verifier;
    }

    @Override
    public Socket createSocket() {
        return new HandshakingSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return wrap(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return wrap(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return wrap(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return wrap(new Socket(address, port, localAddress, localPort));
    }

    private SSLSocket wrap(Socket plain) throws IOException {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, domain, plain.getPort(), true);
        var parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(domain)));
        parameters.setApplicationProtocols(new String[] {"xmpp-client"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        if (!verifier.verify(domain, tls.getSession())) {
            tls.close();
            throw new SSLHandshakeException("The server's certificate does not name " + domain);
        }
        return tls;
    }

    /**
     * Smack creates an unconnected socket and calls {@link #connect(SocketAddress, int)}; this one
     * connects, then does the TLS handshake and from then on reads and writes through TLS.
     */
    private final class HandshakingSocket extends Socket {
        private SSLSocket tls;

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            Socket plain = new Socket();
            plain.connect(endpoint, timeout);
            plain.setSoTimeout(timeout);
            tls = wrap(plain);
            plain.setSoTimeout(0);
        }

        @Override
        public java.io.InputStream getInputStream() throws IOException {
            return tls.getInputStream();
        }

        @Override
        public java.io.OutputStream getOutputStream() throws IOException {
            return tls.getOutputStream();
        }

        @Override
        public synchronized void close() throws IOException {
            if (tls != null) {
                tls.close();
            }
            super.close();
        }

        @Override
        public boolean isConnected() {
            return tls != null && tls.isConnected();
        }

        @Override
        public boolean isClosed() {
            return tls == null ? super.isClosed() : tls.isClosed();
        }

        @Override
        public InetAddress getInetAddress() {
            return tls == null ? null : tls.getInetAddress();
        }

        @Override
        public int getPort() {
            return tls == null ? 0 : tls.getPort();
        }

        @Override
        public void setSoTimeout(int timeout) throws java.net.SocketException {
            if (tls != null) {
                tls.setSoTimeout(timeout);
            }
        }

        @Override
        public void shutdownOutput() throws IOException {
            if (tls != null) {
                tls.shutdownOutput();
            }
        }

        @Override
        public void shutdownInput() throws IOException {
            if (tls != null) {
                tls.shutdownInput();
            }
        }
    }
}
