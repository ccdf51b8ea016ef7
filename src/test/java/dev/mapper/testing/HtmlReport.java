package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Reads the parts of a matrix HTML report as text, the way a reviewer of the file would. */
public final class HtmlReport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlReport() {
    }

    /** The Content-Security-Policy of the page's meta tag. */
    public static String policy(String html) {
        Matcher m = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no Content-Security-Policy meta tag");
        }
        return m.group(1);
    }

    /** The contents of every element of the tag, e.g. every {@code <script>}, whatever its attributes. */
    public static List<String> contents(String html, String tag) {
        Matcher m = Pattern.compile("<" + tag + "(\\s[^>]*)?>(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(2));
        }
        return found;
    }

    /**
     * The name of every attribute of every tag outside scripts and styles. Attribute values are read as quoted
     * strings, so text in a value that looks like an attribute (escaped data) is not taken for one.
     */
    public static List<String> attributeNames(String html) {
        String markup = html.replaceAll("(?s)<(script|style)([^>]*)>.*?</\\1>", "<$1$2>");
        Matcher tags = Pattern.compile("<[a-zA-Z][a-zA-Z0-9]*((?:\\s+[^\\s=>\"]+(?:=\"[^\"]*\")?)*)\\s*/?>")
                .matcher(markup);
        List<String> names = new ArrayList<>();
        while (tags.find()) {
            Matcher attributes = Pattern.compile("\\s+([^\\s=>\"]+)(?:=\"[^\"]*\")?").matcher(tags.group(1));
            while (attributes.find()) {
                names.add(attributes.group(1));
            }
        }
        return names;
    }

    /** {@code 'sha256-…'}, as a policy names an inline script or style. */
    public static String hashSource(String content) {
        try {
            return "'sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8))) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON document the page carries (base64 of gzip in the {@code report-data} block). */
    public static JsonNode data(String html) {
        Matcher m = Pattern.compile("<script type=\"text/plain\" id=\"report-data\"[^>]*>([^<]*)</script>").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no report-data block");
        }
        byte[] gzip = Base64.getMimeDecoder().decode(m.group(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
