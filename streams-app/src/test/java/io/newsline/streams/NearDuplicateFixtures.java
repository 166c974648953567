package io.newsline.streams;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two seeds and an edited copy of seed 000, as near-duplicate tests use them. */
final class NearDuplicateFixtures {
    static final Path SEEDS = Path.of("..", "seeds");
    static final String SEED_000 = "000_79d721cb69906ae1.txt";
    static final String SEED_002 = "002_d01d4803278ec472.txt";

    private static final String HEADLINE =
            "Netanyahu Insists Hostage Talks With Hamas Will Continue ‘Under Fire’ as Military Pressure Remains";
    private static final String DROPPED_PARAGRAPH_START = "Alexander’s journey home was more than symbolic diplomacy.";

    private NearDuplicateFixtures() {}

    static String seed(String name) throws IOException {
        return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
    }

    /**
     * Seed 000 as another site would re-publish it: a new headline (and no repeated one), one body paragraph
     * removed, and other boilerplate (a share line and a newsletter block instead of the "Recent-posts" list).
     */
    static String editedCopyOfSeed000() throws IOException {
        String text = seed(SEED_000);
        if (!text.contains(HEADLINE) || !text.contains(DROPPED_PARAGRAPH_START) || !text.contains("Recent-posts")) {
            throw new IllegalStateException("seed 000 changed; update NearDuplicateFixtures");
        }
        String body = text.substring(text.indexOf("May, 13 2025"), text.indexOf("Recent-posts"));
        int dropFrom = body.indexOf(DROPPED_PARAGRAPH_START);
        int dropTo = body.indexOf("\n\n", dropFrom);
        body = body.substring(0, dropFrom) + body.substring(dropTo + 2);
        return "Israel Will Negotiate With Hamas Only Under Fire, Netanyahu Says\n\n"
                + body
                + "Share this article: Facebook | X | Email\n\n"
                + "Sign up for The Morning Brief, our free daily newsletter, and never miss the stories that matter.\n";
    }
}
