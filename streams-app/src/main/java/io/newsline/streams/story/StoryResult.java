package io.newsline.streams.story;

import io.newsline.avro.EnrichedArticle;
import io.newsline.avro.TimelineEntry;

/** What the story stage makes of one article: the article with its story id, and its entry on the story's timeline. */
record StoryResult(EnrichedArticle article, TimelineEntry entry) {}
