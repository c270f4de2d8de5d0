package welljabber.sandbox;

/** Writes Lua literals for Prosody's configuration and data files. */
final class LuaText {

    private LuaText() {
    }

    /**
     * A double-quoted Lua string literal. Backslash, quote and control characters are escaped
     * (control characters as three-digit decimal escapes, so a following digit cannot join them);
     * everything else, including non-ASCII text, is kept as is (files are written as UTF-8).
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append('\\').append(String.format("%03d", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
