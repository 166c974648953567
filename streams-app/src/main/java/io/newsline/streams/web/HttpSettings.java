package io.newsline.streams.web;

/**
 * Where the HTTP API and page listen: {@code newsline.http.listen} ({@code host:port}; default loopback and a free
 * port) and {@code newsline.http.enabled} (default true). Both are {@code StreamsAppConfig} settings (defaults and
 * validation there); this is their parsed form.
 */
public record HttpSettings(boolean enabled, String host, int port) {
    public static final String LISTEN = "newsline.http.listen";
    public static final String ENABLED = "newsline.http.enabled";
    public static final String DEFAULT_LISTEN = "127.0.0.1:0";

    /** Parses {@code host:port}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static HttpSettings parse(boolean enabled, String listen) {
        String value = listen.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(
                    LISTEN + " must be host:port (e.g. 127.0.0.1:8080), not '" + listen + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LISTEN + " has no valid port: '" + listen + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(LISTEN + " port must be 0-65535: '" + listen + "'");
        }
        return new HttpSettings(enabled, host, port);
    }
}
