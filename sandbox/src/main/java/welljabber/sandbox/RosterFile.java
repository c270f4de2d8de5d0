package welljabber.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes a user's roster in Prosody's internal storage format ({@code data/<host>/roster/<user>.dat}),
 * so that a server started afterwards serves it at login without one round trip per contact.
 *
 * <p>The file is a Lua table: a metadata entry {@code [false] = { version = 1; pending = {...} }}
 * (pending holds incoming subscription requests), then one entry per contact keyed by bare JID.
 */
public final class RosterFile {

    /** The roster version written into the metadata entry. */
    public static final int VERSION = 1;

    private RosterFile() {
    }

    /**
     * The Lua text of a roster file.
     *
     * @param entries   the roster items; a later entry for the same JID replaces an earlier one
     * @param pendingIn bare JIDs that have asked to subscribe to the user's presence
     */
    public static String render(Collection<RosterEntry> entries, Collection<String> pendingIn) {
        Map<String, RosterEntry> byJid = new LinkedHashMap<>();
        for (RosterEntry entry : entries) {
            byJid.put(ProsodyNames.normalizeBareJid(entry.jid()), entry);
        }
        Set<String> pending = new LinkedHashSet<>();
        for (String jid : pendingIn) {
            pending.add(ProsodyNames.normalizeBareJid(jid));
        }

        StringBuilder out = new StringBuilder(128 + byJid.size() * 110);
        out.append("return {\n");
        out.append("\t[false] = { [\"version\"] = ").append(VERSION).append("; [\"pending\"] = {");
        for (String jid : pending) {
            out.append(' ').append('[').append(LuaText.quote(jid)).append("] = true;");
        }
        out.append(pending.isEmpty() ? "}; };\n" : " }; };\n");
        for (Map.Entry<String, RosterEntry> item : byJid.entrySet()) {
            RosterEntry entry = item.getValue();
            out.append("\t[").append(LuaText.quote(item.getKey())).append("] = { [\"subscription\"] = ")
                    .append(LuaText.quote(entry.subscription().prosodyValue())).append(';');
            if (entry.name() != null) {
                out.append(" [\"name\"] = ").append(LuaText.quote(entry.name())).append(';');
            }
            if (entry.askSubscribe()) {
                out.append(" [\"ask\"] = \"subscribe\";");
            }
            out.append(" [\"groups\"] = {");
            for (String group : entry.groups()) {
                out.append(" [").append(LuaText.quote(group)).append("] = true;");
            }
            out.append(entry.groups().isEmpty() ? "}; };\n" : " }; };\n");
        }
        out.append("};\n");
        return out.toString();
    }

    /**
     * Writes the roster of {@code user} on {@code host} below Prosody's data directory (atomically,
     * replacing any previous file). Do this before the server starts, or while the user is offline.
     *
     * @return the file written
     */
    public static Path write(Path dataDirectory, String host, String user, Collection<RosterEntry> entries,
            Collection<String> pendingIn) throws IOException {
        Path file = ProsodyNames.storeFile(dataDirectory, host, "roster", user);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, render(entries, pendingIn), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
