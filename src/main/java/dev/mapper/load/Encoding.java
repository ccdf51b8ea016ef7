package dev.mapper.load;

/**
 * Recognises the encodings JSON text may come in (RFC 8259 §8.1 requires UTF-8; older JSON allowed UTF-16 and
 * UTF-32, which Jackson would decode silently). mapper reads UTF-8 only, so that every file means the same thing
 * to every tool; the rest are named in a clear error.
 */
final class Encoding {

    /** Bytes enough to tell the encodings apart. */
    static final int HEAD_LENGTH = 4;

    private Encoding() {
    }

    /**
     * The name of the encoding the first bytes of a JSON text show, when it is not UTF-8; null for UTF-8 (with or
     * without a byte order mark) and for anything that shows no encoding (which the JSON parser then judges).
     */
    static String notUtf8(byte[] head) {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xff : -1;
        int b1 = n > 1 ? head[1] & 0xff : -1;
        int b2 = n > 2 ? head[2] & 0xff : -1;
        int b3 = n > 3 ? head[3] & 0xff : -1;
        if (b0 == 0x00 && b1 == 0x00 && b2 == 0xfe && b3 == 0xff) {
            return "UTF-32BE (with a byte order mark)";
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0x00 && b3 == 0x00) {
            return "UTF-32LE (with a byte order mark)";
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return "UTF-16BE (with a byte order mark)";
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return "UTF-16LE (with a byte order mark)";
        }
        // JSON text starts with an ASCII character, so zero bytes among the first four mean UTF-16 or UTF-32.
        if (n >= 4 && b0 == 0 && b1 == 0 && b2 == 0 && b3 != 0) {
            return "UTF-32BE";
        }
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 == 0 && b3 == 0) {
            return "UTF-32LE";
        }
        if (n >= 2 && b0 == 0 && b1 != 0) {
            return "UTF-16BE";
        }
        if (n >= 2 && b0 != 0 && b1 == 0) {
            return "UTF-16LE";
        }
        return null;
    }

    /** The one line users see for a file in another encoding. */
    static String problem(String encoding) {
        return "the file is encoded as " + encoding + "; mapper reads UTF-8 only (convert it, e.g. with iconv -t UTF-8)";
    }

    /** True for Jackson's report of a byte sequence that is not UTF-8 (a Latin-1 or Windows-1252 file, say). */
    static boolean isInvalidUtf8(String jacksonMessage) {
        return jacksonMessage != null && jacksonMessage.startsWith("Invalid UTF-8");
    }

    /** The one line users see for bytes that are not UTF-8, from Jackson's description of them. */
    static String invalidUtf8Problem(String jacksonMessage) {
        return "not valid UTF-8 (" + jacksonMessage.replace("Invalid UTF-8 ", "")
                + "); mapper reads UTF-8 only: was the file saved as Latin-1 or Windows-1252?";
    }
}
