package io.newsline.streams.enrich;

/** What kind of thing a named entity is. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    OTHER
}
