package dev.mapper.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

/**
 * An HTTP server on 127.0.0.1 for tests that download: it serves the files it is given with an ETag, Last-Modified
 * and byte ranges, answers conditional requests with 304, and misbehaves on request: once per scripted
 * {@link Trouble}, in order, for a path. It records each request and counts the body bytes it sent.
 */
public final class FixtureServer implements AutoCloseable {

    /** One misbehaviour, for the next request of a path. */
    public sealed interface Trouble {
    }

    /** Answers with this status and a short body. */
    public record Status(int code) implements Trouble {
    }

    /** Sends the headers and this many bytes of the body, then closes the connection. */
    public record Cut(int afterBytes) implements Trouble {
    }

    /** Sends this many bytes, waits, then sends the rest. */
    public record Stall(int afterBytes, Duration pause) implements Trouble {
    }

    /** Sends the body in pieces of this size with a pause between them. */
    public record Trickle(int pieceBytes, Duration pause) implements Trouble {
    }

    /** One request as received: method, path, and the headers a download test looks at. */
    public record Request(String method, String path, String ifNoneMatch, String range) {
    }

    private static final String LAST_MODIFIED = "Wed, 01 Jan 2025 00:00:00 GMT";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Deque<Trouble>> troubles = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong bodyBytes = new AtomicLong();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The URL of a path on this server ({@code /index.json}). */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public FixtureServer serve(String path, byte[] body) {
        files.put(path, body);
        return this;
    }

    /** What the server serves at the path. */
    public byte[] body(String path) {
        return files.get(path);
    }

    public FixtureServer trouble(String path, Trouble... next) {
        troubles.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(next));
        return this;
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public List<Request> requests(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Body bytes sent in 200 and 206 answers since the last reset. */
    public long bodyBytes() {
        return bodyBytes.get();
    }

    public void resetCounts() {
        requests.clear();
        bodyBytes.set(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String range = exchange.getRequestHeaders().getFirst("Range");
            requests.add(new Request(exchange.getRequestMethod(), path, ifNoneMatch, range));
            Deque<Trouble> scripted = troubles.get(path);
            Trouble trouble = scripted == null ? null : scripted.poll();
            byte[] body = files.get(path);
            if (trouble instanceof Status status) {
                sendSmall(exchange, status.code(), "<html><body>error " + status.code() + "</body></html>");
                return;
            }
            if (body == null) {
                sendSmall(exchange, 404, "<html><body>404 Not Found</body></html>");
                return;
            }
            String etag = etag(body);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            int start = 0;
            String ifRange = exchange.getRequestHeaders().getFirst("If-Range");
            if (range != null && range.startsWith("bytes=") && range.endsWith("-") && etag.equals(ifRange)) {
                start = Integer.parseInt(range.substring(6, range.length() - 1));
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/"
                        + body.length);
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length - start));
            exchange.sendResponseHeaders(start > 0 ? 206 : 200, head ? -1 : body.length - start);
            if (!head) {
                send(exchange.getResponseBody(), body, start, trouble);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the connection was cut on purpose
        }
    }

    private void send(OutputStream out, byte[] body, int start, Trouble trouble) throws IOException,
            InterruptedException {
        int length = body.length - start;
        if (trouble instanceof Cut cut) {
            write(out, body, start, Math.min(cut.afterBytes(), length));
            throw new IOException("cut"); // closing the exchange short of the length drops the connection
        }
        if (trouble instanceof Stall stall) {
            int first = Math.min(stall.afterBytes(), length);
            write(out, body, start, first);
            Thread.sleep(stall.pause().toMillis());
            write(out, body, start + first, length - first);
            return;
        }
        if (trouble instanceof Trickle trickle) {
            for (int sent = 0; sent < length; sent += trickle.pieceBytes()) {
                write(out, body, start + sent, Math.min(trickle.pieceBytes(), length - sent));
                Thread.sleep(trickle.pause().toMillis());
            }
            return;
        }
        write(out, body, start, length);
    }

    private void write(OutputStream out, byte[] body, int offset, int length) throws IOException {
        out.write(body, offset, length);
        out.flush();
        bodyBytes.addAndGet(length);
    }

    private static void sendSmall(HttpExchange exchange, int code, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(code, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String etag(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return "\"" + Long.toHexString(crc.getValue()) + "-" + body.length + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
