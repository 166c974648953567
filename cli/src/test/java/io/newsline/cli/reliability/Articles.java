package io.newsline.cli.reliability;

import io.newsline.avro.RawArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;

/** Articles for the fault tests, written here: distinct generated stories and hostile inputs. */
final class Articles {
    private static final String[] WORDS =
            ("minister council river harbour election budget court strike farmers market bank treaty"
                            + " storm village railway hospital school museum festival league striker coach"
                            + " orchestra novel scientists telescope vaccine reactor pipeline airline tariff"
                            + " senate governor mayor protest union wages exports imports currency inflation"
                            + " drought flood wildfire earthquake rescue police inquiry verdict appeal judge"
                            + " parliament coalition opposition referendum campaign poll voters candidate"
                            + " factory workers engineers software startup investors shares profits losses"
                            + " bridge tunnel airport port shipping cargo fuel prices energy solar wind coal")
                    .split(" ");

    private Articles() {}

    /** The {@code n}-th of a series of distinct stories: random words, so no two are near duplicates. */
    static RawArticle story(int n) {
        Random random = new Random(1_000L + n);
        StringBuilder text = new StringBuilder("Story number ").append(n).append(" about the ");
        text.append(WORDS[random.nextInt(WORDS.length)]).append("\n\n");
        for (int paragraph = 0; paragraph < 3; paragraph++) {
            for (int word = 0; word < 40; word++) {
                text.append(word == 0 ? "The" : WORDS[random.nextInt(WORDS.length)])
                        .append(' ');
            }
            text.append("in London.\n\n");
        }
        return raw("story-" + n + ".txt", "text/plain", text.toString());
    }

    static RawArticle raw(String name, String mediaType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return RawArticle.newBuilder()
                .setArticleId(sha256(bytes))
                .setSourceUri("file:///faults/" + name)
                .setFileName(name)
                .setMediaType(mediaType)
                .setCharset("UTF-8")
                .setRawText(text)
                .setSizeBytes(bytes.length)
                .setFileModifiedAt(null)
                .setIngestedAt(Instant.now())
                .setProducerHost("fault-test")
                .build();
    }

    /** An HTML page whose article sits inside {@code depth} nested divs. */
    static String nestedDivs(int depth) {
        return "<!DOCTYPE html><html><head><title>Nested</title></head><body>" + "<div>".repeat(depth)
                + "<p>The council said the river would be dredged this summer, and farmers welcomed it.</p>"
                + "</div>".repeat(depth) + "</body></html>";
    }

    /** An HTML page with thousands of inline tags that are never closed. */
    static String unclosedInlineTags(int count) {
        return "<!DOCTYPE html><html><head><title>Unclosed</title></head><body><p>Start of the story."
                + "<b><i><font><span>".repeat(count / 4) + "The mayor opened the new bridge on Monday.</body></html>";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
