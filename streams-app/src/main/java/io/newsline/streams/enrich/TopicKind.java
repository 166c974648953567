package io.newsline.streams.enrich;

/** What a timeline topic is about. */
public enum TopicKind {
    PERSON,
    ORGANIZATION,
    PLACE,
    SUBJECT;

    /** The topic kind for an entity type ({@code LOCATION} is a place, {@code OTHER} a subject). */
    public static TopicKind of(EntityType type) {
        switch (type) {
            case PERSON:
                return PERSON;
            case ORGANIZATION:
                return ORGANIZATION;
            case LOCATION:
                return PLACE;
            default:
                return SUBJECT;
        }
    }
}
