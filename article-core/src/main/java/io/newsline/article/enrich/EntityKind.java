package io.newsline.article.enrich;

/** What kind of thing a named entity is. */
public enum EntityKind {
    PERSON,
    ORGANIZATION,
    LOCATION,
    OTHER
}
