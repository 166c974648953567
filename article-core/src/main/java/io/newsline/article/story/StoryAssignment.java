package io.newsline.article.story;

/**
 * Where {@link StoryClusterer} put one article.
 *
 * @param storyId the story it was put on (its timeline's); after merges, {@link StoryClusterer#resolve} gives the
 *     story it ends in
 * @param started whether the article started the story
 * @param similarity its similarity to the story it joined (1 when it started one)
 * @param story the story it ends in after the article was added (its label, dates and count)
 * @param candidates how many candidate stories were compared
 */
public record StoryAssignment(String storyId, boolean started, double similarity, Story story, int candidates) {}
