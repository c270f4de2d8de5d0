package welljabber.app.settings;

import java.util.Locale;

/** Where the main window was and how big, so it opens the same way next time. */
public record WindowGeometry(double x, double y, double width, double height, boolean maximized) {
    public static final WindowGeometry DEFAULT = new WindowGeometry(Double.NaN, Double.NaN, 1024, 700, false);
    private static final double MIN_WIDTH = 480;
    private static final double MIN_HEIGHT = 360;

    public static WindowGeometry parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 5) {
            return DEFAULT;
        }
        try {
            double width = Double.parseDouble(parts[2]);
            double height = Double.parseDouble(parts[3]);
            if (!Double.isFinite(width) || !Double.isFinite(height)) {
                // A stage that was never shown reports NaN; Math.max would let NaN through.
                return DEFAULT;
            }
            return new WindowGeometry(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Math.max(MIN_WIDTH, width), Math.max(MIN_HEIGHT, height), Boolean.parseBoolean(parts[4]));
        } catch (NumberFormatException corrupt) {
            return DEFAULT;
        }
    }

    public String format() {
        return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%b", x, y, width, height, maximized);
    }

    public boolean hasPosition() {
        return !Double.isNaN(x) && !Double.isNaN(y);
    }
}
