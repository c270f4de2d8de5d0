package welljabber.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import welljabber.sandbox.BigRoster;
import welljabber.sandbox.ComponentConnection;
import welljabber.sandbox.LoopbackConnections;
import welljabber.sandbox.PresenceBurst;
import welljabber.sandbox.ProsodyServer;
import welljabber.testsupport.RosterPresenceCounter;

/**
 * The floor of the roster benchmark: what raw Smack 4.4.8, with no UI and no model of its own, needs
 * for the same big roster on the same server in the same run. The roster plugin is measured against it.
 *
 * <p>Every connection goes to 127.0.0.1 and the server's port with the domain given (no DNS), as the
 * user the server was started with. Connections are made without automatic roster loading and without
 * initial presence, so that each measurement does exactly one thing; the burst sends its own initial
 * presence because Prosody only delivers presence to sessions that have sent one.
 */
public final class RawSmackRosterFloor {

    /** Generous: a loaded 2-core machine must never turn a slow run into a failure. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final ProsodyServer server;
    private final String user;
    private final String password;
    private final int contacts;

    /**
     * @param contacts the size of {@code user}'s pre-written roster, whose contacts are
     *                 {@link BigRoster#jids} of the server's component domain
     */
    public RawSmackRosterFloor(ProsodyServer server, String user, String password, int contacts) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.contacts = contacts;
    }

    /** One roster fetch: how long {@link Roster#reloadAndWait()} took and how many entries it left. */
    public record RosterLoad(long nanos, int entries) {
    }

    /**
     * (a) Roster fetch: on each of {@code runs} fresh connections (connect and log in first, not
     * timed), the time of {@link Roster#reloadAndWait()}: request, Prosody's answer, parsing and
     * storing every entry.
     */
    public List<RosterLoad> rosterLoads(int runs) throws Exception {
        List<RosterLoad> loads = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            XMPPTCPConnection connection = loggedIn();
            try {
                Roster roster = Roster.getInstanceFor(connection);
                long began = System.nanoTime();
                roster.reloadAndWait();
                long nanos = System.nanoTime() - began;
                loads.add(new RosterLoad(nanos, roster.getEntries().size()));
            } finally {
                connection.disconnect();
            }
        }
        return loads;
    }

    /**
     * (a') The roster as a client gets it at login: Smack asks for it when it has authenticated and
     * sends the initial presence right after, so Prosody probes every contact while the roster is on
     * its way, as it does for the shell. Timed from the roster request leaving to Smack's
     * roster-loaded callback, the same span the shell's figure starts with.
     */
    public List<RosterLoad> loginRosterLoads(ComponentConnection component, int runs) throws Exception {
        List<RosterLoad> loads = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            long stanzasBefore = component.receivedStanzas();
            XMPPTCPConnection connection = new XMPPTCPConnection(LoopbackConnections.builder(server, user, password, "floor").build());
            connection.setReplyTimeout(WAIT.toMillis());
            java.util.concurrent.atomic.AtomicLong requested = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.atomic.AtomicLong loaded = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            connection.addStanzaInterceptor(stanza -> requested.compareAndSet(0, System.nanoTime()),
                    stanza -> stanza instanceof org.jivesoftware.smack.roster.packet.RosterPacket request
                            && request.getType() == org.jivesoftware.smack.packet.IQ.Type.get);
            Roster roster = Roster.getInstanceFor(connection);
            roster.addRosterLoadedListener(new org.jivesoftware.smack.roster.RosterLoadedListener() {
                @Override
                public void onRosterLoaded(Roster loadedRoster) {
                    loaded.compareAndSet(0, System.nanoTime());
                    done.countDown();
                }

                @Override
                public void onRosterLoadingFailed(Exception exception) {
                    done.countDown();
                }
            });
            try {
                connection.connect().login();
                if (!done.await(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || loaded.get() == 0) {
                    throw new IllegalStateException("the roster did not load at login");
                }
                loads.add(new RosterLoad(loaded.get() - requested.get(), roster.getEntries().size()));
                // Probes and greetings to every contact, then the goodbyes: let them pass before the next run.
                component.awaitReceived(stanzasBefore + 2L * contacts, WAIT);
            } finally {
                connection.disconnect();
            }
            component.awaitReceived(stanzasBefore + 3L * contacts, WAIT);
        }
        return loads;
    }

    /** One burst: when it began, when the component had written it all, when the roster had applied it all. */
    public record Burst(int round, int sent, long applied, long writeNanos, long appliedNanos) {
    }

    /**
     * (b) Presence bursts: on each of {@code runs} fresh connections with the roster loaded and initial
     * presence sent, the component sends one presence per contact (round 0: everyone comes online),
     * then another (round 1: everyone changes show, status and priority); each is timed from the first
     * byte written until raw Smack's {@link Roster} has applied the last presence ({@code presenceChanged}).
     *
     * @param component connected to the server's component, whose domain the contacts are in
     * @return two bursts per run, round 0 then round 1
     */
    public List<Burst> presenceBursts(ComponentConnection component, int runs) throws Exception {
        PresenceBurst burst = new PresenceBurst(component, server.jid(user).toString(),
                BigRoster.jids(contacts, component.domain()));
        List<Burst> bursts = new ArrayList<>(2 * runs);
        for (int run = 0; run < runs; run++) {
            long fromServer = component.receivedStanzas();
            XMPPTCPConnection connection = loggedIn();
            try {
                Roster roster = Roster.getInstanceFor(connection);
                roster.reloadAndWait();
                RosterPresenceCounter counter = new RosterPresenceCounter();
                roster.addRosterListener(counter);
                connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
                // the initial presence makes Prosody send each contact our presence and a probe: let that pass first
                component.awaitReceived(fromServer + 2L * contacts, WAIT);
                for (int round = 0; round < 2; round++) {
                    long before = counter.count();
                    long began = System.nanoTime();
                    int sent = burst.send(round);
                    long written = System.nanoTime();
                    long last = counter.awaitCount(before + sent, WAIT);
                    bursts.add(new Burst(round, sent, counter.count() - before, written - began, last - began));
                }
            } finally {
                connection.disconnect();
            }
            // going offline sends every contact an unavailable presence: wait for it, or the next run counts it
            component.awaitReceived(fromServer + 3L * contacts, WAIT);
        }
        return bursts;
    }

    /** Heap held by one connection's roster: after its entries, and after one presence per contact on top. */
    public record RosterHeap(long entriesBytes, long presencesBytes, int entries, long presences) {
    }

    /**
     * (c) Heap: used heap after full garbage collections, on a logged-in connection before the roster is
     * fetched, after it is fetched, and after a presence burst; the connection stays reachable throughout.
     * Each call uses one fresh connection.
     */
    public RosterHeap rosterHeap(ComponentConnection component) throws Exception {
        long fromServer = component.receivedStanzas();
        XMPPTCPConnection connection = loggedIn();
        boolean online = false;
        RosterHeap heap;
        try {
            Roster roster = Roster.getInstanceFor(connection);
            RosterPresenceCounter counter = new RosterPresenceCounter();
            roster.addRosterListener(counter);
            long empty = usedHeapAfterGc();
            roster.reloadAndWait();
            long withEntries = usedHeapAfterGc();

            online = true;
            connection.sendStanza(connection.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.available).build());
            component.awaitReceived(fromServer + 2L * contacts, WAIT);
            long before = counter.count();
            new PresenceBurst(component, server.jid(user).toString(), BigRoster.jids(contacts, component.domain())).send(0);
            counter.awaitCount(before + contacts, WAIT);
            long withPresences = usedHeapAfterGc();

            heap = new RosterHeap(withEntries - empty, withPresences - withEntries, roster.getEntries().size(),
                    counter.count() - before);
            Reference.reachabilityFence(roster);
        } finally {
            Reference.reachabilityFence(connection);
            connection.disconnect();
        }
        if (online) {
            // as in presenceBursts: the unavailable broadcast must not leak into the next measurement
            component.awaitReceived(fromServer + 3L * contacts, WAIT);
        }
        return heap;
    }

    /** Used heap once repeated full collections no longer free anything noticeable (within 64 KiB). */
    static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            memory.gc();
            Thread.sleep(50); // let reference processing and cleaners run between collections
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 64 * 1024 && i >= 2) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** A fresh logged-in connection: no roster at login, no initial presence, generous reply timeout. */
    private XMPPTCPConnection loggedIn() throws SmackException, IOException, XMPPException, InterruptedException {
        XMPPTCPConnection connection = new XMPPTCPConnection(
                LoopbackConnections.builder(server, user, password, "floor").setSendPresence(false).build());
        // reloadAndWait() waits at most the reply timeout (5 s by default) for the roster
        connection.setReplyTimeout(WAIT.toMillis());
        Roster.getInstanceFor(connection).setRosterLoadedAtLogin(false);
        connection.connect().login();
        return connection;
    }
}
