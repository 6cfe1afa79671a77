package dev.faultline.report.html;

/** Escaping for text placed in HTML, and for JSON placed in a script element. */
final class Html {
    private Html() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * JSON that can sit inside {@code <script>}: every {@code <} (which JSON has only inside strings) becomes the
     * string escape {@code \u003c}, so nothing in the data can close the element early.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }
}
