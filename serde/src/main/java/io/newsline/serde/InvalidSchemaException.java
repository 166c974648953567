package io.newsline.serde;

/** The registry refused a schema as invalid (HTTP 422, error_code 42201). */
public class InvalidSchemaException extends SchemaRegistryException {
    public InvalidSchemaException(String message, int httpStatus, int errorCode, Throwable cause) {
        super(message, httpStatus, errorCode, cause);
    }
}
