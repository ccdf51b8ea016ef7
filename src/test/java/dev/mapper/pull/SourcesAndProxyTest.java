package dev.mapper.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mapper.testing.FixtureServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mapper's own list of sources, and the proxy the environment names. */
class SourcesAndProxyTest {

    @Test
    void theOfficialListGivesThePublishedUrlsOfEachSet() {
        SourceList sources = SourceList.official();

        assertThat(sources.attackIndex())
                .isEqualTo("https://raw.githubusercontent.com/mitre-attack/attack-stix-data/master/index.json");
        Item aws = new Item("aws", "12/12/2024", "16.1", "enterprise");
        assertThat(sources.mappingSets()).contains(aws, new Item("veris", "1.4.0", "16.1", "ics"));
        assertThat(sources.mappingsUrl(aws)).isEqualTo("https://center-for-threat-informed-defense.github.io/"
                + "mappings-explorer/data/aws/attack-16.1/aws-12.12.2024/enterprise/"
                + "aws-12.12.2024_attack-16.1-enterprise.json");
        assertThat(aws.path()).isEqualTo("mappings/aws/aws-12.12.2024_attack-16.1-enterprise.json");
        assertThat(Item.attack("mobile", "18.1").path()).isEqualTo("attack/mobile-attack-18.1.json");
    }

