package io.newsline.serde;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the Avro serde needs. {@link HttpSchemaRegistryClient} is the
 * real one; tests may use a fake. Implementations must be thread-safe. Failures are
 * {@link SchemaRegistryException}s (or subtypes), never checked exceptions.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and returns
     * its global id; registering an already registered schema returns the existing id.
     *
     * @throws IncompatibleSchemaException if the subject's compatibility level forbids it
     * @throws InvalidSchemaException if the registry does not accept it as an Avro schema
     */
    int register(String subject, Schema schema);

    /**
     * Looks up the id of {@code schema} already registered under {@code subject} ({@code POST
     * /subjects/{subject}}), without registering.
     *
     * @throws SchemaNotFoundException if the subject or the schema under it is not registered
     */
    int getId(String subject, Schema schema);

    /**
     * The schema with global id {@code id} ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaNotFoundException if no schema has that id
     */
    Schema getSchemaById(int id);

    /** The subject's latest version ({@code GET /subjects/{subject}/versions/latest}). */
    RegisteredSchema getLatestVersion(String subject);

    /**
     * Whether {@code schema} could be registered under {@code subject} given its compatibility level ({@code
     * POST /compatibility/subjects/{subject}/versions/latest}).
     */
    boolean testCompatibility(String subject, Schema schema);

    /** The subject's compatibility level, e.g. {@code BACKWARD} ({@code GET /config/{subject}}). */
    String getCompatibility(String subject);

    /** Sets the subject's compatibility level ({@code PUT /config/{subject}}). */
    void updateCompatibility(String subject, String level);
}
