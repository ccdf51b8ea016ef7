package dev.mapper.pull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The proxy the usual environment variables name, which Java's HttpClient does not read itself:
 * {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http (the lower
 * case first, as curl does), and {@code no_proxy}/{@code NO_PROXY}: hosts, domains ({@code example.com} and
 * {@code .example.com} both cover the subdomains), or {@code *} for none. A proxy is an {@code http://} URL or
 * {@code host:port}.
 */
final class EnvironmentProxySelector extends ProxySelector {

    private final UnaryOperator<String> environment;

    EnvironmentProxySelector(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** Refuses, before any request, a proxy variable that is not a usable proxy. */
    void check() {
        for (String name : List.of("https_proxy", "http_proxy")) {
            String proxy = variable(name);
            if (proxy != null) {
                address(name, proxy);
            }
        }
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost();
        if (host == null || bypassed(host.toLowerCase(Locale.ROOT))) {
            return List.of(Proxy.NO_PROXY);
        }
        String name = "https".equalsIgnoreCase(uri.getScheme()) ? "https_proxy" : "http_proxy";
        String proxy = variable(name);
        if (proxy == null) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, address(name, proxy)));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // one proxy per URL: the failure is reported by the request itself
    }

    private boolean bypassed(String host) {
        String noProxy = variable("no_proxy");
        if (noProxy == null) {
            return false;
        }
        for (String entry : noProxy.split(",")) {
            String pattern = entry.trim().toLowerCase(Locale.ROOT);
            int port = pattern.lastIndexOf(':');
            if (port > 0 && pattern.indexOf(':') == port) {
                pattern = pattern.substring(0, port); // host:port: the host decides
            }
            if (pattern.startsWith("*.")) {
                pattern = pattern.substring(1);
            }
            if (pattern.equals("*")) {
                return true;
            }
            String domain = pattern.startsWith(".") ? pattern.substring(1) : pattern;
            if (!domain.isEmpty() && (host.equals(domain) || host.endsWith("." + domain))) {
                return true;
            }
        }
        return false;
    }

    /** The lower-case variable, else the upper-case one; null when neither is set to something. */
    private String variable(String lowerCase) {
        for (String name : List.of(lowerCase, lowerCase.toUpperCase(Locale.ROOT))) {
            String value = environment.apply(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    private static InetSocketAddress address(String variable, String proxy) {
        String withScheme = proxy.contains("://") ? proxy : "http://" + proxy;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw badProxy(variable, proxy, e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw badProxy(variable, proxy, null);
        }
        return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
    }

    private static PullException badProxy(String variable, String proxy, Throwable cause) {
        return new PullException(PullException.Kind.USAGE, "$" + variable + " is '" + proxy
                + "': expected an http:// proxy URL or host:port", cause);
    }
}
