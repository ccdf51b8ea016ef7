package dev.mapper.pull;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Fetches one URL into a file with Java's HttpClient: HTTPS (plain HTTP only when allowed), the proxy of the
 * environment, a timeout for the response and for every pause in the body, conditional requests (an unchanged file
 * is not sent again), and retries with exponential backoff for what may pass (a 5xx, 429, a timeout, a connection
 * cut), resuming a cut body where it stopped when the server allows. A host that cannot be reached fails at once:
 * without a network there is nothing to wait for. {@code file:} URLs (a mirror on a local disk) are copied.
 */
public final class Downloader {

    /**
     * How downloads behave: the time to connect, the longest wait for a response or between two pieces of a
     * body, how many times a failure that may pass is retried, the first pause between attempts (doubled each
     * time), whether plain http is allowed, and the environment the proxy is read from.
     */
    public record Settings(Duration connectTimeout, Duration timeout, int retries, Duration backoff,
                           boolean allowHttp, UnaryOperator<String> environment) {
    }

    /** What the server said a file was, to ask next time whether it changed. */
    public record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** The outcome: the file was written ({@code size} bytes), or the server said it had not changed. */
    public record Result(boolean notModified, long size, Validators validators) {
    }

    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;

    static {
        // The JDK refuses Basic credentials for the tunnel of an https download through a proxy unless this allows
        // them (net.properties), and reads it once, as its HTTP client starts: set before any. Only credentials that
        // a proxy variable gives are ever sent, as curl sends them; a -D setting of the user's own wins.
        System.getProperties().putIfAbsent("jdk.http.auth.tunneling.disabledSchemes", "");
    }

    private final Settings settings;
    private final HttpClient client;
    /** The credentials the proxy variables give; null when none. */
    private final EnvironmentProxySelector.ProxyCredentials credentials;

    public Downloader(Settings settings) {
        this.settings = settings;
        EnvironmentProxySelector proxies = new EnvironmentProxySelector(settings.environment());
        proxies.check();
        HttpClient.Builder client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .proxy(proxies);
        credentials = proxies.credentials();
        if (credentials != null) {
            client.authenticator(credentials);
        }
        this.client = client.build();
    }

    /**
     * Fetches the URL into {@code target} (created or truncated), unless {@code known} validators show the
     * server's copy unchanged. A failure is a {@link PullException}; {@code target} may then hold part of the body.
     * A part of the same URL that an earlier run left in {@code target}, with its {@link #resumeFile}, is resumed
     * where it stopped when the server's copy has not changed since (If-Range), as a cut within one run is.
     */
    public Result fetch(URI url, Validators known, Path target, Progress progress) {
        checkScheme(url);
        if ("file".equalsIgnoreCase(url.getScheme())) {
            return copy(url, target, progress);
        }
        Partial partial = Partial.leftIn(target, url);
        for (int attempt = 0; ; attempt++) {
            Attempt current = new Attempt(url, known, partial, target, progress);
            try {
                return current.run();
            } catch (Retryable e) {
                partial = current.partial();
                if (attempt >= settings.retries()) {
                    String tries = attempt == 0 ? "" : " (" + (attempt + 1) + " attempts)";
                    throw new PullException(PullException.Kind.NETWORK, url + ": " + e.getMessage() + tries, e);
                }
                pause(attempt, e.retryAfter());
            } finally {
                progress.finished();
            }
        }
    }

    /** The size the server gives for the URL (HEAD), or -1 when it does not say. */
    public long size(URI url) {
        checkScheme(url);
        if ("file".equalsIgnoreCase(url.getScheme())) {
            try {
                return Files.size(Path.of(url));
            } catch (IOException e) {
                throw new PullException(PullException.Kind.NETWORK, url + ": " + e.getMessage(), e);
            }
        }
        HttpRequest request = request(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new PullException(PullException.Kind.NETWORK, url + ": " + status(response.statusCode()), null);
            }
            return response.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (IOException e) {
            throw failure(url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullException(PullException.Kind.NETWORK, url + ": interrupted", e);
        }
    }

    private void checkScheme(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !settings.allowHttp()) {
            throw new PullException(PullException.Kind.USAGE, url + ": plain http is refused (a download could be "
                    + "changed on the way); use https, or --allow-http for a mirror you trust", null);
        }
        if (!List.of("https", "http", "file").contains(scheme)) {
            throw new PullException(PullException.Kind.USAGE, url + ": expected an https URL", null);
        }
    }

    private Result copy(URI url, Path target, Progress progress) {
        Path source = Path.of(url);
        try {
            progress.started(fileName(url), Files.size(source));
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            long size = Files.size(target);
            progress.advanced(size);
            return new Result(false, size, Validators.NONE);
        } catch (NoSuchFileException e) {
            throw new PullException(PullException.Kind.NOT_FOUND, source + ": no such file in the mirror", e);
        } catch (IOException e) {
            if (!Files.isReadable(source)) {
                throw new PullException(PullException.Kind.NETWORK, source + ": cannot read: " + e.getMessage(), e);
            }
            throw DataHome.cannotWrite(target, e);
        } finally {
            progress.finished();
        }
    }

