package welljabber.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javafx.scene.control.Label;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.testfx.util.WaitForAsyncUtils;

import welljabber.app.ShellFixture;
import welljabber.app.account.TlsMode;
import welljabber.app.plugins.PluginRecord;
import welljabber.app.plugins.PluginState;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.WithProsody;
import welljabber.testsupport.XmppTestClients;

/**
 * The plugin author's kit end to end: examples/hello-plugin is built by its own Maven run against the
 * installed welljabber-api, its jar dropped into a fresh profile, and the real shell runs it: menu
 * item, status bar label, and its custom IQ answered over a real Prosody.
 */
@WithProsody(accounts = {"me:secret", "alice:secret"})
class HelloPluginExampleUiTest extends ShellUiTest {
    private static final String NAMESPACE = "urn:example:hello";
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);

    /** What alice sends: {@code <hello xmlns='urn:example:hello'/>}, written here so the test does not read the plugin's classes. */
    private static final class HelloRequest extends IQ {
        HelloRequest() {
            super("hello", NAMESPACE);
            setType(IQ.Type.get);
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.setEmptyElement();
            return xml;
        }
    }

    @Test
    void theExamplePluginBuildsLoadsShowsItselfAndAnswersItsIq(ProsodyServer server, XmppTestClients clients)
            throws Exception {
        Path jar = buildExample();

        shell = ShellFixture.newProfile();
        Path plugins = Files.createDirectories(shell.paths().plugins());
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        shell.start();

        PluginRecord hello = shell.app().pluginRecords().stream().filter(r -> r.id().equals("hello-example"))
                .findFirst().orElseThrow(() -> new AssertionError("the example plugin is not listed: "
                        + shell.app().pluginRecords()));
        assertEquals(PluginState.RUNNING, hello.state(), hello.toString());
        assertEquals("1.0.0", hello.version(), "the version the build recorded");

        assertTrue(robot.lookup("#helloExampleStatus").tryQuery().isPresent(), "the status bar label is missing");
        assertEquals("Hello plugin ready", text("#helloExampleStatus"));
        robot.clickOn("Tools");
        assertTrue(robot.lookup("Say hello").tryQuery().isPresent(), "Tools has no \"Say hello\"");
        robot.clickOn("Say hello");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> robot.lookup("Hello from the example plugin.").tryQuery().isPresent());
        } catch (TimeoutException e) {
            fail("Tools → Say hello showed no notice");
        }

        steps.addAccountTrustOnceAndConnect("me@localhost", "secret", server.host(), server.c2sPort(), TlsMode.REQUIRED);

        XMPPTCPConnection alice = clients.login("alice", "secret");
        var me = JidCreate.entityFullFrom("me@localhost/WellJabber");
        assertTrue(ServiceDiscoveryManager.getInstanceFor(alice).supportsFeature(me, NAMESPACE),
                "the plugin's feature is not announced through disco#info");

        HelloRequest request = new HelloRequest();
        request.setTo(me);
        IQ answer = alice.sendIqRequestAndWaitForResponse(request);
        assertEquals(IQ.Type.result, answer.getType());
        String xml = answer.toXML().toString();
        assertTrue(xml.contains("<hello xmlns='" + NAMESPACE + "'>") || xml.contains("<hello xmlns=\"" + NAMESPACE + "\">"),
                xml);
        assertTrue(xml.contains("<greeting>Hello from WellJabber</greeting>"), xml);

        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                    () -> "Said hello to alice@localhost".equals(text("#helloExampleStatus")));
        } catch (TimeoutException e) {
            fail("the status bar label shows \"" + text("#helloExampleStatus") + "\" after answering alice");
        }
    }


    /**
     * {@code mvn -B -q -f <root>/examples/hello-plugin/pom.xml package} with this JVM as JAVA_HOME;
     * returns the jar. The main build installs welljabber-api first (run-tests runs {@code mvn install}).
     */
    private static Path buildExample() throws IOException, InterruptedException {
        Path pom = root().resolve("examples/hello-plugin/pom.xml");
        List<String> command = new ArrayList<>(List.of(maven(), "-B", "-q"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of("-f", pom.toString(), "package"));
        Path output = Files.createTempFile("welljabber-hello-build-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(pom.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(BUILD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Building examples/hello-plugin took longer than " + BUILD_LIMIT + ": " + command + "\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            if (process.exitValue() != 0) {
                fail("Building examples/hello-plugin failed (exit " + process.exitValue() + "): " + command
                        + "\nIs welljabber-api installed? Run mvn install in the root first.\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } finally {
            Files.deleteIfExists(output);
        }
        Path jar = pom.getParent().resolve("target/hello-plugin-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the build wrote no " + jar);
        return jar;
    }

    /** The reactor root: {@code welljabber.root} if set, else the first folder up from here with examples/hello-plugin. */
    private static Path root() {
        String configured = System.getProperty("welljabber.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("examples/hello-plugin/pom.xml"))) {
                return folder;
            }
        }
        throw new AssertionError("Cannot find examples/hello-plugin above " + Path.of("").toAbsolutePath()
                + "; set -Dwelljabber.root");
    }

    /** Maven from maven.home when the build passed it on, else mvn on the PATH. */
    private static String maven() {
        String home = System.getProperty("maven.home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }
}
