package welljabber.api.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static welljabber.api.error.TestSupport.EN;
import static welljabber.api.error.TestSupport.ZH;
import static welljabber.api.error.TestSupport.hasHan;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smack.datatypes.UInt16;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.sasl.SASLError;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.sasl.packet.SaslNonza.SASLFailure;
import org.jivesoftware.smack.util.rce.RemoteConnectionEndpointLookupFailure;
import org.jivesoftware.smack.util.rce.RemoteConnectionException;
import org.jivesoftware.smack.util.rce.SingleAddressRemoteConnectionEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jxmpp.stringprep.XmppStringprepException;

class ThrowableTest {

    private static String en(Throwable t) {
        return checked(ErrorSentences.forThrowable(t, EN), false);
    }

    private static String zh(Throwable t) {
        return checked(ErrorSentences.forThrowable(t, ZH), true);
    }

    /** Every sentence is one plain line: no stack trace, no class names, in the language asked for. */
    private static String checked(String sentence, boolean chinese) {
        assertFalse(sentence.isBlank());
        assertFalse(sentence.contains("\n"), sentence);
        assertFalse(sentence.contains("Exception"), sentence);
        assertFalse(sentence.contains("\tat "), sentence);
        assertEquals(chinese, hasHan(sentence), sentence);
        return sentence;
    }

    private static String generic(Locale locale) {
        return ErrorSentences.forThrowable(null, locale);
    }

    // ---------------------------------------------------------------- network

    @Test
    void unknownHostMeansTheServerCannotBeFound() {
        var e = new UnknownHostException("xmpp.example.invalid");
        assertTrue(en(e).contains("cannot find the server"), en(e));
        assertTrue(zh(e).contains("找不到服务器"), zh(e));
    }

    @Test
    void refusedConnectionAsksWhetherTheServerRunsAndThePortIsRight() {
        var e = new ConnectException("Connection refused");
        assertTrue(en(e).contains("cannot connect to the server"), en(e));
        assertTrue(en(e).contains("port"), en(e));
        assertTrue(zh(e).contains("端口"), zh(e));
    }

    @Test
    void noRouteToHostIsANetworkProblem() {
        var e = new NoRouteToHostException("No route to host");
        assertTrue(en(e).contains("internet connection"), en(e));
        assertTrue(zh(e).contains("网络"), zh(e));
    }

    @Test
    void socketTimeoutIsATimeout() {
        var e = new SocketTimeoutException("Connect timed out");
        assertTrue(en(e).contains("timed out"), en(e));
        assertTrue(zh(e).contains("超时"), zh(e));
    }

    @Test
    void noResponseFromTheServerIsATimeout() {
        var e = SmackException.NoResponseException.newWith(5_000, (StanzaFilter) null, false);
        assertTrue(en(e).contains("did not answer in time"), en(e));
        assertTrue(zh(e).contains("未能及时响应"), zh(e));
    }

    @Test
    void lostConnectionIsSaidPlainly() {
        var e = new SocketException("Connection reset");
        assertTrue(en(e).contains("connection to the server was lost"), en(e));
        assertTrue(zh(e).contains("断开"), zh(e));
    }

    @Test
    void aStreamCutOffInTheMiddleIsALostConnection() {
        // What Smack reported when the test server was stopped under a connected client.
        var e = new XmlPullParserException(new IllegalStateException("ParseError at [row,col]:[1,51854]"));
        assertTrue(en(e).contains("connection to the server was lost"), en(e));
        assertTrue(zh(e).contains("断开"), zh(e));
    }

    @Test
    void notConnected() {
        var e = new SmackException.NotConnectedException();
        assertTrue(en(e).contains("not connected"), en(e));
        assertTrue(zh(e).contains("尚未连接"), zh(e));
    }

    @Test
    void interruptedMeansCancelled() {
        var e = new InterruptedException();
        assertTrue(en(e).contains("cancelled"), en(e));
        assertTrue(zh(e).contains("取消"), zh(e));
    }

