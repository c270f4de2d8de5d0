import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The start-up benchmark: wall time from spawning {@code java} to the "... MAIN WINDOW SHOWN" line on
 * its stdout, for WellJabber and for a bare JavaFX window (the floor), interleaved in one run.
 *
 * <p>Run it through {@code bench/startup/run.sh}, which finds Java 25, compiles the floor, and
 * provides an X display (its own Xvfb when DISPLAY is unset). Arguments:
 *
 * <pre>
 *   --floor DIR         the compiled floor module (module welljabber.bench.floor); required
 *   --root DIR          the checkout (app/target must hold the built app); default "."
 *   --runs N            measured runs per variant (default 10); one warm-up per variant is extra
 *   --timeout SECONDS   a run that has not exited by then fails (default 60)
 *   --java PATH         the java launcher (default: the one running this program)
 *   --idle-wait SECONDS at most this long in all to wait for an idle machine before runs (default 90; 0: never)
 *   --keep-profiles     leave the temporary profile folders in place (their logs/ has the app's log)
 *   --image DIR         the jlink runtime image (default ROOT/jlink/target/welljabber); its variants
 *                       run when DIR/bin/welljabber exists
 *   --compare-image NAME=DIR  one more variant NAME: another image's launcher, as it is (repeatable;
 *                       for comparing image builds in one run)
 *   --variants A,B,...  run only these variants (by name); the floor always runs
 * </pre>
 *
 * Extra JVM options for both variants come from the environment variable BENCH_JAVA_OPTS
 * (split on whitespace). Exits 1 when a run fails (non-zero exit, no line, or timeout).
 *
 * <p>The machine may be shared: before each run the harness waits (within the --idle-wait budget)
 * until the CPUs are idle, and for each run it reports how much CPU other processes used while it
 * ran ("other CPU", in cores, from /proc/stat minus the child's own CPU time). Runs where others
 * used more than {@value #DISTURBED_CORES} of a core are marked; their figures are not to be trusted.
 */
public final class StartupBench {

    private static final String APP_LINE = "WELLJABBER MAIN WINDOW SHOWN ";
    private static final String FLOOR_LINE = "FLOOR MAIN WINDOW SHOWN ";
    static final double DISTURBED_CORES = 0.25;
    /** USER_HZ: the unit of /proc/stat and /proc/PID/stat times on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Variant(String name, String marker, boolean needsProfile, List<String> command, Map<String, String> env) {
        Variant(String name, String marker, boolean needsProfile, List<String> command) {
            this(name, marker, needsProfile, command, Map.of());
        }
    }

    /** One run: ms from spawn to the line, ms from spawn to exit, the ms the child printed, others' CPU in cores. */
    record Sample(double shownMs, double exitMs, long selfMs, double otherCores) {
        boolean disturbed() {
            return otherCores > DISTURBED_CORES;
        }
    }

    static final class RunFailed extends Exception {
        RunFailed(String message) {
            super(message);
        }
    }

    private static long idleBudgetMillis;
    /** An environment value that runOnce replaces by a new empty folder for each run (deleted afterwards). */
    private static final String FRESH_FOLDER = "<fresh folder per run>";

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        Path floor = null;
        int runs = 10;
        int timeoutSeconds = 60;
        int idleWaitSeconds = 90;
        String java = ProcessHandle.current().info().command().orElse("java");
        boolean keepProfiles = false;
        Path image = null;
        Map<String, Path> compareImages = new LinkedHashMap<>();
        List<String> only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--floor" -> floor = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                case "--java" -> java = args[++i];
                case "--idle-wait" -> idleWaitSeconds = Integer.parseInt(args[++i]);
                case "--keep-profiles" -> keepProfiles = true;
                case "--image" -> image = Path.of(args[++i]);
                case "--variants" -> only = List.of(args[++i].split(","));
                case "--compare-image" -> {
                    String spec = args[++i];
                    int eq = spec.indexOf('=');
                    if (eq < 1) usage("--compare-image needs NAME=DIR");
                    compareImages.put(spec.substring(0, eq), Path.of(spec.substring(eq + 1)).toAbsolutePath().normalize());
                }
                default -> usage("Unknown argument " + args[i]);
            }
        }
        if (floor == null || runs < 1) {
            usage("--floor is required and --runs must be at least 1");
        }
        idleBudgetMillis = idleWaitSeconds * 1000L;
        root = root.toAbsolutePath().normalize();
        Path modules = root.resolve("app/target/modules");
        Path appJar = root.resolve("app/target/welljabber-app-0.1.0-SNAPSHOT.jar");
        if (!Files.isDirectory(modules) || !Files.isRegularFile(appJar)) {
            System.err.println("The app is not built: " + appJar + " or " + modules + " is missing");
            System.exit(1);
        }

        // The same launcher, the same flags and the same module path for both; the floor's module is added.
        List<String> common = new ArrayList<>(List.of(java, "--enable-native-access=javafx.graphics"));
        common.addAll(extraOptions());
        common.add("-Dwelljabber.exitWhenShown=true");
        String modulePath = modules + ":" + appJar;
        List<String> app = new ArrayList<>(common);
        app.addAll(List.of("-p", modulePath, "-m", "welljabber.app/welljabber.app.Main"));
        List<String> bare = new ArrayList<>(common);
        bare.addAll(List.of("-p", modulePath + ":" + floor.toAbsolutePath().normalize(),
                "-m", "welljabber.bench.floor/welljabber.bench.floor.Floor"));
        // What ./welljabber does: a dynamic AppCDS archive, made by the first (warm-up) run, used by the rest.
        Path archiveFolder = Files.createTempDirectory("welljabber-bench-cds");
        Path archive = archiveFolder.resolve("app.jsa");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(archive);
                Files.deleteIfExists(archiveFolder);
            } catch (java.io.IOException ignored) {
                // a leftover temp file is not worth failing the benchmark for
            }
        }));
        List<String> cds = new ArrayList<>(common);
        cds.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
        cds.addAll(List.of("-p", modulePath, "-m", "welljabber.app/welljabber.app.Main"));
        Variant appVariant = new Variant("welljabber", APP_LINE, true, app);
        Variant cdsVariant = new Variant("welljabber+cds", APP_LINE, true, cds);
        Variant floorVariant = new Variant("javafx-floor", FLOOR_LINE, false, bare);
        List<Variant> variants = new ArrayList<>(List.of(appVariant, cdsVariant, floorVariant));
        // The jlink image (jlink/): its own launcher, as users start it; JVM options through WELLJABBER_JAVA_OPTS.
        image = (image == null ? root.resolve("jlink/target/welljabber") : image).toAbsolutePath().normalize();
        Path imageLauncher = image.resolve("bin/welljabber");
        List<Variant> imageVariants = new ArrayList<>();
        // The launcher unpacks a compressed AOT cache (lib/welljabber.aot.xz) into $XDG_CACHE_HOME on the
        // first start: image+aot shares one temporary cache folder (its warm-up run unpacks, the measured
        // runs are later starts), image+aot-first gets an empty one each run (a user's first start).
        Path userCache = Files.createTempDirectory("welljabber-bench-xdg-cache");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                deleteTree(userCache);
            } catch (IOException ignored) {
                // a leftover temp folder is not worth failing the benchmark for
            }
        }));
        String imageOptions = String.join(" ", extraOptions()) + " -Dwelljabber.exitWhenShown=true";
        if (Files.isExecutable(imageLauncher)) {
            boolean compressed = Files.isRegularFile(image.resolve("lib/welljabber.aot.xz"));
            if (compressed || Files.isRegularFile(image.resolve("lib/welljabber.aot"))) {
                imageVariants.add(new Variant("image+aot", APP_LINE, true, List.of(imageLauncher.toString()),
                        Map.of("WELLJABBER_JAVA_OPTS", imageOptions.strip(), "XDG_CACHE_HOME", userCache.toString())));
                if (compressed) {
                    imageVariants.add(new Variant("image+aot-first", APP_LINE, true, List.of(imageLauncher.toString()),
                            Map.of("WELLJABBER_JAVA_OPTS", imageOptions.strip(), "XDG_CACHE_HOME", FRESH_FOLDER)));
                }
            } else {
                System.out.println("  (the image at " + image + " has no AOT cache: only its variant without it runs)");
            }
            imageVariants.add(new Variant("image", APP_LINE, true, List.of(imageLauncher.toString()),
                    Map.of("WELLJABBER_JAVA_OPTS", imageOptions.strip(), "WELLJABBER_AOT", "off")));
        } else {
            System.out.println("  (no runtime image at " + image + ": build it with mvn -B -pl jlink -am package; its variants are skipped)");
        }
        for (var other : compareImages.entrySet()) {
            Path launcher = other.getValue().resolve("bin/welljabber");
            if (!Files.isExecutable(launcher)) usage("--compare-image: no " + launcher);
            imageVariants.add(new Variant(other.getKey(), APP_LINE, true, List.of(launcher.toString()),
                    Map.of("WELLJABBER_JAVA_OPTS", imageOptions.strip(), "XDG_CACHE_HOME", userCache.toString())));
        }
        variants.addAll(imageVariants);
        if (only != null) {
            List<String> wanted = only;
            for (String name : wanted) {
                if (variants.stream().noneMatch(v -> v.name().equals(name))) usage("--variants: no variant " + name);
            }
            variants.removeIf(v -> v != floorVariant && !wanted.contains(v.name()));
            imageVariants.removeIf(v -> !wanted.contains(v.name()));
        }

        System.out.println("Start-up benchmark: spawn of java -> '... MAIN WINDOW SHOWN' on its stdout (wall clock)");
        System.out.println("  DISPLAY=" + System.getenv("DISPLAY") + ", " + runs + " runs per variant"
                + " (+1 warm-up each, not counted), interleaved, order alternating");
        System.out.println("  " + javaVersion(java));
        System.out.println("  load average at start: " + loadAverage());
        System.out.println();

        Map<Variant, List<Sample>> samples = new LinkedHashMap<>();
        variants.forEach(variant -> samples.put(variant, new ArrayList<>()));
        try {
            for (Variant warm : variants) {
                print("warm-up", warm, runOnce(warm, timeoutSeconds, keepProfiles));
            }
            for (int i = 1; i <= runs; i++) {
                List<Variant> order = new ArrayList<>(variants);
                Collections.rotate(order, i);
                for (Variant variant : order) {
                    Sample sample = runOnce(variant, timeoutSeconds, keepProfiles);
                    samples.get(variant).add(sample);
                    print(String.format(Locale.ROOT, "run %2d ", i), variant, sample);
                }
            }
        } catch (RunFailed failed) {
            System.out.println();
            System.out.println("FAILED: " + failed.getMessage());
            System.exit(1);
        }

        System.out.println();
        System.out.println("Process spawn -> main window shown (wall clock, ms), " + runs + " runs each:");
        System.out.printf(Locale.ROOT, "  %-15s %7s %7s %7s | %11s %11s %13s %9s%n", "variant", "median", "min", "max",
                "median exit", "median self", "median other", "disturbed");
        for (var entry : samples.entrySet()) {
            List<Sample> list = entry.getValue();
            System.out.printf(Locale.ROOT, "  %-15s %7.0f %7.0f %7.0f | %11.0f %11.0f %13.2f %9s%n", entry.getKey().name(),
                    median(list, Sample::shownMs), min(list, Sample::shownMs), max(list, Sample::shownMs),
                    median(list, Sample::exitMs), median(list, Sample::selfMs), median(list, Sample::otherCores),
                    list.stream().filter(Sample::disturbed).count() + "/" + list.size());
        }
        double floorMedian = median(samples.get(floorVariant), Sample::shownMs);
        List<Variant> apps = new ArrayList<>(List.of(appVariant, cdsVariant));
        apps.addAll(imageVariants);
        apps.retainAll(variants);
        for (Variant variant : apps) {
            System.out.printf(Locale.ROOT, "  %s over the floor (medians): %+.0f ms%n", variant.name(),
                    median(samples.get(variant), Sample::shownMs) - floorMedian);
        }
        System.out.println("  load average at the end: " + loadAverage());
        System.out.println();
        System.out.println("  exit  = spawn -> process gone (the app closes itself right after the line)");
        System.out.println("  self  = the ms the child printed itself (since ProcessHandle's start instant; coarse, reads high)");
        System.out.printf(Locale.ROOT, "  other = CPU used by other processes during the run, in cores (Xvfb included);"
                + " 'disturbed' = over %.2f%n", DISTURBED_CORES);
        System.out.println();
        System.out.println("Command lines (the app gets a fresh temporary folder per run as <PROFILE>):");
        System.out.println("  welljabber:   " + String.join(" ", app) + " --profile <PROFILE>");
        System.out.println("  welljabber+cds: " + String.join(" ", cds) + " --profile <PROFILE>");
        System.out.println("  javafx-floor: " + String.join(" ", bare));
        for (Variant variant : imageVariants) {
            StringBuilder env = new StringBuilder();
            variant.env().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> env.append(e.getKey()).append("='").append(e.getValue()).append("' "));
            System.out.println("  " + variant.name() + ": " + env + String.join(" ", variant.command()) + " --profile <PROFILE>");
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: StartupBench --floor DIR [--root DIR] [--runs N] [--timeout S] [--java PATH]"
                + " [--idle-wait S] [--keep-profiles] [--image DIR] [--compare-image NAME=DIR ...] [--variants A,B,...]");
        System.exit(2);
    }

    private static void print(String label, Variant variant, Sample sample) {
        System.out.printf(Locale.ROOT, "  %s %-13s shown %6.0f ms  exit %6.0f ms  self %6d ms  other %.2f%s%n", label,
                variant.name(), sample.shownMs(), sample.exitMs(), sample.selfMs(), sample.otherCores(),
                sample.disturbed() ? "  (disturbed)" : "");
    }

    private static Sample runOnce(Variant variant, int timeoutSeconds, boolean keepProfiles) throws Exception {
        waitForIdle();
        List<String> command = new ArrayList<>(variant.command());
        Path profile = null;
        if (variant.needsProfile()) {
            profile = Files.createTempDirectory("welljabber-bench-profile-");
            command.add("--profile");
            command.add(profile.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("WELLJABBER_JAVA_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("WELLJABBER_AOT");
        builder.environment().putAll(variant.env());
        List<Path> freshFolders = new ArrayList<>();
        for (var entry : variant.env().entrySet()) {
            if (FRESH_FOLDER.equals(entry.getValue())) {
                Path fresh = Files.createTempDirectory("welljabber-bench-fresh-");
                freshFolders.add(fresh);
                builder.environment().put(entry.getKey(), fresh.toString());
            }
        }
        long busyBefore = machineBusyTicks();
        long spawned = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> drain(process));
        // {nanoTime when seen, ms the child printed, machine busy ticks then, child CPU ticks then}
        CompletableFuture<long[]> shown = new CompletableFuture<>();
        StringBuilder out = new StringBuilder();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    long now = System.nanoTime();
                    if (!shown.isDone() && line.startsWith(variant.marker())) {
                        long busy = machineBusyTicks();
                        long child = processCpuTicks(process.pid());
                        long self = Long.parseLong(line.substring(variant.marker().length()).trim());
                        shown.complete(new long[] {now, self, busy, child});
                    } else {
                        out.append(line).append('\n');
                    }
                }
            } catch (IOException | NumberFormatException e) {
                shown.completeExceptionally(e);
            }
            shown.complete(null);
        });
        try {
            boolean exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            long gone = System.nanoTime();
            if (!exited) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new RunFailed(variant.name() + " did not exit within " + timeoutSeconds + " s\n  command: "
                        + String.join(" ", command) + "\n" + tail(out, errors));
            }
            reader.join(5_000);
            long[] seen = shown.getNow(null);
            if (process.exitValue() != 0 || seen == null) {
                throw new RunFailed(variant.name() + " exited with " + process.exitValue()
                        + (seen == null ? " without printing '" + variant.marker().trim() + "'" : "") + "\n  command: "
                        + String.join(" ", command) + "\n" + tail(out, errors));
            }
            double shownSeconds = (seen[0] - spawned) / 1e9;
            double otherCores = seen[3] < 0 ? Double.NaN
                    : Math.max(0, (seen[2] - busyBefore - seen[3]) / TICKS_PER_SECOND / shownSeconds);
            return new Sample(shownSeconds * 1000, (gone - spawned) / 1e6, seen[1], otherCores);
        } finally {
            if (profile != null && !keepProfiles) {
                deleteTree(profile);
            }
            for (Path fresh : freshFolders) {
                deleteTree(fresh);
            }
        }
    }

    /** Waits until the machine has been idle for half a second, within what is left of the --idle-wait budget. */
    private static void waitForIdle() throws InterruptedException {
        while (idleBudgetMillis > 0) {
            long before = machineBusyTicks();
            Thread.sleep(500);
            idleBudgetMillis -= 500;
            double busyCores = (machineBusyTicks() - before) / TICKS_PER_SECOND / 0.5;
            if (before < 0 || busyCores <= 0.1) {
                return;
            }
            if (idleBudgetMillis <= 0) {
                System.out.println("  (the machine stays busy; no more waiting for it to be idle)");
            }
        }
    }

    /** Busy time of all CPUs since boot, in ticks (everything but idle and iowait), or -1. */
    private static long machineBusyTicks() {
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
            String[] fields = cpu.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime of a live process, in ticks, or -1. */
    private static long processCpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String tail(StringBuilder out, CompletableFuture<String> errors) {
        String err;
        try {
            err = errors.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            err = "(stderr not available: " + e + ")";
        }
        return "--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }

    private static String drain(Process process) {
        try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> extraOptions() {
        String value = System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").trim();
        return value.isEmpty() ? List.of() : List.of(value.split("\\s+"));
    }

    private static String javaVersion(String java) throws IOException, InterruptedException {
        Process version = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor();
        return java + ": " + text.lines().skip(1).findFirst().orElse(text.strip());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double median(List<Sample> samples, ToDoubleFunction<Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).min().orElseThrow();
    }

    static double max(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).max().orElseThrow();
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
