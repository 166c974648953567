package io.newsline.streams.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page's files, from the class path ({@code newsline-web/}): only flat names of known types, so no path can
 * reach anything else.
 */
final class StaticFiles {
    private static final String ROOT = "newsline-web/";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|yaml|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "yaml", "application/yaml; charset=utf-8",
            "png", "image/png");

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    /** The file for a request path, or null. */
    Response get(String path) {
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        byte[] body = cache.computeIfAbsent(name, StaticFiles::read);
        if (body.length == 0) {
            return null;
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return new Response(200, type, body, new java.util.LinkedHashMap<>()).with("Cache-Control", "no-cache");
    }

    private static byte[] read(String name) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
