package io.loopguard.agent.catalogue;

/**
 * Masks literals in SQL text, as the contract requires: string literals ({@code '…'}, also {@code E'…'} and
 * PostgreSQL dollar quotes) and numbers become {@code ?}. Identifiers, quoted identifiers, comments and existing
 * {@code ?} parameters are kept. Long statements are cut, so one odd statement cannot make the data file huge.
 */
public final class SqlMasker {
    static final int MAX_LENGTH = 2000;

    private SqlMasker() {
    }

    public static String mask(String sql) {
        if (sql == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(sql.length(), MAX_LENGTH) + 8);
        int n = sql.length();
        int i = 0;
        while (i < n && out.length() < MAX_LENGTH) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = skipQuoted(sql, i, '\'');
                out.append('?');
            } else if ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'' && !identifierBefore(sql, i)) {
                i = skipQuoted(sql, i + 1, '\'');
                out.append('?');
            } else if (c == '"') {
                int end = skipQuoted(sql, i, '"');
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                i = close < 0 ? n : close + tag.length();
                out.append('?');
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (Character.isDigit(c) && !identifierBefore(sql, i)) {
                i = skipNumber(sql, i);
                out.append('?');
            } else {
                out.append(c);
                i++;
            }
        }
        if (i < n) {
            out.append('…');
        }
        return out.toString();
    }

    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (sql.charAt(i) == '\\' && quote == '\'') {
                i++;
            }
            i++;
        }
        return sql.length();
    }

    private static int skipNumber(String sql, int start) {
        int i = start;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            boolean exponentSign = (c == '+' || c == '-') && i > start && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean identifierBefore(String sql, int i) {
        if (i == 0) {
            return false;
        }
        char before = sql.charAt(i - 1);
        return Character.isLetterOrDigit(before) || before == '_' || before == '$' || before == '"' || before == '.' && i >= 2
                && Character.isLetter(sql.charAt(i - 2));
    }

    /** End index of a {@code $tag$} opening at {@code i}, or -1. */
    private static int dollarTagEnd(String sql, int i) {
        if (identifierBefore(sql, i)) {
            return -1;
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        if (j < sql.length() && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
            return j + 1;
        }
        return -1;
    }
}
