package welljabber.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The printed block of a benchmark run: one row per figure with median, min, max and the number of
 * samples, under section headings. Only formats; it judges nothing (benchmarks assert correctness,
 * never timings).
 */
public final class BenchTable {

    private static final String ROW = "  %-60s %10s %10s %10s %5s%n";

    private final String title;
    private final List<String> lines = new ArrayList<>();

    public BenchTable(String title) {
        this.title = title;
    }

    /** Starts a section, for example {@code "raw Smack 4.4.8 (floor)"}. */
    public BenchTable section(String heading) {
        lines.add(heading);
        lines.add(String.format(Locale.ROOT, ROW, "", "median", "min", "max", "n").stripTrailing());
        return this;
    }

    /** A row of durations given in nanoseconds, shown in milliseconds. */
    public BenchTable millis(String label, List<Long> nanos) {
        return row(label, nanos.stream().mapToDouble(n -> n / 1e6).toArray(), "%.1f ms");
    }

    /** A row of sizes given in bytes, shown in MiB. */
    public BenchTable mebibytes(String label, List<Long> bytes) {
        return row(label, bytes.stream().mapToDouble(b -> b / (1024.0 * 1024.0)).toArray(), "%.2f MiB");
    }

    /** A free line, for a note or a figure that is not a sample set. */
    public BenchTable note(String text) {
        lines.add("  " + text);
        return this;
    }

    private BenchTable row(String label, double[] values, String format) {
        if (values.length == 0) {
            lines.add(String.format(Locale.ROOT, ROW, label, "-", "-", "-", "0").stripTrailing());
            return this;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        lines.add(String.format(Locale.ROOT, ROW, label, String.format(Locale.ROOT, format, median),
                String.format(Locale.ROOT, format, sorted[0]), String.format(Locale.ROOT, format, sorted[n - 1]), n).stripTrailing());
        return this;
    }

    /** The whole block, framed so it stands out in a build log. */
    public String render() {
        String rule = "=".repeat(Math.max(title.length() + 4, 100));
        StringBuilder out = new StringBuilder();
        out.append(rule).append('\n').append("=== ").append(title).append('\n').append(rule).append('\n');
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.append(rule).append('\n').toString();
    }

    /**
     * Prints the block, and writes it to {@code fileName} in the folder {@code -Dwelljabber.benchResults}
     * names (the pom sets it): surefire sends test output to its report files, the bench scripts read this one.
     */
    public void publish(String fileName) throws IOException {
        String block = render();
        System.out.print(block);
        String folder = System.getProperty("welljabber.benchResults");
        if (folder != null) {
            Path file = Path.of(folder, fileName);
            Files.createDirectories(file.getParent());
            Files.writeString(file, block, StandardCharsets.UTF_8);
        }
    }
}