    // ---------------------------------------------------------------- cause chain

    @Test
    void causeChainIsWalkedToTheRealReason() {
        var wrapped = new RuntimeException("outer layer",
                new IOException("middle layer", new ConnectException("Connection refused")));
        assertEquals(en(new ConnectException()), en(wrapped));
        assertEquals(zh(new ConnectException()), zh(wrapped));
    }

    @Test
    void theMostTellingReasonInTheChainWins() {
        // A vague outer "not connected"/"connection lost" must not hide a stream conflict inside it.
        var conflict = new XMPPException.StreamErrorException(streamError(StreamError.Condition.conflict, null));
        var lost = new SocketException("Socket closed");
        lost.initCause(conflict);
        assertEquals(en(conflict), en(new SmackException.SmackWrappedException(lost)));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void aCyclicCauseChainEnds() {
        var a = new IOException("a");
        var b = new IOException("b");
        a.initCause(b);
        b.initCause(a);
        assertEquals(generic(EN), en(a));
    }

    @Test
    void unknownFailuresGetTheGenericSentenceAndNoDetails() {
        var e = new IllegalStateException("boom\n\tat com.example.Secret.method(Secret.java:42)");
        assertEquals(generic(EN), en(e));
        assertEquals(generic(ZH), zh(e));
        assertFalse(en(e).contains("boom"));
        assertTrue(generic(EN).contains("administrator"), generic(EN));
        assertNotEquals(generic(EN), generic(ZH));
    }

    // ---------------------------------------------------------------- TLS

    @Test
    void handshakeFailureWithoutACertificateProblemIsASecureConnectionFailure() {
        var e = new SSLHandshakeException("no cipher suites in common");
        assertTrue(en(e).contains("secure connection"), en(e));
        assertTrue(zh(e).contains("安全连接"), zh(e));
        assertEquals(en(e), en(new SSLException("Unsupported or unrecognized SSL message")));
    }

    @Test
    void untrustedCertificateIsSaidSo() {
        var handshake = new SSLHandshakeException("PKIX path building failed");
        handshake.initCause(new CertificateException("unable to find valid certification path"));
        assertTrue(en(handshake).contains("certificate is not trusted"), en(handshake));
        assertTrue(zh(handshake).contains("证书不受信任"), zh(handshake));
        assertEquals(en(handshake), en(new CertificateException("bad")));
        assertEquals(en(handshake),
                en(new SmackException.SmackCertificateException(new CertificateException("bad"))));
    }

    @Test
    void expiredCertificateDeepInTheChainIsSaidSo() {
        var validator = new CertificateException("PKIX path validation failed",
                new CertificateExpiredException("NotAfter: Sat Jan 01 00:00:00 UTC 2000"));
        var handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(validator);
        assertTrue(en(handshake).contains("expired"), en(handshake));
        assertTrue(zh(handshake).contains("已过期"), zh(handshake));
    }

    @Test
    void serverWithoutEncryptionIsRefused() {
        var e = new SmackException.SecurityRequiredByClientException();
        assertTrue(en(e).contains("does not offer an encrypted connection"), en(e));
        assertTrue(en(e).contains("refuses to send your password in the clear"), en(e));
        assertTrue(zh(e).contains("明文"), zh(e));
    }

    @Test
    void encryptionTurnedOffWhileTheServerRequiresIt() {
        var e = new SmackException.SecurityRequiredByServerException();
        assertTrue(en(e).contains("turned off"), en(e));
        assertNotEquals(en(e), en(new SmackException.SecurityRequiredByClientException()));
        assertTrue(zh(e).contains("开启加密"), zh(e));
    }

    // ---------------------------------------------------------------- SASL

    private static SASLErrorException sasl(String condition, Map<String, String> texts) {
        return new SASLErrorException("SCRAM-SHA-1", new SASLFailure(condition, texts));
    }

    @Test
    void wrongPassword() {
        var e = sasl("not-authorized", Map.of());
        assertTrue(en(e).contains("Wrong user name or password"), en(e));
        assertTrue(en(e).contains("Check the user name and password."), en(e));
        assertTrue(zh(e).contains("用户名或密码错误"), zh(e));
    }

    @Test
    void saslConditionsHaveTheirOwnWording() {
        assertTrue(en(sasl("account-disabled", Map.of())).contains("disabled"));
        assertTrue(en(sasl("credentials-expired", Map.of())).contains("password has expired"));
        assertTrue(en(sasl("encryption-required", Map.of())).contains("encrypted connection"));
        assertTrue(en(sasl("temporary-auth-failure", Map.of())).contains("right now"));
        assertTrue(en(sasl("invalid-mechanism", Map.of())).contains("sign-in method"));
        assertTrue(zh(sasl("account-disabled", Map.of())).contains("停用"));
        assertTrue(zh(sasl("credentials-expired", Map.of())).contains("密码已过期"));
    }

    @ParameterizedTest
    @EnumSource(SASLError.class)
    void everySaslConditionHasItsOwnSentenceInBothLanguages(SASLError error) {
        String en = en(sasl(error.toString(), Map.of()));
        String zh = zh(sasl(error.toString(), Map.of()));
        assertEquals(ErrorSentences.forSaslError(error, EN), en);
        assertEquals(ErrorSentences.forSaslError(error, ZH), zh);
        assertNotEquals(ErrorSentences.forSaslError(null, EN), en, "fell back to the vague sentence");
        assertNotEquals(generic(EN), en);
        assertFalse(en.contains("sasl."), en);
    }

    @Test
    void saslTextFromTheServerIsAppendedSanitized() {
        var e = sasl("account-disabled", Map.of("en", "Banned until\n2030 \u202Eok"));
        assertTrue(en(e).startsWith(ErrorSentences.forSaslError(SASLError.account_disabled, EN)), en(e));
        assertTrue(en(e).contains("\u201CBanned until 2030 ok\u201D"), en(e));
    }

    // ---------------------------------------------------------------- stanza and stream errors

    @Test
    void xmppErrorAnswerReadsLikeItsStanzaError() {
        StanzaError error = StanzaError.getBuilder(StanzaError.Condition.service_unavailable)
                .setDescriptiveEnText("Offline storage is off")
                .build();
        var e = new XMPPException.XMPPErrorException(null, error);
        assertEquals(ErrorSentences.forStanzaError(error, EN), en(e));
        assertEquals(ErrorSentences.forStanzaError(error, ZH), zh(e));
        assertTrue(en(e).contains("Offline storage is off"), en(e));
    }

    private static StreamError streamError(StreamError.Condition condition, String text) {
        return new StreamError(condition, null, text == null ? Map.of() : Map.of("en", text), List.of());
    }

    @Test
    void streamConflictMeansSignedInElsewhereWithTheSameResource() {
        var e = new XMPPException.StreamErrorException(streamError(StreamError.Condition.conflict, "Replaced by new connection"));
        assertTrue(en(e).contains("another place with the same resource"), en(e));
        assertTrue(en(e).contains("Replaced by new connection"), en(e));
        assertTrue(zh(e).contains("相同的资源名"), zh(e));
    }

    @Test
    void otherStreamErrors() {
        var shutdown = new XMPPException.StreamErrorException(streamError(StreamError.Condition.system_shutdown, null));
        assertTrue(en(shutdown).contains("shutting down"), en(shutdown));
        var otherHost = new XMPPException.StreamErrorException(streamError(StreamError.Condition.see_other_host, null));
        assertTrue(en(otherHost).contains("different server"), en(otherHost));
        assertTrue(zh(otherHost).contains("另一台服务器"), zh(otherHost));
    }

    @ParameterizedTest
    @EnumSource(StreamError.Condition.class)
    void everyStreamConditionHasASentenceInBothLanguages(StreamError.Condition condition) {
        var e = new XMPPException.StreamErrorException(streamError(condition, null));
        String en = en(e);
        String zh = zh(e);
        assertEquals(ErrorSentences.forStreamCondition(condition, EN), en);
        assertNotEquals(generic(EN), en);
        assertNotEquals(en, zh);
        assertFalse(en.contains("stream."), en);
    }

    // ---------------------------------------------------------------- Smack 4.4 endpoint failures

    private static SingleAddressRemoteConnectionEndpoint endpoint(int lastByte) throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress("xmpp.example.org", new byte[] {(byte) 192, 0, 2, (byte) lastByte});
        return new SingleAddressRemoteConnectionEndpoint() {
            @Override
            public InetAddress getInetAddress() {
                return address;
            }

            @Override
            public CharSequence getHost() {
                return "xmpp.example.org";
            }

            @Override
            public UInt16 getPort() {
                return UInt16.from(5222);
            }

            @Override
            public String getDescription() {
                return "test endpoint";
            }
        };
    }

