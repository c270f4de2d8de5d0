package welljabber.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowGeometryTest {

    @Test
    void formatAndParseRoundTrip() {
        WindowGeometry geometry = new WindowGeometry(120, -40, 1280, 800, true);
        assertEquals("120,-40,1280,800,true", geometry.format());
        assertEquals(geometry, WindowGeometry.parse(geometry.format()));
    }

    @Test
    void fractionsAreRoundedToWholePixels() {
        WindowGeometry parsed = WindowGeometry.parse(new WindowGeometry(10.4, 20.6, 900.5, 600.2, false).format());
        assertEquals(new WindowGeometry(10, 21, 901, 600, false), parsed);
    }

    @Test
    void formatIgnoresTheDefaultLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("1,2,1000,700,false", new WindowGeometry(1, 2, 1000, 700, false).format());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void defaultRoundTripsAndHasNoPosition() {
        assertFalse(WindowGeometry.DEFAULT.hasPosition());
        WindowGeometry parsed = WindowGeometry.parse(WindowGeometry.DEFAULT.format());
        assertEquals(WindowGeometry.DEFAULT, parsed);
        assertFalse(parsed.hasPosition());
        assertTrue(new WindowGeometry(0, 0, 800, 600, false).hasPosition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "1,2,3,4", "1,2,800,600,true,extra", "a,b,c,d,e", "1,2,wide,600,false",
        ",,,,", "1;2;800;600;false"})
    void corruptTextGivesTheDefault(String text) {
        assertEquals(WindowGeometry.DEFAULT, WindowGeometry.parse(text));
    }

    @Test
    void minimumSizesAreEnforced() {
        WindowGeometry tiny = WindowGeometry.parse("5,6,10,-20,false");
        assertEquals(480, tiny.width());
        assertEquals(360, tiny.height());
        assertEquals(5, tiny.x());
        assertEquals(6, tiny.y());
        WindowGeometry large = WindowGeometry.parse("5,6,2000,1500,false");
        assertEquals(2000, large.width());
        assertEquals(1500, large.height());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0,0,NaN,NaN,false", "0,0,Infinity,600,false", "0,0,800,-Infinity,false", "NaN,NaN,NaN,NaN,true"})
    void nonFiniteSizesNeverEscapeTheMinimum(String text) {
        // A stage that was never shown reports NaN sizes; they must not come back as the window size.
        WindowGeometry parsed = WindowGeometry.parse(text);
        assertTrue(Double.isFinite(parsed.width()) && parsed.width() >= 480, text + " -> " + parsed);
        assertTrue(Double.isFinite(parsed.height()) && parsed.height() >= 360, text + " -> " + parsed);
    }
}
