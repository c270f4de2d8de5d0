package welljabber.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a throwaway Prosody end itself when the process that started it is gone (for example a
 * test JVM killed with SIGKILL, which runs no shutdown hooks). A small Prosody module checks once a
 * second that {@code /proc/<owner pid>/stat} still exists with the same start time (so a reused pid
 * does not count) and otherwise shuts the server down. Linux only; elsewhere there is no watchdog.
 */
final class OwnerWatchdog {

    /** The Prosody module's name. */
    static final String MODULE = "welljabber_watchdog";

    /** The process being watched: its pid and its start time (field 22 of {@code /proc/<pid>/stat}). */
    record Owner(long pid, String startTime) {
    }

    private OwnerWatchdog() {
    }

    /** Describes a live process, or nothing if it is gone or {@code /proc} is not available. */
    static Optional<Owner> describe(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            return startTime(stat).map(start -> new Owner(pid, start));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The start time in a {@code /proc/<pid>/stat} line: field 22, counted after the command name
     * in parentheses (which may itself contain spaces and parentheses, so the last ")" ends it).
     */
    static Optional<String> startTime(String stat) {
        int end = stat.lastIndexOf(") ");
        if (end < 0) {
            return Optional.empty();
        }
        String[] fields = stat.substring(end + 2).trim().split("\\s+");
        // fields[0] is field 3 (state), so field 22 is fields[19]
        return fields.length > 19 ? Optional.of(fields[19]) : Optional.empty();
    }

    /** Writes the module into {@code pluginDirectory}. */
    static void writePlugin(Path pluginDirectory) throws IOException {
        Files.createDirectories(pluginDirectory);
        Files.writeString(pluginDirectory.resolve("mod_" + MODULE + ".lua"), PLUGIN, StandardCharsets.UTF_8);
    }

    /** The configuration lines the module reads. */
    static String configLines(Owner owner) {
        return "welljabber_owner_pid = " + LuaText.quote(Long.toString(owner.pid())) + "\n"
                + "welljabber_owner_start = " + LuaText.quote(owner.startTime()) + "\n";
    }

    private static final String PLUGIN = """
            -- WellJabber sandbox: shut this throwaway server down when the process that started it is gone.
            local owner_pid = module:get_option_string("welljabber_owner_pid");
            local owner_start = module:get_option_string("welljabber_owner_start");
            if not owner_pid or not owner_start then return; end

            local function owner_alive()
            	local f = io.open("/proc/" .. owner_pid .. "/stat", "r");
            	if not f then return false; end
            	local stat = f:read("*a") or "";
            	f:close();
            	local rest = stat:match(".*%) (.*)$");
            	if not rest then return true; end -- unexpected format: do not guess
            	local i = 0;
            	for field in rest:gmatch("%S+") do
            		i = i + 1;
            		if i == 20 then return field == owner_start; end
            	end
            	return true;
            end

            module:add_timer(1, function ()
            	if owner_alive() then return 1; end
            	module:log("warn", "The process that started this server (pid %s) is gone: shutting down", owner_pid);
            	-- shutting down waits for sessions to close, which needs Prosody's main thread (as on SIGTERM)
            	prosody.main_thread:run(function ()
            		prosody.unlock_globals();
            		prosody.shutdown("owner process gone");
            		prosody.lock_globals();
            	end);
            end);
            """;
}
