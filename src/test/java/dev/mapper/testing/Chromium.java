package dev.mapper.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket on 127.0.0.1, the JDK's own client), for tests
 * that look at a page as a user's browser shows it. One page; every event the browser sends is kept, so a test can
 * ask afterwards what was requested, logged or thrown. Started with the flags a closed network and a root user need
 * (no sandbox, no background networking) and a fresh profile; {@link #close} ends the browser and its processes
 * and deletes the profile.
 */
public final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Thread stopper;
    private final Path profile;
    private final WebSocket socket;
    private final String session;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();

    /**
     * The browser: {@code $MAPPER_CHROMIUM}, else chromium, chromium-browser or google-chrome on the PATH; empty when
     * there is none (CI installs Debian's chromium, see .ci/run).
     */
    public static Optional<Path> find() {
        String own = System.getenv("MAPPER_CHROMIUM");
        if (own != null && !own.isBlank()) {
            return Optional.of(Path.of(own)).filter(Files::isExecutable);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of("chromium", "chromium-browser", "google-chrome")
                .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser with a new profile in {@code profile} and opens a blank page. */
    public static Chromium start(Path browser, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        // A test JVM that is stopped (Ctrl-C, a mutation-testing timeout) never calls close: stop the browser then too.
        Thread stopper = new Thread(() -> stop(process), "stop chromium");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            return new Chromium(process, stopper, profile, endpoint(process, profile.resolve("DevToolsActivePort")));
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    /** The browser's WebSocket address, from the file it writes once it listens: port, then path. */
    private static URI endpoint(Process process, Path activePort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(activePort)) {
                List<String> lines = Files.readAllLines(activePort);
                if (lines.size() >= 2) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            if (!process.isAlive()) {
                throw new IOException("chromium exited with " + process.exitValue() + " before listening");
            }
            Thread.sleep(50);
        }
        throw new IOException("chromium did not start listening within " + TIMEOUT);
    }

    private Chromium(Process process, Thread stopper, Path profile, URI endpoint) throws IOException {
        this.process = process;
        this.stopper = stopper;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(endpoint, new Listener()).join();
        String target = call(null, "Target.createTarget", params().put("url", "about:blank"))
                .path("targetId").asText();
        this.session = call(null, "Target.attachToTarget", params().put("targetId", target).put("flatten", true))
                .path("sessionId").asText();
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
            send(domain + ".enable", params());
        }
    }

    /** An empty parameter object to fill in. */
    public static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Calls a DevTools method on the page and returns its result; an error answer fails. */
    public JsonNode send(String method, ObjectNode params) {
        return call(session, method, params);
    }

    private JsonNode call(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = params().put("id", id).put("method", method);
        message.set("params", params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        sendText(socket, message);
        JsonNode reply = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (reply.has("error")) {
            throw new IllegalStateException(method + " failed: " + reply.get("error"));
        }
        return reply.path("result");
    }

    /** One message at a time: the WebSocket refuses a send while another is under way. */
    private synchronized void sendText(WebSocket webSocket, ObjectNode message) {
        webSocket.sendText(message.toString(), true).join();
    }

    /** The value of a JavaScript expression on the page (promises awaited), as JSON. */
    public JsonNode evaluate(String expression) {
        JsonNode result = send("Runtime.evaluate", params().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw evaluating " + expression + ": "
                    + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is true on the page. */
    public void waitFor(String expression) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!evaluate("Boolean(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expression);
            }
            Thread.sleep(50);
        }
    }

    /** Opens the page and waits for its load event. */
    public void open(URI page) throws InterruptedException {
        int loadsBefore = events("Page.loadEventFired").size();
        send("Page.navigate", params().put("url", page.toString()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (events("Page.loadEventFired").size() == loadsBefore) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out loading " + page);
            }
            Thread.sleep(50);
        }
    }

    /** Scrolls the element the CSS selector finds into view, moves the mouse to its middle, and clicks there. */
    public void click(String selector) {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.valueToTree(selector)
                + "); e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect(); "
                + "return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        double x = box.path("x").asDouble();
        double y = box.path("y").asDouble();
        send("Input.dispatchMouseEvent", params().put("type", "mouseMoved").put("x", x).put("y", y));
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", params().put("type", type).put("x", x).put("y", y)
                    .put("button", "left").put("clickCount", 1));
        }
    }

    /** A PNG of what the window shows. */
    public byte[] screenshot() {
        JsonNode shot = send("Page.captureScreenshot", params().put("format", "png"));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    /** The events received so far that match. */
    public List<JsonNode> events(Predicate<JsonNode> matching) {
        synchronized (events) {
            return events.stream().filter(matching).toList();
        }
    }

    /** The events of a method received so far, e.g. {@code Network.requestWillBeSent}. */
    public List<JsonNode> events(String method) {
        return events(e -> method.equals(e.path("method").asText()));
    }

    /**
     * What the page has reported as an error so far: uncaught exceptions, {@code console.error} calls, and the
     * browser's own error messages (a Content-Security-Policy violation, a resource that failed to load).
     */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        events("Runtime.exceptionThrown").forEach(e -> errors.add("exception: "
                + e.path("params").path("exceptionDetails").path("exception").path("description").asText(
                        e.path("params").path("exceptionDetails").path("text").asText())));
        events("Runtime.consoleAPICalled").stream()
                .filter(e -> e.path("params").path("type").asText().equals("error"))
                .forEach(e -> errors.add("console.error: " + e.path("params").path("args")));
        events("Log.entryAdded").stream()
                .filter(e -> e.path("params").path("entry").path("level").asText().equals("error"))
                .forEach(e -> errors.add(e.path("params").path("entry").path("source").asText() + ": "
                        + e.path("params").path("entry").path("text").asText()));
        return errors;
    }

    /** The URL of every request the page has made so far, the page's own included. */
    public List<String> requests() {
        return events("Network.requestWillBeSent").stream()
                .map(e -> e.path("params").path("request").path("url").asText()).toList();
    }

    /** The URL of every request the browser refused to make, with why: {@code url → csp}. */
    public Map<String, String> blocked() {
        Map<String, String> urls = new HashMap<>();
        events("Network.requestWillBeSent").forEach(e -> urls.put(e.path("params").path("requestId").asText(),
                e.path("params").path("request").path("url").asText()));
        Map<String, String> blocked = new TreeMap<>();
        events("Network.loadingFailed").stream().filter(e -> e.path("params").has("blockedReason"))
                .forEach(e -> blocked.put(urls.get(e.path("params").path("requestId").asText()),
                        e.path("params").path("blockedReason").asText()));
        return blocked;
    }

    /** The messages of every dialog (alert, confirm, prompt) the page has opened so far. */
    public List<String> dialogs() {
        return events("Page.javascriptDialogOpening").stream()
                .map(e -> e.path("params").path("message").asText()).toList();
    }

    /** Sets the size of the window the page is laid out in. */
    public void viewport(int width, int height) {
        send("Emulation.setDeviceMetricsOverride", params().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).join();
        } catch (RuntimeException e) {
            // the browser may be gone already; it is stopped below either way
        }
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway, and finds the browser stopped
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a profile left behind is only litter
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Collects a message's parts, answers calls by id, and keeps every event. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode message = read(text.toString());
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else {
                    synchronized (events) {
                        events.add(message);
                    }
                    if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
                        dismiss(webSocket, message.path("sessionId").asText());
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        /** A dialog would stop the page until answered: dismiss it (it is kept among the events). */
        private void dismiss(WebSocket webSocket, String sessionId) {
            ObjectNode message = params().put("id", ids.incrementAndGet()).put("method", "Page.handleJavaScriptDialog")
                    .put("sessionId", sessionId);
            message.putObject("params").put("accept", false);
            sendText(webSocket, message);
        }

        private JsonNode read(String message) {
            try {
                return JSON.readTree(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