    @Test
    void proxiesComeFromTheEnvironmentLowerCaseFirstAndNoProxyBypassesThem() {
        EnvironmentProxySelector selector = new EnvironmentProxySelector(Map.of(
                "https_proxy", "http://proxy.corp:3128", "HTTPS_PROXY", "http://other:1",
                "HTTP_PROXY", "plain.corp:8080", "no_proxy", "localhost, .internal.corp,mirror.lan:443")::get);

        assertThat(selector.select(URI.create("https://raw.githubusercontent.com/x"))).containsExactly(
                new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128)));
        assertThat(selector.select(URI.create("http://example.org/x"))).containsExactly(
                new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("plain.corp", 8080)));
        for (String bypassed : List.of("https://localhost/x", "https://a.internal.corp/x", "https://internal.corp/",
                "https://mirror.lan/x")) {
            assertThat(selector.select(URI.create(bypassed))).as(bypassed).containsExactly(Proxy.NO_PROXY);
        }
        assertThat(new EnvironmentProxySelector(Map.<String, String>of()::get)
                .select(URI.create("https://example.org/"))).containsExactly(Proxy.NO_PROXY);
    }

    @Test
    void aProxyVariableThatIsNoProxyIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> new EnvironmentProxySelector(Map.of("https_proxy", "socks5://h:1")::get).check())
                .isInstanceOf(PullException.class).hasMessageContaining("$https_proxy is 'socks5://h:1'");
    }

    @Test
    void downloadsGoThroughTheProxyTheEnvironmentNames(@TempDir Path dir) throws Exception {
        try (FixtureServer proxy = new FixtureServer()) {
            proxy.serve("/file.json", "{}".getBytes(StandardCharsets.UTF_8));
            String address = proxy.url("").substring("http://".length());
            Downloader downloader = new Downloader(new Downloader.Settings(Duration.ofSeconds(5),
                    Duration.ofSeconds(5), 0, Duration.ofMillis(10), true, Map.of("http_proxy", address)::get));

            // The host does not exist: only a proxy can answer for it.
            Downloader.Result result = downloader.fetch(URI.create("http://mapper-test.invalid/file.json"),
                    Downloader.Validators.NONE, dir.resolve("file.json"), Progress.NONE);

            assertThat(result.size()).isEqualTo(2);
            assertThat(proxy.requests()).extracting(FixtureServer.Request::path).containsExactly("/file.json");
        }
    }

    @Test
    void aProxyVariablesCredentialsAreSentWhenTheProxyAsksForThem(@TempDir Path dir) throws Exception {
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("analyst", "p@ss:word+1")) {
            Downloader downloader = downloader(Map.of("http_proxy",
                    "http://analyst:p%40ss:word+1@127.0.0.1:" + proxy.port()));

            Downloader.Result result = downloader.fetch(URI.create("http://mapper-test.invalid/file.json"),
                    Downloader.Validators.NONE, dir.resolve("file.json"), Progress.NONE);

            assertThat(result.size()).isEqualTo(2);
            assertThat(proxy.heads()).hasSize(2);
            assertThat(proxy.heads().get(0)).startsWith("GET http://mapper-test.invalid/file.json ")
                    .doesNotContainIgnoringCase("Proxy-Authorization");
            assertThat(proxy.heads().get(1)).contains("Proxy-Authorization: " + proxy.expected());
            for (String next : List.of("file.json", "other.json", "file.json")) { // as a pull fetches file after file
                assertThat(downloader.fetch(URI.create("http://mapper-test.invalid/" + next),
                        Downloader.Validators.NONE, dir.resolve(next), Progress.NONE).size()).isEqualTo(2);
            }
        }
    }

    @Test
    void theTunnelOfAnHttpsDownloadCarriesTheCredentialsToo(@TempDir Path dir) throws Exception {
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("analyst", "secret")) {
            Downloader downloader = downloader(Map.of("https_proxy", "analyst:secret@127.0.0.1:" + proxy.port()));

            // The proxy accepts the tunnel, then closes it: no TLS server behind it, so the download fails after.
            assertThatThrownBy(() -> downloader.fetch(URI.create("https://mapper-test.invalid/file.json"),
                    Downloader.Validators.NONE, dir.resolve("file.json"), Progress.NONE))
                    .isInstanceOf(PullException.class);

            assertThat(proxy.heads()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(proxy.heads().get(0)).startsWith("CONNECT mapper-test.invalid:443 ");
            assertThat(proxy.heads().get(1)).startsWith("CONNECT mapper-test.invalid:443 ")
                    .contains("Proxy-Authorization: " + proxy.expected());
        }
    }

    @Test
    void aProxyThatWantsCredentialsOrRefusesThemSaysWhereTheyGo(@TempDir Path dir) throws Exception {
        try (AuthenticatingProxy proxy = new AuthenticatingProxy("analyst", "secret")) {
            for (String variable : List.of("http_proxy", "https_proxy")) {
                for (String credentials : List.of("", "analyst:wrong@")) {
                    Downloader downloader = downloader(Map.of(variable, "http://" + credentials + "127.0.0.1:"
                            + proxy.port()));
                    String url = (variable.equals("http_proxy") ? "http" : "https") + "://mapper-test.invalid/f.json";

                    assertThatThrownBy(() -> downloader.fetch(URI.create(url), Downloader.Validators.NONE,
                            dir.resolve("f.json"), Progress.NONE))
                            .as("%s with '%s'", variable, credentials)
                            .isInstanceOf(PullException.class)
                            .hasMessage(url + ": HTTP 407 (the proxy wants credentials, or refused those given: "
                                    + "http://user:password@host:port in https_proxy)");
                }
            }
        }
    }

    @Test
    void aBadProxyIsQuotedWithoutItsCredentials() {
        assertThatThrownBy(() -> new EnvironmentProxySelector(Map.of("https_proxy",
                "socks5://analyst:secret@proxy.corp:1080")::get).check())
                .isInstanceOf(PullException.class)
                .hasMessage("$https_proxy is 'socks5://***@proxy.corp:1080': expected an http:// proxy URL or host:port")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new EnvironmentProxySelector(Map.of("http_proxy",
                "analyst:se%zzcret@proxy.corp:3128")::get).check())
                .isInstanceOf(PullException.class)
                .hasMessage("$http_proxy is '***@proxy.corp:3128': expected an http:// proxy URL or host:port");
    }

    private static Downloader downloader(Map<String, String> environment) {
        return new Downloader(new Downloader.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 0,
                Duration.ofMillis(10), true, environment::get));
    }

    /**
     * An HTTP proxy that answers 407 to a request without the Basic credentials it expects; with them, a plain
     * request gets "{}" and a CONNECT gets its tunnel, closed at once. Keeps the head of every request.
     */
    private static final class AuthenticatingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final String expected;
        private final List<String> heads = new CopyOnWriteArrayList<>();
        private final Thread thread = new Thread(this::serve, "test-proxy");

        AuthenticatingProxy(String user, String password) throws IOException {
            expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        String expected() {
            return expected;
        }

        List<String> heads() {
            return heads;
        }

        private void serve() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> answer(socket), "test-proxy-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private void answer(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                for (String head; (head = head(in)) != null; ) {
                    heads.add(head);
                    if (!head.contains("Proxy-Authorization: " + expected)) {
                        out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
                                + "realm=\"test\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    } else if (head.startsWith("CONNECT ")) {
                        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        break;
                    } else {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        /** A request's head up to its blank line; null at the end of the stream. */
        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int c; (c = in.read()) >= 0; ) {
                head.write(c);
                if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    return head.toString(StandardCharsets.US_ASCII);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
