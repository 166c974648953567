package io.newsline.ops.dlq;

import io.newsline.common.Topics;

/**
 * Where {@code dlq replay} may send a dead letter back to: the topic it failed on, when that is a topic the streams
 * app reads, i.e. {@code news.articles.raw} or one of the app's own repartition topics
 * ({@code <application.id>-<name>-repartition}). Anything else (a topic another program reads, or a record whose
 * headers do not say where it came from) is refused: replaying there would be a write the pipeline never made.
 */
public record ReplayTargets(String applicationId) {
    public static final String DEFAULT_APPLICATION_ID = "newsline-streams";

    /** The topic to send {@code deadLetter} to; throws {@link Refused} saying why not. */
    public String targetOf(DeadLetter deadLetter) {
        String topic = deadLetter.sourceTopic();
        if (topic == null) {
            throw new Refused(deadLetter.position() + " has no " + DeadLetter.TOPIC
                    + " header, so where it came from is unknown; it is not replayed");
        }
        if (allowed(topic)) {
            return topic;
        }
        throw new Refused(deadLetter.position() + " came from " + topic + ", which the streams app does not read;"
                + " replay sends only to " + Topics.RAW_ARTICLES + " and " + applicationId
                + "-*-repartition (another application id: --application-id)");
    }

    public boolean allowed(String topic) {
        return topic.equals(Topics.RAW_ARTICLES)
                || (topic.startsWith(applicationId + "-") && topic.endsWith("-repartition"))
                || topic.equals(applicationId + "-dedup-exchange");
    }

    /** A dead letter that must not be replayed, with the reason for the operator. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }
}
