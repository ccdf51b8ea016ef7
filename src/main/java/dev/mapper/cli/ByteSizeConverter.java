package dev.mapper.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses a size such as {@code 1000000}, {@code 512K}, {@code 256M} or {@code 2G} (binary units) into bytes. */
final class ByteSizeConverter implements CommandLine.ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})\\s*([KMG]?)(?:I?B)?", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        Matcher m = SIZE.matcher(value.trim());
        try {
            if (m.matches()) {
                int shift = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    case "G" -> 30;
                    default -> 0;
                };
                long bytes = Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
                if (bytes > 0) {
                    return bytes;
                }
            }
        } catch (ArithmeticException tooLarge) {
            // reported below like any other value that is not a size
        }
        throw new CommandLine.TypeConversionException(
                "'" + value + "' is not a size (expected a positive number of bytes, or with K, M or G: 512M, 2G)");
    }
}
