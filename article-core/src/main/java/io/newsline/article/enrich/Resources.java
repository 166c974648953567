package io.newsline.article.enrich;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the text resources shipped next to these classes. Called once per resource (static init). */
final class Resources {
    private Resources() {}

    /** The non-blank, non-comment ({@code #}) lines of a resource in this package. */
    static List<String> lines(String name) {
        InputStream in = Resources.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name + " next to " + Resources.class.getName());
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
        return out;
    }

    /** All whitespace-separated words of a resource. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String line : lines(name)) {
            for (String w : line.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }
}
