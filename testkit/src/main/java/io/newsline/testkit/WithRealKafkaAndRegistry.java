package io.newsline.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that runs against the shared real Kafka cluster and schema registry of
 * {@link RealInfrastructure}: they are started before the class's tests, and parameters of type
 * {@link KafkaTestCluster} and {@link ApicurioRegistry} are injected. Tagged {@code integration}; name such
 * classes {@code *IT} so that failsafe, not surefire, runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RealInfrastructureExtension.class)
@Tag("integration")
public @interface WithRealKafkaAndRegistry {}
