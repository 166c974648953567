/**
 * Real infrastructure for Newsline's tests, without Docker: a single-node KRaft Kafka cluster in the test JVM
 * ({@link io.newsline.testkit.KafkaTestCluster}) and an Apicurio Registry speaking Confluent's Schema Registry
 * API in a child process ({@link io.newsline.testkit.ApicurioRegistry}), both on loopback only; and the same
 * with Docker ({@link io.newsline.testkit.DockerStack}).
 *
 * <p>Most tests share one of each per JVM:
 *
 * <pre>{@code
 * @WithRealKafkaAndRegistry
 * class EnrichmentIT {
 *     @Test
 *     void enrichesArticles(KafkaTestCluster kafka, ApicurioRegistry registry) {
 *         String input = RealInfrastructure.uniqueTopic("raw");
 *         kafka.createTopic(input, 3, Map.of());
 *         Map<String, Object> config = Map.of(
 *                 "bootstrap.servers", kafka.bootstrapServers(),
 *                 "schema.registry.url", registry.confluentApiUrl());
 *         ...
 *     }
 * }
 * }</pre>
 */
package io.newsline.testkit;
