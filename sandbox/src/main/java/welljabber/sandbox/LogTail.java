package welljabber.sandbox;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the end of log files, for error messages. */
final class LogTail {

    private LogTail() {
    }

    /** The last {@code lines} lines of {@code text}. */
    static String lastLines(String text, int lines) {
        int end = text.endsWith("\n") ? text.length() - 1 : text.length();
        int start = end;
        for (int found = 0; start > 0; ) {
            if (text.charAt(start - 1) == '\n' && ++found == lines) {
                break;
            }
            start--;
        }
        return text.substring(start, end);
    }

    /** The last {@code lines} lines of a file (reading at most its last 64 KiB); empty if it does not exist. */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - 65536);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            return lastLines(new String(bytes, StandardCharsets.UTF_8), lines);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** The text of a file from byte offset {@code from} on; empty if it does not exist. */
    static String from(Path file, long from) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= from) {
                return "";
            }
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The size of a file, or 0 if it does not exist. */
    static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
