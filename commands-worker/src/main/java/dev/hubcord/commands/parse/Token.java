package dev.hubcord.commands.parse;

/** One word of the raw text; a quoted word is never read as a flag. */
record Token(String text, boolean quoted) {

    boolean looksLikeFlag() {
        return !quoted && text.length() > 1 && text.charAt(0) == '-' && !isNumber(text);
    }

    private static boolean isNumber(String s) {
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
