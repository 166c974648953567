package io.newsline.producer.read;

/** Why a file was not published. Every failed file is reported with one of these and counted by it. */
public enum FailureReason {
    /** Missing, not a regular file, a dangling link, no permission, or an I/O error while reading. */
    UNREADABLE("unreadable"),
    /** No bytes, or nothing but whitespace. */
    EMPTY("empty"),
    /** Bigger than {@code --max-file-size}. */
    TOO_LARGE("too-large"),
    /** NUL bytes or many control characters: not a text file. */
    BINARY("binary"),
    /** Not valid UTF-8, and neither a declared nor a guessed charset gives text. */
    UNDECODABLE("undecodable"),
    /** Kafka or the schema registry did not take the record (the reason comes from the send callback). */
    SEND_FAILED("send-failed");

    private final String label;

    FailureReason(String label) {
        this.label = label;
    }

    /** Short lower-case name used in messages and the summary. */
    public String label() {
        return label;
    }
}
