package io.newsline.article.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Reads the repository's seed articles and this module's test fixtures. */
public final class Fixtures {
    /** Seed 000: headline repeated, date line with byline, sub-heads, Recent-posts boilerplate. */
    public static final String SEED_000 = "000_79d721cb69906ae1.txt";
    /** Seed 002: headline and dek, no date, trailing byline without newline. */
    public static final String SEED_002 = "002_d01d4803278ec472.txt";

    /** An ingest time after every date in the fixtures. */
    public static final Instant NOW = Instant.parse("2025-11-23T12:00:00Z");

    private static final Path SEEDS = Path.of("..", "seeds");

    private Fixtures() {}

    /** A seed file from {@code /seeds} at the repository root (tests run in the module directory). */
    public static String seed(String name) {
        try {
            return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture from {@code src/test/resources/fixtures}. */
    public static String fixture(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ArticleParts parseSeed(String name) {
        return new ArticleParser().parse(seed(name), NOW);
    }

    public static ArticleParts parseFixture(String name) {
        return new ArticleParser().parse(fixture(name), NOW);
    }
}
