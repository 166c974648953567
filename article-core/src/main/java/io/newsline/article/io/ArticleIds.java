package io.newsline.article.io;

/** Article ids: the lowercase hex SHA-256 of the file's bytes, so the same bytes always give the same id. */
public final class ArticleIds {
    private ArticleIds() {}

    public static String of(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