    @Test
    void endpointFailuresAreLookedInto() throws Exception {
        var refused = SmackException.EndpointConnectionException.from(List.of(),
                List.of(RemoteConnectionException.from(endpoint(1), new ConnectException("Connection refused"))));
        assertEquals(en(new ConnectException()), en(refused));
        assertEquals(zh(new ConnectException()), zh(refused));
    }

    @Test
    void ofSeveralFailedAddressesTheMostUsefulReasonIsShown() throws Exception {
        var mixed = SmackException.EndpointConnectionException.from(List.of(), List.of(
                RemoteConnectionException.from(endpoint(1), new NoRouteToHostException("No route to host")),
                RemoteConnectionException.from(endpoint(2), new ConnectException("Connection refused")),
                RemoteConnectionException.from(endpoint(3), new IOException("odd"))));
        assertEquals(en(new ConnectException()), en(mixed));
    }

    @Test
    void endpointTimeoutWrappedInSmackIsATimeout() throws Exception {
        var timedOut = SmackException.EndpointConnectionException.from(List.of(), List.of(
                RemoteConnectionException.from(endpoint(1), new SocketTimeoutException("connect timed out"))));
        assertEquals(en(new SocketTimeoutException()), en(new SmackException.SmackWrappedException(timedOut)));
    }

