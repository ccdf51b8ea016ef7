package dev.mapper.model;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the version strings mapping files use: dates ({@code 12/12/2024}, {@code 7/28/2025}), revisions
 * ({@code rev5}) and dotted numbers ({@code 16.1}, {@code 1.3.7}). Numbers compare as numbers, not as text.
 */
public final class Versions {

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern PARTS = Pattern.compile("\\d+|\\D+");

    // Not Versions::compare: a method reference costs ~0.1 ms to link in a cold JVM, and every run initialises this
    // class (docs/performance.md).
    public static final Comparator<String> ORDER = new Comparator<>() {
        @Override
        public int compare(String a, String b) {
            return Versions.compare(a, b);
        }
    };

    private Versions() {
    }

    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return compareParts(normalise(a), normalise(b));
    }

    /** Dates become YYYY.MM.DD so they order by time; anything else stays as it is. */
    private static String normalise(String version) {
        Matcher m = DATE.matcher(version.trim());
        if (m.matches()) {
            return m.group(3) + "." + m.group(1) + "." + m.group(2);
        }
        return version.trim().toLowerCase(Locale.ROOT);
    }

    private static int compareParts(String a, String b) {
        Matcher ma = PARTS.matcher(a);
        Matcher mb = PARTS.matcher(b);
        while (true) {
            boolean hasA = ma.find();
            boolean hasB = mb.find();
            if (!hasA || !hasB) {
                return Boolean.compare(hasA, hasB);
            }
            String pa = ma.group();
            String pb = mb.group();
            int c;
            if (Character.isDigit(pa.charAt(0)) && Character.isDigit(pb.charAt(0))) {
                c = new BigInteger(pa).compareTo(new BigInteger(pb));
            } else {
                c = pa.compareTo(pb);
            }
            if (c != 0) {
                return c;
            }
        }
    }
}
