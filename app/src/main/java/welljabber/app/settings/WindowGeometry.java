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
            return new WindowGeometry(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Math.max(MIN_WIDTH, Double.parseDouble(parts[2])), Math.max(MIN_HEIGHT, Double.parseDouble(parts[3])),
                    Boolean.parseBoolean(parts[4]));
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