    private HttpRequest.Builder request(URI url) {
        return HttpRequest.newBuilder(url).timeout(settings.timeout()).header("User-Agent", "mapper");
    }

    private void pause(int attempt, Duration retryAfter) {
        Duration pause = settings.backoff().multipliedBy(1L << Math.min(attempt, 16));
        if (retryAfter != null && retryAfter.compareTo(pause) > 0) {
            pause = retryAfter;
        }
        if (pause.compareTo(LONGEST_PAUSE) > 0) {
            pause = LONGEST_PAUSE;
        }
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PullException(PullException.Kind.NETWORK, "interrupted", e);
        }
    }

    /**
     * A failure to reach the server at all, or a proxy that refused the credentials given: not retried, so that a pull
     * without a network ends at once.
     */
    private PullException failure(URI url, IOException e) {
        if (credentials != null && credentials.refused(url)) {
            return new PullException(PullException.Kind.NETWORK, url + ": " + status(407), e);
        }
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            String why = e.getCause() instanceof java.nio.channels.UnresolvedAddressException
                    ? "unknown host" : e instanceof HttpConnectTimeoutException ? "connection timed out"
                    : e.getMessage() == null ? "connection refused" : e.getMessage();
            return new PullException(PullException.Kind.NETWORK, "cannot reach " + url.getHost() + ": " + why
                    + " (no network? behind a proxy, set https_proxy)", e);
        }
        return new PullException(PullException.Kind.NETWORK, url + ": " + e, e);
    }

    private static String status(int code) {
        return "HTTP " + code + switch (code) {
            case 401, 403 -> " (access denied)";
            case 404, 410 -> " (not found)";
            case 407 -> " (the proxy wants credentials, or refused those given: http://user:password@host:port in"
                    + " https_proxy)";
            default -> "";
        };
    }

    /**
     * Beside a download's target, what resuming it needs should the run end before the download does: the URL, and
     * the validator (a strong ETag, else Last-Modified) of the response being written.
     */
    public static Path resumeFile(Path target) {
        return target.resolveSibling(target.getFileName() + ".resume");
    }

    /** The body already on disk from an attempt that was cut, and the validator that says it is still current. */
    private record Partial(long bytes, String validator) {

        /** What an earlier run left of {@code url} in {@code target}; null when nothing usable. */
        static Partial leftIn(Path target, URI url) {
            try {
                List<String> lines = Files.readAllLines(resumeFile(target), StandardCharsets.UTF_8);
                long bytes = Files.size(target);
                return lines.size() == 2 && lines.get(0).equals(url.toString()) && bytes > 0
                        ? new Partial(bytes, lines.get(1)) : null;
            } catch (IOException e) {
                return null; // none (the usual case), or unreadable: the download starts over
            }
        }
    }

    /** A failure that another attempt may not meet. */
    private static final class Retryable extends Exception {
        private final Duration retryAfter;

        Retryable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** One request and the wait for its answer. */
    private final class Attempt {
        private final URI url;
        private final Validators known;
        private final Partial resumeFrom;
        private final Path target;
        private final Progress progress;
        private final AtomicReference<HttpResponse.ResponseInfo> info = new AtomicReference<>();
        private final AtomicReference<FileSubscriber> body = new AtomicReference<>();

        Attempt(URI url, Validators known, Partial resumeFrom, Path target, Progress progress) {
            this.url = url;
            this.known = known;
            this.resumeFrom = resumeFrom;
            this.target = target;
            this.progress = progress;
        }

        Result run() throws Retryable {
            HttpRequest.Builder request = request(url);
            if (known.etag() != null) {
                request.header("If-None-Match", known.etag());
            }
            if (known.lastModified() != null) {
                request.header("If-Modified-Since", known.lastModified());
            }
            if (resumeFrom != null) {
                request.header("Range", "bytes=" + resumeFrom.bytes() + "-");
                request.header("If-Range", resumeFrom.validator());
            }
            CompletableFuture<HttpResponse<Void>> response = client.sendAsync(request.build(), this::subscriber);
            HttpResponse<Void> answer = await(response);
            int status = answer.statusCode();
            Validators validators = new Validators(answer.headers().firstValue("ETag").orElse(null),
                    answer.headers().firstValue("Last-Modified").orElse(null));
            if (status == 304) {
                return new Result(true, 0, known);
            }
            if (status == 200 || status == 206) {
                return new Result(false, body.get().total(), validators);
            }
            if (status >= 500 || status == 429 || status == 408) {
                throw new Retryable(status(status), retryAfter(answer.headers()));
            }
            throw new PullException(status == 404 || status == 410 ? PullException.Kind.NOT_FOUND
                    : PullException.Kind.NETWORK, url + ": " + status(status), null);
        }

        /** Where the body of this response goes: the file for a 200 (or the 206 that resumes), nowhere else. */
        private HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo response) {
            info.set(response);
            int status = response.statusCode();
            long offset = status == 206 && resumeFrom != null && startsAt(response.headers(), resumeFrom.bytes())
                    ? resumeFrom.bytes() : status == 200 ? 0 : -1;
            if (offset < 0) {
                return HttpResponse.BodySubscribers.discarding();
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            progress.started(fileName(url), length < 0 ? -1 : offset + length);
            rememberForResuming(response);
            FileSubscriber subscriber = new FileSubscriber(target, offset);
            body.set(subscriber);
            return subscriber;
        }

        private HttpResponse<Void> await(CompletableFuture<HttpResponse<Void>> response) throws Retryable {
            while (true) {
                try {
                    return response.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    FileSubscriber subscriber = body.get();
                    if (subscriber != null) {
                        progress.advanced(subscriber.total());
                        if (subscriber.idle().compareTo(settings.timeout()) > 0) {
                            subscriber.cancel();
                            throw new Retryable("no data for " + settings.timeout().toSeconds() + " s after "
                                    + subscriber.total() + " bytes (timed out)", null);
                        }
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    FileSubscriber subscriber = body.get();
                    if (subscriber != null && subscriber.writeFailure() != null) {
                        throw DataHome.cannotWrite(target, subscriber.writeFailure());
                    }
                    if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                            || cause instanceof IOException && credentials != null && credentials.refused(url)) {
                        throw failure(url, (IOException) cause);
                    }
                    if (cause instanceof HttpTimeoutException) {
                        throw new Retryable("no response within " + settings.timeout().toSeconds() + " s", null);
                    }
                    if (cause instanceof IOException) {
                        String after = subscriber == null ? "" : " after " + subscriber.total() + " bytes";
                        throw new Retryable("the connection was cut" + after + " (" + cause.getMessage() + ")", null);
                    }
                    throw new PullException(PullException.Kind.NETWORK, url + ": " + cause, cause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    response.cancel(true);
                    throw new PullException(PullException.Kind.NETWORK, url + ": interrupted", e);
                }
            }
        }

        /** What a next attempt may resume from: the bytes written, if the server names the version it sent. */
        Partial partial() {
            FileSubscriber subscriber = body.get();
            HttpResponse.ResponseInfo response = info.get();
            if (subscriber == null || response == null || subscriber.total() == 0
                    || subscriber.writeFailure() != null) {
                return resumeFrom != null && subscriber == null ? resumeFrom : null;
            }
            String validator = validator(response);
            return validator == null ? null : new Partial(subscriber.total(), validator);
        }

        /**
         * Writes the {@link #resumeFile} of a body about to be written, or deletes an old one when the server cannot
         * resume this one (no ranges, no validator). Failing to write it costs only the resuming.
         */
        private void rememberForResuming(HttpResponse.ResponseInfo response) {
            String validator = validator(response);
            try {
                if (validator == null) {
                    Files.deleteIfExists(resumeFile(target));
                } else {
                    Files.writeString(resumeFile(target), url + "\n" + validator + "\n", StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                DataHome.deleteQuietly(resumeFile(target));
            }
        }
    }

    /** What an If-Range may name to resume this response's body: a strong ETag, else Last-Modified; null: none. */
    private static String validator(HttpResponse.ResponseInfo response) {
        if (!response.headers().firstValue("Accept-Ranges").orElse("").contains("bytes")) {
            return null;
        }
        return response.headers().firstValue("ETag").filter(tag -> !tag.startsWith("W/"))
                .or(() -> response.headers().firstValue("Last-Modified")).orElse(null);
    }

    /** The URL's last path segment: what the progress bar names. */
    private static String fileName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean startsAt(HttpHeaders headers, long offset) {
        return headers.firstValue("Content-Range").orElse("").startsWith("bytes " + offset + "-");
    }

    private static Duration retryAfter(HttpHeaders headers) {
        try {
            return headers.firstValueAsLong("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst()
                    .orElse(null);
        } catch (NumberFormatException e) {
            return null; // an HTTP date: the backoff decides
        }
    }

    /** Writes a body to the file as it arrives, and says how far it got and since when nothing came. */
    private static final class FileSubscriber implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final Path target;
        private final long offset;
        private FileChannel channel;
        private Flow.Subscription subscription;
        private volatile long written;
        private volatile long lastData = System.nanoTime();
        private volatile IOException writeFailure;

        FileSubscriber(Path target, long offset) {
            this.target = target;
            this.offset = offset;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            try {
                channel = offset > 0 ? FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                        : FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                if (offset > 0 && channel.size() != offset) {
                    channel.truncate(offset);
                }
            } catch (IOException e) {
                fail(e);
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            try {
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        written += channel.write(buffer);
                    }
                }
                lastData = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public void onError(Throwable error) {
            close();
            done.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            try {
                channel.force(true);
                channel.close();
                done.complete(null);
            } catch (IOException e) {
                fail(e);
            }
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        long total() {
            return offset + written;
        }

        Duration idle() {
            return Duration.ofNanos(System.nanoTime() - lastData);
        }

        IOException writeFailure() {
            return writeFailure;
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
            close();
        }

        /** Disk full, no permission: the download stops, and the failure is the data home's, not the network's. */
        private void fail(IOException e) {
            writeFailure = e;
            cancel();
            done.completeExceptionally(e);
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // the write failure, if any, is what is reported
            }
        }
    }
}
