package dev.mapper.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mapper.testing.FixtureServer;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