    @Test
    void onlyLookupFailuresMeanTheServerCannotBeFound() {
        var lookup = new RemoteConnectionEndpointLookupFailure("DNS SRV lookup of _xmpp-client._tcp.example.org",
                new IOException("NXDOMAIN")) { };
        var e = SmackException.EndpointConnectionException.from(List.of(lookup), List.of());
        assertEquals(en(new UnknownHostException()), en(e));
        assertEquals(zh(new UnknownHostException()), zh(e));
    }

    @Test
    void endpointFailuresWithNoKnownReasonStillSayConnectingFailed() throws Exception {
        var e = SmackException.EndpointConnectionException.from(List.of(), List.of(
                RemoteConnectionException.from(endpoint(1), new IOException("something odd"))));
        assertTrue(en(e).contains("could not connect to the server"), en(e));
        assertNotEquals(generic(EN), en(e));
    }

    @Test
    void anAddressThatDoesNotParseIsExplainedAsOneInBothLanguages() {
        XmppStringprepException bad = new XmppStringprepException("bad@@example.org", "the localpart is empty");
        assertEquals(ErrorSentences.forCondition(StanzaError.Condition.jid_malformed, EN), en(bad));
        assertEquals(ErrorSentences.forCondition(StanzaError.Condition.jid_malformed, ZH), zh(bad));
        assertEquals(en(bad), en(new IOException("wrapped", bad)), "found under another failure too");
    }
}
