package dev.mapper.pull;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The proxy the usual environment variables name, which Java's HttpClient does not read itself:
 * {@code https_proxy}/{@code HTTPS_PROXY} for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http (the lower
 * case first, as curl does), and {@code no_proxy}/{@code NO_PROXY}: hosts, domains ({@code example.com} and
 * {@code .example.com} both cover the subdomains), or {@code *} for none. A proxy is an {@code http://} URL or
 * {@code host:port}, with credentials as curl takes them: {@code http://user:password@host:port}, percent-encoded.
 */
final class EnvironmentProxySelector extends ProxySelector {

    private final UnaryOperator<String> environment;

    EnvironmentProxySelector(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /** A proxy as a variable names it: where it is, and the credentials it was given (null when none). */
    private record ProxyUrl(InetSocketAddress address, PasswordAuthentication credentials) {
    }

    /** Refuses, before any request, a proxy variable that is not a usable proxy. */
    void check() {
        proxies();
    }

    /** What answers a proxy's demand for credentials with those its variable gives; null when no variable gives any. */
    ProxyCredentials credentials() {
        List<ProxyUrl> withCredentials = new ArrayList<>();
        for (ProxyUrl proxy : proxies()) {
            if (proxy.credentials() != null) {
                withCredentials.add(proxy);
            }
        }
        return withCredentials.isEmpty() ? null : new ProxyCredentials(withCredentials);
    }

    /**
     * Answers a proxy's demand (a 407) from a proxy that a variable names, at its host and port, once per URL: the
     * client keeps credentials that worked, so a second demand for one URL means they were refused. It is then
     * answered with none, which ends the request, and {@link #refused} says why (the client's own message would not).
     */
    static final class ProxyCredentials extends Authenticator {
        private final List<ProxyUrl> proxies;
        private final Set<String> answered = ConcurrentHashMap.newKeySet();
        private final Set<String> refused = ConcurrentHashMap.newKeySet();

        private ProxyCredentials(List<ProxyUrl> proxies) {
            this.proxies = proxies;
        }

        /** True when a proxy asked again for credentials for the URL: it refused those given. */
        boolean refused(URI url) {
            return refused.contains(url.toString());
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            for (ProxyUrl proxy : proxies) {
                if (proxy.address().getHostString().equalsIgnoreCase(getRequestingHost())
                        && proxy.address().getPort() == getRequestingPort()) {
                    String url = String.valueOf(getRequestingURL()); // a URL goes through one proxy, its scheme's
                    if (answered.add(url)) {
                        return proxy.credentials();
                    }
                    refused.add(url);
                    return null;
                }
            }
            return null;
        }
    }

    private List<ProxyUrl> proxies() {
        List<ProxyUrl> proxies = new ArrayList<>();
        for (String name : List.of("https_proxy", "http_proxy")) {
            String proxy = variable(name);
            if (proxy != null) {
                proxies.add(parse(name, proxy));
            }
        }
        return proxies;
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
        return List.of(new Proxy(Proxy.Type.HTTP, parse(name, proxy).address()));
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

    private static ProxyUrl parse(String variable, String proxy) {
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
        InetSocketAddress address = InetSocketAddress.createUnresolved(uri.getHost(),
                uri.getPort() < 0 ? 80 : uri.getPort());
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new ProxyUrl(address, null);
        }
        int colon = userInfo.indexOf(':'); // the first: a user name has none, a password may (encoded or not)
        try {
            String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            return new ProxyUrl(address, new PasswordAuthentication(user, password.toCharArray()));
        } catch (IllegalArgumentException e) { // a '%' not followed by two hex digits
            throw badProxy(variable, proxy, e);
        }
    }

    /** Percent-decoding, as in a URL's user part: a '+' is a plus, not a space (which URLDecoder alone makes it). */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The variable's value is quoted with its credentials, if any, replaced: an error message is no place for them. */
    private static PullException badProxy(String variable, String proxy, Throwable cause) {
        int at = proxy.lastIndexOf('@');
        int scheme = proxy.indexOf("://");
        String shown = at < 0 ? proxy : (scheme < 0 || scheme > at ? "" : proxy.substring(0, scheme + 3)) + "***"
                + proxy.substring(at);
        return new PullException(PullException.Kind.USAGE, "$" + variable + " is '" + shown
                + "': expected an http:// proxy URL or host:port", cause);
    }
}
