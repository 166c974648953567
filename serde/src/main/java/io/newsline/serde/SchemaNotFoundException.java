package io.newsline.serde;

/** The subject, version or schema id is not known to the registry (HTTP 404; error_code 40401 subject, 40402 version, 40403 schema). */
public class SchemaNotFoundException extends SchemaRegistryException {
    public SchemaNotFoundException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, httpStatus, errorCode, cause);
    }
}
