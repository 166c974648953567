package io.newsline.streams.dedup;

import io.newsline.avro.ParsedArticle;

/** An article after exact deduplication with its near-duplicate sketch and the time the app first saw it. */
public record PreparedArticle(ParsedArticle article, ArticleSketch sketch, long seenAtMillis) {}
