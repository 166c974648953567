package io.newsline.article.parse;

/** An article whose text cannot become a timeline entry; its message is the dead-letter reason. */
public class UnparseableArticleException extends RuntimeException {
    public UnparseableArticleException(String message) {
        super(message);
    }

    public UnparseableArticleException(String message, Throwable cause) {
        super(message, cause);
    }
}
