package io.newsline.streams;

import io.newsline.serde.RegisteredSchema;
import io.newsline.serde.SchemaNotFoundException;
import io.newsline.serde.SchemaRegistryClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;

/** A registry in memory for TopologyTestDriver tests, which must not need a network; no compatibility checks. */
final class InMemorySchemaRegistry implements SchemaRegistryClient {
    private final Map<Schema, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> subjects = new ConcurrentHashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
        schemas.put(id, schema);
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new CopyOnWriteArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public int getId(String subject, Schema schema) {
        Integer id = ids.get(schema);
        if (id == null || !subjects.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaNotFoundException("schema not registered under " + subject, 404, 40403, null);
        }
        return id;
    }

    @Override
    public Schema getSchemaById(int id) {
        Schema schema = schemas.get(id);
        if (schema == null) {
            throw new SchemaNotFoundException("no schema with id " + id, 404, 40403, null);
        }
        return schema;
    }

    @Override
    public RegisteredSchema getLatestVersion(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaNotFoundException("no subject " + subject, 404, 40401, null);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, versions.size(), id, schemas.get(id));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) {
        return true;
    }

    @Override
    public String getCompatibility(String subject) {
        return "NONE";
    }

    @Override
    public void updateCompatibility(String subject, String level) {}
}
