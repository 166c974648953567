package io.newsline.article.enrich;

/** What a timeline topic is about. */
public enum ArticleTopicKind {
    PERSON,
    ORGANIZATION,
    PLACE,
    SUBJECT;

    /** The topic kind for an entity type ({@code LOCATION} is a place, {@code OTHER} a subject). */
    public static ArticleTopicKind of(EntityKind type) {
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
